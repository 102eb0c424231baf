#include "rules/Template.h"

#include <cctype>
#include <stdexcept>

namespace tdp {
namespace {

bool isNameStart(char C) { return std::isalpha(static_cast<unsigned char>(C)) || C == '_'; }
bool isNameChar(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

using Segment = Template::Segment;

void appendLiteral(std::vector<Segment> &Out, std::string_view Text) {
  if (!Out.empty() && Out.back().Type == Segment::Kind::Literal)
    Out.back().Text += Text;
  else
    Out.push_back({Segment::Kind::Literal, std::string(Text), {}});
}

// Parses until the end of input or, inside an optional group, its closing ']'.
std::size_t parseSegments(std::string_view S, std::size_t Pos, bool InGroup,
                          std::vector<Segment> &Out) {
  while (Pos < S.size()) {
    char C = S[Pos];
    if (InGroup && C == ']')
      return Pos + 1;
    if (C != '$') {
      appendLiteral(Out, S.substr(Pos, 1));
      ++Pos;
      continue;
    }
    if (Pos + 1 >= S.size())
      throw std::invalid_argument("'$' at the end of the template");
    char Next = S[Pos + 1];
    if (Next == '$' || Next == ']') {
      appendLiteral(Out, S.substr(Pos + 1, 1));
      Pos += 2;
    } else if (Next == '[') {
      if (InGroup)
        throw std::invalid_argument("optional groups '$[...]' cannot nest");
      Segment Group{Segment::Kind::Optional, "", {}};
      std::size_t End = parseSegments(S, Pos + 2, true, Group.Children);
      if (End > S.size() || S[End - 1] != ']')
        throw std::invalid_argument("'$[' without a closing ']'");
      Out.push_back(std::move(Group));
      Pos = End;
    } else if (std::isdigit(static_cast<unsigned char>(Next))) {
      Out.push_back({Segment::Kind::Variable, std::string(1, Next), {}});
      Pos += 2;
    } else if (isNameStart(Next)) {
      std::size_t End = Pos + 1;
      while (End < S.size() && isNameChar(S[End]))
        ++End;
      Out.push_back({Segment::Kind::Variable, std::string(S.substr(Pos + 1, End - Pos - 1)), {}});
      Pos = End;
    } else {
      throw std::invalid_argument(std::string("'$' must be followed by a variable name, a digit, "
                                              "'[', ']' or '$', not '") +
                                  Next + "'");
    }
  }
  if (InGroup)
    throw std::invalid_argument("'$[' without a closing ']'");
  return Pos;
}

void collectVariables(const std::vector<Segment> &Segs, std::vector<std::string> &Out) {
  for (const Segment &Seg : Segs) {
    if (Seg.Type == Segment::Kind::Variable) {
      bool Seen = false;
      for (const std::string &V : Out)
        Seen = Seen || V == Seg.Text;
      if (!Seen)
        Out.push_back(Seg.Text);
    } else if (Seg.Type == Segment::Kind::Optional) {
      collectVariables(Seg.Children, Out);
    }
  }
}

void expandInto(const std::vector<Segment> &Segs,
                const std::function<std::string(std::string_view)> &Lookup, std::string &Out,
                bool &AllPresent) {
  for (const Segment &Seg : Segs) {
    switch (Seg.Type) {
    case Segment::Kind::Literal:
      Out += Seg.Text;
      break;
    case Segment::Kind::Variable: {
      std::string Value = Lookup(Seg.Text);
      AllPresent = AllPresent && !Value.empty();
      Out += Value;
      break;
    }
    case Segment::Kind::Optional: {
      std::string Inner;
      bool InnerPresent = true;
      expandInto(Seg.Children, Lookup, Inner, InnerPresent);
      if (InnerPresent)
        Out += Inner;
      break;
    }
    }
  }
}

} // namespace

Template Template::parse(std::string_view Source) {
  Template T;
  T.Source = std::string(Source);
  parseSegments(Source, 0, false, T.Segments);
  return T;
}

std::vector<std::string> Template::variables() const {
  std::vector<std::string> Out;
  collectVariables(Segments, Out);
  return Out;
}

bool Template::startsWithDot() const {
  return !Segments.empty() && Segments.front().Type == Segment::Kind::Literal &&
         Segments.front().Text.starts_with('.');
}

std::string Template::expand(const std::function<std::string(std::string_view)> &Lookup) const {
  std::string Out;
  bool AllPresent = true;
  expandInto(Segments, Lookup, Out, AllPresent);
  return Out;
}

} // namespace tdp
