// Pre-order walk over a tree-sitter tree with a cursor (no ts_node_parent, no indexed children).
#pragma once

#include <tree_sitter/api.h>

namespace tdp::python {

/// Calls Enter(node, fieldId) for every node in pre-order; when Enter returns false the node's
/// children are skipped. Leave(node) is called once for every entered node, after its children.
template <typename EnterFn, typename LeaveFn> void walkTree(TSNode Root, EnterFn &&Enter, LeaveFn &&Leave) {
  TSTreeCursor C = ts_tree_cursor_new(Root);
  for (;;) {
    TSNode N = ts_tree_cursor_current_node(&C);
    bool Descend = Enter(N, ts_tree_cursor_current_field_id(&C));
    if (Descend && ts_tree_cursor_goto_first_child(&C))
      continue;
    Leave(N);
    bool Done = false;
    while (!ts_tree_cursor_goto_next_sibling(&C)) {
      if (!ts_tree_cursor_goto_parent(&C)) {
        Done = true;
        break;
      }
      Leave(ts_tree_cursor_current_node(&C));
    }
    if (Done)
      break;
  }
  ts_tree_cursor_delete(&C);
}

} // namespace tdp::python
