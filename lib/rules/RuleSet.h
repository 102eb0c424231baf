// A set of loaded rules for one language, filtered by --select/--ignore, with the lookup tables
// the matchers use.
#pragma once

#include "rules/Rule.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {

class RuleSet {
public:
  RuleSet() = default;
  /// Takes all rules of all languages. Throws RuleError on a duplicate id or on two rules that
  /// claim the same name, method, attribute or device string.
  explicit RuleSet(std::vector<Rule> Rules);
  // The lookup tables point into Rules: moving keeps them valid, copying would not.
  RuleSet(const RuleSet &) = delete;
  RuleSet &operator=(const RuleSet &) = delete;
  RuleSet(RuleSet &&) = default;
  RuleSet &operator=(RuleSet &&) = default;

  /// Keeps the rules whose id starts with one of Select (all when empty), then drops those whose
  /// id starts with one of Ignore. Throws UsageError for a selector that matches no rule.
  RuleSet filtered(const std::vector<std::string> &Select, const std::vector<std::string> &Ignore) const;

  const std::vector<Rule> &rules() const { return Rules; }
  const Rule *byId(std::string_view Id) const;
  /// Ids close to a misspelt one ("did you mean ...").
  std::vector<std::string> similarIds(std::string_view Id) const;

  // Python lookups. Each returns nullptr when no rule applies.
  const Rule *exactName(std::string_view Qualified) const;
  const Rule *wildcardName(std::string_view Qualified) const;
  /// True when some rule names M.X with X == Name for a star-imported module M; sets Qualified.
  bool starImportedName(std::string_view Module, std::string_view Name) const;
  const std::vector<const Rule *> &methodRules(std::string_view Method) const;
  const Rule *attributeRule(std::string_view Attribute) const;
  const Rule *deviceStringRule(std::string_view DeviceType, bool Indexed) const;
  const std::vector<const Rule *> &argumentRules(std::string_view Call) const;
  bool hasArgumentRules() const { return !ArgumentRules.empty(); }
  /// Device types any device_string rule matches ("cuda", "mps").
  const std::vector<std::string> &deviceTypes() const { return DeviceTypes; }

  /// A cheap byte prefilter: false when Text contains none of the words some Python rule needs to
  /// see (every segment of a qualified name appears in a file that uses it, through its import
  /// or its attribute chain), so the file cannot match and need not be parsed.
  bool mayMatch(std::string_view Text) const;
  const std::vector<std::string> &triggerWords() const { return TriggerWords; }
  /// Modules the rewrites import (`torchdevice`): their names are modules in rewritten code
  /// even before the import is inserted.
  bool isImportModule(std::string_view Name) const;

private:
  void buildIndex();

  std::vector<Rule> Rules;
  std::map<std::string, const Rule *, std::less<>> ExactNames;
  std::map<std::string, const Rule *, std::less<>> WildcardPrefixes; // "torch.cuda." -> rule
  std::map<std::string, std::vector<const Rule *>, std::less<>> MethodRules;
  std::map<std::string, const Rule *, std::less<>> AttributeRules;
  std::map<std::string, const Rule *, std::less<>> DeviceStringRules; // "cuda" / "cuda:N"
  std::map<std::string, std::vector<const Rule *>, std::less<>> ArgumentRules;
  std::vector<std::string> DeviceTypes;
  std::vector<std::string> TriggerWords;
  std::vector<std::string> ImportModules;
};

} // namespace tdp
