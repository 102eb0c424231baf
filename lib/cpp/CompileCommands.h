// How each C++ file is compiled: a compilation database (-p DIR, or compile_commands.json found in
// a parent `build/`), flags given after `--`, or defaults that find Debian's LibTorch headers.
#pragma once

#include "cpp/CompileCommandOptions.h"

#include <clang/Tooling/CompilationDatabase.h>

#include <memory>
#include <string>
#include <vector>

namespace tdp::cpp {

struct CompileCommandSource {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::string Description; ///< for messages: where the commands come from
};

/// Builds the database for files under Paths. Files the database does not know (headers, new
/// files) get commands inferred from their neighbours, or the defaults.
CompileCommandSource loadCompileCommands(const std::vector<std::string> &Paths, const CompileCommandOptions &O);

/// The flags used when nothing else is known: C++17 and LibTorch's include directories.
std::vector<std::string> defaultCompileFlags();

} // namespace tdp::cpp
