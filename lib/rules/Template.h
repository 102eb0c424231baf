// Rewrite templates: replacement text with `$NAME` / `$0` variables, `$[ ... ]` optional groups
// (emitted only when every variable inside is non-empty) and `$$` for a literal dollar sign.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {

class Template {
public:
  struct Segment {
    enum class Kind { Literal, Variable, Optional } Type = Kind::Literal;
    std::string Text;              ///< literal text, or the variable name
    std::vector<Segment> Children; ///< for Optional
  };

  /// Parses a template; throws std::invalid_argument with a description on bad syntax.
  static Template parse(std::string_view Source);

  /// Every variable name used, in order of first use.
  std::vector<std::string> variables() const;
  const std::string &source() const { return Source; }
  /// True when the template starts with a literal '.' (method rewrites that keep the receiver).
  bool startsWithDot() const;

  /// Expands the template. Lookup returns a variable's value (empty when absent).
  std::string expand(const std::function<std::string(std::string_view)> &Lookup) const;

private:
  std::string Source;
  std::vector<Segment> Segments;
};

} // namespace tdp
