// Typed errors and the tool's exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace tdp {

/// Exit codes of torchdevice-port (documented in docs/user-guide.md).
enum class ExitCode : int {
  Success = 0,      ///< Everything requested was done.
  Findings = 1,     ///< Done, but input needs attention: files skipped, conflicts (port) or findings (check).
  UsageError = 2,   ///< Bad command line, a path that does not exist.
  RuleError = 3,    ///< A rule file is invalid, ids clash, or a rule fails its own examples.
  Refused = 4,      ///< Refused to write: files with uncommitted changes (use --allow-dirty).
  InternalError = 5 ///< A bug: please report it.
};

/// An error the user can act on; carries the exit code the CLI should return.
class ToolError : public std::runtime_error {
public:
  ToolError(ExitCode code, const std::string &message)
      : std::runtime_error(message), Code(code) {}
  ExitCode code() const { return Code; }

private:
  ExitCode Code;
};

class UsageError : public ToolError {
public:
  explicit UsageError(const std::string &message) : ToolError(ExitCode::UsageError, message) {}
};

class RuleError : public ToolError {
public:
  explicit RuleError(const std::string &message) : ToolError(ExitCode::RuleError, message) {}
};

} // namespace tdp
