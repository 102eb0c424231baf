// Suppression comments: `# torchdevice: ignore`, `# torchdevice: ignore[ID,...]` on a line,
// `# torchdevice: ignore-file[...]` anywhere in a file (`//` or `/* ... */` instead of `#` in
// C++). Ids may be prefixes (`ignore[DEV]`).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {

struct Suppression {
  unsigned Line = 0;   ///< 1-based line of the comment
  unsigned Column = 0; ///< 1-based column of the comment marker
  unsigned EndColumn = 0; ///< 1-based column just after the directive
  bool WholeFile = false;
  std::vector<std::string> Ids; ///< empty: every rule
  bool Used = false;

  bool covers(std::string_view RuleId) const;
};

class SuppressionSet {
public:
  /// Scans the text's comments (text after '#', '//' or '/*' on a line) for suppressions. When
  /// IsComment is given, a directive counts only where IsComment(offset of its marker) is true
  /// (the frontend knows which '#' starts a comment and which is inside a string).
  static SuppressionSet scan(std::string_view Text, const std::function<bool(std::size_t)> &IsComment = {});

  /// True (and marks the suppression used) when a finding of RuleId on Line is suppressed.
  bool suppresses(std::string_view RuleId, unsigned Line);
  const std::vector<Suppression> &all() const { return Items; }

private:
  std::vector<Suppression> Items;
};

} // namespace tdp
