#include "core/Error.h"
#include "rules/RuleSet.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::ruleFileJson;
using test::ruleJson;

std::vector<Rule> parse(const std::vector<std::string> &Rules, const std::string &File) {
  return parseRuleFile(ruleFileJson(Rules), File);
}

std::vector<Rule> concat(std::vector<Rule> A, std::vector<Rule> B) {
  for (Rule &R : B)
    A.push_back(std::move(R));
  return A;
}

std::string ruleSetError(std::vector<Rule> Rules) {
  try {
    RuleSet S(std::move(Rules));
  } catch (const RuleError &E) {
    return E.what();
  }
  return "<no error>";
}

std::vector<std::string> idsOf(const RuleSet &S) {
  std::vector<std::string> Ids;
  for (const Rule &R : S.rules())
    Ids.push_back(R.Id);
  return Ids;
}

RuleSet sampleSet() {
  return RuleSet(parse(
      {
          ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j"),
          ruleJson("SYN402", "sync", "keep", R"j({"name": "torch.cuda.Event.synchronize"})j"),
          ruleJson("STR411", "stream", "rename", R"j({"name": "torch.cuda.Stream"})j", R"j("torchdevice.Stream")j"),
          ruleJson("MEM401", "memory", "rename", R"j({"name": "torch.cuda.empty_cache"})j", R"j("torchdevice.empty_cache")j"),
          ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "torch.cuda.*"})j"),
          ruleJson("UNS402", "unsupported", "unsupported", R"j({"name": "torch.cuda.amp.*"})j"),
          ruleJson("MOV401", "move", "rewrite", R"j({"method": "cuda"})j", R"j(".to(torchdevice.device())")j"),
          ruleJson("MOV402", "move", "rewrite", R"j({"attribute": "is_cuda"})j", R"j("torchdevice.is_accelerator($RECV)")j"),
          ruleJson("DEV401", "device", "rename", R"j({"device_string": "cuda"})j", R"j("torchdevice.device_type()")j"),
          ruleJson("DEV402", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j",
                   R"j("torchdevice.device_string($INDEX)")j"),
          ruleJson("DEV403", "device", "rename", R"j({"device_string": "mps"})j", R"j("torchdevice.device_type()")j"),
          ruleJson("MOV403", "move", "rewrite",
                   R"j({"argument": {"call": "torch.utils.data.DataLoader", "keyword": "pin_memory"}, "value": true})j",
                   R"j("torchdevice.pin_memory()")j"),
      },
      "sample.json"));
}

TEST(RuleSetTest, LookupTables) {
  RuleSet S = sampleSet();
  ASSERT_NE(S.exactName("torch.cuda.synchronize"), nullptr);
  EXPECT_EQ(S.exactName("torch.cuda.synchronize")->Id, "SYN401");
  EXPECT_EQ(S.exactName("torch.cuda"), nullptr);
  EXPECT_EQ(S.exactName("torch.cuda.synchronize.x"), nullptr);
  ASSERT_NE(S.byId("MEM401"), nullptr);
  EXPECT_EQ(S.byId("MEM401")->Category, "memory");
  EXPECT_EQ(S.byId("MEM999"), nullptr);
  ASSERT_EQ(S.methodRules("cuda").size(), 1u);
  EXPECT_EQ(S.methodRules("cuda").front()->Id, "MOV401");
  EXPECT_TRUE(S.methodRules("cpu").empty());
  ASSERT_NE(S.attributeRule("is_cuda"), nullptr);
  EXPECT_EQ(S.attributeRule("is_mps"), nullptr);
  EXPECT_EQ(S.deviceStringRule("cuda", false)->Id, "DEV401");
  EXPECT_EQ(S.deviceStringRule("cuda", true)->Id, "DEV402");
  EXPECT_EQ(S.deviceStringRule("mps", true), nullptr);
  std::vector<std::string> Types{"cuda", "mps"};
  EXPECT_EQ(S.deviceTypes(), Types);
  EXPECT_TRUE(S.hasArgumentRules());
  ASSERT_EQ(S.argumentRules("torch.utils.data.DataLoader").size(), 1u);
  EXPECT_TRUE(S.argumentRules("DataLoader").empty());
  EXPECT_TRUE(S.starImportedName("torch.cuda", "synchronize"));
  EXPECT_FALSE(S.starImportedName("torch.cuda", "nothing"));
  EXPECT_FALSE(S.starImportedName("torch", "synchronize"));
}

TEST(RuleSetTest, LongestWildcardPrefixWins) {
  RuleSet S = sampleSet();
  ASSERT_NE(S.wildcardName("torch.cuda.nvtx.range_push"), nullptr);
  EXPECT_EQ(S.wildcardName("torch.cuda.nvtx.range_push")->Id, "UNS401");
  EXPECT_EQ(S.wildcardName("torch.cuda.foo")->Id, "UNS401");
  EXPECT_EQ(S.wildcardName("torch.cuda.amp.autocast")->Id, "UNS402");
  EXPECT_EQ(S.wildcardName("torch.cuda.amp.x.y")->Id, "UNS402");
  EXPECT_EQ(S.wildcardName("torch.cuda.amp")->Id, "UNS401");
  EXPECT_EQ(S.wildcardName("torch.cuda"), nullptr);
  EXPECT_EQ(S.wildcardName("torch.cudax.foo"), nullptr);
  EXPECT_EQ(S.wildcardName("torch.mps.foo"), nullptr);
}

TEST(RuleSetTest, DuplicateIdAcrossFilesIsARuleError) {
  std::vector<Rule> A = parse({ruleJson("SYN401", "sync", "keep", R"j({"name": "a.b"})j")}, "a.json");
  std::vector<Rule> B = parse({ruleJson("SYN402", "sync", "keep", R"j({"name": "a.c"})j"),
                               ruleJson("SYN401", "sync", "keep", R"j({"name": "a.d"})j")},
                              "b.json");
  std::string Error = ruleSetError(concat(std::move(A), std::move(B)));
  EXPECT_NE(Error.find("duplicate rule id 'SYN401'"), std::string::npos) << Error;
  EXPECT_NE(Error.find("a.json"), std::string::npos) << Error;
  EXPECT_NE(Error.find("b.json"), std::string::npos) << Error;
}

TEST(RuleSetTest, TwoRulesClaimingTheSameNameIsARuleError) {
  std::vector<Rule> Rules = concat(
      parse({ruleJson("SYN401", "sync", "keep", R"j({"name": ["torch.cuda.synchronize", "torch.mps.synchronize"]})j")},
            "a.json"),
      parse({ruleJson("SYN402", "sync", "rename", R"j({"name": "torch.mps.synchronize"})j", R"j("x")j")}, "b.json"));
  std::string Error = ruleSetError(std::move(Rules));
  EXPECT_NE(Error.find("torch.mps.synchronize"), std::string::npos) << Error;
  EXPECT_NE(Error.find("SYN401"), std::string::npos) << Error;
  EXPECT_NE(Error.find("SYN402"), std::string::npos) << Error;
}

TEST(RuleSetTest, TwoRulesClaimingTheSameWildcardIsARuleError) {
  std::string Error = ruleSetError(parse({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "torch.cuda.*"})j"),
                                          ruleJson("UNS402", "unsupported", "unsupported", R"j({"name": "torch.cuda.*"})j")},
                                         "w.json"));
  EXPECT_NE(Error.find("UNS402"), std::string::npos) << Error;
}

TEST(RuleSetTest, TwoRulesClaimingTheSameAttributeIsARuleError) {
  std::string Error = ruleSetError(parse({ruleJson("MOV401", "move", "keep", R"j({"attribute": "is_cuda"})j"),
                                          ruleJson("MOV402", "move", "keep", R"j({"attribute": "is_cuda"})j")},
                                         "a.json"));
  EXPECT_NE(Error.find("is_cuda"), std::string::npos) << Error;
}

TEST(RuleSetTest, TwoRulesClaimingTheSameDeviceStringIsARuleError) {
  std::string Error = ruleSetError(
      parse({ruleJson("DEV401", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j", R"j("a($INDEX)")j"),
             ruleJson("DEV402", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j", R"j("b($INDEX)")j")},
            "d.json"));
  EXPECT_NE(Error.find("DEV402"), std::string::npos) << Error;
  // The indexed and the plain form are different claims.
  EXPECT_NO_THROW(RuleSet(parse({ruleJson("DEV401", "device", "rename", R"j({"device_string": "cuda"})j", R"j("a")j"),
                                 ruleJson("DEV402", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j",
                                          R"j("b($INDEX)")j")},
                                "d.json")));
}

// RuleSet.h: "Throws RuleError on a duplicate id or on two rules that claim the same name,
// method, attribute or device string."
TEST(RuleSetTest, TwoRulesClaimingTheSameMethodIsARuleError) {
  std::string Error = ruleSetError(parse({ruleJson("MOV401", "move", "rewrite", R"j({"method": "cuda"})j", R"j(".to(a())")j"),
                                          ruleJson("MOV402", "move", "rewrite", R"j({"method": "cuda"})j", R"j(".to(b())")j")},
                                         "m.json"));
  EXPECT_NE(Error.find("MOV402"), std::string::npos) << Error;
}

TEST(RuleSetTest, SelectByIdAndPrefix) {
  RuleSet S = sampleSet();
  std::vector<std::string> Sync{"SYN401", "SYN402"};
  EXPECT_EQ(idsOf(S.filtered({"SYN"}, {})), Sync);
  std::vector<std::string> One{"SYN402"};
  EXPECT_EQ(idsOf(S.filtered({"SYN402"}, {})), One);
  std::vector<std::string> Several{"SYN401", "SYN402", "MEM401", "DEV401", "DEV402", "DEV403"};
  EXPECT_EQ(idsOf(S.filtered({"DEV", "SYN", "MEM4"}, {})), Several);
  EXPECT_EQ(S.filtered({}, {}).rules().size(), S.rules().size());
}

TEST(RuleSetTest, IgnoreByPrefix) {
  RuleSet S = sampleSet();
  RuleSet NoUns = S.filtered({}, {"UNS"});
  EXPECT_EQ(NoUns.rules().size(), S.rules().size() - 2);
  EXPECT_EQ(NoUns.byId("UNS401"), nullptr);
  EXPECT_EQ(NoUns.wildcardName("torch.cuda.foo"), nullptr);
  std::vector<std::string> Kept{"SYN402"};
  EXPECT_EQ(idsOf(S.filtered({"SYN"}, {"SYN401"})), Kept);
}

TEST(RuleSetTest, FilteredSetHasWorkingLookups) {
  RuleSet S = sampleSet();
  RuleSet F = S.filtered({"SYN", "MOV"}, {});
  ASSERT_NE(F.exactName("torch.cuda.synchronize"), nullptr);
  EXPECT_EQ(F.exactName("torch.cuda.synchronize")->Id, "SYN401");
  EXPECT_EQ(F.exactName("torch.cuda.empty_cache"), nullptr);
  EXPECT_EQ(F.methodRules("cuda").size(), 1u);
  EXPECT_EQ(F.deviceStringRule("cuda", false), nullptr);
  // The original keeps working after the filtered copy is made, and after a move.
  RuleSet Moved = std::move(F);
  EXPECT_EQ(Moved.exactName("torch.cuda.synchronize")->Id, "SYN401");
  EXPECT_EQ(S.exactName("torch.cuda.empty_cache")->Id, "MEM401");
}

TEST(RuleSetTest, UnknownSelectorIsAUsageErrorWithASuggestion) {
  RuleSet S = sampleSet();
  try {
    S.filtered({"SYM"}, {});
    FAIL() << "no error for an unknown selector";
  } catch (const UsageError &E) {
    std::string Msg = E.what();
    EXPECT_NE(Msg.find("'SYM'"), std::string::npos) << Msg;
    EXPECT_NE(Msg.find("did you mean SYN4"), std::string::npos) << Msg;
    EXPECT_EQ(E.code(), ExitCode::UsageError);
  }
  try {
    S.filtered({}, {"MEM402"});
    FAIL() << "no error for an unknown --ignore selector";
  } catch (const UsageError &E) {
    std::string Msg = E.what();
    EXPECT_NE(Msg.find("did you mean MEM401"), std::string::npos) << Msg;
  }
  EXPECT_THROW(S.filtered({"XYZ123"}, {}), UsageError);
}

TEST(RuleSetTest, MayMatch) {
  RuleSet S = sampleSet();
  EXPECT_FALSE(S.mayMatch("import os\nprint(1)\n"));
  EXPECT_FALSE(S.mayMatch(""));
  EXPECT_TRUE(S.mayMatch("import torch\ntorch.cuda.synchronize()\n"));
  EXPECT_TRUE(S.mayMatch("y = x.to('mps')\n"));
  EXPECT_TRUE(S.mayMatch("from torch.utils.data import DataLoader\nDataLoader(d, pin_memory=True)\n"));
  EXPECT_FALSE(S.triggerWords().empty());
}

TEST(RuleSetTest, MayMatchWithOnlyAPackageWildcard) {
  RuleSet S(parse({ruleJson("UNS401", "unsupported", "unsupported", R"j({"name": "cupy.*"})j")}, "w.json"));
  EXPECT_TRUE(S.mayMatch("import cupy\nx = cupy.zeros(3)\n"));
}

TEST(RuleSetTest, SimilarIds) {
  RuleSet S = sampleSet();
  std::vector<std::string> Close = S.similarIds("SYN411");
  ASSERT_FALSE(Close.empty());
  EXPECT_TRUE(Close.front() == "SYN401" || Close.front() == "STR411") << Close.front();
  EXPECT_TRUE(S.similarIds("QQQ999").empty());
}

} // namespace
} // namespace tdp
