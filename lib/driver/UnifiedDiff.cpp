#include "driver/UnifiedDiff.h"

#include <algorithm>
#include <vector>

namespace tdp {
namespace {

std::vector<std::string_view> splitLines(std::string_view Text) {
  std::vector<std::string_view> Lines;
  std::size_t Start = 0;
  while (Start < Text.size()) {
    std::size_t End = Text.find('\n', Start);
    if (End == std::string_view::npos) {
      Lines.push_back(Text.substr(Start));
      break;
    }
    Lines.push_back(Text.substr(Start, End - Start + 1));
    Start = End + 1;
  }
  return Lines;
}

enum class Op { Keep, Del, Add };

/// Myers' O(ND) diff, returning the edit script as a list of operations.
std::vector<Op> diffLines(const std::vector<std::string_view> &A, const std::vector<std::string_view> &B) {
  const long N = static_cast<long>(A.size()), M = static_cast<long>(B.size());
  const long Max = N + M;
  std::vector<long> V(static_cast<std::size_t>(2 * Max + 2), 0);
  std::vector<std::vector<long>> Trace;
  auto At = [&](long K) -> long & { return V[static_cast<std::size_t>(K + Max + 1)]; };
  for (long D = 0; D <= Max; ++D) {
    Trace.push_back(V);
    for (long K = -D; K <= D; K += 2) {
      long X = (K == -D || (K != D && At(K - 1) < At(K + 1))) ? At(K + 1) : At(K - 1) + 1;
      long Y = X - K;
      while (X < N && Y < M && A[static_cast<std::size_t>(X)] == B[static_cast<std::size_t>(Y)]) {
        ++X;
        ++Y;
      }
      At(K) = X;
      if (X >= N && Y >= M) {
        // Backtrack.
        std::vector<Op> Ops;
        long CX = N, CY = M;
        for (long DD = D; DD > 0; --DD) {
          const std::vector<long> &PV = Trace[static_cast<std::size_t>(DD)];
          auto PAt = [&](long KK) { return PV[static_cast<std::size_t>(KK + Max + 1)]; };
          long CK = CX - CY;
          long PK = (CK == -DD || (CK != DD && PAt(CK - 1) < PAt(CK + 1))) ? CK + 1 : CK - 1;
          long PX = PAt(PK), PY = PX - PK;
          while (CX > PX && CY > PY) {
            Ops.push_back(Op::Keep);
            --CX;
            --CY;
          }
          if (CX == PX) {
            Ops.push_back(Op::Add);
            --CY;
          } else {
            Ops.push_back(Op::Del);
            --CX;
          }
        }
        while (CX > 0 && CY > 0) {
          Ops.push_back(Op::Keep);
          --CX;
          --CY;
        }
        std::reverse(Ops.begin(), Ops.end());
        return Ops;
      }
    }
  }
  return {};
}

/// "START,COUNT" as diff -u writes it: ",1" is left out, an empty range names the line before.
std::string hunkRange(std::size_t Start, std::size_t Count) {
  if (Count == 1)
    return std::to_string(Start + 1);
  return std::to_string(Count ? Start + 1 : Start) + "," + std::to_string(Count);
}

void emitLine(std::string &Out, char Mark, std::string_view Line) {
  Out += Mark;
  Out += Line;
  if (!Line.ends_with('\n'))
    Out += "\n\\ No newline at end of file\n";
}

} // namespace

std::string unifiedDiff(std::string_view Old, std::string_view New, const std::string &OldName,
                        const std::string &NewName, unsigned Context) {
  if (Old == New)
    return {};
  std::vector<std::string_view> A = splitLines(Old), B = splitLines(New);
  // Trim the common prefix and suffix first: ported files differ in few lines.
  std::size_t Pre = 0;
  while (Pre < A.size() && Pre < B.size() && A[Pre] == B[Pre])
    ++Pre;
  std::size_t Suf = 0;
  while (Suf < A.size() - Pre && Suf < B.size() - Pre && A[A.size() - 1 - Suf] == B[B.size() - 1 - Suf])
    ++Suf;
  std::vector<std::string_view> MidA(A.begin() + static_cast<long>(Pre), A.end() - static_cast<long>(Suf));
  std::vector<std::string_view> MidB(B.begin() + static_cast<long>(Pre), B.end() - static_cast<long>(Suf));
  std::vector<Op> Ops(Pre, Op::Keep);
  std::vector<Op> Mid = diffLines(MidA, MidB);
  Ops.insert(Ops.end(), Mid.begin(), Mid.end());
  Ops.insert(Ops.end(), Suf, Op::Keep);

  std::string Out = "--- " + OldName + "\n+++ " + NewName + "\n";
  std::size_t I = 0;
  const std::size_t Count = Ops.size();
  // Positions in A and B for each op index.
  std::vector<std::size_t> PosA(Count + 1), PosB(Count + 1);
  for (std::size_t K = 0, PA = 0, PB = 0; K <= Count; ++K) {
    PosA[K] = PA;
    PosB[K] = PB;
    if (K < Count) {
      if (Ops[K] != Op::Add)
        ++PA;
      if (Ops[K] != Op::Del)
        ++PB;
    }
  }
  while (I < Count) {
    while (I < Count && Ops[I] == Op::Keep)
      ++I;
    if (I == Count)
      break;
    std::size_t Start = I >= Context ? I - Context : 0;
    std::size_t End = I;
    // Extend the hunk while changes are within 2*Context keeps of each other.
    for (;;) {
      while (End < Count && Ops[End] != Op::Keep)
        ++End;
      std::size_t Keeps = End;
      while (Keeps < Count && Ops[Keeps] == Op::Keep && Keeps - End < 2 * Context)
        ++Keeps;
      if (Keeps < Count && Ops[Keeps] != Op::Keep && Keeps - End <= 2 * Context) {
        End = Keeps;
        continue;
      }
      End = std::min(Count, End + Context);
      break;
    }
    std::size_t LenA = PosA[End] - PosA[Start], LenB = PosB[End] - PosB[Start];
    Out += "@@ -" + hunkRange(PosA[Start], LenA) + " +" + hunkRange(PosB[Start], LenB) + " @@\n";
    for (std::size_t K = Start; K < End; ++K) {
      if (Ops[K] == Op::Keep)
        emitLine(Out, ' ', A[PosA[K]]);
      else if (Ops[K] == Op::Del)
        emitLine(Out, '-', A[PosA[K]]);
      else
        emitLine(Out, '+', B[PosB[K]]);
    }
    I = End;
  }
  return Out;
}

} // namespace tdp
