#include "python/NameResolver.h"

#include "python/TreeWalk.h"
#include "rules/RuleSet.h"

namespace tdp::python {

NameResolver::NameResolver(const ParsedSource &TheSource, const RuleSet &TheRules)
    : Source(TheSource), Rules(TheRules), G(Grammar::get()) {
  collect(Source.root());
}

int NameResolver::scopeOpenedBy(TSNode N) const {
  auto It = ScopeByNode.find({ts_node_start_byte(N), ts_node_symbol(N)});
  return It == ScopeByNode.end() ? -1 : It->second;
}

int NameResolver::bindingScope(int S, std::string_view Name) const {
  return Scopes[static_cast<std::size_t>(S)].Globals.count(Name) ? 0 : S;
}

void NameResolver::bindImport(int S, const std::string &Local, const std::string &Qualified, bool Module) {
  NameBinding &B = Scopes[static_cast<std::size_t>(bindingScope(S, Local))].Names[Local];
  B.ModuleImport = B.ModuleImport || Module;
  if (B.Imported && B.Qualified != Qualified)
    B.Ambiguous = true;
  B.Imported = true;
  if (B.Qualified.empty())
    B.Qualified = Qualified;
}

void NameResolver::bindOther(int S, std::string_view Local) {
  Scopes[static_cast<std::size_t>(bindingScope(S, Local))].Names[std::string(Local)].Other = true;
}

void NameResolver::bindTargets(int S, TSNode Target) {
  TSSymbol Sym = ts_node_symbol(Target);
  if (Sym == G.Identifier) {
    bindOther(S, Source.textOf(Target));
  } else if (Sym == G.PatternList || Sym == G.TuplePattern || Sym == G.ListPattern || Sym == G.Tuple ||
             Sym == G.List || Sym == G.ListSplatPattern || Sym == G.AsPatternTarget ||
             Sym == G.ParenthesizedExpression || Sym == G.ListSplat) {
    forEachNamedChild(Target, [&](TSNode Child) { bindTargets(S, Child); });
  }
  // Attributes and subscripts bind no name.
}

void NameResolver::bindParameters(int S, TSNode Params) {
  forEachNamedChild(Params, [&](TSNode P) {
    TSSymbol Sym = ts_node_symbol(P);
    if (Sym == G.Identifier) {
      bindOther(S, Source.textOf(P));
    } else if (Sym == G.DefaultParameter || Sym == G.TypedDefaultParameter) {
      TSNode Name = field(P, G.FName);
      if (!ts_node_is_null(Name))
        bindTargets(S, Name);
    } else if (Sym == G.TypedParameter || Sym == G.ListSplatPattern || Sym == G.DictionarySplatPattern) {
      forEachNamedChild(P, [&](TSNode Inner) {
        if (ts_node_symbol(Inner) == G.Identifier)
          bindOther(S, Source.textOf(Inner));
        else if (ts_node_symbol(Inner) == G.ListSplatPattern || ts_node_symbol(Inner) == G.DictionarySplatPattern)
          forEachNamedChild(Inner, [&](TSNode I2) {
            if (ts_node_symbol(I2) == G.Identifier)
              bindOther(S, Source.textOf(I2));
          });
      });
    } else if (Sym == G.TuplePattern) {
      bindTargets(S, P);
    }
  });
}

void NameResolver::collect(TSNode Root) {
  Scopes.push_back(Scope{});
  ScopeByNode[{ts_node_start_byte(Root), ts_node_symbol(Root)}] = 0;
  std::vector<std::pair<TSNode, int>> Stack; // scope-opening node -> scope index
  int Current = 0;

  auto Enter = [&](TSNode N, TSFieldId) -> bool {
    TSSymbol Sym = ts_node_symbol(N);
    if (Sym == G.ImportStatement) {
      forEachChild(N, [&](TSNode Child, TSFieldId F) {
        if (F != G.FName)
          return;
        if (ts_node_symbol(Child) == G.AliasedImport) {
          bindImport(Current, std::string(Source.textOf(field(Child, G.FAlias))),
                     std::string(Source.textOf(field(Child, G.FName))), true);
        } else {
          std::string Dotted(Source.textOf(Child));
          std::string Top = Dotted.substr(0, Dotted.find('.'));
          bindImport(Current, Top, Top, true);
        }
      });
      return false;
    }
    if (Sym == G.ImportFromStatement) {
      TSNode ModuleNode = field(N, G.FModuleName);
      bool Relative = ts_node_symbol(ModuleNode) == G.RelativeImport;
      std::string Module(Source.textOf(ModuleNode));
      forEachChild(N, [&](TSNode Child, TSFieldId F) {
        if (ts_node_symbol(Child) == G.WildcardImport) {
          if (!Relative)
            Scopes[static_cast<std::size_t>(Current)].StarModules.push_back(Module);
          return;
        }
        if (F != G.FName)
          return;
        std::string Imported, Local;
        if (ts_node_symbol(Child) == G.AliasedImport) {
          Imported = Source.textOf(field(Child, G.FName));
          Local = Source.textOf(field(Child, G.FAlias));
        } else {
          Imported = Local = Source.textOf(Child);
        }
        if (Relative)
          bindOther(Current, Local);
        else
          bindImport(Current, Local, Module + "." + Imported, false);
      });
      return false;
    }
    if (Sym == G.FutureImportStatement)
      return false;

    bool OpensScope = Sym == G.FunctionDefinition || Sym == G.ClassDefinition || Sym == G.Lambda ||
                      Sym == G.ListComprehension || Sym == G.SetComprehension ||
                      Sym == G.DictionaryComprehension || Sym == G.GeneratorExpression;
    if (Sym == G.FunctionDefinition || Sym == G.ClassDefinition) {
      TSNode Name = field(N, G.FName);
      if (!ts_node_is_null(Name))
        bindOther(Current, Source.textOf(Name));
    }
    if (OpensScope) {
      Scope S;
      S.Parent = Current;
      S.IsClass = Sym == G.ClassDefinition;
      Scopes.push_back(std::move(S));
      int Index = static_cast<int>(Scopes.size() - 1);
      ScopeByNode[{ts_node_start_byte(N), Sym}] = Index;
      Stack.emplace_back(N, Current);
      Current = Index;
      if (Sym == G.FunctionDefinition) {
        TSNode Params = field(N, G.FParameters);
        if (!ts_node_is_null(Params))
          bindParameters(Current, Params);
      }
      return true;
    }
    if (Sym == G.LambdaParameters) {
      bindParameters(Current, N);
      return true;
    }
    if (Sym == G.Assignment || Sym == G.AugmentedAssignment || Sym == G.ForStatement || Sym == G.ForInClause) {
      TSNode Left = field(N, G.FLeft);
      if (!ts_node_is_null(Left))
        bindTargets(Current, Left);
      return true;
    }
    if (Sym == G.NamedExpression) {
      TSNode Name = field(N, G.FName);
      if (!ts_node_is_null(Name))
        bindOther(Current, Source.textOf(Name));
      return true;
    }
    if (Sym == G.AsPatternTarget) {
      bindTargets(Current, N);
      return false;
    }
    if (Sym == G.ExceptClause) {
      TSNode Alias = field(N, G.FAlias);
      if (!ts_node_is_null(Alias) && ts_node_symbol(Alias) == G.Identifier)
        bindOther(Current, Source.textOf(Alias));
      return true;
    }
    if (Sym == G.GlobalStatement || Sym == G.NonlocalStatement) {
      if (Sym == G.GlobalStatement)
        forEachNamedChild(N, [&](TSNode Id) {
          if (ts_node_symbol(Id) == G.Identifier)
            Scopes[static_cast<std::size_t>(Current)].Globals.insert(std::string(Source.textOf(Id)));
        });
      return false;
    }
    return true;
  };
  auto Leave = [&](TSNode N) {
    if (!Stack.empty() && ts_node_eq(Stack.back().first, N)) {
      Current = Stack.back().second;
      Stack.pop_back();
    }
  };
  walkTree(Root, Enter, Leave);
}

const NameResolver::NameBinding *NameResolver::lookup(std::string_view Name, int ScopeIndex) const {
  int Cur = ScopeIndex;
  bool Innermost = true;
  while (Cur >= 0) {
    const Scope &S = Scopes[static_cast<std::size_t>(Cur)];
    if (S.IsClass && !Innermost) { // class bodies are not visible from nested scopes
      Cur = S.Parent;
      continue;
    }
    if (S.Globals.count(Name)) {
      Cur = 0;
      Innermost = false;
      continue;
    }
    if (auto It = S.Names.find(Name); It != S.Names.end())
      return &It->second;
    Innermost = false;
    Cur = S.Parent;
  }
  return nullptr;
}

std::optional<std::string> NameResolver::resolveName(std::string_view Name, int ScopeIndex) const {
  if (const NameBinding *B = lookup(Name, ScopeIndex)) {
    if (!B->Imported || B->Other || B->Ambiguous)
      return std::nullopt;
    return B->Qualified;
  }
  for (const std::string &Module : Scopes.front().StarModules)
    if (Rules.starImportedName(Module, Name))
      return Module + "." + std::string(Name);
  return std::nullopt;
}

namespace {
TSNode chainRoot(TSNode N, const Grammar &G) {
  while (ts_node_symbol(N) == G.Attribute) {
    N = field(N, G.FObject);
    if (ts_node_is_null(N))
      return N;
  }
  return N;
}
} // namespace

bool NameResolver::isModuleChain(TSNode Expr, int ScopeIndex) const {
  TSNode N = chainRoot(Expr, G);
  if (ts_node_is_null(N) || ts_node_symbol(N) != G.Identifier)
    return false;
  const NameBinding *B = lookup(Source.textOf(N), ScopeIndex);
  if (B)
    return B->ModuleImport && !B->Other;
  // The runtime module in rewritten code, before `import torchdevice` is inserted.
  return Rules.isImportModule(Source.textOf(N));
}

std::optional<std::string> NameResolver::resolve(TSNode Expr, int ScopeIndex) const {
  std::vector<std::string_view> Parts;
  TSNode N = Expr;
  while (ts_node_symbol(N) == G.Attribute) {
    TSNode Attr = field(N, G.FAttribute);
    if (ts_node_is_null(Attr))
      return std::nullopt;
    Parts.push_back(Source.textOf(Attr));
    N = field(N, G.FObject);
    if (ts_node_is_null(N))
      return std::nullopt;
  }
  if (ts_node_symbol(N) != G.Identifier)
    return std::nullopt;
  std::optional<std::string> Base = resolveName(Source.textOf(N), ScopeIndex);
  if (!Base)
    return std::nullopt;
  std::string Q = *Base;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    Q += '.';
    Q += *It;
  }
  return Q;
}

} // namespace tdp::python
