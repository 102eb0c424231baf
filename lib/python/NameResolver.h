// Resolves identifiers and attribute chains to qualified names through the file's imports,
// with Python's scoping: a name bound locally (assignment, parameter, def, class, loop or with
// variable) is the user's own and resolves to nothing.
#pragma once

#include "python/PythonSyntax.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::python {

class NameResolver {
public:
  /// Collects every scope and binding of the file.
  NameResolver(const ParsedSource &Source, const RuleSet &Rules);

  /// Index of the scope a scope-creating node (module, def, class, lambda, comprehension) opens,
  /// or -1 when the node opens none.
  int scopeOpenedBy(TSNode N) const;

  /// The qualified name of an identifier or attribute chain used in scope ScopeIndex, or nullopt
  /// when its root name is not bound by an import (or is also bound by something else).
  std::optional<std::string> resolve(TSNode Expr, int ScopeIndex) const;

  /// True when Expr is a module or something inside one: an identifier or attribute chain whose
  /// root name is bound by `import X` / `import X as Y` (not `from X import Y`).
  bool isModuleChain(TSNode Expr, int ScopeIndex) const;


private:
  struct NameBinding {
    bool Imported = false;
    bool ModuleImport = false; ///< bound by `import X [as Y]`
    bool Other = false;     ///< also bound by an assignment, parameter, def ...
    bool Ambiguous = false; ///< imported as two different things
    std::string Qualified;
  };
  struct Scope {
    int Parent = -1;
    bool IsClass = false;
    std::map<std::string, NameBinding, std::less<>> Names;
    std::set<std::string, std::less<>> Globals;
    std::vector<std::string> StarModules;
  };

  void collect(TSNode Root);
  void bindImport(int S, const std::string &Local, const std::string &Qualified, bool Module);
  void bindOther(int S, std::string_view Local);
  void bindTargets(int S, TSNode Target);
  void bindParameters(int S, TSNode Params);
  const NameBinding *lookup(std::string_view Name, int ScopeIndex) const;
  std::optional<std::string> resolveName(std::string_view Name, int ScopeIndex) const;
  /// The scope a binding in S really goes to: the module scope for names declared `global`.
  int bindingScope(int S, std::string_view Name) const;

  const ParsedSource &Source;
  const RuleSet &Rules;
  const Grammar &G;
  std::vector<Scope> Scopes;
  std::map<std::pair<uint32_t, TSSymbol>, int> ScopeByNode;
};

} // namespace tdp::python
