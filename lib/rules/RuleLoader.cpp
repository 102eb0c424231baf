#include "rules/RuleLoader.h"

#include "core/Error.h"
#include "core/SourceText.h"
#include "rules/BuiltinRuleFiles.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace tdp {
namespace {

using nlohmann::json;

/// Builds messages that point into the rule file.
class Reporter {
public:
  Reporter(std::string_view Source, std::string FileName) : Text(Source), Lines(Source), File(std::move(FileName)) {}

  [[noreturn]] void failAt(std::size_t Offset, const std::string &What) const {
    LineColumn LC = Lines.locate(std::min(Offset, Text.size()));
    throw RuleError(File + ":" + std::to_string(LC.Line) + ":" + std::to_string(LC.Column) + ": " + What);
  }

  /// Fails at the rule whose id is given (located by searching the Occurrence-th mention of its id).
  [[noreturn]] void failRule(const std::string &Id, std::size_t Index, const std::string &What,
                             unsigned Occurrence = 1) const {
    std::size_t Offset = 0;
    if (!Id.empty()) {
      std::size_t Pos = std::string_view::npos;
      for (unsigned I = 0; I < Occurrence; ++I) {
        std::size_t Next = Text.find("\"" + Id + "\"", Pos == std::string_view::npos ? 0 : Pos + 1);
        if (Next == std::string_view::npos)
          break;
        Pos = Next;
      }
      if (Pos != std::string_view::npos)
        Offset = Pos;
    }
    failAt(Offset, "rule " + (Id.empty() ? "#" + std::to_string(Index + 1) : "'" + Id + "'") + ": " + What);
  }

  unsigned lineOf(const std::string &Id) const {
    std::size_t Pos = Text.find("\"" + Id + "\"");
    return Pos == std::string_view::npos ? 0 : Lines.locate(Pos).Line;
  }

  const std::string &file() const { return File; }

private:
  std::string_view Text;
  LineIndex Lines;
  std::string File;
};

struct RuleReader {
  const Reporter &R;
  const json &Obj;
  std::string Id;
  std::size_t Index;

  [[noreturn]] void fail(const std::string &What) const { R.failRule(Id, Index, What); }

  const json *find(const char *Key) const {
    auto It = Obj.find(Key);
    return It == Obj.end() ? nullptr : &*It;
  }
  std::string str(const char *Key, bool Required) const {
    const json *V = find(Key);
    if (!V) {
      if (Required)
        fail(std::string("missing required key '") + Key + "'");
      return {};
    }
    if (!V->is_string())
      fail(std::string("'") + Key + "' must be a string");
    return V->get<std::string>();
  }
};

std::vector<std::string> stringList(const RuleReader &RR, const json &V, const char *What) {
  std::vector<std::string> Out;
  if (V.is_string()) {
    Out.push_back(V.get<std::string>());
  } else if (V.is_array() && !V.empty()) {
    for (const json &E : V) {
      if (!E.is_string())
        RR.fail(std::string("'") + What + "' must be a string or a list of strings");
      Out.push_back(E.get<std::string>());
    }
  } else {
    RR.fail(std::string("'") + What + "' must be a string or a non-empty list of strings");
  }
  return Out;
}

std::vector<std::string> paramsOf(const RuleReader &RR, const json &M) {
  auto It = M.find("params");
  if (It == M.end())
    return {};
  return stringList(RR, *It, "params");
}

void checkKeys(const RuleReader &RR, const json &M, std::initializer_list<const char *> Allowed, const char *Where) {
  for (auto It = M.begin(); It != M.end(); ++It) {
    bool Ok = false;
    for (const char *A : Allowed)
      Ok = Ok || It.key() == A;
    if (!Ok)
      RR.fail(std::string("unknown key '") + It.key() + "' in " + Where);
  }
}

RuleMatch readMatch(const RuleReader &RR, const std::string &Language) {
  const json *MP = RR.find("match");
  if (!MP)
    RR.fail("missing required key 'match'");
  const json &M = *MP;
  if (!M.is_object())
    RR.fail("'match' must be an object");
  const char *Kinds[] = {"name", "method", "attribute", "device_string", "argument", "include", "token"};
  int Found = 0;
  for (const char *K : Kinds)
    Found += M.contains(K) ? 1 : 0;
  if (Found != 1)
    RR.fail("'match' must have exactly one of: name, method, attribute, device_string, argument, include, token");
  bool Cpp = Language == "cpp";
  auto OnlyFor = [&](const char *Key, bool ForCpp) {
    if (M.contains(Key) && Cpp != ForCpp)
      RR.fail(std::string("a '") + Key + "' match is for " + (ForCpp ? "C++" : "Python") + " rules only");
  };
  OnlyFor("attribute", false);
  OnlyFor("argument", false);
  OnlyFor("include", true);
  OnlyFor("token", true);

  if (M.contains("include")) {
    checkKeys(RR, M, {"include"}, "an include match");
    return IncludeMatch{stringList(RR, M["include"], "include")};
  }
  if (M.contains("token")) {
    checkKeys(RR, M, {"token"}, "a token match");
    return TokenMatch{stringList(RR, M["token"], "token")};
  }

  if (M.contains("name")) {
    checkKeys(RR, M, {"name", "called", "params"}, "a name match");
    NameMatch NM;
    NM.Names = stringList(RR, M["name"], "name");
    const char *Sep = Cpp ? "::" : ".";
    const std::string Wild = std::string(Sep) + "*";
    for (const std::string &N : NM.Names) {
      if (N.empty() || (N.find('*') != std::string::npos && !(N.ends_with(Wild) && N.find('*') == N.size() - 1)))
        RR.fail("bad name '" + N + "': a wildcard is allowed only as a final '" + Wild + "'");
      if (Cpp ? N.find('.') != std::string::npos : N.find("::") != std::string::npos)
        RR.fail("bad name '" + N + "': " + (Cpp ? "C++ names are written ns::name" : "Python names are written a.b.c"));
    }
    if (auto It = M.find("called"); It != M.end()) {
      if (!It->is_boolean())
        RR.fail("'called' must be true or false");
      NM.Called = It->get<bool>();
    }
    NM.Params = paramsOf(RR, M);
    return NM;
  }
  if (M.contains("method")) {
    checkKeys(RR, M, {"method", "params", "max_args", "class"}, "a method match");
    MethodMatch MM;
    if (auto It = M.find("class"); It != M.end()) {
      if (!Cpp)
        RR.fail("'class' is for C++ method matches only (Python receivers are untyped)");
      MM.Classes = stringList(RR, *It, "class");
    } else if (Cpp) {
      RR.fail("a C++ method match needs 'class': the receiver's class, such as \"at::Tensor\"");
    }
    if (!M["method"].is_string() || M["method"].get<std::string>().empty())
      RR.fail("'method' must be a non-empty string");
    MM.Method = M["method"].get<std::string>();
    MM.Params = paramsOf(RR, M);
    if (auto It = M.find("max_args"); It != M.end()) {
      if (!It->is_number_unsigned())
        RR.fail("'max_args' must be a non-negative integer");
      MM.MaxArgs = It->get<unsigned>();
    }
    return MM;
  }
  if (M.contains("attribute")) {
    checkKeys(RR, M, {"attribute"}, "an attribute match");
    if (!M["attribute"].is_string() || M["attribute"].get<std::string>().empty())
      RR.fail("'attribute' must be a non-empty string");
    return AttributeMatch{M["attribute"].get<std::string>()};
  }
  if (M.contains("device_string")) {
    checkKeys(RR, M, {"device_string", "indexed"}, "a device_string match");
    DeviceStringMatch DM;
    if (!M["device_string"].is_string() || M["device_string"].get<std::string>().empty())
      RR.fail("'device_string' must be a device type such as \"cuda\"");
    DM.DeviceType = M["device_string"].get<std::string>();
    if (auto It = M.find("indexed"); It != M.end()) {
      if (!It->is_boolean())
        RR.fail("'indexed' must be true or false");
      DM.Indexed = It->get<bool>();
    }
    return DM;
  }
  checkKeys(RR, M, {"argument", "value"}, "an argument match");
  const json &A = M["argument"];
  if (!A.is_object())
    RR.fail("'argument' must be an object with 'call' and 'keyword' (and optionally 'position')");
  checkKeys(RR, A, {"call", "keyword", "position"}, "'argument'");
  ArgumentMatch AM;
  if (!A.contains("call") || !A["call"].is_string() || !A.contains("keyword") || !A["keyword"].is_string())
    RR.fail("'argument' needs string keys 'call' and 'keyword'");
  AM.Call = A["call"].get<std::string>();
  AM.Keyword = A["keyword"].get<std::string>();
  if (auto It = A.find("position"); It != A.end()) {
    if (!It->is_number_unsigned())
      RR.fail("'position' must be a non-negative integer");
    AM.Position = It->get<unsigned>();
  }
  if (auto It = M.find("value"); It != M.end()) {
    LiteralValue LV;
    if (It->is_string()) {
      LV.Type = LiteralValue::Kind::String;
      LV.Text = It->get<std::string>();
    } else if (It->is_boolean()) {
      LV.Type = LiteralValue::Kind::Bool;
      LV.Text = It->get<bool>() ? "True" : "False";
    } else if (It->is_number()) {
      LV.Type = LiteralValue::Kind::Number;
      LV.Text = It->dump();
    } else {
      RR.fail("'value' must be a string, a boolean or a number");
    }
    AM.Value = LV;
  }
  return AM;
}

/// The template variables a match kind provides.
bool variableAllowed(const RuleMatch &M, const std::string &Var) {
  auto IsCallVar = [&](const std::vector<std::string> &Params) {
    if (Var == "ARGS" || Var == "KWARGS" || (Var.size() == 1 && std::isdigit(static_cast<unsigned char>(Var[0]))))
      return true;
    for (const std::string &P : Params)
      if (P == Var)
        return true;
    return false;
  };
  if (Var == "MATCH")
    return true;
  if (auto *N = std::get_if<NameMatch>(&M))
    return IsCallVar(N->Params);
  if (auto *Me = std::get_if<MethodMatch>(&M))
    return Var == "RECV" || IsCallVar(Me->Params);
  if (std::holds_alternative<AttributeMatch>(M))
    return Var == "RECV";
  if (std::holds_alternative<DeviceStringMatch>(M))
    return Var == "INDEX";
  return false; // include and token matches: the replacement is fixed text

}

bool isTargetKey(const std::string &K) { return K == "default" || parseTarget(K).has_value(); }

Rule readRule(const Reporter &Rep, const json &Obj, std::size_t Index) {
  if (!Obj.is_object())
    Rep.failRule("", Index, "a rule must be a JSON object");
  RuleReader RR{Rep, Obj, "", Index};
  if (auto It = Obj.find("id"); It != Obj.end() && It->is_string())
    RR.Id = It->get<std::string>();
  checkKeys(RR, Obj, {"id", "language", "category", "kind", "message", "match", "rewrite", "import", "fix_safety",
                      "advice", "note", "examples", "effort"},
            "a rule");

  Rule R;
  R.Id = RR.str("id", true);
  bool IdOk = R.Id.size() == 6;
  for (std::size_t I = 0; I < R.Id.size() && IdOk; ++I)
    IdOk = I < 3 ? std::isupper(static_cast<unsigned char>(R.Id[I])) : std::isdigit(static_cast<unsigned char>(R.Id[I]));
  if (!IdOk)
    RR.fail("id must be three upper-case letters and three digits, like SYN001");
  R.Language = RR.str("language", true);
  if (R.Language != "python" && R.Language != "cpp")
    RR.fail("language must be \"python\" or \"cpp\", not \"" + R.Language + "\"");
  R.Category = RR.str("category", true);
  auto Cat = ruleCategories().find(R.Category);
  if (Cat == ruleCategories().end())
    RR.fail("unknown category \"" + R.Category + "\"");
  if (!R.Id.starts_with(Cat->second))
    RR.fail("the id of a rule in category \"" + R.Category + "\" must start with " + Cat->second);

  std::string Kind = RR.str("kind", true);
  if (Kind == "rename")
    R.Kind = RuleKind::Rename;
  else if (Kind == "rewrite")
    R.Kind = RuleKind::Rewrite;
  else if (Kind == "keep")
    R.Kind = RuleKind::Keep;
  else if (Kind == "unsupported")
    R.Kind = RuleKind::Unsupported;
  else
    RR.fail("kind must be rename, rewrite, keep or unsupported, not \"" + Kind + "\"");

  R.Message = RR.str("message", true);
  if (R.Message.empty() || R.Message.find('\n') != std::string::npos)
    RR.fail("message must be one non-empty line");
  R.Advice = RR.str("advice", false);
  R.Note = RR.str("note", false);
  R.Effort = RR.str("effort", false);
  if (!R.Effort.empty() && R.Effort != "low" && R.Effort != "medium" && R.Effort != "high")
    RR.fail("effort must be \"low\", \"medium\" or \"high\", not \"" + R.Effort + "\"");
  if (!R.Effort.empty() && R.Kind == RuleKind::Keep)
    RR.fail("a keep rule leaves no work: remove 'effort'");
  R.Import = RR.str("import", false);
  std::string Safety = RR.str("fix_safety", false);
  if (Safety.empty() || Safety == "safe")
    R.Safety = FixSafety::Safe;
  else if (Safety == "unsafe")
    R.Safety = FixSafety::Unsafe;
  else
    RR.fail("fix_safety must be \"safe\" or \"unsafe\"");
  if (R.Kind == RuleKind::Unsupported && R.Advice.empty())
    RR.fail("an unsupported rule needs 'advice': what the user should do instead");

  R.Match = readMatch(RR, R.Language);

  if (const json *W = RR.find("rewrite"); W && !W->is_null()) {
    if (!R.edits())
      RR.fail("a " + Kind + " rule makes no edit: remove 'rewrite'");
    std::map<std::string, std::string> Sources;
    if (W->is_string()) {
      Sources["default"] = W->get<std::string>();
    } else if (W->is_object()) {
      for (auto It = W->begin(); It != W->end(); ++It) {
        if (!isTargetKey(It.key()))
          RR.fail("'rewrite' keys must be default, auto, cpu, mps or cuda, not \"" + It.key() + "\"");
        if (!It->is_string())
          RR.fail("'rewrite." + It.key() + "' must be a string");
        Sources[It.key()] = It->get<std::string>();
      }
    } else {
      RR.fail("'rewrite' must be a template string or an object of templates per target");
    }
    for (auto &[Key, Src] : Sources) {
      Template T;
      try {
        T = Template::parse(Src);
      } catch (const std::invalid_argument &E) {
        RR.fail("rewrite template \"" + Src + "\": " + E.what());
      }
      for (const std::string &Var : T.variables())
        if (!variableAllowed(R.Match, Var))
          RR.fail("rewrite template \"" + Src + "\" uses $" + Var + ", which this kind of match does not provide");
      R.Rewrite.emplace(Key, std::move(T));
    }
    if (R.Rewrite.count("default") == 0) {
      for (Target T : AllTargets)
        if (R.Rewrite.count(std::string(targetName(T))) == 0)
          RR.fail("'rewrite' must have a 'default' or a template for every target");
    }
  } else if (R.edits()) {
    RR.fail("a " + Kind + " rule needs 'rewrite'");
  }

  const json *Ex = RR.find("examples");
  if (!Ex || !Ex->is_array() || Ex->empty())
    RR.fail("'examples' must be a non-empty list: a rule's examples are its tests");
  for (const json &E : *Ex) {
    if (!E.is_object())
      RR.fail("each example must be an object with before/after, valid or finding");
    RuleExample RE;
    if (E.contains("valid")) {
      checkKeys(RR, E, {"valid"}, "an example");
      RE.Type = RuleExample::Kind::Valid;
      if (!E["valid"].is_string())
        RR.fail("'valid' example must be a string");
      RE.Before = E["valid"].get<std::string>();
    } else if (E.contains("finding")) {
      checkKeys(RR, E, {"finding"}, "an example");
      RE.Type = RuleExample::Kind::Finding;
      if (!E["finding"].is_string())
        RR.fail("'finding' example must be a string");
      RE.Before = E["finding"].get<std::string>();
    } else if (E.contains("before") && E.contains("after")) {
      checkKeys(RR, E, {"before", "after"}, "an example");
      if (!R.edits())
        RR.fail("a " + Kind + " rule makes no edit: use 'finding' or 'valid' examples, not before/after");
      RE.Type = RuleExample::Kind::Fix;
      if (!E["before"].is_string())
        RR.fail("'before' must be a string");
      RE.Before = E["before"].get<std::string>();
      const json &After = E["after"];
      if (After.is_string()) {
        RE.After["default"] = After.get<std::string>();
      } else if (After.is_object()) {
        for (auto It = After.begin(); It != After.end(); ++It) {
          if (!isTargetKey(It.key()) || !It->is_string())
            RR.fail("'after' must be a string or an object of strings keyed by default/auto/cpu/mps/cuda");
          RE.After[It.key()] = It->get<std::string>();
        }
      } else {
        RR.fail("'after' must be a string or an object of strings per target");
      }
    } else {
      RR.fail("each example needs 'before' and 'after', or 'valid', or 'finding'");
    }
    R.Examples.push_back(std::move(RE));
  }
  R.SourceFile = Rep.file();
  R.SourceLine = Rep.lineOf(R.Id);
  return R;
}

} // namespace

std::vector<Rule> parseRuleFile(std::string_view Text, const std::string &FileName) {
  Reporter Rep(Text, FileName);
  json Doc;
  try {
    Doc = json::parse(Text.begin(), Text.end());
  } catch (const json::parse_error &E) {
    std::string What = E.what();
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 5:
    // syntax error while parsing object - ..."; keep the part after the location.
    if (auto Pos = What.find(": "); Pos != std::string::npos)
      What = What.substr(Pos + 2);
    Rep.failAt(E.byte > 0 ? E.byte - 1 : 0, "invalid JSON: " + What);
  }
  const json *Rules = nullptr;
  if (Doc.is_object()) {
    for (auto It = Doc.begin(); It != Doc.end(); ++It)
      if (It.key() != "rules" && It.key() != "$schema" && It.key() != "description")
        Rep.failAt(0, "unknown top-level key '" + It.key() + "' (expected \"rules\")");
    if (auto It = Doc.find("rules"); It != Doc.end())
      Rules = &*It;
  }
  if (!Rules || !Rules->is_array())
    Rep.failAt(0, "a rule file must be an object with a \"rules\" list");
  std::vector<Rule> Out;
  std::set<std::string> Ids;
  for (std::size_t I = 0; I < Rules->size(); ++I) {
    Rule R = readRule(Rep, (*Rules)[I], I);
    if (!Ids.insert(R.Id).second)
      Rep.failRule(R.Id, I, "duplicate rule id in the same file", 2);
    Out.push_back(std::move(R));
  }
  return Out;
}

std::vector<Rule> loadRuleFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw RuleError(Path + ": cannot read rule file");
  std::ostringstream SS;
  SS << In.rdbuf();
  if (In.bad())
    throw RuleError(Path + ": cannot read rule file");
  return parseRuleFile(SS.str(), Path);
}

std::vector<Rule> loadBuiltinRules() {
  std::vector<Rule> Out;
  for (const EmbeddedFile &F : builtinRuleFiles()) {
    std::vector<Rule> Rules = parseRuleFile(F.Text, "<builtin>/" + std::string(F.Name));
    for (Rule &R : Rules)
      Out.push_back(std::move(R));
  }
  return Out;
}

} // namespace tdp
