#include "core/Edit.h"

#include <algorithm>
#include <cassert>

namespace tdp {

bool editsOverlap(const Edit &A, const Edit &B) {
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset;
  if (A.Length == 0)
    return A.Offset > B.Offset && A.Offset < B.end();
  if (B.Length == 0)
    return B.Offset > A.Offset && B.Offset < A.end();
  return A.Offset < B.end() && B.Offset < A.end();
}

static bool sameEdit(const Edit &A, const Edit &B) {
  return A.Offset == B.Offset && A.Length == B.Length && A.Replacement == B.Replacement;
}

EditSelection selectNonOverlapping(std::vector<Edit> Edits) {
  std::stable_sort(Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) {
    if (A.Offset != B.Offset)
      return A.Offset < B.Offset;
    return A.Length > B.Length;
  });
  EditSelection Result;
  for (Edit &E : Edits) {
    bool Clash = false;
    bool Duplicate = false;
    // Accepted edits are sorted by offset; only the last few can reach E.
    for (auto It = Result.Accepted.rbegin(); It != Result.Accepted.rend(); ++It) {
      if (sameEdit(*It, E)) {
        Duplicate = true;
        break;
      }
      if (editsOverlap(*It, E)) {
        Clash = true;
        break;
      }
      if (It->end() < E.Offset)
        break;
    }
    if (Duplicate)
      continue;
    (Clash ? Result.Deferred : Result.Accepted).push_back(std::move(E));
  }
  return Result;
}

std::string applyEdits(std::string_view Text, std::vector<Edit> Edits) {
  std::stable_sort(Edits.begin(), Edits.end(),
                   [](const Edit &A, const Edit &B) { return A.Offset < B.Offset; });
  std::string Out;
  std::size_t Grow = 0;
  for (const Edit &E : Edits)
    Grow += E.Replacement.size();
  Out.reserve(Text.size() + Grow);
  std::size_t Pos = 0;
  for (const Edit &E : Edits) {
    assert(E.Offset >= Pos && E.end() <= Text.size() && "edits must not overlap");
    Out.append(Text.substr(Pos, E.Offset - Pos));
    Out.append(E.Replacement);
    Pos = E.end();
  }
  Out.append(Text.substr(Pos));
  return Out;
}

} // namespace tdp
