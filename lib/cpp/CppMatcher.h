// Runs the C++ rules over one translation unit with Clang: semantic matches by qualified name
// (through using declarations, namespace aliases, typedefs and auto), member calls, c10::Device
// strings, #includes; token-level matches for raw CUDA API names and, at lower confidence, for
// names that did not resolve or sit in inactive preprocessor branches.
#pragma once

#include "rules/Rule.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tdp::cpp {

class CppRuleIndex;

struct CppHit {
  std::string File;       ///< canonical path of the file the text is in
  std::size_t Offset = 0; ///< of the matched (and, with a fix, replaced) text
  std::size_t Length = 0;
  const Rule *Matched = nullptr;
  std::optional<std::string> Replacement;
  std::string NoFixReason;
  bool LowConfidence = false; ///< matched at token level, not semantically
  bool Include = false;       ///< an #include directive: Offset/Length cover the file name with <> or ""
};

/// Which files belong to the project being ported (edits elsewhere are dropped).
class ProjectScope {
public:
  explicit ProjectScope(const std::vector<std::filesystem::path> &Roots);
  bool contains(const std::string &CanonicalPath) const;

private:
  std::vector<std::string> Roots; // canonical, with a trailing '/' for directories
};

struct TuMatchResult {
  std::vector<CppHit> Hits;
  unsigned Errors = 0;
  std::string FirstError;                ///< "file:line:col: message"
  std::set<std::string> ProjectFiles;    ///< project files the TU read (main file and headers)
  bool Ran = false;                      ///< Clang ran (a file is never dropped: see Errors)
  bool UsedPrecompiledHeader = false;    ///< parsed with TuMatchOptions::PrecompiledHeader
  std::string RejectedPrecompiledHeader; ///< why Clang refused it (then parsed in full)
};

struct TuMatchOptions {
  Target TheTarget = Target::Auto;
  std::string ResourceDir;
  std::string PrecompiledHeader; ///< -include-pch this (see PrecompiledHeader.h); empty: parse in full
};

/// Parses File and matches the rules. With a precompiled header that Clang refuses, it parses
/// again in full: the result is always that of the full parse.
TuMatchResult matchTranslationUnit(const std::string &File, const clang::tooling::CompilationDatabase &Database,
                                   const CppRuleIndex &Rules, const ProjectScope &Scope,
                                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, const TuMatchOptions &Options);

} // namespace tdp::cpp
