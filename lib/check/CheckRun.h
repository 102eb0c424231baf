// `torchdevice-port check`: reads, never writes; reports every hard-coded device use.
#pragma once

#include "check/Finding.h"
#include "cpp/CompileCommandOptions.h"
#include "driver/FileDiscovery.h"
#include "driver/ProjectConfig.h"
#include "rules/Rule.h"

#include <optional>
#include <string>
#include <vector>

namespace tdp {

class RuleSet;

struct CheckOptions {
  std::vector<std::string> Paths;
  Target TheTarget = Target::Auto;
  DiscoveryOptions Discovery;
  unsigned Jobs = 1;
  bool ReportUnusedSuppressions = false;
  std::optional<ProjectConfig> Config; ///< for per-path ignores
  bool Cpp = true;                     ///< check C++ sources and headers too (the C++ frontend)
  cpp::CompileCommandOptions Commands; ///< C++: -p DIR, flags after `--`
};

CheckReport runCheck(const CheckOptions &Options, const RuleSet &Rules);

} // namespace tdp
