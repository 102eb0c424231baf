// Reading and writing files safely: atomic replacement (temp file + rename) with the mode kept.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tdp {

/// Reads a whole file; on failure returns nullopt and sets Error to a readable reason.
std::optional<std::string> readWholeFile(const std::filesystem::path &Path, std::string &Error);

/// Writes Content to Path atomically: a temporary file in the same directory, flushed and
/// renamed over the target, with ModeFrom's permission bits (or Path's, when it exists).
/// Creates parent directories. Throws std::runtime_error with a readable message on failure.
void writeFileAtomically(const std::filesystem::path &Path, const std::string &Content,
                         const std::optional<std::filesystem::path> &ModeFrom = std::nullopt);

/// Copies a regular file (atomically, mode kept) or re-creates a symbolic link at Dest.
/// Leaves Dest alone when it already has the same content.
void mirrorFile(const std::filesystem::path &Source, const std::filesystem::path &Dest);

} // namespace tdp
