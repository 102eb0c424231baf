#include "cpp/ClangSetup.h"

#include "core/EmbeddedFile.h"
#include "cpp/ParseShims.h"

#include <clang/Basic/Version.h>
#include <clang/Tooling/Tooling.h>
#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <llvm/Support/MemoryBuffer.h>

namespace fs = std::filesystem;

namespace tdp::cpp {
namespace {

bool usableResourceDir(const fs::path &Dir) {
  std::error_code EC;
  return fs::is_regular_file(Dir / "include" / "stddef.h", EC);
}

} // namespace

std::optional<std::string> findClangResourceDir(std::string &Why) {
  if (const char *Env = std::getenv("TORCHDEVICE_CLANG_RESOURCE_DIR"); Env && *Env) {
    if (usableResourceDir(Env))
      return std::string(Env);
    Why = std::string("TORCHDEVICE_CLANG_RESOURCE_DIR=") + Env + " has no include/stddef.h";
    return std::nullopt;
  }
  // The library that holds Clang's code knows where its LLVM lives.
  Dl_info Info;
  auto *Anchor = reinterpret_cast<void *>(&clang::tooling::runToolOnCode);
  if (::dladdr(Anchor, &Info) != 0 && Info.dli_fname) {
    // The library may be reached through a symbolic link from LLVM's own lib directory (Debian:
    // /usr/lib/llvm-19/lib/libclang-cpp.so -> /usr/lib/x86_64-linux-gnu/...): look around both.
    std::error_code EC;
    fs::path Linked(Info.dli_fname);
    fs::path Real = fs::canonical(Linked, EC);
    std::string Major = std::to_string(CLANG_VERSION_MAJOR);
    for (const fs::path &Lib : {Linked, Real}) {
      fs::path Dir = Lib.parent_path();
      for (int Up = 0; Up < 3 && !Dir.empty(); ++Up, Dir = Dir.parent_path())
        for (const fs::path &Candidate : {Dir / "clang" / Major, Dir / "lib" / "clang" / Major,
                                          Dir / ("llvm-" + Major) / "lib" / "clang" / Major})
          if (usableResourceDir(Candidate))
            return Candidate.string();
    }
    Why = std::string("no clang/") + Major + "/include near " + Info.dli_fname;
  } else {
    Why = "cannot locate the Clang library the tool is linked with";
  }
  Why += " (install clang-" + std::to_string(CLANG_VERSION_MAJOR) +
         " or set TORCHDEVICE_CLANG_RESOURCE_DIR to Clang's resource directory)";
  return std::nullopt;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fileSystemWithShims() {
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  auto Add = [&](const char *Dir, std::span<const EmbeddedFile> Files) {
    for (const EmbeddedFile &F : Files)
      Memory->addFile(std::string(Dir) + "/" + std::string(F.Name), 0,
                      llvm::MemoryBuffer::getMemBuffer(llvm::StringRef(F.Text.data(), F.Text.size()), F.Name,
                                                       /*RequiresNullTerminator=*/false));
  };
  Add(ShimDirectory, parseShimFiles());
  Add(ExampleHeaderDirectory, exampleHeaderFiles());
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      // Not getRealFileSystem(): ClangTool sets the working directory of its file system to each
      // compile command's directory, and on the real one that is the whole process's chdir (fatal
      // for relative paths and for the other threads). A physical file system keeps its own.
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(llvm::vfs::createPhysicalFileSystem().release()));
  Overlay->pushOverlay(Memory);
  return Overlay;
}

clang::tooling::ArgumentsAdjuster parseArgumentsAdjuster(const std::string &ResourceDir, std::vector<std::string> Extra) {
  // -fno-caret-diagnostics also keeps Clang from printing "N errors generated.": errors are counted
  // and reported by the tool itself.
  std::vector<std::string> Flags = {"-w", "-ferror-limit=0", "-fno-caret-diagnostics", "-idirafter", ShimDirectory};
  if (!ResourceDir.empty())
    Flags.push_back("-resource-dir=" + ResourceDir);
  Flags.insert(Flags.end(), Extra.begin(), Extra.end());
  using namespace clang::tooling;
  ArgumentsAdjuster All = combineAdjusters(getClangStripOutputAdjuster(), getClangStripDependencyFileAdjuster());
  All = combineAdjusters(std::move(All), getClangSyntaxOnlyAdjuster());
  return combineAdjusters(std::move(All), getInsertArgumentAdjuster(Flags, ArgumentInsertPosition::END));
}

} // namespace tdp::cpp
