#include "core/SourceText.h"

#include <algorithm>

namespace tdp {

bool hasUtf8Bom(std::string_view Text) { return Text.starts_with("\xEF\xBB\xBF"); }

std::optional<std::string> checkSourceEncoding(std::string_view Text) {
  std::size_t I = hasUtf8Bom(Text) ? 3 : 0;
  const std::size_t N = Text.size();
  while (I < N) {
    auto C = static_cast<unsigned char>(Text[I]);
    if (C == 0)
      return "contains a NUL byte at offset " + std::to_string(I) + " (binary file?)";
    if (C < 0x80) {
      ++I;
      continue;
    }
    std::size_t Len = 0;
    unsigned Min = 0;
    if ((C & 0xE0) == 0xC0) {
      Len = 2;
      Min = 0x80;
    } else if ((C & 0xF0) == 0xE0) {
      Len = 3;
      Min = 0x800;
    } else if ((C & 0xF8) == 0xF0) {
      Len = 4;
      Min = 0x10000;
    } else {
      return "is not valid UTF-8 (byte 0x" + std::string(1, "0123456789abcdef"[C >> 4]) +
             std::string(1, "0123456789abcdef"[C & 15]) + " at offset " + std::to_string(I) + ")";
    }
    if (I + Len > N)
      return "is not valid UTF-8 (truncated sequence at offset " + std::to_string(I) + ")";
    unsigned Code = C & (0xFF >> (Len + 1));
    for (std::size_t K = 1; K < Len; ++K) {
      auto Cont = static_cast<unsigned char>(Text[I + K]);
      if ((Cont & 0xC0) != 0x80)
        return "is not valid UTF-8 (bad continuation byte at offset " + std::to_string(I + K) + ")";
      Code = (Code << 6) | (Cont & 0x3Fu);
    }
    if (Code < Min || Code > 0x10FFFF || (Code >= 0xD800 && Code <= 0xDFFF))
      return "is not valid UTF-8 (invalid code point at offset " + std::to_string(I) + ")";
    I += Len;
  }
  return std::nullopt;
}

std::string_view detectNewline(std::string_view Text) {
  std::size_t Pos = Text.find('\n');
  if (Pos != std::string_view::npos && Pos > 0 && Text[Pos - 1] == '\r')
    return "\r\n";
  return "\n";
}

LineIndex::LineIndex(std::string_view TheText) : Text(TheText) {
  LineStarts.push_back(0);
  for (std::size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
}

LineColumn LineIndex::locate(std::size_t Offset) const {
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  auto Line = static_cast<std::size_t>(It - LineStarts.begin()); // >= 1
  std::size_t Start = LineStarts[Line - 1];
  if (Start == 0 && hasUtf8Bom(Text) && Offset >= 3)
    Start = 3; // the byte order mark is not a character of the first line
  unsigned Column = 1;
  for (std::size_t I = Start; I < Offset && I < Text.size(); ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80) // not a UTF-8 continuation byte
      ++Column;
  return {static_cast<unsigned>(Line), Column};
}

} // namespace tdp
