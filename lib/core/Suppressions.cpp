#include "core/Suppressions.h"

#include <cctype>

namespace tdp {

bool Suppression::covers(std::string_view RuleId) const {
  if (Ids.empty())
    return true;
  for (const std::string &Id : Ids)
    if (RuleId.starts_with(Id))
      return true;
  return false;
}

namespace {

std::string_view trimLeft(std::string_view S) {
  while (!S.empty() && (S.front() == ' ' || S.front() == '\t'))
    S.remove_prefix(1);
  return S;
}

/// Parses "torchdevice: ignore[-file][[A,B]]" at the start of Comment.
bool parseDirective(std::string_view Comment, Suppression &Out, std::size_t &Length) {
  constexpr std::string_view Key = "torchdevice:";
  const std::size_t Full = Comment.size();
  Comment = trimLeft(Comment);
  if (!Comment.starts_with(Key))
    return false;
  Comment = trimLeft(Comment.substr(Key.size()));
  if (!Comment.starts_with("ignore"))
    return false;
  Comment.remove_prefix(6);
  if (Comment.starts_with("-file")) {
    Out.WholeFile = true;
    Comment.remove_prefix(5);
  }
  if (Comment.starts_with('[')) {
    std::size_t Close = Comment.find(']');
    if (Close == std::string_view::npos)
      return false;
    std::string Id;
    for (char C : Comment.substr(1, Close - 1)) {
      if (C == ',' || C == ' ') {
        if (!Id.empty())
          Out.Ids.push_back(Id);
        Id.clear();
      } else {
        Id += C;
      }
    }
    if (!Id.empty())
      Out.Ids.push_back(Id);
    Length = Full - Comment.size() + Close + 1;
    return !Out.Ids.empty();
  }
  Length = Full - Comment.size();
  // "ignore" must be a whole word: "ignored" is prose, not a directive.
  return Comment.empty() || !std::isalnum(static_cast<unsigned char>(Comment.front()));
}

} // namespace

SuppressionSet SuppressionSet::scan(std::string_view Text, const std::function<bool(std::size_t)> &IsComment) {
  SuppressionSet Set;
  if (Text.find("torchdevice:") == std::string_view::npos)
    return Set;
  unsigned Line = 1;
  std::size_t Start = 0;
  while (Start <= Text.size()) {
    std::size_t End = Text.find('\n', Start);
    std::string_view L = Text.substr(Start, End == std::string_view::npos ? std::string_view::npos : End - Start);
    for (std::size_t Pos = L.find("torchdevice:"); Pos != std::string_view::npos;
         Pos = L.find("torchdevice:", Pos + 1)) {
      // The directive must follow a comment marker with only blanks between.
      std::size_t Marker = Pos;
      while (Marker > 0 && (L[Marker - 1] == ' ' || L[Marker - 1] == '\t'))
        --Marker;
      std::size_t MarkerStart;
      if (Marker >= 1 && L[Marker - 1] == '#')
        MarkerStart = Marker - 1;
      else if (Marker >= 2 && (L[Marker - 1] == '/' || L[Marker - 1] == '*') && L[Marker - 2] == '/')
        MarkerStart = Marker - 2; // `//` or `/*`
      else
        continue;
      if (IsComment && !IsComment(Start + MarkerStart))
        continue;
      Suppression S;
      std::size_t Length = 0;
      if (!parseDirective(L.substr(Pos), S, Length))
        continue;
      S.Line = Line;
      S.Column = static_cast<unsigned>(MarkerStart + 1);
      S.EndColumn = static_cast<unsigned>(Pos + Length + 1);
      Set.Items.push_back(std::move(S));
    }
    if (End == std::string_view::npos)
      break;
    Start = End + 1;
    ++Line;
  }
  return Set;
}

bool SuppressionSet::suppresses(std::string_view RuleId, unsigned Line) {
  for (Suppression &S : Items) {
    if ((S.WholeFile || S.Line == Line) && S.covers(RuleId)) {
      S.Used = true;
      return true;
    }
  }
  return false;
}

} // namespace tdp
