// The rule files under rules/, embedded into the binary at build time.
#pragma once

#include "core/EmbeddedFile.h"

namespace tdp {

std::span<const EmbeddedFile> builtinRuleFiles();

} // namespace tdp
