#include "cpp/HeaderReusePlan.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace tdp::cpp {
namespace {

bool startsWith(std::string_view Text, std::size_t At, std::string_view Prefix) {
  return Text.substr(At, Prefix.size()) == Prefix;
}

std::string_view trim(std::string_view S) {
  std::size_t B = S.find_first_not_of(" \t\r\f\v");
  if (B == std::string_view::npos)
    return {};
  std::size_t E = S.find_last_not_of(" \t\r\f\v");
  return S.substr(B, E - B + 1);
}

/// One logical directive line after the '#' at I (continuations joined, comments replaced by a
/// space, literals kept as written). Leaves I at the newline that ends it.
std::string directiveLine(std::string_view Text, std::size_t &I) {
  std::string Line;
  const std::size_t N = Text.size();
  while (I < N && Text[I] != '\n') {
    if (Text[I] == '\\' && (startsWith(Text, I + 1, "\n") || startsWith(Text, I + 1, "\r\n"))) {
      I += Text[I + 1] == '\n' ? 2u : 3u;
      Line += ' ';
    } else if (startsWith(Text, I, "//")) {
      while (I < N && Text[I] != '\n')
        ++I;
    } else if (startsWith(Text, I, "/*")) {
      std::size_t End = Text.find("*/", I + 2);
      I = End == std::string_view::npos ? N : End + 2;
      Line += ' ';
    } else if (Text[I] == '"' || Text[I] == '\'') {
      char Quote = Text[I];
      Line += Text[I++];
      while (I < N && Text[I] != '\n' && Text[I] != Quote) {
        if (Text[I] == '\\' && I + 1 < N && Text[I + 1] != '\n')
          Line += Text[I++];
        Line += Text[I++];
      }
      if (I < N && Text[I] == Quote)
        Line += Text[I++];
    } else {
      Line += Text[I++];
    }
  }
  return Line;
}

} // namespace

std::vector<std::string>
systemPreamble(std::string_view Text,
               const std::function<bool(std::string_view)> &IsProjectHeader) {
  std::vector<std::string> Lines;
  std::size_t KeepUpTo = 0; // entries up to and including the last #include
  std::size_t I = 0;
  const std::size_t N = Text.size();
  if (startsWith(Text, 0, "\xEF\xBB\xBF"))
    I = 3; // UTF-8 byte order mark
  while (I < N) {
    char C = Text[I];
    if (C == ' ' || C == '\t' || C == '\r' || C == '\n' || C == '\f' || C == '\v') {
      ++I;
    } else if (startsWith(Text, I, "//")) {
      while (I < N && Text[I] != '\n')
        I += Text[I] == '\\' && startsWith(Text, I + 1, "\n") ? 2u : 1u;
    } else if (startsWith(Text, I, "/*")) {
      std::size_t End = Text.find("*/", I + 2);
      if (End == std::string_view::npos)
        break;
      I = End + 2;
    } else if (C == '#') {
      ++I;
      std::string Line = directiveLine(Text, I);
      std::string_view D = trim(Line);
      std::size_t NameEnd = 0;
      while (NameEnd < D.size() &&
             (std::isalnum(static_cast<unsigned char>(D[NameEnd])) || D[NameEnd] == '_'))
        ++NameEnd;
      std::string_view Name = D.substr(0, NameEnd), Rest = trim(D.substr(NameEnd));
      if (Name == "include") {
        char Close = Rest.starts_with('<') ? '>' : Rest.starts_with('"') ? '"' : '\0';
        std::size_t End = Close ? Rest.find(Close, 1) : std::string_view::npos;
        if (End == std::string_view::npos || End == 1)
          break; // #include MACRO, or malformed
        std::string_view Header = Rest.substr(1, End - 1);
        if (Close == '"' && IsProjectHeader(Header))
          break;
        Lines.push_back("#include " + std::string(Rest.substr(0, End + 1)));
        KeepUpTo = Lines.size();
      } else if (Name == "define" && !Rest.empty()) {
        Lines.push_back("#define " + std::string(Rest));
      } else {
        break;
      }
    } else {
      break;
    }
  }
  Lines.resize(KeepUpTo);
  return Lines;
}

std::vector<ReuseGroup> planHeaderReuse(const std::vector<ReuseCandidate> &Candidates) {
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> ByStart;
  for (std::size_t I = 0; I < Candidates.size(); ++I)
    if (!Candidates[I].Preamble.empty())
      ByStart[{Candidates[I].FlagsKey, Candidates[I].Preamble.front()}].push_back(I);
  std::vector<ReuseGroup> Groups;
  for (const auto &[Key, Members] : ByStart) {
    if (Members.size() < 2)
      continue;
    const std::vector<std::string> &First = Candidates[Members.front()].Preamble;
    std::size_t Common = First.size();
    for (std::size_t M : Members) {
      const std::vector<std::string> &P = Candidates[M].Preamble;
      std::size_t Limit = std::min(Common, P.size()), Same = 0;
      while (Same < Limit && First[Same] == P[Same])
        ++Same;
      Common = Same;
    }
    while (Common > 0 && !First[Common - 1].starts_with("#include"))
      --Common;
    if (Common == 0)
      continue;
    Groups.push_back(
        {Members, std::vector<std::string>(First.begin(),
                                           First.begin() + static_cast<std::ptrdiff_t>(Common))});
  }
  return Groups;
}

} // namespace tdp::cpp
