#include "cli/MigrateCommand.h"

#include "core/Error.h"
#include "driver/FileIO.h"
#include "migrate/ContentHash.h"
#include "migrate/Interrupt.h"
#include "migrate/MigrateRun.h"
#include "migrate/ReportRender.h"
#include "rules/BuiltinRuleFiles.h"
#include "rules/RuleSet.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <csignal>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tdp {

CLI::App *addMigrateCommand(CLI::App &Parent, MigrateCliOptions &O) {
  CLI::App *M = Parent.add_subcommand(
      "migrate", "Port whole repositories: a mirrored --out-root copy (or --in-place), incremental, interruptible, "
                 "shardable, with a migration report");
  addCommonOptions(*M, O.Common);
  M->get_option("PATH")->description("Repository roots (directories); .gitignore is honoured, and hidden, build, "
                                     "vendor and virtualenv folders are not ported");
  auto *Out = M->add_option("-o,--out-root", O.OutRoot,
                            "Write a complete ported mirror of the tree under DIR; the originals are never touched")
                  ->type_name("DIR");
  auto *InPlace = M->add_flag("--in-place", O.InPlace,
                              "Rewrite the changed files in place (git-clean files only, unless --allow-dirty)");
  Out->excludes(InPlace);
  M->add_flag("--allow-dirty", O.AllowDirty, "With --in-place: rewrite files with uncommitted changes or outside git");
  M->add_option("--report", O.Report, "Write the migration report to FILE (JSON, Markdown or HTML: see --report-format)")
      ->type_name("FILE");
  M->add_option("--report-format", O.ReportFormat,
                "json, markdown or html (default: from FILE's extension: .md, .html, else json)")
      ->check(CLI::IsMember({"json", "markdown", "html"}));
  M->add_option("--state", O.State,
                "Incremental state file (default: DIR/.torchdevice-port-state.json, or in the first ROOT with "
                "--in-place)")
      ->type_name("FILE");
  M->add_flag("--restart", O.Restart, "Ignore the state of an earlier run (even one with other options); start over");
  M->add_option("--shard", O.Shard, "Port only shard K of N (a stable hash of each path below its root decides); "
                                    "merge the reports with `report merge`")
      ->type_name("K/N");
  M->add_flag("--vendor-runtime", O.VendorRuntime,
              "Copy the torchdevice Python package into the ported tree (and a note on the C++ runtime)");
  M->add_option("--progress", O.Progress, "auto (a bar on a terminal, lines otherwise), bar, lines or off")
      ->check(CLI::IsMember({"auto", "bar", "lines", "off"}))
      ->capture_default_str();
  M->add_flag("-q,--quiet", O.Quiet, "No progress and no summary (errors are still printed)");
  addCompileCommandOptions(*M, O.Commands); // without -p: each ROOT's own database (in it or its build/)
  M->footer(R"(Examples:
  torchdevice-port migrate repo/ --out-root ported/ --target mps --report report.md
  torchdevice-port migrate repo/ --in-place --report migration.json
  torchdevice-port migrate repo/ --out-root out/ --shard 2/4 --report shard2.json   (one CI job of four)
  torchdevice-port report merge shard*.json -o report.json

A re-run reuses what has not changed since the last run (the state file); Ctrl-C stops cleanly:
every file is either untouched or completely ported, and the next run continues.

Exit codes: 0 done, 1 done but files need attention (unreadable, syntax errors, conflicts),
2 usage error or a state file of a run with other options (--restart), 3 rule error,
4 refused (uncommitted changes, in place), 130 interrupted (run again to continue).
Docs: docs/migrate.md)");
  return M;
}

namespace {

std::pair<unsigned, unsigned> parseShard(const std::string &S) {
  auto Bad = [&] { return UsageError("--shard " + S + ": expected K/N with 1 <= K <= N (e.g. 2/4)"); };
  std::size_t Slash = S.find('/');
  if (Slash == std::string::npos)
    throw Bad();
  unsigned K = 0, N = 0;
  auto R1 = std::from_chars(S.data(), S.data() + Slash, K);
  auto R2 = std::from_chars(S.data() + Slash + 1, S.data() + S.size(), N);
  if (R1.ec != std::errc() || R1.ptr != S.data() + Slash || R2.ec != std::errc() || R2.ptr != S.data() + S.size() ||
      K == 0 || N == 0 || K > N)
    throw Bad();
  return {K, N};
}

/// A fingerprint of the rule set in effect: every built-in rule file, every --rules file, and the
/// ids left after --select/--ignore.
std::string rulesFingerprint(const RuleSet &Rules, const std::vector<std::string> &RuleFiles) {
  migrate::Sha256 H;
  for (const EmbeddedFile &F : builtinRuleFiles()) {
    H.update(F.Name);
    H.update(std::string_view("\0", 1));
    H.update(F.Text);
    H.update(std::string_view("\0", 1));
  }
  for (const std::string &File : RuleFiles) {
    std::string Error;
    std::optional<std::string> Text = readWholeFile(File, Error);
    H.update(Text ? *Text : "unreadable:" + File);
    H.update(std::string_view("\0", 1));
  }
  H.update("ids:");
  for (const Rule &R : Rules.rules()) {
    H.update(R.Id);
    H.update(",");
  }
  return "sha256:" + H.hexDigest();
}

std::string reportFormatOf(const MigrateCliOptions &O) {
  if (!O.ReportFormat.empty())
    return O.ReportFormat;
  std::string Ext = fs::path(O.Report).extension().string();
  if (Ext == ".md" || Ext == ".markdown")
    return "markdown";
  if (Ext == ".html" || Ext == ".htm")
    return "html";
  return "json";
}

std::string plural(std::size_t N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

void printFileProblems(const migrate::Json &Report, std::ostream &Err) {
  std::map<std::string, std::string> RootOf;
  for (const migrate::Json &R : Report.at("repositories"))
    RootOf[R.at("name").get<std::string>()] = R.at("root").get<std::string>();
  for (const migrate::Json &F : Report.at("files")) {
    std::string Path = (fs::path(RootOf[F.at("repository").get<std::string>()]) / F.at("path").get<std::string>()).string();
    for (const migrate::Json &P : F.at("parse_problems"))
      Err << Path << (P.at("line").is_null() ? "" : ":" + P.at("line").dump() + ":" + P.at("column").dump())
          << ": error: " << P.at("message").get<std::string>() << "\n";
    for (const migrate::Json &C : F.at("conflicts"))
      Err << Path << ": conflict: " << C.get<std::string>() << "\n";
  }
  for (const migrate::Json &P : Report.at("problems"))
    Err << "error: " << P.at("path").get<std::string>() << ": " << P.at("message").get<std::string>() << "\n";
}

} // namespace

int runMigrateCommand(MigrateCliOptions &O, const CLI::App &Command, std::ostream &Out, std::ostream &Err) {
  (void)Out;
  std::optional<ProjectConfig> Config = effectiveConfig(O.Common);
  mergeConfig(O.Common, Config, Command);
  if (O.Common.Paths.empty())
    throw UsageError("migrate: no ROOT given (try migrate --help)");
  if (O.OutRoot.empty() && !O.InPlace)
    throw UsageError("migrate: say where the ported tree goes: --out-root DIR (a mirrored copy) or --in-place");
  if (O.AllowDirty && !O.InPlace)
    throw UsageError("migrate: --allow-dirty only applies to --in-place");
  RuleSet Rules = loadRules(O.Common);

  migrate::MigrateOptions MO;
  MO.Roots = O.Common.Paths;
  MO.InPlace = O.InPlace;
  MO.OutRoot = O.OutRoot;
  MO.TheTarget = targetOf(O.Common);
  MO.Excludes = O.Common.Excludes;
  MO.Config = Config;
  MO.StateFile = O.State;
  MO.Restart = O.Restart;
  if (!O.Shard.empty())
    std::tie(MO.ShardIndex, MO.ShardCount) = parseShard(O.Shard);
  MO.Jobs = jobsOf(O.Common);
  MO.VendorRuntime = O.VendorRuntime;
  MO.AllowDirty = O.AllowDirty;
  MO.Commands = O.Commands;
  bool ErrIsTerminal = &Err == &std::cerr && ::isatty(STDERR_FILENO) != 0;
  using PM = migrate::Progress::Mode;
  MO.ProgressMode = O.Quiet || O.Progress == "off" ? PM::Off
                    : O.Progress == "bar"           ? PM::Bar
                    : O.Progress == "lines"         ? PM::Lines
                    : ErrIsTerminal                 ? PM::Bar
                                                    : PM::Lines;
  MO.RulesFingerprint = rulesFingerprint(Rules, O.Common.RuleFiles);
  std::string ConfigHash;
  if (Config) {
    std::string Error;
    std::optional<std::string> Text = readWholeFile(Config->File, Error);
    ConfigHash = "sha256:" + migrate::sha256Hex(Text ? *Text : "");
  }
  MO.ReportOptions = {{"mode", O.InPlace ? "in-place" : "out-root"},
                      {"target", std::string(targetName(MO.TheTarget))},
                      {"select", O.Common.Select},
                      {"ignore", O.Common.Ignore},
                      {"exclude", O.Common.Excludes},
                      {"config", Config ? migrate::Json(ConfigHash) : migrate::Json(nullptr)},
                      {"vendor_runtime", O.VendorRuntime},
                      {"cpp_compile_commands", O.Commands.CompileDbDir},
                      {"cpp_flags", O.Commands.ExtraFlags}};
  if (!O.Report.empty())
    MO.ReportFiles.push_back(O.Report);

  migrate::MigrateResult R = migrate::runMigration(MO, Rules, Err);
  printFileProblems(R.Report, Err);

  if (!R.Refusals.empty()) {
    for (const std::string &Refusal : R.Refusals)
      Err << "error: refusing to rewrite: " << Refusal << "\n";
    Err << "error: nothing was written; commit or stash first, use --allow-dirty to rewrite anyway, or --out-root DIR "
           "to leave the files alone\n";
  }
  if (!O.Report.empty()) {
    std::ostringstream Buffer;
    std::string Format = reportFormatOf(O);
    if (Format == "markdown")
      migrate::renderMarkdown(R.Report, Buffer);
    else if (Format == "html")
      migrate::renderHtml(R.Report, Buffer);
    else
      Buffer << migrate::dumpJson(R.Report, 2) << "\n";
    try {
      writeFileAtomically(O.Report, Buffer.str());
    } catch (const std::exception &E) {
      Err << "error: cannot write the report: " << E.what() << "\n";
      R.Trouble = true;
    }
  }

  const migrate::Json &T = R.Report.at("total");
  if (!O.Quiet) {
    const migrate::Json &F = T.at("files");
    const migrate::Json &E = T.at("effort");
    std::size_t Scanned = F.at("scanned").get<std::size_t>();
    Err << "torchdevice-port migrate: " << plural(Scanned, "source file") << ", "
        << F.at("changed").get<std::size_t>() << " changed, " << plural(T.at("references").at("left").get<std::size_t>(), "use")
        << " left for manual work in " << plural(F.at("needing_manual_work").get<std::size_t>(), "file")
        << " (effort: " << E.at("low").dump() << " low, " << E.at("medium").dump() << " medium, " << E.at("high").dump()
        << " high)";
    if (std::size_t P = F.at("with_problems").get<std::size_t>())
      Err << ", " << P << " not ported (problems)";
    Err << "; " << plural(F.at("copied").get<std::size_t>(), "other file") << "; "
        << R.Report.at("timing").at("files_reused").dump() << " reused from the state\n";
    if (!O.Report.empty())
      Err << "torchdevice-port migrate: report written to " << O.Report << "\n";
  }
  if (R.Interrupted) {
    Err << "torchdevice-port migrate: interrupted (" << (migrate::interruptSignal() == SIGTERM ? "SIGTERM" : "SIGINT")
        << "): " << R.Report.at("timing").at("files_ported").get<std::size_t>() +
                        R.Report.at("timing").at("files_reused").get<std::size_t>()
        << " source files done; every file is either untouched or completely written. The state is saved in "
        << R.StatePath.string() << ": run the same command again to continue.\n";
    return 130;
  }
  if (!R.Refusals.empty())
    return static_cast<int>(ExitCode::Refused);
  return static_cast<int>(R.Trouble ? ExitCode::Findings : ExitCode::Success);
}

} // namespace tdp
