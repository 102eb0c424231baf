#include "cpp/PrecompiledHeader.h"

#include "cpp/ClangSetup.h"

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/HeaderSearch.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <cstdlib>
#include <fstream>

namespace fs = std::filesystem;
using namespace clang;

namespace tdp::cpp {
namespace {

std::string canonicalName(const fs::path &P) {
  std::error_code EC;
  fs::path C = fs::weakly_canonical(P, EC);
  return EC ? P.string() : C.string();
}

/// The one command of a PCH build.
class SingleCommand : public tooling::CompilationDatabase {
public:
  explicit SingleCommand(tooling::CompileCommand TheCommand) : Command(std::move(TheCommand)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }

private:
  tooling::CompileCommand Command;
};

/// The headers the synthetic header includes directly.
class DirectIncludes : public PPCallbacks {
public:
  DirectIncludes(const SourceManager &TheSM, std::vector<FileEntryRef> &TheFiles)
      : SM(TheSM), Files(TheFiles) {}
  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef File, StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (File && SM.isInMainFile(HashLoc))
      Files.push_back(*File);
  }

private:
  const SourceManager &SM;
  std::vector<FileEntryRef> &Files;
};

/// GeneratePCHAction that also checks what went into the PCH (see buildPrecompiledHeader).
class CheckedPchAction : public GeneratePCHAction {
public:
  CheckedPchAction(const ProjectScope &TheScope, std::string &TheProblem)
      : Scope(TheScope), Problem(TheProblem) {}

protected:
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<DirectIncludes>(CI.getSourceManager(), Direct));
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }
  void EndSourceFileAction() override {
    CompilerInstance &CI = getCompilerInstance();
    HeaderSearch &HS = CI.getPreprocessor().getHeaderSearchInfo();
    for (FileEntryRef F : Direct)
      if (Problem.empty() && !HS.isFileMultipleIncludeGuarded(F))
        Problem = F.getName().str() + " has no include guard or #pragma once";
    SourceManager &SM = CI.getSourceManager();
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end() && Problem.empty(); ++It) {
      if (Main && It->first == *Main)
        continue;
      std::string Path = canonicalName(It->first.getName().str());
      if (Scope.contains(Path))
        Problem = "it would hold " + Path + ", a header of the project";
    }
    GeneratePCHAction::EndSourceFileAction();
  }

private:
  const ProjectScope &Scope;
  std::string &Problem;
  std::vector<FileEntryRef> Direct;
};

class PchFactory : public tooling::FrontendActionFactory {
public:
  PchFactory(std::string TheOutput, const ProjectScope &TheScope, std::string &TheProblem)
      : Output(std::move(TheOutput)), Scope(TheScope), Problem(TheProblem) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckedPchAction>(Scope, Problem);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> Operations,
                     DiagnosticConsumer *Diags) override {
    Invocation->getFrontendOpts().OutputFile = Output;
    return tooling::FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                         std::move(Operations), Diags);
  }

private:
  std::string Output;
  const ProjectScope &Scope;
  std::string &Problem;
};

/// Keeps the first error of the PCH build, printing nothing.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !Message.empty())
      return;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    Message = Text.str().str();
  }
  std::string Message;
};

} // namespace

std::optional<TuCommand> tuCommandFor(const std::string &File,
                                      const tooling::CompilationDatabase &Database,
                                      const std::string &ResourceDir) {
  std::vector<tooling::CompileCommand> Commands = Database.getCompileCommands(File);
  if (Commands.size() != 1)
    return std::nullopt;
  const tooling::CompileCommand &C = Commands.front();
  TuCommand T;
  T.Directory = C.Directory;
  std::string Self = canonicalName(File);
  for (const std::string &A : C.CommandLine) {
    if (A == "--")
      return std::nullopt;
    bool IsInput =
        A == C.Filename || (!A.starts_with("-") && canonicalName(fs::path(C.Directory) / A) == Self);
    if (!IsInput)
      T.CommandLine.push_back(A);
  }
  if (T.CommandLine.size() + 1 != C.CommandLine.size())
    return std::nullopt; // the file appears more than once, or not at all
  T.Key = C.Directory;
  for (const std::string &A : parseArgumentsAdjuster(ResourceDir)(T.CommandLine, C.Filename))
    T.Key += std::string(1, '\0') + A;
  return T;
}

BuiltHeader buildPrecompiledHeader(const TuCommand &Command, const std::vector<std::string> &Lines,
                                   const fs::path &Stem, const ProjectScope &Scope,
                                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                                   const std::string &ResourceDir) {
  BuiltHeader Result;
  fs::path Header = Stem;
  Header += ".h";
  fs::path Pch = Stem;
  Pch += ".pch";
  {
    std::ofstream Out(Header, std::ios::binary);
    for (const std::string &L : Lines)
      Out << L << "\n";
    if (!Out.flush()) {
      Result.Problem = "cannot write " + Header.string();
      return Result;
    }
  }
  std::vector<std::string> Args = Command.CommandLine;
  for (const char *A : {"-x", "c++-header"})
    Args.emplace_back(A);
  Args.push_back(Header.string());
  SingleCommand Database(tooling::CompileCommand(Command.Directory, Header.string(), Args, ""));
  tooling::ClangTool Tool(Database, {Header.string()}, std::make_shared<PCHContainerOperations>(),
                          FS);
  Tool.clearArgumentsAdjusters();
  Tool.appendArgumentsAdjuster(parseArgumentsAdjuster(ResourceDir));
  FirstError Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  std::string Problem;
  PchFactory Factory(Pch.string(), Scope, Problem);
  int Status = Tool.run(&Factory);
  std::error_code EC;
  if (Problem.empty() && !Errors.Message.empty())
    Problem = "the headers do not compile: " + Errors.Message;
  if (Problem.empty() && (Status != 0 || !fs::is_regular_file(Pch, EC)))
    Problem = "Clang wrote no precompiled header";
  if (!Problem.empty()) {
    fs::remove(Pch, EC);
    Result.Problem = Problem;
    return Result;
  }
  Result.Pch = Pch;
  return Result;
}

ScratchDirectory::ScratchDirectory() {
  std::error_code EC;
  fs::path Base = fs::temp_directory_path(EC);
  if (EC)
    return;
  std::string Pattern = (Base / "torchdevice-port-pch-XXXXXX").string();
  if (::mkdtemp(Pattern.data()))
    Dir = Pattern;
}

ScratchDirectory::~ScratchDirectory() {
  if (Dir.empty())
    return;
  std::error_code EC;
  fs::remove_all(Dir, EC);
}

} // namespace tdp::cpp
