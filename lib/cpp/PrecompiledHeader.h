// Precompiled headers of the LibTorch headers that several translation units include (the plan is
// HeaderReusePlan.h): built with the TUs' own compile command and the same parse shims, checked,
// and used with -include-pch. A PCH that cannot be built, or that Clang refuses later, means a
// full parse, never a dropped file.
#pragma once

#include "cpp/CppMatcher.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <filesystem>
#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <optional>
#include <string>
#include <vector>

namespace tdp::cpp {

/// A TU's compile command without its input file.
struct TuCommand {
  std::string Directory;
  std::vector<std::string> CommandLine; ///< as the database gives it, minus the input file
  std::string Key; ///< directory and the command line as parsed (after the tool's adjustments)
};

/// The command of File, when the database has exactly one for it and it is plain enough to
/// compile a header with instead (no `--` before the input).
std::optional<TuCommand> tuCommandFor(const std::string &File,
                                      const clang::tooling::CompilationDatabase &Database,
                                      const std::string &ResourceDir);

struct BuiltHeader {
  std::filesystem::path Pch; ///< empty when it could not be built
  std::string Problem;       ///< why not
};

/// Writes Lines as Stem.h and compiles it into Stem.pch with Command. Refuses a PCH that reads a
/// file of the project (those are ported, so they must be parsed with each TU) or whose directly
/// included headers lack an include guard (the TU's own #include would read them again).
BuiltHeader buildPrecompiledHeader(const TuCommand &Command, const std::vector<std::string> &Lines,
                                   const std::filesystem::path &Stem, const ProjectScope &Scope,
                                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                                   const std::string &ResourceDir);

/// A private directory for the PCHs of one run (under the system's temporary directory, unique
/// per run, so that parallel runs never share files), removed with everything in it on destruction.
class ScratchDirectory {
public:
  ScratchDirectory();
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory &) = delete;
  ScratchDirectory &operator=(const ScratchDirectory &) = delete;
  const std::filesystem::path &path() const { return Dir; } ///< empty when it could not be made

private:
  std::filesystem::path Dir;
};

} // namespace tdp::cpp
