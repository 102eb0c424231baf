// Reading and writing files safely: atomic replacement (temp file + rename) with the mode kept.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>

namespace tdp {

/// Reads a whole file; on failure returns nullopt and sets Error to a readable reason.
std::optional<std::string> readWholeFile(const std::filesystem::path &Path, std::string &Error);

/// Writes Content to Path atomically: a temporary file in the same directory, flushed and
/// renamed over the target, with ModeFrom's permission bits (or Path's, when it exists).
/// Creates parent directories. Throws std::runtime_error with a readable message on failure.
void writeFileAtomically(const std::filesystem::path &Path, const std::string &Content,
                         const std::optional<std::filesystem::path> &ModeFrom = std::nullopt);

/// A fresh name for a temporary file beside Path (".NAME.tdp-RANDOM.tmp", hidden, same directory).
std::filesystem::path temporarySiblingOf(const std::filesystem::path &Path);

/// Writes all Size bytes to the descriptor (short writes and EINTR retried); throws
/// std::runtime_error "Name: write failed: ..." otherwise.
void writeAll(int Fd, const char *Data, std::size_t Size, const std::filesystem::path &Name);

/// The one atomic replacement: a temporary sibling of Path (created exclusively, mode 0600) is
/// filled by Fill (through writeAll; it throws on failure), given Mode, fsync'ed when Sync, and
/// renamed over Path. The temporary file is removed on any failure. The directory must exist.
void replaceFileAtomically(const std::filesystem::path &Path, mode_t Mode, bool Sync,
                           const std::function<void(int Fd, const std::filesystem::path &Temp)> &Fill);

/// Copies a regular file (atomically, mode kept) or re-creates a symbolic link at Dest.
/// Leaves Dest alone when it already has the same content.
void mirrorFile(const std::filesystem::path &Source, const std::filesystem::path &Dest);

} // namespace tdp
