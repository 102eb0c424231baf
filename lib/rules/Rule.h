// The rule model: what one JSON rule object says, checked and typed.
#pragma once

#include "rules/Template.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tdp {

/// The device the ported code prefers (`--target`).
enum class Target { Auto, Cpu, Mps, Cuda };
std::string_view targetName(Target T);
std::optional<Target> parseTarget(std::string_view Name);
inline constexpr Target AllTargets[] = {Target::Auto, Target::Cpu, Target::Mps, Target::Cuda};

enum class RuleKind { Rename, Rewrite, Keep, Unsupported };
std::string_view ruleKindName(RuleKind K);

enum class FixSafety { Safe, Unsafe };

/// A literal a rule can require an argument to be: a string, True/False, or a number.
struct LiteralValue {
  enum class Kind { String, Bool, Number } Type = Kind::String;
  std::string Text; ///< string value, "True"/"False", or the number as written in the rule
};

struct NameMatch {
  std::vector<std::string> Names; ///< qualified names; a trailing ".*" makes a wildcard
  bool Called = false;
  std::vector<std::string> Params;
};
struct MethodMatch {
  std::string Method;
  std::vector<std::string> Params;
  std::optional<unsigned> MaxArgs;
  std::vector<std::string> Classes; ///< C++: qualified names of the receiver's class (or a base)
};
struct AttributeMatch {
  std::string Attribute;
};
struct DeviceStringMatch {
  std::string DeviceType;
  bool Indexed = false;
};
struct ArgumentMatch {
  std::string Call; ///< qualified name, or ".method" for a method of any object
  std::string Keyword;
  std::optional<unsigned> Position;
  std::optional<LiteralValue> Value;
};
/// C++: an #include of one of these headers (spelled as inside <> or "").
struct IncludeMatch {
  std::vector<std::string> Headers;
};
/// C++: identifiers matched token by token, with no semantic check (raw CUDA runtime calls,
/// `__global__`, macros such as C10_CUDA_CHECK); "<<<" matches a kernel launch.
struct TokenMatch {
  std::vector<std::string> Tokens;
};
using RuleMatch = std::variant<NameMatch, MethodMatch, AttributeMatch, DeviceStringMatch, ArgumentMatch,
                               IncludeMatch, TokenMatch>;

struct RuleExample {
  enum class Kind { Fix, Valid, Finding } Type = Kind::Fix;
  std::string Before;
  std::map<std::string, std::string> After; ///< key: a target name or "default"
};

struct Rule {
  std::string Id;
  std::string Language; ///< "python" or "cpp"
  std::string Category;
  RuleKind Kind = RuleKind::Rename;
  FixSafety Safety = FixSafety::Safe;
  std::string Message;
  std::string Advice;
  /// The manual work one use left behind costs in the migration report: "low", "medium" or
  /// "high"; empty = medium. Only for rules that report (unsupported, or a rewrite that can fail).
  std::string Effort;
  std::string Note;
  std::string Import; ///< module the rewrite needs, or empty
  RuleMatch Match;
  std::map<std::string, Template> Rewrite; ///< key: a target name or "default"
  std::vector<RuleExample> Examples;
  std::string SourceFile; ///< where the rule was loaded from
  unsigned SourceLine = 0;

  /// The rewrite template for a target, or nullptr when the rule has none for it.
  const Template *rewriteFor(Target T) const;
  bool edits() const { return Kind == RuleKind::Rename || Kind == RuleKind::Rewrite; }
  bool reports() const { return Kind != RuleKind::Keep; }
};

/// The category table: name -> id prefix.
const std::map<std::string, std::string, std::less<>> &ruleCategories();

} // namespace tdp
