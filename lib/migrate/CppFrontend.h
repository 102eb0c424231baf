// The C++ frontend of `migrate` (see CppFrontend.cpp).
#pragma once

#include "cpp/CompileCommandOptions.h"
#include "migrate/LanguageFrontend.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tdp::migrate {

struct CppFrontendOptions {
  Target TheTarget = Target::Auto;
  std::vector<std::string> Roots;  ///< the repositories: each one's C++ files are ported together
  cpp::CompileCommandOptions Commands; ///< -p DIR / flags after `--`; else found in each root (or its build/)
  std::optional<ProjectConfig> Config; ///< per-path ignores
};

std::unique_ptr<LanguageFrontend> makeCppFrontend(const RuleSet &Rules, CppFrontendOptions Options);

} // namespace tdp::migrate
