// Where and how `import torchdevice` goes into a Python file.
#pragma once

#include "core/Edit.h"
#include "python/PythonSyntax.h"
#include "rules/Rule.h"

#include <optional>
#include <string_view>

namespace tdp::python {

/// True when the module imports Module at top level with a plain `import Module`.
bool importsModule(const ParsedSource &Source, std::string_view Module);

/// The insertion of `import Module` (plus, for torchdevice and a target other than auto, the line
/// `torchdevice.prefer("TARGET")`) after the shebang/encoding lines, module docstring,
/// `from __future__` imports and the leading run of imports; nullopt when already imported.
std::optional<Edit> importInsertion(const ParsedSource &Source, std::string_view Module, Target T);

} // namespace tdp::python
