// The `report` subcommand: `report merge` combines the JSON reports of `migrate --shard` runs;
// `report render` turns a JSON report into Markdown or HTML.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tdp {

enum class ExitCode : int;

struct ReportCliOptions {
  std::vector<std::string> MergeInputs;
  std::string MergeOutput;
  std::string MergeFormat = "json";
  std::string RenderInput;
  std::string RenderOutput;
  std::string RenderFormat = "markdown";
  CLI::App *Merge = nullptr;
  CLI::App *Render = nullptr;
};

CLI::App *addReportCommand(CLI::App &Parent, ReportCliOptions &O);
ExitCode runReportCommand(ReportCliOptions &O, std::ostream &Out, std::ostream &Err);

} // namespace tdp
