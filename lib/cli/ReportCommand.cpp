#include "cli/ReportCommand.h"

#include "core/Error.h"
#include "driver/FileIO.h"
#include "migrate/MigrationReport.h"
#include "migrate/ReportRender.h"

#include <CLI/CLI.hpp>
#include <ostream>
#include <sstream>

namespace tdp {

CLI::App *addReportCommand(CLI::App &Parent, ReportCliOptions &O) {
  CLI::App *R = Parent.add_subcommand("report", "Work with migration reports: merge shard reports, render as Markdown/HTML");
  R->require_subcommand(1);
  O.Merge = R->add_subcommand("merge", "Combine the JSON reports of `migrate --shard K/N` runs into one report");
  O.Merge->add_option("REPORT", O.MergeInputs, "JSON reports written by `migrate --report`")->required();
  O.Merge->add_option("-o,--output", O.MergeOutput, "Write the merged report to FILE (default: standard output)")
      ->type_name("FILE");
  O.Merge->add_option("--format", O.MergeFormat, "json, markdown or html")
      ->check(CLI::IsMember({"json", "markdown", "html"}))
      ->capture_default_str();
  O.Merge->footer("Refuses reports of different runs: other tool versions, targets, rule sets or options, or the "
                  "same shard twice.\nExample (CI): torchdevice-port report merge shard-*.json -o report.json");
  O.Render = R->add_subcommand("render", "Render a JSON migration report as Markdown or HTML");
  O.Render->add_option("REPORT", O.RenderInput, "A JSON report")->required();
  O.Render->add_option("-o,--output", O.RenderOutput, "Write to FILE (default: standard output)")->type_name("FILE");
  O.Render->add_option("--format", O.RenderFormat, "markdown or html")
      ->check(CLI::IsMember({"markdown", "html"}))
      ->capture_default_str();
  return R;
}

namespace {

migrate::Json readReport(const std::string &Path) {
  std::string Error;
  std::optional<std::string> Text = readWholeFile(Path, Error);
  if (!Text)
    throw UsageError(Path + ": " + Error);
  migrate::Json J = migrate::Json::parse(*Text, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded())
    throw UsageError(Path + ": not valid JSON");
  return J;
}

void emit(const migrate::Json &Report, const std::string &Format, const std::string &Output, std::ostream &Out) {
  std::ostringstream Buffer;
  if (Format == "markdown")
    migrate::renderMarkdown(Report, Buffer);
  else if (Format == "html")
    migrate::renderHtml(Report, Buffer);
  else
    Buffer << migrate::dumpJson(Report, 2) << "\n";
  if (Output.empty()) {
    Out << Buffer.str();
    return;
  }
  try {
    writeFileAtomically(Output, Buffer.str());
  } catch (const std::exception &E) {
    throw UsageError(E.what());
  }
}

} // namespace

ExitCode runReportCommand(ReportCliOptions &O, std::ostream &Out, std::ostream &Err) {
  if (O.Merge->parsed()) {
    std::vector<migrate::Json> Reports;
    for (const std::string &P : O.MergeInputs)
      Reports.push_back(readReport(P));
    migrate::Json Merged;
    try {
      Merged = migrate::mergeReports(Reports, O.MergeInputs);
    } catch (const migrate::Json::exception &E) {
      throw UsageError(std::string("report merge: a damaged report: ") + E.what());
    }
    emit(Merged, O.MergeFormat, O.MergeOutput, Out);
    if (!O.MergeOutput.empty())
      Err << "torchdevice-port report merge: " << Reports.size() << " reports merged into " << O.MergeOutput << " ("
          << Merged.at("files").size() << " files"
          << (Merged.at("complete").get<bool>() ? "" : "; incomplete: some shard was interrupted") << ")\n";
    return ExitCode::Success;
  }
  migrate::Json Report = readReport(O.RenderInput);
  if (!Report.is_object() || Report.value("kind", "") != migrate::ReportKind)
    throw UsageError(O.RenderInput + " is not a torchdevice-port migration report");
  try {
    emit(Report, O.RenderFormat, O.RenderOutput, Out);
  } catch (const migrate::Json::exception &E) {
    throw UsageError(O.RenderInput + ": damaged report: " + E.what());
  }
  return ExitCode::Success;
}

} // namespace tdp
