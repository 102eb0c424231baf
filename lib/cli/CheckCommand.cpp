#include "cli/CheckCommand.h"

#include "check/CheckRun.h"
#include "check/FindingFormats.h"
#include "core/Error.h"
#include "driver/FileIO.h"
#include "driver/PortRun.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <set>
#include <sstream>

namespace tdp {

CLI::App *addCheckCommand(CLI::App &Parent, CheckCliOptions &O) {
  CLI::App *Check = Parent.add_subcommand(
      "check", "Report hard-coded CUDA/MPS device code (reads, never writes unless --fix); for pre-commit and CI");
  addCommonOptions(*Check, O.Common);
  addCompileCommandOptions(*Check, O.Commands);
  Check->add_option("--format", O.Format, "Output format: text, json, sarif (SARIF 2.1.0) or github (annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  Check->add_option("-o,--output-file", O.OutputFile, "Write the report to FILE instead of standard output")
      ->type_name("FILE");
  Check->add_option("--color", O.Color, "Colour text output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  Check->add_flag("--statistics", O.Statistics,
                  "Print the number of findings per rule instead of the findings (text, or json with --format json)");
  Check->add_flag("--fix", O.Fix, "Port the files that have fixable findings, then report what is left");
  Check->add_flag("--allow-dirty", O.AllowDirty,
                  "With --fix: rewrite even files with unstaged changes or outside git");
  Check->add_flag("--report-unused-suppressions", O.ReportUnusedSuppressions,
                  "Report suppression comments that suppress nothing (TDP100)");
  Check->add_flag("--exit-zero", O.ExitZero, "Exit 0 even when there are findings");
  Check->footer(R"(Checks Python files and C++ sources/headers (LibTorch: torch::kCUDA, at::cuda::*, c10::cuda::*).
C++ is parsed with -p DIR's compile_commands.json, one found in a parent folder or its build/,
or compiler flags after `--` at the end (check src/ -- -std=c++17 -I/opt/libtorch/include);
where names do not resolve they are matched by spelling (lower confidence). See docs/check.md.

Suppress a finding with a comment on its line:
  x = x.cuda()  # torchdevice: ignore[MOV001]
  x = x.cuda()  # torchdevice: ignore          (every rule)
  auto d = t.to(torch::kCUDA);  // torchdevice: ignore[DEV501]   (C++; /* ... */ too)
or for a whole file: # torchdevice: ignore-file[DEV]   (C++: // torchdevice: ignore-file[DEV])

Exit codes: 0 no findings, 1 findings, 2 usage or input errors (unreadable file, syntax error,
bad configuration), 3 rule errors, 4 --fix refused (unstaged changes), 5 internal error.)");
  return Check;
}

namespace {

CheckReport check(const CheckCliOptions &O, const RuleSet &Rules, const std::optional<ProjectConfig> &Config) {
  CheckOptions CO;
  CO.Paths = O.Common.Paths;
  CO.TheTarget = targetOf(O.Common);
  CO.Discovery = discoveryOf(O.Common, Config);
  CO.Jobs = jobsOf(O.Common);
  CO.ReportUnusedSuppressions = O.ReportUnusedSuppressions;
  CO.Config = Config;
  CO.Commands = O.Commands;
  return runCheck(CO, Rules);
}

} // namespace

ExitCode runCheckCommand(CheckCliOptions &O, const CLI::App &Command, std::ostream &Out, std::ostream &Err,
                         bool OutIsTerminal) {
  std::optional<ProjectConfig> Config = effectiveConfig(O.Common);
  mergeConfig(O.Common, Config, Command);
  if (O.Common.Paths.empty())
    throw UsageError("check: no PATH given (try check --help)");
  RuleSet Rules = loadRules(O.Common);
  CheckReport Report = check(O, Rules, Config);

  if (O.Fix) {
    std::set<std::string> Fixable;
    for (const Finding &F : Report.Findings)
      if (F.Fixable)
        Fixable.insert(F.Path);
    if (!Fixable.empty()) {
      PortRunOptions PO;
      PO.Paths.assign(Fixable.begin(), Fixable.end());
      PO.TheTarget = targetOf(O.Common);
      PO.Mode = OutputMode::InPlace;
      PO.AllowDirty = O.AllowDirty;
      PO.Guard = GuardLevel::Staged;
      PO.Jobs = jobsOf(O.Common);
      PO.Quiet = true;
      PO.ReportLeftovers = false; // the check below reports what is left, at the right lines
      PO.Config = Config;
      PO.Commands = O.Commands;
      PortRunResult Ported = portFiles(PO, Rules);
      emitPortResult(PO, Ported, Out, Err);
      if (!Ported.Refusals.empty())
        return ExitCode::Refused;
      Err << "torchdevice-port: fixed " << Ported.Written << " file" << (Ported.Written == 1 ? "" : "s") << "\n";
      Report = check(O, Rules, Config); // report what is left
    }
  }

  bool Color = O.Color == "always" || (O.Color == "auto" && OutIsTerminal && O.OutputFile.empty() &&
                                        std::getenv("NO_COLOR") == nullptr);
  std::ostringstream Buffer;
  std::ostream &Sink = O.OutputFile.empty() ? Out : Buffer;
  if (O.Statistics)
    writeFindingStatistics(Report, Sink, O.Format == "json");
  else if (O.Format == "json")
    writeJsonFindings(Report, Sink);
  else if (O.Format == "sarif")
    writeSarifFindings(Report, Sink, std::filesystem::current_path());
  else if (O.Format == "github")
    writeGithubFindings(Report, Sink);
  else
    writeTextFindings(Report, Sink, Color);
  if (!O.OutputFile.empty()) {
    try {
      writeFileAtomically(O.OutputFile, Buffer.str());
    } catch (const std::exception &E) {
      throw UsageError(E.what());
    }
    // Input errors still go to the terminal when the report goes to a file.
    for (const InputError &E : Report.Errors)
      Err << E.Path << (E.Line ? ":" + std::to_string(E.Line) + ":" + std::to_string(E.Column) : "")
          << ": error: " << E.Message << "\n";
  }
  if (!Report.Errors.empty())
    return ExitCode::UsageError;
  if (!Report.Findings.empty() && !O.ExitZero)
    return ExitCode::Findings;
  return ExitCode::Success;
}

} // namespace tdp
