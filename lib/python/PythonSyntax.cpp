#include "python/PythonSyntax.h"

#include <cstring>
#include <stdexcept>

extern "C" const TSLanguage *tree_sitter_python(void);

namespace tdp::python {
namespace {

TSSymbol symbol(const TSLanguage *L, const char *Name, bool Named = true) {
  TSSymbol S = ts_language_symbol_for_name(L, Name, static_cast<uint32_t>(std::strlen(Name)), Named);
  if (S == 0)
    throw std::logic_error(std::string("tree-sitter-python has no node type ") + Name);
  return S;
}

TSFieldId fieldId(const TSLanguage *L, const char *Name) {
  TSFieldId F = ts_language_field_id_for_name(L, Name, static_cast<uint32_t>(std::strlen(Name)));
  if (F == 0)
    throw std::logic_error(std::string("tree-sitter-python has no field ") + Name);
  return F;
}

Grammar makeGrammar() {
  const TSLanguage *L = tree_sitter_python();
  Grammar G{};
  G.Language = L;
  G.Module = symbol(L, "module");
  G.Call = symbol(L, "call");
  G.Attribute = symbol(L, "attribute");
  G.Identifier = symbol(L, "identifier");
  G.KeywordArgument = symbol(L, "keyword_argument");
  G.ArgumentList = symbol(L, "argument_list");
  G.String = symbol(L, "string");
  G.StringStart = symbol(L, "string_start");
  G.StringContent = symbol(L, "string_content");
  G.StringEnd = symbol(L, "string_end");
  G.Interpolation = symbol(L, "interpolation");
  G.ConcatenatedString = symbol(L, "concatenated_string");
  G.ConditionalExpression = symbol(L, "conditional_expression");
  G.ParenthesizedExpression = symbol(L, "parenthesized_expression");
  G.ComparisonOperator = symbol(L, "comparison_operator");
  G.Assignment = symbol(L, "assignment");
  G.AugmentedAssignment = symbol(L, "augmented_assignment");
  G.DefaultParameter = symbol(L, "default_parameter");
  G.TypedDefaultParameter = symbol(L, "typed_default_parameter");
  G.TypedParameter = symbol(L, "typed_parameter");
  G.Parameters = symbol(L, "parameters");
  G.LambdaParameters = symbol(L, "lambda_parameters");
  G.ImportStatement = symbol(L, "import_statement");
  G.ImportFromStatement = symbol(L, "import_from_statement");
  G.FutureImportStatement = symbol(L, "future_import_statement");
  G.AliasedImport = symbol(L, "aliased_import");
  G.DottedName = symbol(L, "dotted_name");
  G.RelativeImport = symbol(L, "relative_import");
  G.WildcardImport = symbol(L, "wildcard_import");
  G.FunctionDefinition = symbol(L, "function_definition");
  G.ClassDefinition = symbol(L, "class_definition");
  G.DecoratedDefinition = symbol(L, "decorated_definition");
  G.Lambda = symbol(L, "lambda");
  G.ForStatement = symbol(L, "for_statement");
  G.ForInClause = symbol(L, "for_in_clause");
  G.AsPatternTarget = symbol(L, "as_pattern_target");
  G.NamedExpression = symbol(L, "named_expression");
  G.GlobalStatement = symbol(L, "global_statement");
  G.NonlocalStatement = symbol(L, "nonlocal_statement");
  G.ListComprehension = symbol(L, "list_comprehension");
  G.SetComprehension = symbol(L, "set_comprehension");
  G.DictionaryComprehension = symbol(L, "dictionary_comprehension");
  G.GeneratorExpression = symbol(L, "generator_expression");
  G.ExpressionStatement = symbol(L, "expression_statement");
  G.Comment = symbol(L, "comment");
  G.EscapeSequence = symbol(L, "escape_sequence");
  G.TrueLiteral = symbol(L, "true");
  G.FalseLiteral = symbol(L, "false");
  G.Integer = symbol(L, "integer");
  G.Float = symbol(L, "float");
  G.ListSplat = symbol(L, "list_splat");
  G.DictionarySplat = symbol(L, "dictionary_splat");
  G.Block = symbol(L, "block");
  G.TuplePattern = symbol(L, "tuple_pattern");
  G.ListPattern = symbol(L, "list_pattern");
  G.PatternList = symbol(L, "pattern_list");
  G.Tuple = symbol(L, "tuple");
  G.List = symbol(L, "list");
  G.ExceptClause = symbol(L, "except_clause");
  G.KeywordSeparator = symbol(L, "keyword_separator");
  G.PositionalSeparator = symbol(L, "positional_separator");
  G.ListSplatPattern = symbol(L, "list_splat_pattern");
  G.DictionarySplatPattern = symbol(L, "dictionary_splat_pattern");
  G.FormatSpecifier = symbol(L, "format_specifier");
  G.TypeConversion = symbol(L, "type_conversion");
  G.FFunction = fieldId(L, "function");
  G.FArguments = fieldId(L, "arguments");
  G.FObject = fieldId(L, "object");
  G.FAttribute = fieldId(L, "attribute");
  G.FName = fieldId(L, "name");
  G.FValue = fieldId(L, "value");
  G.FLeft = fieldId(L, "left");
  G.FRight = fieldId(L, "right");
  G.FAlias = fieldId(L, "alias");
  G.FModuleName = fieldId(L, "module_name");
  G.FBody = fieldId(L, "body");
  G.FParameters = fieldId(L, "parameters");
  G.FOperators = fieldId(L, "operators");
  G.FType = fieldId(L, "type");
  G.FExpression = fieldId(L, "expression");
  return G;
}

struct ParserDeleter {
  void operator()(TSParser *P) const { ts_parser_delete(P); }
};

TSParser *threadParser() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> Parser = [] {
    std::unique_ptr<TSParser, ParserDeleter> P(ts_parser_new());
    if (!ts_parser_set_language(P.get(), Grammar::get().Language))
      throw std::logic_error("tree-sitter-python grammar is incompatible with the tree-sitter runtime");
    return P;
  }();
  return Parser.get();
}

} // namespace

const Grammar &Grammar::get() {
  static const Grammar G = makeGrammar();
  return G;
}

ParsedSource::ParsedSource(std::string_view Source) : Text(Source) {
  TSTree *T = ts_parser_parse_string(threadParser(), nullptr, Text.data(), static_cast<uint32_t>(Text.size()));
  if (!T)
    throw std::runtime_error("tree-sitter failed to parse the file");
  Tree.reset(T);
}

TSNode ParsedSource::firstError() const {
  TSNode Root = root();
  if (!ts_node_has_error(Root))
    return TSNode{};
  TSTreeCursor C = ts_tree_cursor_new(Root);
  TSNode Found{};
  for (;;) {
    TSNode N = ts_tree_cursor_current_node(&C);
    if (ts_node_is_error(N) || ts_node_is_missing(N)) {
      Found = N;
      break;
    }
    if (ts_node_has_error(N) && ts_tree_cursor_goto_first_child(&C))
      continue;
    bool Moved = false;
    while (!(Moved = ts_tree_cursor_goto_next_sibling(&C)))
      if (!ts_tree_cursor_goto_parent(&C))
        break;
    if (!Moved)
      break;
  }
  ts_tree_cursor_delete(&C);
  return Found;
}

void forEachChild(TSNode N, const std::function<void(TSNode, TSFieldId)> &Fn) {
  TSTreeCursor C = ts_tree_cursor_new(N);
  if (ts_tree_cursor_goto_first_child(&C)) {
    do
      Fn(ts_tree_cursor_current_node(&C), ts_tree_cursor_current_field_id(&C));
    while (ts_tree_cursor_goto_next_sibling(&C));
  }
  ts_tree_cursor_delete(&C);
}

void forEachNamedChild(TSNode N, const std::function<void(TSNode)> &Fn) {
  forEachChild(N, [&](TSNode Child, TSFieldId) {
    if (ts_node_is_named(Child))
      Fn(Child);
  });
}

} // namespace tdp::python
