#include "cpp/CppComments.h"

#include <cctype>
#include <string>

namespace tdp::cpp {
namespace {

bool isIdentChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

/// The identifier-like run of characters just before Pos (an encoding prefix such as u8R).
std::string_view wordBefore(std::string_view Text, std::size_t Pos) {
  std::size_t Begin = Pos;
  while (Begin > 0 && isIdentChar(Text[Begin - 1]))
    --Begin;
  return Text.substr(Begin, Pos - Begin);
}

/// A quote inside a number (1'000, 0xFF'FF) is a digit separator, not a character literal.
bool isDigitSeparator(std::string_view Text, std::size_t Pos) {
  std::size_t Begin = Pos;
  while (Begin > 0 && (isIdentChar(Text[Begin - 1]) || Text[Begin - 1] == '\'' || Text[Begin - 1] == '.'))
    --Begin;
  return Begin < Pos && std::isdigit(static_cast<unsigned char>(Text[Begin]));
}

/// Offset just after a quoted literal that starts at Open (the quote), honouring escapes; a
/// literal ends at an unescaped newline too (it is ill-formed, and must not swallow the file).
std::size_t skipQuoted(std::string_view Text, std::size_t Open) {
  char Quote = Text[Open];
  std::size_t Pos = Open + 1;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    if (C == '\\') {
      Pos += 2;
      continue;
    }
    if (C == Quote)
      return Pos + 1;
    if (C == '\n')
      return Pos;
    ++Pos;
  }
  return Text.size();
}

/// Offset just after a raw string whose opening quote is at Open: R"delim( ... )delim".
std::size_t skipRaw(std::string_view Text, std::size_t Open) {
  std::size_t Paren = Text.find('(', Open + 1);
  if (Paren == std::string_view::npos || Paren - Open - 1 > 16)
    return skipQuoted(Text, Open); // not a valid raw string: treat it as an ordinary one
  std::string Close = ")" + std::string(Text.substr(Open + 1, Paren - Open - 1)) + "\"";
  std::size_t End = Text.find(Close, Paren + 1);
  return End == std::string_view::npos ? Text.size() : End + Close.size();
}

bool isRawPrefix(std::string_view Word) {
  return Word == "R" || Word == "u8R" || Word == "uR" || Word == "UR" || Word == "LR";
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> cppCommentRanges(std::string_view Text) {
  std::vector<std::pair<std::size_t, std::size_t>> Ranges;
  std::size_t Pos = 0;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    if (C == '/' && Pos + 1 < Text.size() && Text[Pos + 1] == '/') {
      std::size_t End = Pos + 2;
      while (End < Text.size() && Text[End] != '\n')
        ++End;
      // A backslash at the end of the line continues the comment on the next one.
      while (End < Text.size() && End > Pos + 2 &&
             (Text[End - 1] == '\\' || (Text[End - 1] == '\r' && Text[End - 2] == '\\'))) {
        ++End;
        while (End < Text.size() && Text[End] != '\n')
          ++End;
      }
      if (End > Pos && Text[End - 1] == '\r')
        --End;
      Ranges.emplace_back(Pos, End);
      Pos = End;
    } else if (C == '/' && Pos + 1 < Text.size() && Text[Pos + 1] == '*') {
      std::size_t Close = Text.find("*/", Pos + 2);
      std::size_t End = Close == std::string_view::npos ? Text.size() : Close + 2;
      Ranges.emplace_back(Pos, End);
      Pos = End;
    } else if (C == '"') {
      Pos = isRawPrefix(wordBefore(Text, Pos)) ? skipRaw(Text, Pos) : skipQuoted(Text, Pos);
    } else if (C == '\'') {
      Pos = isDigitSeparator(Text, Pos) ? Pos + 1 : skipQuoted(Text, Pos);
    } else {
      ++Pos;
    }
  }
  return Ranges;
}

} // namespace tdp::cpp
