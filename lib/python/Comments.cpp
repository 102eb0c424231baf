#include "python/Comments.h"

#include "python/TreeWalk.h"

namespace tdp::python {

std::vector<std::pair<std::size_t, std::size_t>> commentRanges(const ParsedSource &Source) {
  const Grammar &G = Grammar::get();
  std::vector<std::pair<std::size_t, std::size_t>> Out;
  walkTree(
      Source.root(),
      [&](TSNode N, TSFieldId) {
        if (ts_node_symbol(N) == G.Comment)
          Out.emplace_back(ts_node_start_byte(N), ts_node_end_byte(N));
        // Strings hold no comments: skip their insides.
        return ts_node_symbol(N) != G.String && ts_node_symbol(N) != G.Comment;
      },
      [](TSNode) {});
  return Out;
}

} // namespace tdp::python
