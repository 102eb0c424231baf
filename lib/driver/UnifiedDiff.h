// Unified diffs (the `diff -u` / `git diff` format) between two texts, line by line.
#pragma once

#include <string>
#include <string_view>

namespace tdp {

/// The unified diff from Old to New with Context lines around each change; empty when equal.
/// Lines keep their own line endings; a missing final newline is marked as diff does.
std::string unifiedDiff(std::string_view Old, std::string_view New, const std::string &OldName,
                        const std::string &NewName, unsigned Context = 3);

} // namespace tdp
