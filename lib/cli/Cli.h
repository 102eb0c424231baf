// The command-line interface. Thin: parses arguments (CLI11), wires the engine, maps results
// to exit codes. Takes its streams so that tests run it in-process.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tdp {

/// Runs torchdevice-port with Args (without the program name); returns the exit code.
/// OutIsTerminal allows colour on Out (check's text format with --color auto).
int runCli(const std::vector<std::string> &Args, std::ostream &Out, std::ostream &Err, bool OutIsTerminal = false);

} // namespace tdp
