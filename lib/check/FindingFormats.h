// Output formats of `check`: text, json, sarif (2.1.0), github (workflow annotations), and the
// --statistics table.
#pragma once

#include "check/Finding.h"

#include <filesystem>
#include <iosfwd>

namespace tdp {

void writeTextFindings(const CheckReport &R, std::ostream &Out, bool Color);
void writeJsonFindings(const CheckReport &R, std::ostream &Out);
/// SrcRoot is the directory relative paths are resolved against (the uriBaseId %SRCROOT%).
void writeSarifFindings(const CheckReport &R, std::ostream &Out, const std::filesystem::path &SrcRoot);
void writeGithubFindings(const CheckReport &R, std::ostream &Out);
void writeFindingStatistics(const CheckReport &R, std::ostream &Out, bool Json);

} // namespace tdp
