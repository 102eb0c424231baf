// Where the comments of a C++ file are, without a parser: skips string and character literals
// (with escapes and encoding prefixes), raw strings (R"delim(...)delim") and digit separators
// (1'000). Used to tell a `// torchdevice: ignore` comment from the same text in a string.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace tdp::cpp {

/// [start, end) byte ranges of every `//` and `/* */` comment, in order. A `//` comment ends at
/// the end of its line, unless the line ends with a backslash (line splice); an unterminated
/// `/*` comment runs to the end of the text.
std::vector<std::pair<std::size_t, std::size_t>> cppCommentRanges(std::string_view Text);

} // namespace tdp::cpp
