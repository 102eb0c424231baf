// tree-sitter-python access: a parser per thread, the parsed tree, and the grammar's symbol and
// field ids looked up once.
#pragma once

#include <tree_sitter/api.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace tdp::python {

/// Symbol and field ids of tree-sitter-python that the frontend uses.
struct Grammar {
  const TSLanguage *Language;
  TSSymbol Module, Call, Attribute, Identifier, KeywordArgument, ArgumentList, String, StringStart,
      StringContent, StringEnd, Interpolation, ConcatenatedString, ConditionalExpression,
      ParenthesizedExpression, ComparisonOperator, Assignment, AugmentedAssignment, DefaultParameter,
      TypedDefaultParameter, TypedParameter, Parameters, LambdaParameters, ImportStatement,
      ImportFromStatement, FutureImportStatement, AliasedImport, DottedName, RelativeImport,
      WildcardImport, FunctionDefinition, ClassDefinition, DecoratedDefinition, Lambda,
      ForStatement, ForInClause, AsPatternTarget, NamedExpression, GlobalStatement,
      NonlocalStatement, ListComprehension, SetComprehension, DictionaryComprehension,
      GeneratorExpression, ExpressionStatement, Comment, EscapeSequence, TrueLiteral,
      FalseLiteral, Integer, Float, ListSplat, DictionarySplat, Block, TuplePattern, ListPattern,
      PatternList, Tuple, List, ExceptClause, KeywordSeparator, PositionalSeparator,
      ListSplatPattern, DictionarySplatPattern, FormatSpecifier, TypeConversion;
  TSFieldId FFunction, FArguments, FObject, FAttribute, FName, FValue, FLeft, FRight, FAlias,
      FModuleName, FBody, FParameters, FOperators, FType, FExpression;

  static const Grammar &get();
};

/// A parsed Python source; it owns a copy of its text.
class ParsedSource {
public:
  /// Parses with this thread's parser.
  explicit ParsedSource(std::string_view Source);
  ParsedSource(const ParsedSource &) = delete;
  ParsedSource &operator=(const ParsedSource &) = delete;
  TSNode root() const { return ts_tree_root_node(Tree.get()); }
  bool hasErrors() const { return ts_node_has_error(root()); }
  std::string_view text() const { return Text; }
  std::string_view textOf(TSNode N) const {
    return std::string_view(Text).substr(ts_node_start_byte(N), ts_node_end_byte(N) - ts_node_start_byte(N));
  }
  /// The first syntax error (an ERROR or MISSING node), or a null node.
  TSNode firstError() const;

private:
  struct TreeDeleter {
    void operator()(TSTree *T) const { ts_tree_delete(T); }
  };
  std::string Text;
  std::unique_ptr<TSTree, TreeDeleter> Tree;
};

inline TSNode field(TSNode N, TSFieldId F) { return ts_node_child_by_field_id(N, F); }

/// Calls Fn for every child (named or not, with its field id) of N, using a cursor.
void forEachChild(TSNode N, const std::function<void(TSNode, TSFieldId)> &Fn);

/// Calls Fn for every named child of N.
void forEachNamedChild(TSNode N, const std::function<void(TSNode)> &Fn);

} // namespace tdp::python
