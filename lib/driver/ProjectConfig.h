// Project configuration: `.torchdevice-port.json`, found in the current directory or a parent
// (or named with --config). Command-line options override it.
#pragma once

#include "rules/Rule.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tdp {

struct ProjectConfig {
  std::filesystem::path File; ///< the configuration file
  std::filesystem::path Dir;  ///< its directory: relative globs are matched from here
  std::vector<std::string> Select, Ignore, Exclude;
  std::optional<Target> TheTarget;
  /// glob -> rule ids or prefixes ignored for files matching the glob
  std::vector<std::pair<std::string, std::vector<std::string>>> PerPathIgnores;

  /// True when a rule is ignored for Path by a per-path entry.
  bool ignoredFor(const std::filesystem::path &Path, std::string_view RuleId) const;
  /// The rule id prefixes ignored for Path ("" for every rule).
  std::vector<std::string> ignoredRulesFor(const std::filesystem::path &Path) const;
  /// True when Path matches an `exclude` glob (relative to the configuration's directory).
  bool excludes(const std::filesystem::path &Path) const;
};

inline constexpr const char *ProjectConfigName = ".torchdevice-port.json";

/// Reads a configuration file; throws UsageError with file:line:column on any problem.
ProjectConfig readProjectConfig(const std::filesystem::path &File);

/// The configuration for StartDir: the nearest `.torchdevice-port.json` in it or a parent.
std::optional<ProjectConfig> findProjectConfig(const std::filesystem::path &StartDir);

} // namespace tdp
