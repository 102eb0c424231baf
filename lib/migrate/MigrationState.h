// The incremental state of `migrate` (default DIR/.torchdevice-port-state.json, or
// ROOT/.torchdevice-port-state.json in place): the tool version, the rule set's fingerprint, the
// target and options, and per file the content hashes of input and output with the file's report
// record. A re-run reuses what has not changed; a run with other options is refused.
#pragma once

#include "migrate/MigrationReport.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace tdp::migrate {

inline constexpr const char *StateFileName = ".torchdevice-port-state.json";
inline constexpr int StateSchemaVersion = 2; // 2: file records carry "diagnostics"

struct SourceState {
  std::string Input;  ///< SHA-256 of the input
  std::string Output; ///< SHA-256 of the output
  Json Record;        ///< the file's report record
  mutable std::string RecordText; ///< Record serialised (made once: the state is saved often); "" = not yet
};

/// A copied file: enough of both ends' metadata to skip the copy when neither changed.
struct CopyState {
  std::uintmax_t Size = 0, DestSize = 0;
  std::int64_t MtimeNs = 0, DestMtimeNs = 0;
  unsigned Mode = 0;
};

class MigrationState {
public:
  /// Reads a state file; nullopt when it does not exist. Throws UsageError when it exists but is
  /// not a state file this tool can read.
  static std::optional<MigrationState> load(const std::filesystem::path &Path);

  /// Throws UsageError (a clear message naming what differs, and --restart) unless the state was
  /// written by this tool version, with these rules and options.
  void requireCompatible(const std::string &RulesFingerprint, const Json &Options,
                         const std::filesystem::path &Path) const;

  /// Writes the state atomically.
  void save(const std::filesystem::path &Path) const;

  std::string ToolVersion, RulesFingerprint;
  Json Options = Json::object();
  bool Complete = false;
  std::map<std::string, SourceState> Sources; ///< key: "repository/path"
  std::map<std::string, CopyState> Copies;

private:
  mutable std::string LastWritten; ///< what save() last wrote (or found already there)
};

} // namespace tdp::migrate
