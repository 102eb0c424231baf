// Writing the mirrored tree of `migrate --out-root` without ever writing outside it: directories
// are made real directories (a link or file in the way, left by an earlier run, is replaced),
// files are replaced by rename (a link at the destination is replaced, never written through),
// links are re-created, never followed. Unchanged destinations are left alone (timestamps kept).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tdp::migrate {

/// Makes Dir a real directory the owner can write to (its parent must be one already).
/// Throws std::runtime_error on failure.
void ensureRealDirectory(const std::filesystem::path &Dir);

/// True when Dest is a regular file (not a link) holding exactly Content.
bool holdsContent(const std::filesystem::path &Dest, std::string_view Content);

/// Writes Content to Dest atomically (temporary file + rename) with Source's permission bits.
/// Unlike writeFileAtomically it does not fsync: an out-root is a copy that the next run checks
/// against the state's content hashes, so a file lost in a crash is re-ported, and syncing
/// every file would make a large migration disk-bound. Throws std::runtime_error on failure.
void writeMirroredFile(const std::filesystem::path &Dest, std::string_view Content,
                       const std::filesystem::path &Source);

/// Copies Source to Dest (streamed, atomically by rename, permission bits kept) unless Dest is
/// already a regular file with the same bytes, whose permission bits are then fixed if they
/// differ. Returns true when it wrote. Throws std::runtime_error on failure.
bool copyFileInto(const std::filesystem::path &Source, const std::filesystem::path &Dest);

/// Makes Dest a symbolic link to Target (atomically by rename) unless it already is one.
/// Returns true when it wrote. Throws std::runtime_error on failure.
bool placeLink(const std::string &Target, const std::filesystem::path &Dest);

} // namespace tdp::migrate
