#include "driver/RuleExampleCheck.h"

#include "python/PythonPorter.h"
#include "rules/RuleSet.h"

namespace tdp {
namespace {

std::string quoted(const std::string &S) {
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

ExampleReport checkRuleExamples(const std::vector<Rule> &Rules) {
  ExampleReport Report;
  for (const Rule &R : Rules) {
    if (R.Language != "python")
      continue;
    RuleSet Only(std::vector<Rule>{R});
    std::string Where = R.SourceFile + (R.SourceLine ? ":" + std::to_string(R.SourceLine) : "");
    for (std::size_t I = 0; I < R.Examples.size(); ++I) {
      const RuleExample &Ex = R.Examples[I];
      auto Fail = [&](const char *Verdict, const std::string &Detail) {
        Report.Failures.push_back({R.Id, Where, I + 1, Verdict, Detail});
      };
      python::PortOptions PO;
      PO.InsertImports = false;
      if (Ex.Type == RuleExample::Kind::Fix) {
        bool Ok = true;
        for (const auto &[Key, Expected] : Ex.After) {
          PO.TheTarget = Key == "default" ? Target::Auto : *parseTarget(Key);
          python::PortResult Got = python::portPythonSource(Ex.Before, Only, PO);
          if (Got.State != python::PortResult::Status::Ported) {
            Fail("missing", "target " + Key + ": " + Got.Problem);
            Ok = false;
          } else if (Got.Text != Expected) {
            Fail("missing", "target " + Key + ": expected " + quoted(Expected) + ", got " + quoted(Got.Text));
            Ok = false;
          } else {
            python::PortResult Again = python::portPythonSource(Got.Text, Only, PO);
            if (Again.Text != Got.Text) {
              Fail("noisy", "target " + Key + ": not idempotent, a second run gives " + quoted(Again.Text));
              Ok = false;
            }
          }
        }
        Report.Validated += Ok ? 1 : 0;
      } else {
        python::PortResult Got = python::portPythonSource(Ex.Before, Only, PO);
        if (Got.State != python::PortResult::Status::Ported) {
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
            Fail("noisy", "expected no match in " + quoted(Ex.Before) +
                              (Got.Text != Ex.Before ? ", but it was rewritten to " + quoted(Got.Text) : ""));
          else
            ++Report.Validated;
        } else {
          if (!Matched)
            Fail("missing", "expected a finding in " + quoted(Ex.Before));
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
