#include "check/FindingFormats.h"

#include "core/Version.h"
#include "rules/Rule.h"

#include <algorithm>
#include <cctype>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

namespace tdp {
namespace {

using ordered_json = nlohmann::ordered_json;

bool hasAdvice(const Finding &F) { return !F.Matched->Advice.empty(); }

std::string fullMessage(const Finding &F) {
  std::string M = F.Matched->Message;
  if (!F.NoFixReason.empty())
    M += " (no automatic fix here: " + F.NoFixReason + ")";
  else if (hasAdvice(F))
    M += " -- " + F.Matched->Advice;
  if (F.LowConfidence)
    M += " [matched by name: the code around it did not resolve]";
  return M;
}

/// Percent-encodes a relative path for a SARIF artifact URI.
std::string uriEncode(const std::string &Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Out;
  for (char Ch : Path) {
    auto C = static_cast<unsigned char>(Ch);
    if (std::isalnum(C) || C == '/' || C == '-' || C == '_' || C == '.' || C == '~')
      Out += static_cast<char>(C);
    else {
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

std::string githubEscapeData(const std::string &S) {
  std::string Out;
  for (char C : S) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else
      Out += C;
  }
  return Out;
}

std::string githubEscapeProperty(const std::string &S) {
  std::string Out;
  for (char C : githubEscapeData(S)) {
    if (C == ':')
      Out += "%3A";
    else if (C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

} // namespace

void writeTextFindings(const CheckReport &R, std::ostream &Out, bool Color) {
  const char *Bold = Color ? "\033[1m" : "", *Red = Color ? "\033[31m" : "", *Cyan = Color ? "\033[36m" : "",
             *Reset = Color ? "\033[0m" : "";
  for (const InputError &E : R.Errors) {
    Out << Bold << E.Path;
    if (E.Line)
      Out << ":" << E.Line << ":" << E.Column;
    Out << ":" << Reset << " " << Red << "error" << Reset << ": " << E.Message << "\n";
  }
  std::size_t Fixable = 0;
  for (const Finding &F : R.Findings) {
    Fixable += F.Fixable ? 1 : 0;
    Out << Bold << F.Path << ":" << F.Line << ":" << F.Column << ":" << Reset << " " << Red << F.Matched->Id
        << Reset << " " << (F.Fixable ? std::string(Cyan) + "[*] " + Reset : "") << fullMessage(F) << "\n";
  }
  if (!R.Findings.empty()) {
    Out << "Found " << R.Findings.size() << " finding" << (R.Findings.size() == 1 ? "" : "s");
    if (Fixable)
      Out << " (" << Fixable << " fixable with --fix)";
    Out << ".\n";
  }
}

void writeJsonFindings(const CheckReport &R, std::ostream &Out) {
  ordered_json J;
  J["schema_version"] = 1;
  J["tool_version"] = toolVersion();
  ordered_json Findings = ordered_json::array();
  for (const Finding &F : R.Findings) {
    ordered_json E;
    E["path"] = F.Path;
    E["line"] = F.Line;
    E["column"] = F.Column;
    E["end_line"] = F.EndLine;
    E["end_column"] = F.EndColumn;
    E["rule"] = F.Matched->Id;
    E["category"] = F.Matched->Category;
    E["kind"] = std::string(ruleKindName(F.Matched->Kind));
    E["message"] = F.Matched->Message;
    E["fixable"] = F.Fixable;
    if (!F.Matched->Advice.empty())
      E["advice"] = F.Matched->Advice;
    if (!F.NoFixReason.empty())
      E["no_fix_reason"] = F.NoFixReason;
    if (F.LowConfidence)
      E["low_confidence"] = true;
    Findings.push_back(E);
  }
  J["findings"] = Findings;
  ordered_json Errors = ordered_json::array();
  for (const InputError &E : R.Errors)
    Errors.push_back({{"path", E.Path}, {"line", E.Line}, {"column", E.Column}, {"message", E.Message}});
  J["errors"] = Errors;
  J["summary"] = {{"files_checked", R.FilesChecked},
                  {"findings", R.Findings.size()},
                  {"suppressed", R.Suppressed},
                  {"errors", R.Errors.size()}};
  Out << J.dump(2) << "\n";
}

void writeSarifFindings(const CheckReport &R, std::ostream &Out, const std::filesystem::path &SrcRoot) {
  // Rules referenced by results, in order of first use.
  std::vector<const Rule *> Rules;
  std::map<const Rule *, std::size_t> Index;
  for (const Finding &F : R.Findings)
    if (Index.emplace(F.Matched, Rules.size()).second)
      Rules.push_back(F.Matched);

  ordered_json Driver;
  Driver["name"] = "torchdevice-port";
  Driver["version"] = toolVersion();
  Driver["semanticVersion"] = toolVersion();
  ordered_json RuleList = ordered_json::array();
  for (const Rule *Ru : Rules) {
    ordered_json E;
    E["id"] = Ru->Id;
    E["shortDescription"] = {{"text", Ru->Message}};
    std::string Full = Ru->Message + (Ru->Advice.empty() ? "" : ". " + Ru->Advice);
    E["fullDescription"] = {{"text", Full}};
    E["help"] = {{"text", Ru->Note.empty() ? Full : Full + "\n\n" + Ru->Note}};
    E["defaultConfiguration"] = {{"level", "warning"}};
    E["properties"] = {{"category", Ru->Category}, {"kind", std::string(ruleKindName(Ru->Kind))}};
    RuleList.push_back(E);
  }
  Driver["rules"] = RuleList;

  ordered_json Results = ordered_json::array();
  for (const Finding &F : R.Findings) {
    ordered_json Res;
    Res["ruleId"] = F.Matched->Id;
    Res["ruleIndex"] = Index[F.Matched];
    Res["level"] = "warning";
    Res["message"] = {{"text", fullMessage(F)}};
    std::filesystem::path P(F.Path);
    ordered_json Artifact;
    if (P.is_relative()) {
      Artifact["uri"] = uriEncode(P.lexically_normal().generic_string());
      Artifact["uriBaseId"] = "%SRCROOT%";
    } else {
      Artifact["uri"] = "file://" + uriEncode(P.lexically_normal().generic_string());
    }
    Res["locations"] = ordered_json::array(
        {{{"physicalLocation",
           {{"artifactLocation", Artifact},
            {"region",
             {{"startLine", F.Line}, {"startColumn", F.Column}, {"endLine", F.EndLine}, {"endColumn", F.EndColumn}}}}}}});
    Res["properties"] = {{"fixable", F.Fixable}};
    Results.push_back(Res);
  }

  ordered_json Run;
  Run["tool"] = {{"driver", Driver}};
  std::string Root = "file://" + uriEncode(std::filesystem::absolute(SrcRoot).lexically_normal().generic_string());
  if (!Root.ends_with('/'))
    Root += '/';
  Run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", Root}}}};
  Run["columnKind"] = "unicodeCodePoints";
  Run["results"] = Results;
  ordered_json Invocation;
  Invocation["executionSuccessful"] = R.Errors.empty();
  ordered_json Notes = ordered_json::array();
  for (const InputError &E : R.Errors)
    Notes.push_back({{"level", "error"}, {"message", {{"text", E.Path + ": " + E.Message}}}});
  if (!Notes.empty())
    Invocation["toolExecutionNotifications"] = Notes;
  Run["invocations"] = ordered_json::array({Invocation});

  ordered_json Log;
  Log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  Log["version"] = "2.1.0";
  Log["runs"] = ordered_json::array({Run});
  Out << Log.dump(2) << "\n";
}

void writeGithubFindings(const CheckReport &R, std::ostream &Out) {
  for (const InputError &E : R.Errors) {
    Out << "::error file=" << githubEscapeProperty(E.Path);
    if (E.Line)
      Out << ",line=" << E.Line << ",col=" << E.Column;
    Out << "::" << githubEscapeData(E.Message) << "\n";
  }
  for (const Finding &F : R.Findings)
    Out << "::warning file=" << githubEscapeProperty(F.Path) << ",line=" << F.Line << ",col=" << F.Column
        << ",endLine=" << F.EndLine << ",endColumn=" << F.EndColumn << ",title=" << githubEscapeProperty(F.Matched->Id)
        << "::" << githubEscapeData(F.Matched->Id + " " + fullMessage(F)) << "\n";
}

void writeFindingStatistics(const CheckReport &R, std::ostream &Out, bool Json) {
  std::map<const Rule *, std::pair<std::size_t, bool>> Counts; // count, any fixable
  for (const Finding &F : R.Findings) {
    auto &C = Counts[F.Matched];
    ++C.first;
    C.second = C.second || F.Fixable;
  }
  std::vector<std::pair<const Rule *, std::pair<std::size_t, bool>>> Sorted(Counts.begin(), Counts.end());
  std::stable_sort(Sorted.begin(), Sorted.end(), [](const auto &A, const auto &B) {
    return A.second.first != B.second.first ? A.second.first > B.second.first : A.first->Id < B.first->Id;
  });
  if (Json) {
    ordered_json J;
    J["schema_version"] = 1;
    J["tool_version"] = toolVersion();
    ordered_json Rows = ordered_json::array();
    for (const auto &[Ru, C] : Sorted)
      Rows.push_back({{"rule", Ru->Id}, {"count", C.first}, {"fixable", C.second}, {"message", Ru->Message}});
    J["statistics"] = Rows;
    Out << J.dump(2) << "\n";
    return;
  }
  for (const auto &[Ru, C] : Sorted)
    Out << std::right << std::setw(6) << C.first << "  " << std::left << std::setw(8) << Ru->Id
        << (C.second ? "[*] " : "    ") << Ru->Message << "\n";
}

} // namespace tdp
