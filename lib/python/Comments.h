// Where a Python file's comments are (for suppression comments: text that merely looks like one
// inside a string is not a comment).
#pragma once

#include "python/PythonSyntax.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace tdp::python {

/// Byte ranges [start, end) of every comment, in order.
std::vector<std::pair<std::size_t, std::size_t>> commentRanges(const ParsedSource &Source);

} // namespace tdp::python
