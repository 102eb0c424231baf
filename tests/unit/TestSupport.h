// Shared helpers for the unit tests: temporary directories, small files, and rule sets built
// from in-memory JSON rule text.
#pragma once

#include "python/PythonPorter.h"
#include "rules/RuleLoader.h"
#include "rules/RuleSet.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace tdp::test {

namespace fs = std::filesystem;

/// A fresh, uniquely named directory below the system temp directory, removed on destruction.
class TempDir {
public:
  explicit TempDir(std::string_view Tag = "tmp") {
    static std::atomic<unsigned> Counter{0};
    std::random_device RD;
    for (int Attempt = 0; Attempt < 100; ++Attempt) {
      fs::path Candidate = fs::temp_directory_path() /
                           ("tdport-unit-" + std::string(Tag) + "-" + std::to_string(::getpid()) + "-" +
                            std::to_string(Counter++) + "-" + std::to_string(RD() % 1000000u));
      std::error_code EC;
      if (fs::create_directory(Candidate, EC)) {
        // Canonical, so that paths compare equal to what the engine computes.
        Path = fs::canonical(Candidate);
        return;
      }
    }
    throw std::runtime_error("cannot create a temporary directory");
  }
  ~TempDir() {
    std::error_code EC;
    fs::remove_all(Path, EC);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const fs::path &path() const { return Path; }
  fs::path operator/(const std::string &Rel) const { return Path / Rel; }

private:
  fs::path Path;
};

inline void writeFile(const fs::path &P, std::string_view Content) {
  if (P.has_parent_path())
    fs::create_directories(P.parent_path());
  std::ofstream Out(P, std::ios::binary | std::ios::trunc);
  Out.write(Content.data(), static_cast<std::streamsize>(Content.size()));
  if (!Out)
    throw std::runtime_error("cannot write " + P.string());
}

inline std::string readFile(const fs::path &P) {
  std::ifstream In(P, std::ios::binary);
  if (!In)
    throw std::runtime_error("cannot read " + P.string());
  std::ostringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

/// Splits text into lines (without the '\n'); a trailing newline does not add an empty line.
inline std::vector<std::string> splitLines(const std::string &Text) {
  std::vector<std::string> Lines;
  std::istringstream In(Text);
  for (std::string L; std::getline(In, L);)
    Lines.push_back(L);
  return Lines;
}

/// One Python rule object as JSON text. MatchJson is the value of "match"; RewriteJson, when
/// not empty, the value of "rewrite" (a JSON string literal or object). Extra is appended
/// verbatim as more members (e.g. "\"import\": \"torchdevice\""). Unsupported rules get advice
/// unless Extra has some. The example is a placeholder: parseRuleFile does not run examples.
inline std::string ruleJson(const std::string &Id, const std::string &Category, const std::string &Kind,
                            const std::string &MatchJson, const std::string &RewriteJson = "",
                            const std::string &Extra = "") {
  std::string J = "{\"id\": \"" + Id + "\", \"language\": \"python\", \"category\": \"" + Category +
                  "\", \"kind\": \"" + Kind + "\", \"message\": \"test rule " + Id + "\", \"match\": " + MatchJson;
  if (!RewriteJson.empty())
    J += ", \"rewrite\": " + RewriteJson;
  if (Kind == "unsupported" && Extra.find("\"advice\"") == std::string::npos)
    J += ", \"advice\": \"do it by hand\"";
  if (!Extra.empty())
    J += ", " + Extra;
  J += ", \"examples\": [{\"valid\": \"pass\\n\"}]}";
  return J;
}

/// A rule file's text holding the given rule objects.
inline std::string ruleFileJson(const std::vector<std::string> &Rules) {
  std::string J = "{\n  \"rules\": [\n";
  for (std::size_t I = 0; I < Rules.size(); ++I)
    J += "    " + Rules[I] + (I + 1 < Rules.size() ? ",\n" : "\n");
  J += "  ]\n}\n";
  return J;
}

/// Parses the text of a rules JSON file into a RuleSet.
inline RuleSet rulesFromJson(std::string_view FileJson, const std::string &FileName = "test-rules.json") {
  return RuleSet(parseRuleFile(FileJson, FileName));
}

/// A RuleSet made of the given rule objects.
inline RuleSet rulesFrom(const std::vector<std::string> &Rules) { return rulesFromJson(ruleFileJson(Rules)); }

/// Ports a snippet; import insertion is off unless asked for.
inline python::PortResult portWith(const RuleSet &Rules, std::string_view Source, Target T = Target::Auto,
                                   bool InsertImports = false) {
  python::PortOptions O;
  O.TheTarget = T;
  O.InsertImports = InsertImports;
  return python::portPythonSource(Source, Rules, O);
}

/// The ported text of a snippet (import insertion off).
inline std::string port(const RuleSet &Rules, std::string_view Source, Target T = Target::Auto) {
  return portWith(Rules, Source, T, false).Text;
}

/// The hits of one rule in a port result.
inline std::vector<python::PortedHit> hitsOf(const python::PortResult &R, std::string_view Id) {
  std::vector<python::PortedHit> Out;
  for (const python::PortedHit &H : R.Hits)
    if (H.Matched && H.Matched->Id == Id)
      Out.push_back(H);
  return Out;
}

} // namespace tdp::test
