// Which translation units can share one precompiled header of the LibTorch headers they include
// (no Clang here: plain text and strings, unit-tested on their own).
//
// A TU qualifies with its *system preamble*: the leading lines of its main file that are only
// comments, `#define`s and `#include`s of headers that are not the project's own, up to the last
// such include. Compiling that preamble into a PCH and parsing the TU with it is the same as
// parsing the TU in full: the TU's own #include of those headers finds them already included (the
// PCH builder checks that each has an include guard or #pragma once), and its own #defines are
// repeated identically. Anything else (#if, #pragma, code, a project header) ends the preamble.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tdp::cpp {

/// The system preamble of a main file, one directive per entry (comments dropped, continuation
/// lines joined). IsProjectHeader says whether a quoted include names one of the project's own
/// headers (those are ported, so they never go into a PCH: the preamble stops before them).
std::vector<std::string>
systemPreamble(std::string_view Text, const std::function<bool(std::string_view)> &IsProjectHeader);

struct ReuseCandidate {
  std::string FlagsKey;              ///< working directory and compile flags without the file name
  std::vector<std::string> Preamble; ///< systemPreamble of the main file
};

struct ReuseGroup {
  std::vector<std::size_t> Members; ///< indices of the candidates that share the PCH (2 or more)
  std::vector<std::string> Lines;   ///< the PCH's header: their common preamble
};

/// TUs with the same FlagsKey whose preambles start with the same directive form a group; the
/// group's header is the longest preamble they all start with, up to its last #include. A TU that
/// shares with no other gets no group (a PCH for one TU costs more than it saves).
std::vector<ReuseGroup> planHeaderReuse(const std::vector<ReuseCandidate> &Candidates);

} // namespace tdp::cpp
