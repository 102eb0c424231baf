#include "cpp/CompileCommands.h"

#include "core/Error.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace tdp::cpp {

std::vector<std::string> defaultCompileFlags() {
  std::vector<std::string> Flags = {"-std=c++17", "-xc++"};
  // LibTorch's C++ API headers live in a separate include directory.
  std::vector<fs::path> Roots;
  if (const char *Torch = std::getenv("TORCH_INCLUDE_DIR"); Torch && *Torch)
    Roots.emplace_back(Torch);
  Roots.emplace_back("/usr/include");
  Roots.emplace_back("/usr/local/include");
  std::error_code EC;
  for (const fs::path &Root : Roots) {
    if (fs::exists(Root / "torch/csrc/api/include/torch/torch.h", EC)) {
      if (Root != "/usr/include" && Root != "/usr/local/include")
        Flags.push_back("-I" + Root.string());
      Flags.push_back("-I" + (Root / "torch/csrc/api/include").string());
      break;
    }
  }
  return Flags;
}

namespace {

/// A database that answers every file: the primary one where it knows the file, else defaults.
class FallbackDatabase : public clang::tooling::CompilationDatabase {
public:
  FallbackDatabase(std::unique_ptr<CompilationDatabase> ThePrimary, std::vector<std::string> TheFlags)
      : Primary(std::move(ThePrimary)), Flags(std::move(TheFlags)) {}

  std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef File) const override {
    if (Primary) {
      std::vector<clang::tooling::CompileCommand> Commands = Primary->getCompileCommands(File);
      if (!Commands.empty())
        return Commands;
    }
    std::vector<std::string> Args = {"clang++"};
    Args.insert(Args.end(), Flags.begin(), Flags.end());
    Args.push_back(File.str());
    return {clang::tooling::CompileCommand(fs::path(File.str()).parent_path().string(), File.str(), Args, "")};
  }
  std::vector<std::string> getAllFiles() const override {
    return Primary ? Primary->getAllFiles() : std::vector<std::string>{};
  }

private:
  std::unique_ptr<CompilationDatabase> Primary;
  std::vector<std::string> Flags;
};

std::unique_ptr<clang::tooling::CompilationDatabase> findDatabaseAbove(const fs::path &Start, std::string &Where) {
  std::error_code EC;
  for (fs::path Dir = fs::absolute(Start, EC); !Dir.empty(); Dir = Dir.parent_path()) {
    for (const fs::path &Candidate : {Dir / "compile_commands.json", Dir / "build" / "compile_commands.json"}) {
      if (fs::is_regular_file(Candidate, EC)) {
        std::string Error;
        auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
            Candidate.string(), Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
        if (DB) {
          Where = Candidate.string();
          return DB;
        }
      }
    }
    if (Dir == Dir.parent_path())
      break;
  }
  return nullptr;
}

bool listsFileUnder(const clang::tooling::CompilationDatabase &DB, const std::vector<std::string> &Paths) {
  std::vector<std::string> Roots;
  for (const std::string &P : Paths) {
    std::error_code EC;
    Roots.push_back(fs::weakly_canonical(fs::absolute(P), EC).string());
  }
  for (const std::string &File : DB.getAllFiles()) {
    std::error_code EC;
    std::string F = fs::weakly_canonical(fs::absolute(File), EC).string();
    for (const std::string &R : Roots)
      if (F == R || F.starts_with(R + "/"))
        return true;
  }
  return false;
}

} // namespace

CompileCommandSource loadCompileCommands(const std::vector<std::string> &Paths, const CompileCommandOptions &O) {
  CompileCommandSource Source;
  std::unique_ptr<clang::tooling::CompilationDatabase> Primary;
  std::vector<std::string> Flags = defaultCompileFlags();
  if (!O.CompileDbDir.empty()) {
    std::string Error;
    Primary = clang::tooling::CompilationDatabase::loadFromDirectory(O.CompileDbDir, Error);
    if (!Primary)
      throw UsageError("-p " + O.CompileDbDir + ": " + Error);
    Source.Description = "compilation database in " + O.CompileDbDir;
  } else if (!O.ExtraFlags.empty()) {
    Flags = O.ExtraFlags;
    Source.Description = "flags given after --";
  } else {
    std::string Where;
    for (const std::string &P : Paths) {
      fs::path Start = fs::is_directory(P) ? fs::path(P) : fs::path(P).parent_path();
      if ((Primary = findDatabaseAbove(Start.empty() ? fs::path(".") : Start, Where)))
        break;
    }
    // A database found above the input that lists none of its files belongs to another project
    // (the input is a subfolder of a bigger tree): its commands would be guesses.
    if (Primary && !listsFileUnder(*Primary, Paths)) {
      Source.Description = "default flags (C++17, LibTorch headers); " + Where + " lists no file under the input";
      Primary.reset();
    } else {
      Source.Description = Primary ? "compilation database " + Where : "default flags (C++17, LibTorch headers)";
    }
  }
  if (Primary)
    Primary = clang::tooling::inferMissingCompileCommands(std::move(Primary));
  Source.Database = std::make_unique<FallbackDatabase>(std::move(Primary), std::move(Flags));
  return Source;
}

} // namespace tdp::cpp
