#include "migrate/ReportRender.h"

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace tdp::migrate {
namespace {

/// The layout is written once, against this interface; Markdown and HTML implement it.
class Document {
public:
  virtual ~Document() = default;
  virtual void heading(int Level, const std::string &Text) = 0;
  virtual void paragraph(const std::string &Text) = 0;
  virtual void bullets(const std::vector<std::string> &Items) = 0;
  virtual void table(const std::vector<std::string> &Header, const std::vector<std::vector<std::string>> &Rows) = 0;
  virtual void finish() {}
};

std::string markdownCell(const std::string &S) {
  std::string Out;
  for (char C : S) {
    if (C == '|')
      Out += "\\|";
    else if (C == '\n')
      Out += ' ';
    else
      Out += C;
  }
  return Out;
}

class Markdown final : public Document {
public:
  explicit Markdown(std::ostream &O) : Out(O) {}
  void heading(int Level, const std::string &Text) override {
    Out << std::string(static_cast<std::size_t>(Level), '#') << " " << Text << "\n\n";
  }
  void paragraph(const std::string &Text) override { Out << Text << "\n\n"; }
  void bullets(const std::vector<std::string> &Items) override {
    for (const std::string &I : Items)
      Out << "- " << I << "\n";
    Out << "\n";
  }
  void table(const std::vector<std::string> &Header, const std::vector<std::vector<std::string>> &Rows) override {
    Out << "|";
    for (const std::string &H : Header)
      Out << " " << markdownCell(H) << " |";
    Out << "\n|";
    for (std::size_t I = 0; I < Header.size(); ++I)
      Out << " --- |";
    Out << "\n";
    for (const auto &Row : Rows) {
      Out << "|";
      for (const std::string &C : Row)
        Out << " " << markdownCell(C) << " |";
      Out << "\n";
    }
    Out << "\n";
  }

private:
  std::ostream &Out;
};

std::string html(const std::string &S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

/// `code` spans and **strong** runs of the Markdown text become <code> and <strong> in HTML.
std::string htmlInline(const std::string &S) {
  std::string Out, Run;
  bool Code = false, Strong = false;
  for (std::size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '`') {
      Out += Code ? "<code>" + html(Run) + "</code>" : html(Run);
      Run.clear();
      Code = !Code;
      continue;
    }
    if (!Code && S.compare(I, 2, "**") == 0) {
      Out += html(Run) + (Strong ? "</strong>" : "<strong>");
      Run.clear();
      Strong = !Strong;
      ++I;
      continue;
    }
    Run += S[I];
  }
  Out += Code ? "`" + html(Run) : html(Run);
  if (Strong)
    Out += "</strong>";
  return Out;
}

class Html final : public Document {
public:
  explicit Html(std::ostream &O) : Out(O) {
    Out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<title>torchdevice-port migration report</title>\n<style>\n"
           "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}\n"
           "table{border-collapse:collapse;margin:1em 0}\n"
           "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\n"
           "th{background:#f4f4f4}\ncode{background:#f4f4f4;padding:0 .2em}\n"
           "</style>\n</head>\n<body>\n";
  }
  void heading(int Level, const std::string &Text) override {
    Out << "<h" << Level << ">" << htmlInline(Text) << "</h" << Level << ">\n";
  }
  void paragraph(const std::string &Text) override { Out << "<p>" << htmlInline(Text) << "</p>\n"; }
  void bullets(const std::vector<std::string> &Items) override {
    Out << "<ul>\n";
    for (const std::string &I : Items)
      Out << "<li>" << htmlInline(I) << "</li>\n";
    Out << "</ul>\n";
  }
  void table(const std::vector<std::string> &Header, const std::vector<std::vector<std::string>> &Rows) override {
    Out << "<table>\n<tr>";
    for (const std::string &H : Header)
      Out << "<th>" << htmlInline(H) << "</th>";
    Out << "</tr>\n";
    for (const auto &Row : Rows) {
      Out << "<tr>";
      for (const std::string &C : Row)
        Out << "<td>" << htmlInline(C) << "</td>";
      Out << "</tr>\n";
    }
    Out << "</table>\n";
  }
  void finish() override { Out << "</body>\n</html>\n"; }

private:
  std::ostream &Out;
};

std::string num(const Json &J) {
  if (J.is_null())
    return "—";
  if (J.is_number_float()) {
    char Buf[32];
    std::snprintf(Buf, sizeof Buf, "%.1f", J.get<double>());
    return Buf;
  }
  return J.dump();
}

std::string pct(const Json &J) { return J.is_null() ? "—" : num(J) + " %"; }

std::string seconds(const Json &J) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.2f s", J.is_number() ? J.get<double>() : 0.0);
  return Buf;
}

std::vector<std::string> summaryRow(const std::string &Name, const Json &S) {
  const Json &F = S.at("files");
  const Json &R = S.at("references");
  const Json &E = S.at("effort");
  return {Name,
          num(F.at("scanned")),
          num(F.at("changed")),
          num(F.at("with_problems")),
          num(R.at("converted")),
          num(R.at("left")),
          pct(R.at("percent_converted")),
          pct(S.at("percent_files_done")),
          num(E.at("none")) + " / " + num(E.at("low")) + " / " + num(E.at("medium")) + " / " + num(E.at("high")),
          num(F.at("copied")),
          seconds(S.at("port_seconds"))};
}

void layout(const Json &R, Document &D) {
  D.heading(1, "Migration report");
  const Json &Shards = R.at("shards");
  std::string ShardText;
  if (Shards.at("count").get<unsigned>() > 1) {
    ShardText = " · shards ";
    bool First = true;
    for (const Json &K : Shards.at("included")) {
      ShardText += (First ? "" : ", ") + K.dump();
      First = false;
    }
    ShardText += " of " + Shards.at("count").dump();
  }
  std::string Fingerprint = R.at("rules_fingerprint").get<std::string>();
  if (std::size_t Colon = Fingerprint.find(':'); Colon != std::string::npos)
    Fingerprint.erase(0, Colon + 1);
  D.paragraph("Target `" + R.at("target").get<std::string>() + "` · torchdevice-port " +
              R.at("tool_version").get<std::string>() + " · rules `" + Fingerprint.substr(0, 12) + "`" + ShardText +
              " · " + (R.at("complete").get<bool>() ? "complete" : "**incomplete** (interrupted or refused; run again to finish)") +
              " · wall time " + seconds(R.at("timing").at("wall_seconds")) + " (" +
              R.at("timing").at("files_ported").dump() + " files ported, " + R.at("timing").at("files_reused").dump() +
              " reused from the state)");

  D.heading(2, "Summary");
  std::vector<std::vector<std::string>> Rows;
  for (const Json &Repo : R.at("repositories"))
    Rows.push_back(summaryRow(Repo.at("name").get<std::string>(), Repo));
  if (R.at("repositories").size() > 1)
    Rows.push_back(summaryRow("**total**", R.at("total")));
  D.table({"repository", "source files", "changed", "with problems", "uses converted", "uses left", "% converted",
           "% files done", "effort none / low / medium / high", "other files", "port time"},
          Rows);
  D.paragraph("Effort is the manual work a file still needs (docs/migrate.md defines the scale); a file is done "
              "when its effort is none.");

  // Files needing manual work, costliest first.
  std::vector<const Json *> Manual;
  for (const Json &F : R.at("files"))
    if (F.at("effort").at("level") != "none")
      Manual.push_back(&F);
  auto Rank = [](const Json &F) {
    std::string L = F.at("effort").at("level").get<std::string>();
    return L == "high" ? 0 : L == "medium" ? 1 : 2;
  };
  std::stable_sort(Manual.begin(), Manual.end(), [&](const Json *A, const Json *B) { return Rank(*A) < Rank(*B); });
  auto Where = [](const Json &F) { return F.at("repository").get<std::string>() + "/" + F.at("path").get<std::string>(); };
  D.heading(2, "Manual work left");
  if (Manual.empty())
    D.paragraph("None: every source file was ported completely.");
  else {
    std::vector<std::vector<std::string>> Files;
    for (const Json *F : Manual) {
      const Json &E = F->at("effort");
      Files.push_back({"`" + Where(*F) + "`", E.at("level").get<std::string>(),
                       E.at("rule").is_null() ? "—" : E.at("rule").get<std::string>(), E.at("reason").get<std::string>()});
    }
    D.table({"file", "effort", "rule", "why"}, Files);
  }
  for (const Json *F : Manual) {
    if (F->at("unsupported").empty())
      continue;
    D.heading(3, "`" + Where(*F) + "`");
    std::vector<std::vector<std::string>> Uses;
    for (const Json &U : F->at("unsupported"))
      Uses.push_back({U.at("line").dump() + ":" + U.at("column").dump(), U.at("rule").get<std::string>(),
                      U.at("kind").get<std::string>(), U.at("effort").get<std::string>(),
                      U.at("message").get<std::string>(), U.at("advice").get<std::string>()});
    D.table({"line:col", "rule", "kind", "effort", "what", "advice"}, Uses);
  }

  std::vector<std::vector<std::string>> Problems;
  for (const Json &F : R.at("files"))
    for (const Json &P : F.at("parse_problems"))
      Problems.push_back({"`" + Where(F) + "`" + (P.at("line").is_null() ? "" : ":" + P.at("line").dump()),
                          P.at("kind").get<std::string>(), P.at("message").get<std::string>()});
  if (!Problems.empty()) {
    D.heading(2, "Files that could not be ported");
    D.paragraph("They are left unchanged (and copied as they are into an out-root).");
    D.table({"file", "problem", "message"}, Problems);
  }
  std::vector<std::string> Conflicts;
  for (const Json &F : R.at("files"))
    for (const Json &C : F.at("conflicts"))
      Conflicts.push_back("`" + Where(F) + "`: " + C.get<std::string>());
  if (!Conflicts.empty()) {
    D.heading(2, "Conflicting edits (not applied)");
    D.bullets(Conflicts);
  }
  std::vector<std::string> Diagnostics;
  for (const Json &F : R.at("files"))
    for (const Json &Note : F.value("diagnostics", Json::array()))
      Diagnostics.push_back("`" + Where(F) + "`: " + Note.get<std::string>());
  if (!Diagnostics.empty()) {
    D.heading(2, "Compiler diagnostics (ported anyway)");
    D.bullets(Diagnostics);
  }
  std::vector<std::vector<std::string>> Low;
  for (const Json &F : R.at("files"))
    for (const Json &L : F.at("low_confidence"))
      Low.push_back({"`" + Where(F) + "`:" + L.at("line").dump(), L.at("rule").get<std::string>(),
                     L.at("note").get<std::string>()});
  if (!Low.empty()) {
    D.heading(2, "Low-confidence (token-level) edits to review");
    D.table({"where", "rule", "note"}, Low);
  }

  const Json &T = R.at("total");
  std::vector<std::vector<std::string>> ByRule;
  for (const auto &[Rule, N] : T.at("edits").at("by_rule").items())
    ByRule.push_back({Rule, N.dump()});
  if (!ByRule.empty()) {
    D.heading(2, "Edits by rule");
    D.table({"rule", "edits"}, ByRule);
  }
  std::vector<std::vector<std::string>> LeftRule;
  for (const auto &[Rule, N] : T.at("left_by_rule").items())
    LeftRule.push_back({Rule, N.dump()});
  if (!LeftRule.empty()) {
    D.heading(2, "Uses left by rule");
    D.table({"rule", "uses"}, LeftRule);
  }

  std::vector<std::string> Links;
  for (const Json &Repo : R.at("repositories"))
    for (const Json &L : Repo.at("links_outside_root"))
      Links.push_back("`" + Repo.at("name").get<std::string>() + "/" + L.get<std::string>() + "`");
  if (!Links.empty()) {
    D.heading(2, "Links pointing outside the repository");
    D.paragraph("Kept as links, never followed; make sure their targets exist where the ported tree runs.");
    D.bullets(Links);
  }
  if (!R.at("problems").empty()) {
    D.heading(2, "Problems");
    std::vector<std::string> Items;
    for (const Json &P : R.at("problems"))
      Items.push_back("`" + P.at("path").get<std::string>() + "`: " + P.at("message").get<std::string>());
    D.bullets(Items);
  }
  D.heading(2, "Runtime");
  const Json &Rt = R.at("runtime");
  std::vector<std::string> Notes;
  if (Rt.value("vendored", false)) {
    std::string Places;
    for (const Json &P : Rt.at("python_package"))
      Places += (Places.empty() ? "`" : ", `") + P.get<std::string>() + "`";
    Notes.push_back("Python: the `torchdevice` package is vendored into the ported tree (" + Places + ").");
  } else {
    Notes.push_back("Python: the ported code imports `torchdevice`: `pip install runtime/python` or put it on "
                    "`PYTHONPATH` (or run migrate with `--vendor-runtime`).");
  }
  Notes.push_back(Rt.value("cpp", std::string()));
  D.bullets(Notes);
  D.finish();
}

} // namespace

void renderMarkdown(const Json &Report, std::ostream &Out) {
  Markdown D(Out);
  layout(Report, D);
}

void renderHtml(const Json &Report, std::ostream &Out) {
  Html D(Out);
  layout(Report, D);
}

} // namespace tdp::migrate
