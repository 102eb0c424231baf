// The one edit model shared by both frontends: a byte range of a file and its replacement.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {

struct Edit {
  std::size_t Offset = 0; ///< start byte
  std::size_t Length = 0; ///< bytes replaced (0 for an insertion)
  std::string Replacement;
  std::string RuleId;

  std::size_t end() const { return Offset + Length; }
};

/// Two edits overlap when their ranges share a byte, or when both insert at the same offset, or
/// when one inserts strictly inside the other's range.
bool editsOverlap(const Edit &A, const Edit &B);

/// The result of choosing a non-overlapping subset of edits.
struct EditSelection {
  std::vector<Edit> Accepted; ///< sorted by offset, pairwise non-overlapping
  std::vector<Edit> Deferred; ///< overlapped an accepted edit: retried on the rewritten text
};

/// Picks edits in order of offset (the longer edit first on a tie) and defers any edit that
/// overlaps one already picked. Identical duplicate edits are merged, not deferred.
EditSelection selectNonOverlapping(std::vector<Edit> Edits);

/// Applies pairwise non-overlapping edits (any order) in one pass. Everything outside the edits
/// is copied byte for byte.
std::string applyEdits(std::string_view Text, std::vector<Edit> Edits);

} // namespace tdp
