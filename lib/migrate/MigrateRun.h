// `torchdevice-port migrate`: ports whole repositories into a mirrored out-root (or in place),
// incrementally (a state file), interruptibly (Ctrl-C leaves every file untouched or completely
// ported), in shards, with a migration report. See docs/migrate.md.
#pragma once

#include "cpp/CompileCommandOptions.h"
#include "driver/ProjectConfig.h"
#include "migrate/LanguageFrontend.h"
#include "migrate/MigrationReport.h"
#include "migrate/Progress.h"
#include "rules/Rule.h"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tdp {
class RuleSet;
}

namespace tdp::migrate {

struct MigrateOptions {
  std::vector<std::string> Roots;
  bool InPlace = false;
  std::filesystem::path OutRoot;
  Target TheTarget = Target::Auto;
  std::vector<std::string> Excludes;
  std::optional<ProjectConfig> Config;
  std::filesystem::path StateFile; ///< empty: OutRoot/.torchdevice-port-state.json, or in the first ROOT in place
  bool Restart = false;
  unsigned ShardIndex = 1, ShardCount = 1;
  unsigned Jobs = 1;
  bool VendorRuntime = false;
  bool AllowDirty = false;
  Progress::Mode ProgressMode = Progress::Mode::Off;
  std::string RulesFingerprint;
  Json ReportOptions = Json::object(); ///< settings shards of one run share (in the report and the state)
  std::vector<std::filesystem::path> ReportFiles; ///< never picked up by discovery
  bool Cpp = true;                     ///< port C++ sources and headers (the C++ frontend) too
  cpp::CompileCommandOptions Commands; ///< C++: -p DIR / flags after `--` (else found in each root)
  /// Frontends besides Python's and C++'s (asked first, in order): how another language plugs in.
  std::vector<std::shared_ptr<const LanguageFrontend>> Frontends;
};

struct MigrateResult {
  Json Report;
  std::filesystem::path StatePath;
  bool Interrupted = false;
  std::vector<std::string> Refusals; ///< in place: files the dirty-tree guard protected (nothing written)
  std::size_t Written = 0, Copied = 0;
  bool Trouble = false; ///< files with problems or conflicts, or run problems
};

/// Shard K of N owns a path below its root when stableHash64(path) % N == K - 1.
bool inShard(const std::string &Relative, unsigned Index, unsigned Count);

/// Runs the migration. Throws UsageError for bad options or a state file of another run.
/// Progress goes to Err; nothing else is printed.
MigrateResult runMigration(const MigrateOptions &Options, const RuleSet &Rules, std::ostream &Err);

} // namespace tdp::migrate
