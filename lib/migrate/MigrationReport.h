// The migration report (JSON; schema in docs/migrate-report.schema.json): one record per source
// file, summaries per repository and in total, recomputable from the records so that shard
// reports merge into exactly the report of an unsharded run.
#pragma once

#include "migrate/LanguageFrontend.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tdp::migrate {

using Json = nlohmann::ordered_json;

inline constexpr int ReportSchemaVersion = 1;
inline constexpr const char *ReportKind = "torchdevice-port migration report";

/// Text for a JSON string: valid UTF-8 is kept, every byte of an invalid sequence becomes the
/// four characters \xHH (file names need not be UTF-8; JSON strings must be).
std::string jsonSafe(std::string_view Text);

/// Serialises JSON; any invalid UTF-8 left is replaced (U+FFFD) rather than thrown at.
std::string dumpJson(const Json &J, int Indent = -1);

/// One file's record (an element of the report's "files").
Json fileRecord(const std::string &Repository, const std::string &Path, std::string_view Language, bool Changed,
                const FilePort &Port);

/// What the report says about a repository beyond its files' records.
struct RepositoryInfo {
  std::string Name;
  std::string Root; ///< as given on the command line
  std::size_t Copied = 0, Links = 0;
  std::vector<std::string> LinksOutside; ///< "path -> target", kept as links and not followed
  double PortSeconds = 0;
};

struct ReportHeader {
  std::string Target;
  std::string RulesFingerprint;
  Json Options = Json::object();
  unsigned ShardCount = 1;
  std::vector<unsigned> Shards{1};
  Json Runtime = Json::object();
  double WallSeconds = 0, PortSeconds = 0;
  std::size_t FilesPorted = 0, FilesReused = 0;
  Json Phases = Json::object(); ///< seconds per phase of the run (load_state, scan, port, ...)
  bool Complete = true;
};

struct RunProblem {
  std::string Path;
  std::string Message;
};

/// Assembles a report; Files are sorted by repository (in the order of Repositories), then path.
Json buildReport(const ReportHeader &Header, const std::vector<RepositoryInfo> &Repositories, std::vector<Json> Files,
                 std::vector<RunProblem> Problems);

/// (Re)computes every repository's summary and the total from "files" and the repositories'
/// own counters (copied, links, links_outside_root, port_seconds).
void recomputeSummaries(Json &Report);

/// Combines shard reports into one. Throws UsageError when they do not belong together
/// (different tool versions, targets, rule sets or options; overlapping shards; not reports).
/// Names label the inputs in messages.
Json mergeReports(const std::vector<Json> &Reports, const std::vector<std::string> &Names);

/// The percentage Part/Whole rounded to one decimal, or null when Whole is 0.
Json percent(std::size_t Part, std::size_t Whole);

} // namespace tdp::migrate
