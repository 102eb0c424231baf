#include "driver/RuleExampleCheck.h"

#include "cpp/CppPorter.h"
#include "python/PythonPorter.h"
#include "rules/RuleSet.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tdp {
namespace {

std::string quotedText(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '\n')
      Out += "\\n";
    else if (C == '"')
      Out += "\\\"";
    else
      Out += C;
  }
  return Out + "\"";
}

} // namespace

namespace {

/// A C++ example, ported in a temporary directory against the lite LibTorch headers.
python::PortResult portCppExample(const std::string &Code, const RuleSet &Only, Target T) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> Counter{0};
  fs::path Dir = fs::temp_directory_path() /
                 ("tdport-example-" + std::to_string(::getpid()) + "-" + std::to_string(Counter++));
  fs::create_directories(Dir);
  fs::path File = Dir / "example.cpp";
  {
    std::ofstream Out(File, std::ios::binary);
    Out << Code;
  }
  cpp::CppPortOptions O;
  O.TheTarget = T;
  O.Roots = {Dir};
  O.InsertRuntimeInclude = false;
  O.ExampleHeaders = true;
  cpp::CppPortResult R = cpp::portCppFiles({{File, Code, {}}}, Only, O);
  std::error_code EC;
  fs::remove_all(Dir, EC);
  python::PortResult Out = std::move(R.Files[File]);
  for (const std::string &Note : R.Notes)
    if (Note.find("parse error") != std::string::npos && Out.Problem.empty())
      Out.Problem = Note; // examples must compile against the example headers
  return Out;
}

python::PortResult portExample(const Rule &R, const std::string &Code, const RuleSet &Only, Target T) {
  if (R.Language == "cpp")
    return portCppExample(Code, Only, T);
  python::PortOptions PO;
  PO.InsertImports = false;
  PO.TheTarget = T;
  return python::portPythonSource(Code, Only, PO);
}

} // namespace

ExampleReport checkRuleExamples(const std::vector<Rule> &Rules) {
  ExampleReport Report;
  for (const Rule &R : Rules) {
    RuleSet Only(std::vector<Rule>{R});
    std::string Where = R.SourceFile + (R.SourceLine ? ":" + std::to_string(R.SourceLine) : "");
    for (std::size_t I = 0; I < R.Examples.size(); ++I) {
      const RuleExample &Ex = R.Examples[I];
      auto Fail = [&](const char *Verdict, const std::string &Detail) {
        Report.Failures.push_back({R.Id, Where, I + 1, Verdict, Detail});
      };
      if (Ex.Type == RuleExample::Kind::Fix) {
        bool Ok = true;
        for (const auto &[Key, Expected] : Ex.After) {
          Target T = Key == "default" ? Target::Auto : *parseTarget(Key);
          python::PortResult Got = portExample(R, Ex.Before, Only, T);
          if (Got.State != python::PortResult::Status::Ported || !Got.Problem.empty()) {
            Fail("missing", "target " + Key + ": " + Got.Problem);
            Ok = false;
          } else if (Got.Text != Expected) {
            Fail("missing", "target " + Key + ": expected " + quotedText(Expected) + ", got " + quotedText(Got.Text));
            Ok = false;
          } else {
            python::PortResult Again = portExample(R, Got.Text, Only, T);
            if (Again.Text != Got.Text) {
              Fail("noisy", "target " + Key + ": not idempotent, a second run gives " + quotedText(Again.Text));
              Ok = false;
            }
          }
        }
        Report.Validated += Ok ? 1 : 0;
      } else {
        python::PortResult Got = portExample(R, Ex.Before, Only, Target::Auto);
        if (Got.State != python::PortResult::Status::Ported || !Got.Problem.empty()) {
          Fail(Ex.Type == RuleExample::Kind::Valid ? "noisy" : "missing", Got.Problem);
          continue;
        }
        // A keep rule matches silently: its `valid` examples may match, but never report or edit.
        bool Matched = false, Reported = false;
        for (const python::PortedHit &H : Got.Hits) {
          Matched = Matched || H.Matched->Id == R.Id;
          Reported = Reported || (H.Matched->Id == R.Id && (H.Fixed || H.Matched->reports()));
        }
        if (Ex.Type == RuleExample::Kind::Valid) {
          if (Reported || Got.Text != Ex.Before)
            Fail("noisy", "expected no match in " + quotedText(Ex.Before) +
                              (Got.Text != Ex.Before ? ", but it was rewritten to " + quotedText(Got.Text) : ""));
          else
            ++Report.Validated;
        } else {
          if (!Matched)
            Fail("missing", "expected a finding in " + quotedText(Ex.Before));
          else if (!R.edits() && Got.Text != Ex.Before)
            Fail("noisy", "a " + std::string(ruleKindName(R.Kind)) + " rule changed the code");
          else
            ++Report.Validated;
        }
      }
    }
  }
  return Report;
}

} // namespace tdp
