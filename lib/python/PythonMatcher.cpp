#include "python/PythonMatcher.h"

#include "rules/CallVariables.h"

#include "python/NameResolver.h"
#include "python/TreeWalk.h"
#include "rules/RuleSet.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace tdp::python {
namespace {

/// The arguments of one call, split the way templates use them.
struct CallArgs {
  std::string_view All;
  std::vector<TSNode> Positional;
  std::vector<std::pair<std::string_view, TSNode>> Keywords; ///< name, value
  std::vector<TSNode> KeywordNodes;                          ///< whole `name=value` nodes
  bool HasSplat = false;
};

/// Calls whose first positional argument is a device position.
constexpr std::string_view DeviceFirstArgCalls[] = {
    "torch.device",       "torch.autocast",   "torch.amp.autocast", "torch.amp.GradScaler",
    "torch.GradScaler",   "torch.Generator",  "torch.amp.autocast_mode.autocast"};
/// Keyword arguments that are device positions in any call.
constexpr std::string_view DeviceKeywords[] = {"device", "device_type", "map_location"};

bool isDeviceVariableName(std::string_view Name) {
  std::string Lower;
  for (char C : Name)
    Lower += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return Lower == "device" || Lower == "dev" || Lower == "device_type" || Lower.ends_with("_device");
}

bool isDigits(std::string_view S) {
  return !S.empty() && std::all_of(S.begin(), S.end(), [](char C) { return std::isdigit(static_cast<unsigned char>(C)); });
}

class Matcher {
public:
  Matcher(const ParsedSource &TheSource, const RuleSet &TheRules, Target T)
      : Source(TheSource), Rules(TheRules), TheTarget(T), G(Grammar::get()), Resolver(Source, Rules) {}

  std::vector<RuleHit> run() {
    walkTree(
        Source.root(), [this](TSNode N, TSFieldId F) { return enter(N, F); },
        [this](TSNode N) { leave(N); });
    return std::move(Hits);
  }

private:
  using Lookup = std::function<std::string(std::string_view)>;

  struct Frame {
    TSNode Node;
    TSFieldId Field;
    bool OpensScope;
  };

  int scope() const { return Scopes.empty() ? 0 : Scopes.back(); }
  std::string text(TSNode N) const { return std::string(Source.textOf(N)); }
  TSSymbol sym(TSNode N) const { return ts_node_symbol(N); }

  bool enter(TSNode N, TSFieldId F) {
    const Frame *Parent = Frames.empty() ? nullptr : &Frames.back();
    TSNode ParentNode = Parent ? Parent->Node : TSNode{};
    TSFieldId ParentField = F;
    int Opened = Resolver.scopeOpenedBy(N);
    Frames.push_back({N, F, Opened >= 0});
    if (Opened >= 0)
      Scopes.push_back(Opened);

    TSSymbol S = sym(N);
    if (S == G.ImportStatement || S == G.ImportFromStatement || S == G.FutureImportStatement || S == G.Comment)
      return false;
    if (S == G.Call) {
      handleCall(N);
      return true;
    }
    if (S == G.ComparisonOperator) {
      handleComparison(N);
      return true;
    }
    if (S == G.Assignment) {
      handleAssignment(N);
      return true;
    }
    if (S == G.DefaultParameter || S == G.TypedDefaultParameter) {
      TSNode Name = field(N, G.FName);
      if (!ts_node_is_null(Name) && sym(Name) == G.Identifier && isDeviceVariableName(Source.textOf(Name)))
        considerDeviceValue(field(N, G.FValue));
      return true;
    }
    if (S == G.Attribute) {
      handleAttributeRule(N, ParentNode, ParentField);
      return handleReference(N, ParentNode, ParentField);
    }
    if (S == G.Identifier && isReferencePosition(ParentNode, ParentField))
      return handleReference(N, ParentNode, ParentField);
    return true;
  }

  void leave(TSNode) {
    if (Frames.back().OpensScope)
      Scopes.pop_back();
    Frames.pop_back();
  }

  bool isReferencePosition(TSNode Parent, TSFieldId F) const {
    if (ts_node_is_null(Parent))
      return false;
    TSSymbol P = sym(Parent);
    if (P == G.Attribute)
      return F == G.FObject;
    if (F == G.FName &&
        (P == G.KeywordArgument || P == G.FunctionDefinition || P == G.ClassDefinition ||
         P == G.DefaultParameter || P == G.TypedDefaultParameter))
      return false;
    if (P == G.Parameters || P == G.LambdaParameters || P == G.TypedParameter || P == G.ListSplatPattern ||
        P == G.DictionarySplatPattern || P == G.AsPatternTarget || P == G.GlobalStatement ||
        P == G.NonlocalStatement)
      return false;
    return true;
  }

  /// A receiver that is a module (or inside one) is not an object whose methods rules match.
  bool isModuleReceiver(TSNode Recv) const {
    if (Resolver.isModuleChain(Recv, scope()))
      return true;
    std::optional<std::string> Q = Resolver.resolve(Recv, scope());
    return Q && (*Q == "torch" || Q->starts_with("torch."));
  }

  /// True when the innermost frame is (part of) the target of an assignment.
  bool isAssignmentTarget() const {
    // Frames.back() is the node itself; climb through tuple/list/parenthesized targets.
    for (std::size_t I = Frames.size() - 1; I > 0; --I) {
      TSSymbol P = sym(Frames[I - 1].Node);
      if ((P == G.Assignment || P == G.AugmentedAssignment || P == G.ForStatement || P == G.ForInClause) &&
          Frames[I].Field == G.FLeft)
        return true;
      if (P != G.PatternList && P != G.TuplePattern && P != G.ListPattern && P != G.Tuple && P != G.List &&
          P != G.ParenthesizedExpression && P != G.ListSplatPattern && P != G.ListSplat)
        return false;
    }
    return false;
  }

  CallArgs parseArgs(TSNode ArgsNode) const {
    CallArgs A;
    if (ts_node_is_null(ArgsNode))
      return A;
    std::string_view Whole = Source.textOf(ArgsNode);
    if (sym(ArgsNode) != G.ArgumentList) { // a generator expression: f(x for x in y)
      A.All = Whole;
      A.Positional.push_back(ArgsNode);
      return A;
    }
    A.All = Whole.size() >= 2 ? Whole.substr(1, Whole.size() - 2) : std::string_view();
    forEachNamedChild(ArgsNode, [&](TSNode Arg) {
      TSSymbol S = sym(Arg);
      if (S == G.Comment)
        return;
      if (S == G.KeywordArgument) {
        A.Keywords.emplace_back(Source.textOf(field(Arg, G.FName)), field(Arg, G.FValue));
        A.KeywordNodes.push_back(Arg);
      } else if (S == G.ListSplat || S == G.DictionarySplat) {
        A.HasSplat = true;
      } else {
        A.Positional.push_back(Arg);
      }
    });
    return A;
  }

  /// The call's arguments as text, for the template's call variables (rules/CallVariables.h).
  CallArguments argumentTexts(const CallArgs &A) const {
    CallArguments T;
    T.All = std::string(A.All);
    for (TSNode N : A.Positional)
      T.Positional.push_back(text(N));
    for (std::size_t I = 0; I < A.Keywords.size(); ++I) {
      T.Keywords.emplace_back(std::string(A.Keywords[I].first), text(A.KeywordNodes[I]));
      T.KeywordValues.push_back(text(A.Keywords[I].second));
    }
    return T;
  }

  /// True when the template needs arguments that *args/**kwargs make unknowable.
  static bool needsExactArguments(const Template &T) {
    for (const std::string &V : T.variables())
      if (V != "ARGS" && V != "RECV" && V != "MATCH")
        return true;
    return false;
  }

  void emit(const Rule &R, TSNode Located, std::size_t EditStart, std::size_t EditEnd, const Lookup &Vars,
            std::string NoFix = {}) {
    RuleHit H;
    H.Matched = &R;
    H.Offset = ts_node_start_byte(Located);
    H.Length = ts_node_end_byte(Located) - H.Offset;
    if (R.edits()) {
      const Template *T = R.rewriteFor(TheTarget);
      if (!T)
        NoFix = "the rule has no rewrite for target " + std::string(targetName(TheTarget));
      if (NoFix.empty())
        H.Fix = Edit{EditStart, EditEnd - EditStart, T->expand(Vars), R.Id};
      else
        H.NoFixReason = std::move(NoFix);
    }
    Hits.push_back(std::move(H));
  }

  // ---- name references -------------------------------------------------------------------

  /// Returns whether to descend into N.
  bool handleReference(TSNode N, TSNode Parent, TSFieldId ParentField) {
    std::optional<std::string> Q = Resolver.resolve(N, scope());
    if (!Q)
      return true;
    const Rule *R = Rules.exactName(*Q);
    if (!R) {
      // A rule for a shorter prefix (torch.cuda.Stream in torch.cuda.Stream.priority_range) is
      // matched when the walk reaches that inner node.
      for (std::size_t Pos = Q->rfind('.'); Pos != std::string::npos && Pos > 0; Pos = Q->rfind('.', Pos - 1))
        if (Rules.exactName(std::string_view(*Q).substr(0, Pos)))
          return true;
      R = Rules.wildcardName(*Q);
      if (!R)
        return false;
    }
    const auto &NM = std::get<NameMatch>(R->Match);
    bool Called = !ts_node_is_null(Parent) && sym(Parent) == G.Call && ParentField == G.FFunction;
    if (NM.Called && !Called)
      return false;
    const Template *T = R->edits() ? R->rewriteFor(TheTarget) : nullptr;
    if (T && usesCallVariables(*T, NM.Params)) {
      if (!Called) {
        emit(*R, N, 0, 0, {}, "used without a call; rewrite by hand");
        return false;
      }
      CallArgs A = parseArgs(field(Parent, G.FArguments));
      if (A.HasSplat && needsExactArguments(*T)) {
        emit(*R, N, 0, 0, {}, "the call passes *args or **kwargs; rewrite by hand");
        return false;
      }
      std::string Match = text(N);
      CallArguments Texts = argumentTexts(A);
      emit(*R, N, ts_node_start_byte(Parent), ts_node_end_byte(Parent), [&](std::string_view V) {
        return V == "MATCH" ? Match : callVariableValue(Texts, NM.Params, V);
      });
      return false;
    }
    std::string Match = text(N);
    emit(*R, N, ts_node_start_byte(N), ts_node_end_byte(N),
         [&](std::string_view V) { return V == "MATCH" ? Match : std::string(); });
    return false;
  }

  // ---- attributes and methods ------------------------------------------------------------

  void handleAttributeRule(TSNode N, TSNode Parent, TSFieldId ParentField) {
    TSNode Attr = field(N, G.FAttribute);
    if (ts_node_is_null(Attr))
      return;
    const Rule *R = Rules.attributeRule(Source.textOf(Attr));
    if (!R)
      return;
    if (!ts_node_is_null(Parent) && sym(Parent) == G.Call && ParentField == G.FFunction)
      return; // a method call, not an attribute read
    if (isAssignmentTarget())
      return;
    TSNode Recv = field(N, G.FObject);
    if (isModuleReceiver(Recv))
      return;
    std::string RecvText = text(Recv), Match = text(N);
    emit(*R, N, ts_node_start_byte(N), ts_node_end_byte(N), [&](std::string_view V) {
      return V == "RECV" ? RecvText : V == "MATCH" ? Match : std::string();
    });
  }

  TSNode dotOf(TSNode AttributeNode) const {
    TSNode Dot{};
    forEachChild(AttributeNode, [&](TSNode C, TSFieldId) {
      if (ts_node_is_null(Dot) && !ts_node_is_named(C) && Source.textOf(C) == ".")
        Dot = C;
    });
    return Dot;
  }

  void handleCall(TSNode N) {
    TSNode Fn = field(N, G.FFunction);
    TSNode ArgsNode = field(N, G.FArguments);
    if (ts_node_is_null(Fn))
      return;
    CallArgs A = parseArgs(ArgsNode);
    std::optional<std::string> Q = Resolver.resolve(Fn, scope());

    if (sym(Fn) == G.Attribute) {
      TSNode Recv = field(Fn, G.FObject);
      std::string_view Method = Source.textOf(field(Fn, G.FAttribute));
      if (!isModuleReceiver(Recv)) {
        handleMethodRules(N, Fn, Recv, Method, A);
        if (Method == "to" && !A.Positional.empty())
          considerDeviceValue(A.Positional.front());
        if (Method == "add_argument" && namesDeviceOption(A))
          for (auto &[Name, Value] : A.Keywords)
            if (Name == "default")
              considerDeviceValue(Value);
        handleArgumentRules(Rules.argumentRules("." + std::string(Method)), A);
      }
    }
    if (Q) {
      if (*Q == "torch.device" && handleTypeAndIndex(A))
        return;
      for (std::string_view Call : DeviceFirstArgCalls) {
        if (*Q != Call)
          continue;
        if (!A.Positional.empty())
          considerDeviceValue(A.Positional.front());
        if (Call == "torch.device")
          for (auto &[Name, Value] : A.Keywords)
            if (Name == "type")
              considerDeviceValue(Value);
      }
      handleArgumentRules(Rules.argumentRules(*Q), A);
    }
    for (auto &[Name, Value] : A.Keywords)
      for (std::string_view K : DeviceKeywords)
        if (Name == K)
          considerDeviceValue(Value);
  }

  /// torch.device("cuda", rank): the type and the index together are an indexed device string,
  /// rewritten as torch.device(<indexed template>) so that the index is mapped like "cuda:N"
  /// (on the CPU, torch.device("cpu", 0) would not equal the devices of CPU tensors).
  bool handleTypeAndIndex(const CallArgs &A) {
    if (A.Positional.empty() || A.HasSplat)
      return false;
    TSNode Type = A.Positional[0];
    TSNode Index{};
    if (A.Positional.size() == 2)
      Index = A.Positional[1];
    else if (A.Positional.size() == 1 && A.Keywords.size() == 1 && A.Keywords[0].first == "index")
      Index = A.KeywordNodes[0];
    std::optional<std::string> Value = plainStringValue(Type);
    if (ts_node_is_null(Index) || !Value)
      return false;
    const Rule *R = Rules.deviceStringRule(*Value, true);
    if (!R)
      return false;
    std::string IndexText = text(sym(Index) == G.KeywordArgument ? field(Index, G.FValue) : Index);
    std::string Match(Source.text().substr(ts_node_start_byte(Type), ts_node_end_byte(Index) - ts_node_start_byte(Type)));
    emit(*R, Type, ts_node_start_byte(Type), ts_node_end_byte(Index), [&](std::string_view V) {
      return V == "INDEX" ? IndexText : V == "MATCH" ? Match : std::string();
    });
    return true;
  }

  /// add_argument("-d", "--device", ...): some option string names a device.
  bool namesDeviceOption(const CallArgs &A) const {
    for (TSNode P : A.Positional)
      if (sym(P) == G.String && Source.textOf(P).find("device") != std::string_view::npos)
        return true;
    return false;
  }

  void handleMethodRules(TSNode Call, TSNode Fn, TSNode Recv, std::string_view Method, const CallArgs &A) {
    for (const Rule *R : Rules.methodRules(Method)) {
      const auto &MM = std::get<MethodMatch>(R->Match);
      if (MM.MaxArgs && A.Positional.size() + A.Keywords.size() > *MM.MaxArgs)
        continue;
      const Template *T = R->edits() ? R->rewriteFor(TheTarget) : nullptr;
      std::string NoFix;
      if (T && A.HasSplat && needsExactArguments(*T))
        NoFix = "the call passes *args or **kwargs; rewrite by hand";
      std::size_t Start = ts_node_start_byte(Call);
      if (T && T->startsWithDot()) {
        TSNode Dot = dotOf(Fn);
        if (!ts_node_is_null(Dot))
          Start = ts_node_start_byte(Dot);
      }
      std::string RecvText = text(Recv), Match = text(Call);
      // Reported at the method name: in a.cuda().half().cuda() each call has its own place.
      TSNode Name = field(Fn, G.FAttribute);
      CallArguments Texts = argumentTexts(A);
      emit(*R, ts_node_is_null(Name) ? Call : Name, Start, ts_node_end_byte(Call), [&](std::string_view V) {
        if (V == "RECV")
          return RecvText;
        if (V == "MATCH")
          return Match;
        return callVariableValue(Texts, MM.Params, V);
      }, NoFix);
      return;
    }
  }

  bool literalEquals(TSNode N, const LiteralValue &V) const {
    switch (V.Type) {
    case LiteralValue::Kind::Bool:
      return (sym(N) == G.TrueLiteral || sym(N) == G.FalseLiteral) && Source.textOf(N) == V.Text;
    case LiteralValue::Kind::Number:
      return (sym(N) == G.Integer || sym(N) == G.Float) && Source.textOf(N) == V.Text;
    case LiteralValue::Kind::String: {
      std::optional<std::string> S = plainStringValue(N);
      return S && *S == V.Text;
    }
    }
    return false;
  }

  void handleArgumentRules(const std::vector<const Rule *> &ArgRules, const CallArgs &A) {
    for (const Rule *R : ArgRules) {
      const auto &AM = std::get<ArgumentMatch>(R->Match);
      TSNode Value{};
      for (auto &[Name, V] : A.Keywords)
        if (Name == AM.Keyword)
          Value = V;
      if (ts_node_is_null(Value) && AM.Position && !A.HasSplat && *AM.Position < A.Positional.size())
        Value = A.Positional[*AM.Position];
      if (ts_node_is_null(Value) || (AM.Value && !literalEquals(Value, *AM.Value)))
        continue;
      std::string Match = text(Value);
      emit(*R, Value, ts_node_start_byte(Value), ts_node_end_byte(Value),
           [&](std::string_view Var) { return Var == "MATCH" ? Match : std::string(); });
    }
  }

  // ---- device strings --------------------------------------------------------------------

  struct StringParts {
    std::string Prefix;
    std::vector<TSNode> Parts; ///< string_content, interpolation and escape_sequence nodes
  };

  StringParts splitString(TSNode S) const {
    StringParts P;
    forEachChild(S, [&](TSNode C, TSFieldId) {
      TSSymbol CS = sym(C);
      if (CS == G.StringStart) {
        std::string_view Start = Source.textOf(C);
        P.Prefix = std::string(Start.substr(0, Start.find_first_of("'\"")));
        for (char &Ch : P.Prefix)
          Ch = static_cast<char>(std::tolower(static_cast<unsigned char>(Ch)));
      } else if (CS == G.StringContent || CS == G.Interpolation || CS == G.EscapeSequence) {
        P.Parts.push_back(C);
      }
    });
    return P;
  }

  /// The value of a plain (not f-, not byte-) string without escapes.
  std::optional<std::string> plainStringValue(TSNode S) const {
    if (sym(S) != G.String)
      return std::nullopt;
    StringParts P = splitString(S);
    if (P.Prefix.find_first_of("bf") != std::string::npos)
      return std::nullopt;
    std::string Value;
    for (TSNode Part : P.Parts) {
      if (sym(Part) != G.StringContent)
        return std::nullopt;
      // string_content may hold escape sequences as children
      if (ts_node_named_child_count(Part) > 0)
        return std::nullopt;
      Value += Source.textOf(Part);
    }
    return Value;
  }

  void considerDeviceValue(TSNode E) {
    if (ts_node_is_null(E))
      return;
    TSSymbol S = sym(E);
    if (S == G.String) {
      checkDeviceString(E);
    } else if (S == G.ParenthesizedExpression) {
      forEachNamedChild(E, [&](TSNode C) { considerDeviceValue(C); });
    } else if (S == G.ConditionalExpression) {
      std::vector<TSNode> Operands;
      forEachNamedChild(E, [&](TSNode C) {
        if (sym(C) != G.Comment)
          Operands.push_back(C);
      });
      if (Operands.size() == 3) { // body if condition else orelse
        considerDeviceValue(Operands[0]);
        considerDeviceValue(Operands[2]);
      }
    }
  }

  void checkDeviceString(TSNode S) {
    StringParts P = splitString(S);
    if (P.Prefix.find('b') != std::string::npos)
      return;
    std::string Type, Index;
    bool Indexed = false;
    if (P.Prefix.find('f') != std::string::npos && P.Parts.size() == 2 && sym(P.Parts[0]) == G.StringContent &&
        sym(P.Parts[1]) == G.Interpolation) {
      std::string_view Head = Source.textOf(P.Parts[0]);
      TSNode Interp = P.Parts[1];
      TSNode Expr = field(Interp, G.FExpression);
      bool Plain = !ts_node_is_null(Expr) && ts_node_named_child_count(Interp) == 1;
      if (!Head.ends_with(':') || !Plain)
        return;
      Type = std::string(Head.substr(0, Head.size() - 1));
      Index = text(Expr);
      Indexed = true;
    } else {
      std::optional<std::string> Value = plainStringValue(S);
      if (!Value && P.Prefix.find('f') != std::string::npos && P.Parts.size() <= 1 &&
          (P.Parts.empty() || (sym(P.Parts[0]) == G.StringContent && ts_node_named_child_count(P.Parts[0]) == 0)))
        Value = P.Parts.empty() ? std::string() : text(P.Parts[0]);
      if (!Value)
        return;
      std::size_t Colon = Value->find(':');
      if (Colon == std::string::npos) {
        Type = *Value;
      } else {
        Type = Value->substr(0, Colon);
        Index = Value->substr(Colon + 1);
        if (!isDigits(Index))
          return;
        Indexed = true;
      }
    }
    const Rule *R = Rules.deviceStringRule(Type, Indexed);
    if (!R)
      return;
    std::string Match = text(S);
    emit(*R, S, ts_node_start_byte(S), ts_node_end_byte(S), [&](std::string_view V) {
      return V == "INDEX" ? Index : V == "MATCH" ? Match : std::string();
    });
  }

  bool isDeviceTypeExpression(TSNode E) const {
    if (sym(E) == G.Attribute) {
      std::string_view Name = Source.textOf(field(E, G.FAttribute));
      return Name == "type" || Name == "device_type";
    }
    return sym(E) == G.Identifier && Source.textOf(E) == "device_type";
  }

  void handleComparison(TSNode N) {
    std::vector<TSNode> Operands;
    std::vector<std::string_view> Operators;
    forEachChild(N, [&](TSNode C, TSFieldId F) {
      if (F == G.FOperators)
        Operators.push_back(Source.textOf(C));
      else if (ts_node_is_named(C) && sym(C) != G.Comment)
        Operands.push_back(C);
    });
    if (Operands.size() != 2 || Operators.size() != 1 || (Operators[0] != "==" && Operators[0] != "!="))
      return;
    if (isDeviceTypeExpression(Operands[0]))
      considerDeviceValue(Operands[1]);
    if (isDeviceTypeExpression(Operands[1]))
      considerDeviceValue(Operands[0]);
  }

  void handleAssignment(TSNode N) {
    TSNode Left = field(N, G.FLeft);
    TSNode Right = field(N, G.FRight);
    if (ts_node_is_null(Left) || ts_node_is_null(Right))
      return;
    std::string_view Name;
    if (sym(Left) == G.Identifier)
      Name = Source.textOf(Left);
    else if (sym(Left) == G.Attribute)
      Name = Source.textOf(field(Left, G.FAttribute));
    if (!Name.empty() && isDeviceVariableName(Name))
      considerDeviceValue(Right);
  }

  const ParsedSource &Source;
  const RuleSet &Rules;
  Target TheTarget;
  const Grammar &G;
  NameResolver Resolver;
  std::vector<Frame> Frames;
  std::vector<int> Scopes;
  std::vector<RuleHit> Hits;
};

} // namespace

std::vector<RuleHit> matchRules(const ParsedSource &Source, const RuleSet &Rules, Target T) {
  return Matcher(Source, Rules, T).run();
}

} // namespace tdp::python
