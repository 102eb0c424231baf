// What `migrate` needs from a language frontend, independent of the language: which files it
// claims, and the port of one file as a language-neutral result. Python goes through the port
// engine (python::portPythonSource via the driver); the C++ frontend plugs in here too.
#pragma once

#include "driver/ProjectConfig.h"
#include "python/PythonPorter.h"
#include "rules/Rule.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::migrate {

/// A use left for manual work.
struct LeftUse {
  std::string Rule, Category;
  std::string Kind; ///< "unsupported" (the rule has no port) or "not-rewritten" (it could not rewrite here)
  unsigned Line = 0, Column = 0;
  std::string Message, Advice; ///< Advice: the rule's advice, or why it was not rewritten here
  std::string Effort;          ///< the rule's "effort" (low/medium/high; empty = medium)
};

/// An edit made at token level, without semantic confirmation (C++ fallback); none for Python.
struct LowConfidenceEdit {
  std::string Rule;
  unsigned Line = 0, Column = 0;
  std::string Note;
};

/// Why a file could not be (completely) ported.
struct ParseProblem {
  std::string Kind; ///< "unreadable", "encoding", "syntax", "rewrite-broken", "internal"
  unsigned Line = 0, Column = 0; ///< 0 when the problem has no position
  std::string Message;
};

/// The port of one file, language-neutral.
struct FilePort {
  std::string Output;  ///< the ported text; the input when nothing changed or on a problem
  std::map<std::string, std::size_t> EditsByRule, EditsByCategory;
  std::size_t Converted = 0;  ///< uses rewritten
  std::size_t Suppressed = 0; ///< uses kept by a suppression comment or per-path ignore
  std::vector<LeftUse> Left;
  std::vector<LowConfidenceEdit> LowConfidence;
  std::vector<std::string> Conflicts;
  std::vector<ParseProblem> Problems; ///< non-empty: the file was left unchanged
  /// Compiler diagnostics that did not stop the port (C++: parse errors of the file's translation
  /// unit; names that did not resolve were matched at token level). Always empty for Python.
  std::vector<std::string> Diagnostics;
};

/// One file handed to a frontend.
struct FileInput {
  std::filesystem::path Path; ///< where it was read
  const std::string *Text = nullptr;
};

class LanguageFrontend {
public:
  virtual ~LanguageFrontend() = default;
  /// The language name written into the report ("python", "cpp").
  virtual std::string_view language() const = 0;
  /// True when the frontend ports this file (a path below its root; by name).
  virtual bool claims(const std::filesystem::path &Relative) const = 0;

  /// False (the default): files are independent; `migrate` streams them through port() in
  /// parallel batches and re-ports only the files that changed. True: the files depend on each
  /// other (C++ translation units sharing headers); `migrate` hands all of them to portAll() at
  /// once, and ports all of them again when any one changed.
  virtual bool portsWholeSet() const { return false; }

  /// Ports the text of one file. Must be thread-safe: `migrate` calls it from several threads.
  virtual FilePort port(const std::string &Text, const std::filesystem::path &Path) const = 0;

  /// Ports a set of files together; one result per input, in order. Cancelled() turns true on
  /// Ctrl-C: a long-running frontend should stop early (its results are then discarded). The
  /// default ports each file with port() on Jobs threads.
  virtual std::vector<FilePort> portAll(const std::vector<FileInput> &Files, unsigned Jobs,
                                        const std::function<bool()> &Cancelled) const;
};

/// The language-neutral result of the port engine's PortResult for one file (Python, and the C++
/// porter, which reports its files in the same structure). Problem is the driver's reason a file
/// was not ported (empty when it was).
FilePort filePortFrom(const std::string &Original, const python::PortResult &Result, const std::string &Problem,
                      std::size_t ProblemOffset);

/// The Python frontend: the port engine behind `torchdevice-port PATH`.
std::unique_ptr<LanguageFrontend> makePythonFrontend(const RuleSet &Rules, Target TheTarget,
                                                     const std::optional<ProjectConfig> &Config);

} // namespace tdp::migrate
