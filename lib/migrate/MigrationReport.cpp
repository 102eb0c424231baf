#include "migrate/MigrationReport.h"

#include "core/Error.h"
#include "core/Version.h"
#include "migrate/Effort.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace tdp::migrate {

std::string jsonSafe(std::string_view Text) {
  std::string Out;
  Out.reserve(Text.size());
  std::size_t I = 0;
  auto Byte = [&](std::size_t K) { return static_cast<unsigned char>(Text[K]); };
  while (I < Text.size()) {
    unsigned char C = Byte(I);
    std::size_t Len = C < 0x80 ? 1 : (C >> 5) == 0x6 ? 2 : (C >> 4) == 0xE ? 3 : (C >> 3) == 0x1E ? 4 : 0;
    bool Valid = Len > 0 && I + Len <= Text.size();
    for (std::size_t K = 1; Valid && K < Len; ++K)
      Valid = (Byte(I + K) & 0xC0) == 0x80;
    if (Valid && Len > 1) {
      // No overlong forms, surrogates or code points above U+10FFFF.
      unsigned CP = C & (0xFF >> (Len + 1));
      for (std::size_t K = 1; K < Len; ++K)
        CP = (CP << 6) | (Byte(I + K) & 0x3F);
      static const unsigned Min[] = {0, 0, 0x80, 0x800, 0x10000};
      Valid = CP >= Min[Len] && CP <= 0x10FFFF && (CP < 0xD800 || CP > 0xDFFF);
    }
    if (Valid) {
      Out.append(Text.substr(I, Len));
      I += Len;
      continue;
    }
    static const char Hex[] = "0123456789ABCDEF";
    Out += "\\x";
    Out += Hex[C >> 4];
    Out += Hex[C & 0xF];
    ++I;
  }
  return Out;
}

std::string dumpJson(const Json &J, int Indent) { return J.dump(Indent, ' ', false, Json::error_handler_t::replace); }

Json percent(std::size_t Part, std::size_t Whole) {
  if (Whole == 0)
    return nullptr;
  return std::round(static_cast<double>(Part) * 1000.0 / static_cast<double>(Whole)) / 10.0;
}

namespace {

Json counts(const std::map<std::string, std::size_t> &M) {
  Json J = Json::object();
  for (const auto &[K, V] : M)
    J[K] = V;
  return J;
}

double roundSeconds(double S) { return std::round(S * 1000.0) / 1000.0; }

} // namespace

Json fileRecord(const std::string &Repository, const std::string &Path, std::string_view Language, bool Changed,
                const FilePort &Port) {
  Json J;
  J["repository"] = jsonSafe(Repository);
  J["path"] = jsonSafe(Path);
  J["language"] = std::string(Language);
  J["status"] = !Port.Problems.empty() ? "skipped" : Changed ? "changed" : "unchanged";
  Effort E = estimateEffort(Port);
  J["effort"] = {{"level", std::string(effortName(E.Level))},
                 {"rule", E.Rule.empty() ? Json(nullptr) : Json(E.Rule)},
                 {"reason", E.Reason}};
  std::size_t Edits = 0;
  for (const auto &[Rule, N] : Port.EditsByRule)
    Edits += N;
  J["edits"] = {{"total", Edits}, {"by_category", counts(Port.EditsByCategory)}, {"by_rule", counts(Port.EditsByRule)}};
  J["references"] = {{"converted", Port.Converted}, {"left", Port.Left.size()}, {"suppressed", Port.Suppressed}};
  std::vector<LeftUse> Left = Port.Left;
  std::stable_sort(Left.begin(), Left.end(), [](const LeftUse &A, const LeftUse &B) {
    return std::tie(A.Line, A.Column) < std::tie(B.Line, B.Column);
  });
  Json Unsupported = Json::array();
  for (const LeftUse &U : Left)
    Unsupported.push_back({{"rule", U.Rule},
                           {"category", U.Category},
                           {"kind", U.Kind},
                           {"line", U.Line},
                           {"column", U.Column},
                           {"effort", std::string(effortName(effortOfUse(U)))},
                           {"message", U.Message},
                           {"advice", U.Advice}});
  J["unsupported"] = Unsupported;
  Json Low = Json::array();
  for (const LowConfidenceEdit &L : Port.LowConfidence)
    Low.push_back({{"rule", L.Rule}, {"line", L.Line}, {"column", L.Column}, {"note", L.Note}});
  J["low_confidence"] = Low;
  J["conflicts"] = Port.Conflicts;
  Json Problems = Json::array();
  for (const ParseProblem &P : Port.Problems)
    Problems.push_back({{"kind", P.Kind},
                        {"line", P.Line ? Json(P.Line) : Json(nullptr)},
                        {"column", P.Column ? Json(P.Column) : Json(nullptr)},
                        {"message", P.Message}});
  J["parse_problems"] = Problems;
  J["diagnostics"] = Port.Diagnostics;
  return J;
}

namespace {

struct Tally {
  std::size_t Scanned = 0, Changed = 0, Unchanged = 0, WithProblems = 0, Manual = 0;
  std::size_t Converted = 0, Left = 0, Suppressed = 0, Edits = 0;
  std::size_t LowConfidence = 0, Conflicts = 0, ParseProblems = 0;
  std::map<std::string, std::size_t> ByCategory, ByRule, LeftByRule;
  std::map<std::string, std::size_t> Effort{{"none", 0}, {"low", 0}, {"medium", 0}, {"high", 0}};
  std::map<std::string, std::map<std::string, std::size_t>> ByLanguage;

  void add(const Json &F) {
    ++Scanned;
    std::string Status = F.at("status").get<std::string>();
    std::map<std::string, std::size_t> &Lang = ByLanguage[F.at("language").get<std::string>()];
    ++Lang["scanned"];
    if (Status == "changed") {
      ++Changed;
      ++Lang["changed"];
    } else if (Status == "unchanged") {
      ++Unchanged;
    } else {
      ++WithProblems;
      ++Lang["with_problems"];
    }
    std::string Level = F.at("effort").at("level").get<std::string>();
    ++Effort[Level];
    if (Level != "none")
      ++Manual;
    const Json &Refs = F.at("references");
    Converted += Refs.at("converted").get<std::size_t>();
    Left += Refs.at("left").get<std::size_t>();
    Suppressed += Refs.at("suppressed").get<std::size_t>();
    const Json &E = F.at("edits");
    Edits += E.at("total").get<std::size_t>();
    for (const auto &[K, V] : E.at("by_category").items())
      ByCategory[K] += V.get<std::size_t>();
    for (const auto &[K, V] : E.at("by_rule").items())
      ByRule[K] += V.get<std::size_t>();
    for (const Json &U : F.at("unsupported"))
      ++LeftByRule[U.at("rule").get<std::string>()];
    LowConfidence += F.at("low_confidence").size();
    Conflicts += F.at("conflicts").size();
    ParseProblems += F.at("parse_problems").size();
  }

  Json summary(std::size_t Copied, std::size_t Links, double PortSeconds) const {
    Json S;
    S["files"] = {{"scanned", Scanned},     {"changed", Changed},          {"unchanged", Unchanged},
                  {"with_problems", WithProblems}, {"needing_manual_work", Manual}, {"copied", Copied},
                  {"links", Links}};
    S["percent_files_changed"] = percent(Changed, Scanned);
    S["percent_files_done"] = percent(Scanned - Manual, Scanned);
    S["references"] = {{"converted", Converted},
                       {"left", Left},
                       {"suppressed", Suppressed},
                       {"percent_converted", percent(Converted, Converted + Left)}};
    S["edits"] = {{"total", Edits}, {"by_category", counts(ByCategory)}, {"by_rule", counts(ByRule)}};
    S["left_by_rule"] = counts(LeftByRule);
    S["low_confidence"] = LowConfidence;
    S["conflicts"] = Conflicts;
    S["parse_problems"] = ParseProblems;
    S["effort"] = {{"none", Effort.at("none")}, {"low", Effort.at("low")}, {"medium", Effort.at("medium")},
                   {"high", Effort.at("high")}};
    Json Langs = Json::object();
    for (const auto &[Lang, M] : ByLanguage)
      Langs[Lang] = {{"scanned", M.count("scanned") ? M.at("scanned") : 0},
                     {"changed", M.count("changed") ? M.at("changed") : 0},
                     {"with_problems", M.count("with_problems") ? M.at("with_problems") : 0}};
    S["by_language"] = Langs;
    S["port_seconds"] = roundSeconds(PortSeconds);
    return S;
  }
};

std::size_t count(const Json &Repo, const char *Section, const char *Key) {
  if (!Repo.contains(Section) || !Repo.at(Section).contains(Key))
    return 0;
  return Repo.at(Section).at(Key).get<std::size_t>();
}

void sortFiles(Json &Report) {
  std::map<std::string, std::size_t> Order;
  for (const Json &R : Report.at("repositories"))
    Order.emplace(R.at("name").get<std::string>(), Order.size());
  std::vector<Json> Files = Report.at("files").get<std::vector<Json>>();
  std::sort(Files.begin(), Files.end(), [&](const Json &A, const Json &B) {
    auto KA = std::make_pair(Order[A.at("repository").get<std::string>()], A.at("path").get<std::string>());
    auto KB = std::make_pair(Order[B.at("repository").get<std::string>()], B.at("path").get<std::string>());
    return KA < KB;
  });
  Report["files"] = Files;
}

} // namespace

void recomputeSummaries(Json &Report) {
  std::map<std::string, Tally> PerRepo;
  Tally Total;
  for (const Json &F : Report.at("files")) {
    PerRepo[F.at("repository").get<std::string>()].add(F);
    Total.add(F);
  }
  Json Repos = Json::array();
  std::size_t Copied = 0, Links = 0;
  double Seconds = 0;
  for (const Json &Old : Report.at("repositories")) {
    std::string Name = Old.at("name").get<std::string>();
    std::size_t C = count(Old, "files", "copied"), L = count(Old, "files", "links");
    double S = Old.value("port_seconds", 0.0);
    Copied += C;
    Links += L;
    Seconds += S;
    Json R;
    R["name"] = Name;
    R["root"] = Old.at("root");
    Json Summary = PerRepo[Name].summary(C, L, S);
    for (auto &[K, V] : Summary.items())
      R[K] = V;
    R["links_outside_root"] = Old.value("links_outside_root", Json::array());
    Repos.push_back(std::move(R));
  }
  Report["repositories"] = Repos;
  Json T;
  T["repositories"] = Repos.size();
  Json Summary = Total.summary(Copied, Links, Seconds);
  for (auto &[K, V] : Summary.items())
    T[K] = V;
  Report["total"] = T;
}

Json buildReport(const ReportHeader &H, const std::vector<RepositoryInfo> &Repositories, std::vector<Json> Files,
                 std::vector<RunProblem> Problems) {
  Json R;
  R["kind"] = ReportKind;
  R["schema_version"] = ReportSchemaVersion;
  R["tool_version"] = std::string(toolVersion());
  R["target"] = H.Target;
  R["rules_fingerprint"] = H.RulesFingerprint;
  R["options"] = H.Options;
  R["shards"] = {{"count", H.ShardCount}, {"included", H.Shards}};
  R["complete"] = H.Complete;
  R["timing"] = {{"wall_seconds", roundSeconds(H.WallSeconds)},
                 {"port_seconds", roundSeconds(H.PortSeconds)},
                 {"files_ported", H.FilesPorted},
                 {"files_reused", H.FilesReused},
                 {"phases", H.Phases}};
  R["runtime"] = H.Runtime;
  R["total"] = Json::object();
  Json Repos = Json::array();
  for (const RepositoryInfo &I : Repositories) {
    std::vector<std::string> Outside = I.LinksOutside;
    std::sort(Outside.begin(), Outside.end());
    for (std::string &L : Outside)
      L = jsonSafe(L);
    Repos.push_back({{"name", jsonSafe(I.Name)},
                     {"root", jsonSafe(I.Root)},
                     {"files", {{"copied", I.Copied}, {"links", I.Links}}},
                     {"port_seconds", roundSeconds(I.PortSeconds)},
                     {"links_outside_root", Outside}});
  }
  R["repositories"] = Repos;
  R["files"] = Json(std::move(Files));
  std::sort(Problems.begin(), Problems.end(),
            [](const RunProblem &A, const RunProblem &B) { return std::tie(A.Path, A.Message) < std::tie(B.Path, B.Message); });
  Json P = Json::array();
  for (std::size_t I = 0; I < Problems.size(); ++I)
    if (I == 0 || Problems[I].Path != Problems[I - 1].Path || Problems[I].Message != Problems[I - 1].Message)
      P.push_back({{"path", jsonSafe(Problems[I].Path)}, {"message", jsonSafe(Problems[I].Message)}});
  R["problems"] = P;
  sortFiles(R);
  recomputeSummaries(R);
  return R;
}

namespace {

std::string describeValue(const Json &J) {
  std::string S = dumpJson(J);
  return S.size() > 120 ? S.substr(0, 117) + "..." : S;
}

void requireSame(const Json &First, const Json &Other, const char *Key, const std::string &FirstName,
                 const std::string &OtherName, const char *What) {
  if (First.at(Key) != Other.at(Key))
    throw UsageError("report merge: " + OtherName + " and " + FirstName + " come from runs with different " + What +
                     " (" + describeValue(Other.at(Key)) + " vs " + describeValue(First.at(Key)) +
                     "); only shards of one run (same tool version, target, rules and options) can be merged");
}

void requireReport(const Json &R, const std::string &Name) {
  if (!R.is_object() || R.value("kind", "") != ReportKind)
    throw UsageError("report merge: " + Name + " is not a torchdevice-port migration report (JSON written by "
                                               "`migrate --report FILE`)");
  if (R.value("schema_version", 0) != ReportSchemaVersion)
    throw UsageError("report merge: " + Name + " has schema_version " + R.value("schema_version", Json(nullptr)).dump() +
                     "; this tool reads version " + std::to_string(ReportSchemaVersion));
  for (const char *K : {"tool_version", "target", "rules_fingerprint", "options", "shards", "timing", "runtime",
                        "repositories", "files", "problems", "complete"})
    if (!R.contains(K))
      throw UsageError("report merge: " + Name + " has no \"" + K + "\"; is it a complete report?");
}

} // namespace

Json mergeReports(const std::vector<Json> &Reports, const std::vector<std::string> &Names) {
  if (Reports.empty())
    throw UsageError("report merge: no report given");
  for (std::size_t I = 0; I < Reports.size(); ++I)
    requireReport(Reports[I], Names[I]);
  const Json &First = Reports.front();
  for (std::size_t I = 1; I < Reports.size(); ++I) {
    requireSame(First, Reports[I], "tool_version", Names[0], Names[I], "tool versions");
    requireSame(First, Reports[I], "target", Names[0], Names[I], "targets");
    requireSame(First, Reports[I], "rules_fingerprint", Names[0], Names[I], "rule sets");
    requireSame(First, Reports[I], "options", Names[0], Names[I], "options");
    if (First.at("shards").at("count") != Reports[I].at("shards").at("count"))
      throw UsageError("report merge: " + Names[I] + " is a shard of " + Reports[I].at("shards").at("count").dump() +
                       ", " + Names[0] + " of " + First.at("shards").at("count").dump() +
                       "; only shards of one run can be merged");
  }

  Json Out;
  std::map<unsigned, std::string> ShardOwner;
  std::vector<std::string> RepoOrder;
  std::map<std::string, Json> Repos;
  std::set<std::pair<std::string, std::string>> Seen;
  std::vector<Json> Files;
  std::vector<RunProblem> Problems;
  double Wall = 0, Port = 0;
  std::size_t Ported = 0, Reused = 0;
  Json Phases = Json::object();
  bool Complete = true;
  for (std::size_t I = 0; I < Reports.size(); ++I) {
    const Json &R = Reports[I];
    for (const Json &S : R.at("shards").at("included")) {
      unsigned K = S.get<unsigned>();
      auto [It, New] = ShardOwner.emplace(K, Names[I]);
      if (!New)
        throw UsageError("report merge: shard " + std::to_string(K) + " is in both " + It->second + " and " + Names[I]);
    }
    for (const Json &Repo : R.at("repositories")) {
      std::string Name = Repo.at("name").get<std::string>();
      auto It = Repos.find(Name);
      if (It == Repos.end()) {
        RepoOrder.push_back(Name);
        Repos.emplace(Name, Repo);
        continue;
      }
      Json &M = It->second;
      M["files"]["copied"] = count(M, "files", "copied") + count(Repo, "files", "copied");
      M["files"]["links"] = count(M, "files", "links") + count(Repo, "files", "links");
      M["port_seconds"] = roundSeconds(M.value("port_seconds", 0.0) + Repo.value("port_seconds", 0.0));
      std::vector<std::string> Outside = M.value("links_outside_root", std::vector<std::string>{});
      for (const Json &L : Repo.value("links_outside_root", Json::array()))
        Outside.push_back(L.get<std::string>());
      std::sort(Outside.begin(), Outside.end());
      M["links_outside_root"] = Outside;
    }
    for (const Json &F : R.at("files")) {
      auto Key = std::make_pair(F.at("repository").get<std::string>(), F.at("path").get<std::string>());
      if (!Seen.insert(Key).second)
        throw UsageError("report merge: " + Key.first + "/" + Key.second + " is in more than one report (" + Names[I] +
                         " and an earlier one); were the shards run with the same --shard?");
      Files.push_back(F);
    }
    for (const Json &P : R.at("problems"))
      Problems.push_back({P.at("path").get<std::string>(), P.at("message").get<std::string>()});
    const Json &T = R.at("timing");
    Wall = std::max(Wall, T.value("wall_seconds", 0.0));
    Port += T.value("port_seconds", 0.0);
    Ported += T.value("files_ported", std::size_t{0});
    Reused += T.value("files_reused", std::size_t{0});
    Json ShardPhases = T.value("phases", Json::object());
    for (const auto &[Name, Seconds] : ShardPhases.items())
      Phases[Name] = roundSeconds(Phases.value(Name, 0.0) + Seconds.get<double>());
    Complete = Complete && R.at("complete").get<bool>();
  }

  ReportHeader H;
  H.Target = First.at("target").get<std::string>();
  H.RulesFingerprint = First.at("rules_fingerprint").get<std::string>();
  H.Options = First.at("options");
  H.ShardCount = First.at("shards").at("count").get<unsigned>();
  H.Shards.clear();
  for (const auto &[K, Name] : ShardOwner)
    H.Shards.push_back(K);
  H.Runtime = First.at("runtime");
  H.WallSeconds = Wall;
  H.PortSeconds = Port;
  H.FilesPorted = Ported;
  H.FilesReused = Reused;
  H.Phases = Phases;
  H.Complete = Complete;
  std::vector<RepositoryInfo> Infos;
  for (const std::string &Name : RepoOrder) {
    const Json &M = Repos.at(Name);
    RepositoryInfo Info;
    Info.Name = Name;
    Info.Root = M.at("root").get<std::string>();
    Info.Copied = count(M, "files", "copied");
    Info.Links = count(M, "files", "links");
    Info.PortSeconds = M.value("port_seconds", 0.0);
    Info.LinksOutside = M.value("links_outside_root", std::vector<std::string>{});
    Infos.push_back(std::move(Info));
  }
  Json Merged = buildReport(H, Infos, std::move(Files), std::move(Problems));
  Merged["tool_version"] = First.at("tool_version"); // equal in all inputs; kept as they say
  return Merged;
}

} // namespace tdp::migrate
