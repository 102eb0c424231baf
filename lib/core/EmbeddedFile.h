// Files compiled into the binary (rules, parse shims) by cmake/EmbedFiles.cmake, so that the
// tool needs no data directory at run time.
#pragma once

#include <span>
#include <string_view>

namespace tdp {

struct EmbeddedFile {
  std::string_view Name; ///< path below the embedded directory, e.g. "python/sync.json"
  std::string_view Text;
};

} // namespace tdp
