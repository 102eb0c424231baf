#include "core/Error.h"
#include "rules/RuleLoader.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::ruleFileJson;
using test::ruleJson;

/// The RuleError message parseRuleFile gives for Text, or "<no error>".
std::string loadError(const std::string &Text, const std::string &File = "rules.json") {
  try {
    parseRuleFile(Text, File);
  } catch (const RuleError &E) {
    return E.what();
  }
  return "<no error>";
}

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

const char *ValidFile = R"j({
  "$schema": "../schema/rule-file.schema.json",
  "rules": [
    {
      "id": "SYN401",
      "language": "python",
      "category": "sync",
      "kind": "rename",
      "message": "use torchdevice.synchronize()",
      "match": { "name": ["torch.cuda.synchronize", "torch.mps.synchronize"], "called": true },
      "rewrite": "torchdevice.synchronize",
      "import": "torchdevice",
      "note": "a longer explanation",
      "examples": [
        { "before": "import torch\ntorch.cuda.synchronize()\n", "after": "import torch\ntorchdevice.synchronize()\n" },
        { "before": "import torch\ntorch.cuda.synchronize()\n", "after": { "default": "x", "cpu": "y" } },
        { "valid": "def synchronize(): pass\n" },
        { "finding": "import torch\ntorch.cuda.synchronize()\n" }
      ]
    },
    {
      "id": "MOV402",
      "language": "python",
      "category": "move",
      "kind": "rewrite",
      "fix_safety": "unsafe",
      "message": "move with torchdevice",
      "match": { "method": "cuda", "params": ["device", "non_blocking"], "max_args": 2 },
      "rewrite": { "default": ".to(torchdevice.device($device)$[, non_blocking=$non_blocking])", "cpu": ".cpu()" },
      "examples": [ { "valid": "pass\n" } ]
    }
  ]
}
)j";

TEST(RuleLoaderTest, ParsesAValidRuleFile) {
  std::vector<Rule> Rules = parseRuleFile(ValidFile, "my/rules.json");
  ASSERT_EQ(Rules.size(), 2u);
  const Rule &R = Rules[0];
  EXPECT_EQ(R.Id, "SYN401");
  EXPECT_EQ(R.Language, "python");
  EXPECT_EQ(R.Category, "sync");
  EXPECT_EQ(R.Kind, RuleKind::Rename);
  EXPECT_EQ(R.Safety, FixSafety::Safe);
  EXPECT_EQ(R.Message, "use torchdevice.synchronize()");
  EXPECT_EQ(R.Import, "torchdevice");
  EXPECT_EQ(R.Note, "a longer explanation");
  EXPECT_EQ(R.SourceFile, "my/rules.json");
  EXPECT_EQ(R.SourceLine, 5u);
  const auto *NM = std::get_if<NameMatch>(&R.Match);
  ASSERT_NE(NM, nullptr);
  std::vector<std::string> Names{"torch.cuda.synchronize", "torch.mps.synchronize"};
  EXPECT_EQ(NM->Names, Names);
  EXPECT_TRUE(NM->Called);
  ASSERT_NE(R.rewriteFor(Target::Mps), nullptr);
  EXPECT_EQ(R.rewriteFor(Target::Mps)->source(), "torchdevice.synchronize");
  ASSERT_EQ(R.Examples.size(), 4u);
  EXPECT_EQ(R.Examples[0].Type, RuleExample::Kind::Fix);
  EXPECT_EQ(R.Examples[0].After.at("default"), "import torch\ntorchdevice.synchronize()\n");
  EXPECT_EQ(R.Examples[1].After.at("cpu"), "y");
  EXPECT_EQ(R.Examples[2].Type, RuleExample::Kind::Valid);
  EXPECT_EQ(R.Examples[2].Before, "def synchronize(): pass\n");
  EXPECT_EQ(R.Examples[3].Type, RuleExample::Kind::Finding);

  const Rule &M = Rules[1];
  EXPECT_EQ(M.Kind, RuleKind::Rewrite);
  EXPECT_EQ(M.Safety, FixSafety::Unsafe);
  EXPECT_EQ(M.SourceLine, 22u);
  const auto *MM = std::get_if<MethodMatch>(&M.Match);
  ASSERT_NE(MM, nullptr);
  EXPECT_EQ(MM->Method, "cuda");
  std::vector<std::string> Params{"device", "non_blocking"};
  EXPECT_EQ(MM->Params, Params);
  ASSERT_TRUE(MM->MaxArgs.has_value());
  EXPECT_EQ(*MM->MaxArgs, 2u);
  ASSERT_NE(M.rewriteFor(Target::Cpu), nullptr);
  EXPECT_EQ(M.rewriteFor(Target::Cpu)->source(), ".cpu()");
  ASSERT_NE(M.rewriteFor(Target::Auto), nullptr);
  EXPECT_TRUE(M.rewriteFor(Target::Auto)->startsWithDot());
  EXPECT_EQ(M.rewriteFor(Target::Mps)->source(), M.rewriteFor(Target::Auto)->source());
}

TEST(RuleLoaderTest, ParsesEveryMatchKind) {
  std::string Text = ruleFileJson({
      ruleJson("DEV401", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j",
               R"j("torchdevice.device($INDEX)")j"),
      ruleJson("MOV402", "move", "rewrite", R"j({"attribute": "is_cuda"})j", R"j("torchdevice.is_accelerator($RECV)")j"),
      ruleJson("MOV403", "move", "rewrite",
               R"j({"argument": {"call": "torch.utils.data.DataLoader", "keyword": "pin_memory"}, "value": true})j",
               R"j("torchdevice.pin_memory()")j"),
      ruleJson("DST404", "distributed", "rewrite",
               R"j({"argument": {"call": "torch.distributed.init_process_group", "keyword": "backend", "position": 0}, "value": "nccl"})j",
               R"j("torchdevice.backend()")j"),
      ruleJson("RNG405", "random", "keep", R"j({"argument": {"call": ".seed", "keyword": "n"}, "value": 1.5})j"),
      ruleJson("UNS406", "unsupported", "unsupported", R"j({"name": "torch.cuda.graphs.*"})j"),
  });
  std::vector<Rule> Rules = parseRuleFile(Text, "r.json");
  ASSERT_EQ(Rules.size(), 6u);
  const auto &D = std::get<DeviceStringMatch>(Rules[0].Match);
  EXPECT_EQ(D.DeviceType, "cuda");
  EXPECT_TRUE(D.Indexed);
  EXPECT_EQ(std::get<AttributeMatch>(Rules[1].Match).Attribute, "is_cuda");
  const auto &A = std::get<ArgumentMatch>(Rules[2].Match);
  EXPECT_EQ(A.Call, "torch.utils.data.DataLoader");
  EXPECT_EQ(A.Keyword, "pin_memory");
  EXPECT_FALSE(A.Position.has_value());
  ASSERT_TRUE(A.Value.has_value());
  EXPECT_EQ(A.Value->Type, LiteralValue::Kind::Bool);
  EXPECT_EQ(A.Value->Text, "True");
  const auto &B = std::get<ArgumentMatch>(Rules[3].Match);
  ASSERT_TRUE(B.Position.has_value());
  EXPECT_EQ(*B.Position, 0u);
  EXPECT_EQ(B.Value->Type, LiteralValue::Kind::String);
  EXPECT_EQ(B.Value->Text, "nccl");
  EXPECT_EQ(Rules[4].Kind, RuleKind::Keep);
  EXPECT_EQ(std::get<ArgumentMatch>(Rules[4].Match).Value->Type, LiteralValue::Kind::Number);
  EXPECT_EQ(std::get<ArgumentMatch>(Rules[4].Match).Value->Text, "1.5");
  EXPECT_EQ(Rules[5].Kind, RuleKind::Unsupported);
  EXPECT_EQ(Rules[5].Advice, "do it by hand");
  EXPECT_EQ(std::get<NameMatch>(Rules[5].Match).Names.front(), "torch.cuda.graphs.*");
}

TEST(RuleLoaderTest, InvalidJsonReportsFileLineAndColumn) {
  // Line 3, the stray '}' after a trailing comma is column 21.
  std::string Text = "{\n  \"rules\": [\n    {\"id\": \"SYN401\",}\n  ]\n}\n";
  std::string Error = loadError(Text, "bad.json");
  EXPECT_TRUE(Error.starts_with("bad.json:3:21: invalid JSON")) << Error;
}

TEST(RuleLoaderTest, InvalidJsonOnTheFirstLine) {
  std::string Error = loadError("{\"rules\": [}", "bad.json");
  EXPECT_TRUE(Error.starts_with("bad.json:1:12: invalid JSON")) << Error;
}

TEST(RuleLoaderTest, InvalidJsonAtTheEndOfTheFile) {
  std::string Text = "{\n  \"rules\": [\n";
  std::string Error = loadError(Text, "bad.json");
  EXPECT_TRUE(Error.starts_with("bad.json:")) << Error;
  EXPECT_TRUE(contains(Error, "invalid JSON")) << Error;
  // The error is at the end of the text, on line 2 or 3 (after the last newline).
  EXPECT_TRUE(Error.starts_with("bad.json:3:") || Error.starts_with("bad.json:2:")) << Error;
}

TEST(RuleLoaderTest, TheFileMustBeAnObjectWithRules) {
  EXPECT_TRUE(contains(loadError("[]"), "\"rules\" list")) << loadError("[]");
  EXPECT_TRUE(contains(loadError("{}"), "\"rules\" list")) << loadError("{}");
  EXPECT_TRUE(contains(loadError("{\"rules\": {}}"), "\"rules\" list"));
  std::string Error = loadError("{\"rule\": []}");
  EXPECT_TRUE(contains(Error, "unknown top-level key 'rule'")) << Error;
  EXPECT_TRUE(parseRuleFile("{\"rules\": []}", "empty.json").empty());
}

TEST(RuleLoaderTest, MissingRequiredKeysAreReported) {
  for (const char *Key : {"language", "category", "kind", "message", "match"}) {
    std::string Rule = ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j",
                                R"j("torchdevice.synchronize")j");
    // Remove "KEY": <value> by rebuilding the rule without it.
    std::string Needle = std::string("\"") + Key + "\": ";
    std::size_t Start = Rule.find(Needle);
    ASSERT_NE(Start, std::string::npos) << Key;
    std::size_t End = Start + Needle.size();
    if (Rule[End] == '{')
      End = Rule.find('}', End) + 1;
    else
      End = Rule.find('"', End + 1) + 1;
    Rule.erase(Start, End - Start + 2); // and the ", " after it
    std::string Error = loadError(ruleFileJson({Rule}));
    EXPECT_TRUE(contains(Error, std::string("missing required key '") + Key + "'")) << Key << ": " << Error;
    EXPECT_TRUE(contains(Error, "rule 'SYN401'")) << Error;
  }
}

TEST(RuleLoaderTest, MissingIdIsReportedByRulePosition) {
  std::string Text = R"j({"rules": [{"language": "python", "category": "sync", "kind": "keep", "message": "m",
                        "match": {"name": "a.b"}, "examples": [{"valid": "pass"}]}]})j";
  std::string Error = loadError(Text);
  EXPECT_TRUE(contains(Error, "missing required key 'id'")) << Error;
  EXPECT_TRUE(contains(Error, "rule #1")) << Error;
}

TEST(RuleLoaderTest, ErrorsPointAtTheLineOfTheOffendingRule) {
  std::string Text = ruleFileJson({
      ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j"),
      ruleJson("SYN402", "sync", "rename", R"j({"name": "torch.cuda.other"})j"), // no rewrite
  });
  std::string Error = loadError(Text, "f.json");
  // ruleFileJson puts rule N on line N + 2.
  EXPECT_TRUE(Error.starts_with("f.json:4:")) << Error;
  EXPECT_TRUE(contains(Error, "rule 'SYN402'")) << Error;
  EXPECT_TRUE(contains(Error, "needs 'rewrite'")) << Error;
}

TEST(RuleLoaderTest, BadIdPatternsAreRejected) {
  for (const char *Id : {"SYN01", "SYN0001", "syn001", "SY001", "SYNA01", "S1N001", ""}) {
    std::string Error =
        loadError(ruleFileJson({ruleJson(Id, "sync", "keep", R"j({"name": "torch.cuda.synchronize"})j")}));
    EXPECT_TRUE(contains(Error, "three upper-case letters and three digits")) << Id << ": " << Error;
  }
  std::string Error = loadError(R"j({"rules": [{"id": 401, "language": "python", "category": "sync", "kind": "keep",
      "message": "m", "match": {"name": "a.b"}, "examples": [{"valid": "pass"}]}]})j");
  EXPECT_TRUE(contains(Error, "'id' must be a string")) << Error;
}

TEST(RuleLoaderTest, IdPrefixMustMatchTheCategory) {
  std::string Error = loadError(ruleFileJson({ruleJson("MEM401", "sync", "keep", R"j({"name": "a.b"})j")}));
  EXPECT_TRUE(contains(Error, "must start with SYN")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "synch", "keep", R"j({"name": "a.b"})j")}));
  EXPECT_TRUE(contains(Error, "unknown category \"synch\"")) << Error;
}

TEST(RuleLoaderTest, UnknownKeysInARuleAreRejected) {
  std::string Error = loadError(ruleFileJson(
      {ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j("x")j", R"j("mesage": "typo")j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'mesage' in a rule")) << Error;
  Error = loadError(ruleFileJson(
      {ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j("x")j", R"j("imports": "torchdevice")j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'imports'")) << Error;
}

TEST(RuleLoaderTest, EffortIsLowMediumOrHighAndNotOnKeepRules) {
  std::vector<Rule> Rules = parseRuleFile(
      ruleFileJson({ruleJson("SYN401", "sync", "unsupported", R"j({"name": "a.b"})j", "", R"j("effort": "high")j")}),
      "rules.json");
  ASSERT_EQ(Rules.size(), 1u);
  EXPECT_EQ(Rules[0].Effort, "high");
  std::string Error = loadError(
      ruleFileJson({ruleJson("SYN401", "sync", "unsupported", R"j({"name": "a.b"})j", "", R"j("effort": "huge")j")}));
  EXPECT_TRUE(contains(Error, "effort must be \"low\", \"medium\" or \"high\"")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j", "", R"j("effort": "low")j")}));
  EXPECT_TRUE(contains(Error, "a keep rule leaves no work")) << Error;
}

TEST(RuleLoaderTest, UnknownKeysInAMatchAreRejected) {
  std::string Error =
      loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b", "caled": true})j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'caled' in a name match")) << Error;
  Error = loadError(ruleFileJson({ruleJson("MOV401", "move", "keep", R"j({"method": "cuda", "max_arg": 1})j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'max_arg'")) << Error;
  Error = loadError(ruleFileJson({ruleJson("DEV401", "device", "keep", R"j({"device_string": "cuda", "index": true})j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'index'")) << Error;
  Error = loadError(ruleFileJson(
      {ruleJson("MOV401", "move", "keep", R"j({"argument": {"call": "f", "keyword": "k", "positon": 0}})j")}));
  EXPECT_TRUE(contains(Error, "unknown key 'positon'")) << Error;
}

TEST(RuleLoaderTest, UnknownKeysInAnExampleAreRejected) {
  std::string Rule = ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j");
  Rule.replace(Rule.find("{\"valid\""), std::string("{\"valid\": \"pass\\n\"}").size(),
               R"j({"valid": "pass", "note": "x"})j");
  std::string Error = loadError(ruleFileJson({Rule}));
  EXPECT_TRUE(contains(Error, "unknown key 'note' in an example")) << Error;
}

TEST(RuleLoaderTest, MatchNeedsExactlyOneKind) {
  std::string Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b", "method": "c"})j")}));
  EXPECT_TRUE(contains(Error, "exactly one of")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({})j")}));
  EXPECT_TRUE(contains(Error, "exactly one of")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j("torch.cuda.synchronize")j")}));
  EXPECT_TRUE(contains(Error, "'match' must be an object")) << Error;
}

TEST(RuleLoaderTest, WildcardsOnlyAtTheEnd) {
  std::string Error = loadError(ruleFileJson({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "torch.*.x"})j")}));
  EXPECT_TRUE(contains(Error, "wildcard is allowed only as a final '.*'")) << Error;
  Error = loadError(ruleFileJson({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "torch.cuda*"})j")}));
  EXPECT_TRUE(contains(Error, "wildcard")) << Error;
  Error = loadError(ruleFileJson({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": []})j")}));
  EXPECT_TRUE(contains(Error, "non-empty list")) << Error;
}

TEST(RuleLoaderTest, TemplateVariablesMustBeProvidedByTheMatchKind) {
  struct Case {
    const char *Match;
    const char *Rewrite;
    const char *Var;
  } Cases[] = {
      {R"j({"attribute": "is_cuda"})j", R"j("f($device)")j", "$device"},
      {R"j({"attribute": "is_cuda"})j", R"j("f($0)")j", "$0"},
      {R"j({"device_string": "cuda"})j", R"j("f($RECV)")j", "$RECV"},
      {R"j({"name": "torch.cuda.set_device"})j", R"j("f($RECV)")j", "$RECV"},
      {R"j({"name": "torch.cuda.set_device"})j", R"j("f($device)")j", "$device"},
      {R"j({"name": "torch.cuda.set_device"})j", R"j("f($INDEX)")j", "$INDEX"},
      {R"j({"method": "cuda", "params": ["device"]})j", R"j(".to($dev)")j", "$dev"},
      {R"j({"argument": {"call": "f", "keyword": "k"}})j", R"j("$0")j", "$0"},
      {R"j({"method": "cuda"})j", R"j({"default": ".to()", "cpu": ".to($nope)"})j", "$nope"},
  };
  for (const Case &C : Cases) {
    std::string Error = loadError(ruleFileJson({ruleJson("MOV401", "move", "rewrite", C.Match, C.Rewrite)}));
    EXPECT_TRUE(contains(Error, std::string("uses ") + C.Var + ", which this kind of match does not provide"))
        << C.Match << " " << C.Rewrite << ": " << Error;
  }
}

TEST(RuleLoaderTest, TemplateVariablesThatTheMatchKindProvidesAreAccepted) {
  std::vector<std::string> Rules{
      ruleJson("MOV401", "move", "rewrite", R"j({"attribute": "is_cuda"})j", R"j("f($RECV, $MATCH)")j"),
      ruleJson("DEV402", "device", "rewrite", R"j({"device_string": "cuda", "indexed": true})j", R"j("f($INDEX)")j"),
      ruleJson("SYN403", "sync", "rewrite", R"j({"name": "torch.cuda.set_device", "params": ["device"]})j",
               R"j("f($device, $0, $ARGS$[, $KWARGS])")j"),
      ruleJson("MOV404", "move", "rewrite", R"j({"method": "cuda", "params": ["device"]})j",
               R"j("$RECV.to($device, $9, $ARGS, $KWARGS)")j"),
      ruleJson("MOV405", "move", "rewrite", R"j({"argument": {"call": "f", "keyword": "k"}})j", R"j("g($MATCH)")j"),
  };
  EXPECT_EQ(parseRuleFile(ruleFileJson(Rules), "ok.json").size(), 5u);
}

TEST(RuleLoaderTest, BadTemplateSyntaxIsReported) {
  std::string Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j("x$[y")j")}));
  EXPECT_TRUE(contains(Error, "rewrite template \"x$[y\"")) << Error;
}

TEST(RuleLoaderTest, RewriteRules) {
  // Editing rules need a rewrite; others must not have one.
  std::string Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "rewrite", R"j({"name": "a.b"})j")}));
  EXPECT_TRUE(contains(Error, "needs 'rewrite'")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j", R"j("x")j")}));
  EXPECT_TRUE(contains(Error, "remove 'rewrite'")) << Error;
  // Per-target rewrites need a default or every target.
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j({"cpu": "x"})j")}));
  EXPECT_TRUE(contains(Error, "'default' or a template for every target")) << Error;
  EXPECT_EQ(parseRuleFile(ruleFileJson({ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j",
                                                 R"j({"auto": "a", "cpu": "c", "mps": "m", "cuda": "g"})j")}),
                          "ok.json")
                .size(),
            1u);
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j({"gpu": "x", "default": "y"})j")}));
  EXPECT_TRUE(contains(Error, "not \"gpu\"")) << Error;
}

TEST(RuleLoaderTest, UnsupportedRuleNeedsAdvice) {
  std::string Error = loadError(
      ruleFileJson({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "a.b"})j", "", R"j("advice": "")j")}));
  EXPECT_TRUE(contains(Error, "needs 'advice'")) << Error;
  std::string Rule = ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "a.b"})j");
  Rule.erase(Rule.find(", \"advice\": \"do it by hand\""), std::string(", \"advice\": \"do it by hand\"").size());
  Error = loadError(ruleFileJson({Rule}));
  EXPECT_TRUE(contains(Error, "needs 'advice'")) << Error;
}

TEST(RuleLoaderTest, RuleWithoutExamplesIsRejected) {
  std::string Rule = ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j("x")j");
  std::string WithEmpty = Rule;
  WithEmpty.replace(WithEmpty.find("[{\"valid\": \"pass\\n\"}]"), std::string("[{\"valid\": \"pass\\n\"}]").size(), "[]");
  std::string Error = loadError(ruleFileJson({WithEmpty}));
  EXPECT_TRUE(contains(Error, "'examples' must be a non-empty list")) << Error;
  std::string Without = Rule;
  Without.erase(Without.find(", \"examples\""), std::string(", \"examples\": [{\"valid\": \"pass\\n\"}]").size());
  Error = loadError(ruleFileJson({Without}));
  EXPECT_TRUE(contains(Error, "'examples' must be a non-empty list")) << Error;
}

TEST(RuleLoaderTest, BeforeAfterExamplesOnlyForEditingRules) {
  std::string Rule = ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "a.b"})j");
  Rule.replace(Rule.find("{\"valid\""), std::string("{\"valid\": \"pass\\n\"}").size(),
               R"j({"before": "x", "after": "y"})j");
  std::string Error = loadError(ruleFileJson({Rule}));
  EXPECT_TRUE(contains(Error, "use 'finding' or 'valid' examples")) << Error;
}

TEST(RuleLoaderTest, OtherFieldChecks) {
  std::string Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "frobnicate", R"j({"name": "a.b"})j")}));
  EXPECT_TRUE(contains(Error, "kind must be")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "rename", R"j({"name": "a.b"})j", R"j("x")j",
                                           R"j("fix_safety": "maybe")j")}));
  EXPECT_TRUE(contains(Error, "fix_safety")) << Error;
  std::string Rule = ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j");
  Rule.replace(Rule.find("\"python\""), 8, "\"rust\"");
  Error = loadError(ruleFileJson({Rule}));
  EXPECT_TRUE(contains(Error, "language must be")) << Error;
  Rule = ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j");
  Rule.replace(Rule.find("test rule SYN401"), 16, "two\\nlines");
  Error = loadError(ruleFileJson({Rule}));
  EXPECT_TRUE(contains(Error, "message must be one non-empty line")) << Error;
  Error = loadError(ruleFileJson({ruleJson("MOV401", "move", "keep", R"j({"method": "cuda", "max_args": -1})j")}));
  EXPECT_TRUE(contains(Error, "max_args")) << Error;
  Error = loadError(ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b", "called": "yes"})j")}));
  EXPECT_TRUE(contains(Error, "'called' must be true or false")) << Error;
  Error = loadError(ruleFileJson({ruleJson("MOV401", "move", "keep", R"j({"argument": {"call": "f"}})j")}));
  EXPECT_TRUE(contains(Error, "'call' and 'keyword'")) << Error;
  Error = loadError(ruleFileJson({ruleJson("MOV401", "move", "keep", R"j({"argument": {"call": "f", "keyword": "k"}, "value": null})j")}));
  EXPECT_TRUE(contains(Error, "'value' must be")) << Error;
}

TEST(RuleLoaderTest, DuplicateIdsInOneFileAreRejected) {
  std::string Text = ruleFileJson({
      ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j"),
      ruleJson("SYN402", "sync", "keep", R"j({"name": "a.c"})j"),
      ruleJson("SYN401", "sync", "keep", R"j({"name": "a.d"})j"),
  });
  std::string Error = loadError(Text, "dup.json");
  EXPECT_TRUE(Error.starts_with("dup.json:")) << Error;
  EXPECT_TRUE(contains(Error, "duplicate rule id")) << Error;
  EXPECT_TRUE(contains(Error, "SYN401")) << Error;
}

TEST(RuleLoaderTest, DuplicateIdErrorPointsAtTheDuplicate) {
  // ruleFileJson puts rule N on line N + 2: the second SYN401 is on line 5.
  std::string Text = ruleFileJson({
      ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j"),
      ruleJson("SYN402", "sync", "keep", R"j({"name": "a.c"})j"),
      ruleJson("SYN401", "sync", "keep", R"j({"name": "a.d"})j"),
  });
  std::string Error = loadError(Text, "dup.json");
  EXPECT_TRUE(Error.starts_with("dup.json:5:")) << Error;
}

TEST(RuleLoaderTest, LoadRuleFileReadsFromDisk) {
  test::TempDir Dir("loader");
  std::filesystem::path File = Dir / "r.json";
  test::writeFile(File, ruleFileJson({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j")}));
  std::vector<Rule> Rules = loadRuleFile(File.string());
  ASSERT_EQ(Rules.size(), 1u);
  EXPECT_EQ(Rules[0].SourceFile, File.string());
  EXPECT_EQ(Rules[0].SourceLine, 3u);
  try {
    loadRuleFile((Dir / "missing.json").string());
    FAIL() << "no error for a missing rule file";
  } catch (const RuleError &E) {
    EXPECT_TRUE(contains(E.what(), "missing.json")) << E.what();
  }
}

TEST(RuleLoaderTest, BuiltinRulesLoad) {
  std::vector<Rule> Rules = loadBuiltinRules();
  EXPECT_FALSE(Rules.empty());
  for (const Rule &R : Rules) {
    EXPECT_TRUE(R.SourceFile.starts_with("<builtin>/")) << R.Id << " " << R.SourceFile;
    EXPECT_FALSE(R.Examples.empty()) << R.Id;
  }
}

} // namespace
} // namespace tdp
