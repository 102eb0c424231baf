// What Clang needs at run time wherever the tool is installed: the resource directory of the
// LLVM it runs with (builtin headers), and the embedded parse shims as a virtual directory.
#pragma once

#include <clang/Tooling/ArgumentsAdjusters.h>
#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <optional>
#include <string>
#include <vector>

namespace tdp::cpp {

/// Where the parse shims appear; added with -idirafter, so real CUDA headers win when present.
inline constexpr const char *ShimDirectory = "/__torchdevice_port__/shims";
/// Where the lite LibTorch headers for rule examples appear (-I, before everything else).
inline constexpr const char *ExampleHeaderDirectory = "/__torchdevice_port__/example-headers";

/// The resource directory: $TORCHDEVICE_CLANG_RESOURCE_DIR, else found next to the libclang-cpp
/// the tool is linked with (LIBDIR/clang/MAJOR). Sets Why when nothing usable is found.
std::optional<std::string> findClangResourceDir(std::string &Why);

/// The real file system with the parse shims overlaid under ShimDirectory and the example
/// headers under ExampleHeaderDirectory.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fileSystemWithShims();

/// How every parse adjusts its compile command (translation units and precompiled headers alike,
/// so that a PCH matches the TUs that use it): no output or dependency files, syntax only, no
/// warnings, no error limit, the parse shims after every other include directory, the resource
/// directory (when known), then Extra.
clang::tooling::ArgumentsAdjuster parseArgumentsAdjuster(const std::string &ResourceDir,
                                                         std::vector<std::string> Extra = {});

} // namespace tdp::cpp
