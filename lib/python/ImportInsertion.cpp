#include "python/ImportInsertion.h"

#include "core/SourceText.h"

namespace tdp::python {

bool importsModule(const ParsedSource &Source, std::string_view Module) {
  const Grammar &G = Grammar::get();
  bool Found = false;
  forEachNamedChild(Source.root(), [&](TSNode Stmt) {
    if (Found || ts_node_symbol(Stmt) != G.ImportStatement)
      return;
    forEachChild(Stmt, [&](TSNode Child, TSFieldId F) {
      if (F == G.FName && ts_node_symbol(Child) == G.DottedName && Source.textOf(Child) == Module)
        Found = true;
    });
  });
  return Found;
}

std::optional<Edit> importInsertion(const ParsedSource &Source, std::string_view Module, Target T) {
  if (importsModule(Source, Module))
    return std::nullopt;
  const Grammar &G = Grammar::get();
  std::string_view Text = Source.text();

  // The end of the header: docstring, __future__ imports, the leading run of imports.
  std::optional<std::size_t> AnchorEnd;
  std::optional<std::size_t> FirstStatement;
  bool Done = false;
  bool First = true;
  forEachNamedChild(Source.root(), [&](TSNode Stmt) {
    if (Done)
      return;
    TSSymbol S = ts_node_symbol(Stmt);
    if (S == G.Comment)
      return;
    bool IsDocstring = false;
    if (First && S == G.ExpressionStatement && ts_node_named_child_count(Stmt) == 1) {
      TSSymbol Inner = ts_node_symbol(ts_node_named_child(Stmt, 0));
      IsDocstring = Inner == G.String || Inner == G.ConcatenatedString;
    }
    First = false;
    if (IsDocstring || S == G.FutureImportStatement || S == G.ImportStatement || S == G.ImportFromStatement) {
      AnchorEnd = ts_node_end_byte(Stmt);
      return;
    }
    FirstStatement = ts_node_start_byte(Stmt);
    Done = true;
  });

  std::string NL(detectNewline(Text));
  std::string Lines = "import " + std::string(Module) + NL;
  if (Module == "torchdevice" && T != Target::Auto)
    Lines += "torchdevice.prefer(\"" + std::string(targetName(T)) + "\")" + NL;

  std::size_t Offset;
  std::string Prefix;
  if (AnchorEnd) {
    std::size_t LineEnd = Text.find('\n', *AnchorEnd);
    if (LineEnd == std::string_view::npos) {
      Offset = Text.size();
      Prefix = NL;
    } else {
      Offset = LineEnd + 1;
    }
  } else if (FirstStatement) {
    std::size_t LineStart = Text.rfind('\n', *FirstStatement == 0 ? 0 : *FirstStatement - 1);
    Offset = (LineStart == std::string_view::npos || *FirstStatement == 0) ? 0 : LineStart + 1;
    if (Offset == 0 && hasUtf8Bom(Text))
      Offset = 3;
  } else {
    Offset = Text.size();
    if (!Text.empty() && !Text.ends_with('\n'))
      Prefix = NL;
  }
  return Edit{Offset, 0, Prefix + Lines, "import"};
}

} // namespace tdp::python
