#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::hitsOf;
using test::portWith;
using test::ruleJson;

const RuleSet &rules() {
  static const RuleSet Rules = test::rulesFrom({
      ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j",
               R"j({"default": "torchdevice.synchronize", "cpu": "torchdevice.cpu_synchronize"})j",
               R"j("import": "torchdevice")j"),
      ruleJson("UNS402", "unsupported", "unsupported", R"j({"name": "torch.cuda.CUDAGraph"})j"),
      ruleJson("QRY403", "query", "keep", R"j({"name": "torch.cuda.is_available"})j"),
      ruleJson("DEV404", "device", "rename", R"j({"device_string": "cuda"})j", R"j("torchdevice.device_type()")j",
               R"j("import": "torchdevice")j"),
  });
  return Rules;
}

TEST(PythonPorterTest, NothingToDo) {
  python::PortResult R = portWith(rules(), "import torch\nx = torch.zeros(2)\n", Target::Auto, true);
  EXPECT_EQ(R.State, python::PortResult::Status::Ported);
  EXPECT_EQ(R.Text, "import torch\nx = torch.zeros(2)\n");
  EXPECT_TRUE(R.Hits.empty());
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_TRUE(R.Conflicts.empty());
  EXPECT_EQ(portWith(rules(), "").Text, "");
  R = portWith(rules(), "import torch\nok = torch.cuda.is_available() or torch.cuda.other\n", Target::Auto, true);
  EXPECT_EQ(R.Text, "import torch\nok = torch.cuda.is_available() or torch.cuda.other\n");
  EXPECT_FALSE(R.ImportInserted);
}

TEST(PythonPorterTest, SyntaxErrorInputIsReturnedUnchangedWithTheOffset) {
  std::string Src = "import torch\nx = = 1\ntorch.cuda.synchronize()\n";
  python::PortResult R = portWith(rules(), Src, Target::Auto, true);
  EXPECT_EQ(R.State, python::PortResult::Status::SyntaxError);
  EXPECT_EQ(R.Text, Src);
  EXPECT_FALSE(R.Problem.empty());
  EXPECT_TRUE(R.Hits.empty());
  // The error is on line 2 ("x = = 1"), which spans offsets 13..20.
  EXPECT_GE(R.ProblemOffset, 13u);
  EXPECT_LT(R.ProblemOffset, 21u);
}

TEST(PythonPorterTest, SyntaxErrorOffsetOfAnUnclosedParenthesis) {
  std::string Src = "import torch\ndef f(:\n    torch.cuda.synchronize()\n";
  python::PortResult R = portWith(rules(), Src);
  EXPECT_EQ(R.State, python::PortResult::Status::SyntaxError);
  EXPECT_EQ(R.Text, Src);
  EXPECT_GE(R.ProblemOffset, 13u);
  EXPECT_LT(R.ProblemOffset, 21u);
}

TEST(PythonPorterTest, BytesOutsideEditsArePreserved) {
  std::string Src = "import torch\r\n"
                    "# commentaire: d\xC3\xA9j\xC3\xA0 vu \xE2\x82\xAC \xF0\x9F\x98\x80\r\n"
                    "if True:\r\n"
                    "\ttorch.cuda.synchronize()\t# \xE6\x97\xA5\xE6\x9C\xAC\r\n"
                    "\tx = \"caf\xC3\xA9\\t\"   \r\n"
                    "\r\n"
                    "y = 1  ";
  std::string Expected = "import torch\r\n"
                         "import torchdevice\r\n"
                         "# commentaire: d\xC3\xA9j\xC3\xA0 vu \xE2\x82\xAC \xF0\x9F\x98\x80\r\n"
                         "if True:\r\n"
                         "\ttorchdevice.synchronize()\t# \xE6\x97\xA5\xE6\x9C\xAC\r\n"
                         "\tx = \"caf\xC3\xA9\\t\"   \r\n"
                         "\r\n"
                         "y = 1  ";
  python::PortResult R = portWith(rules(), Src, Target::Auto, true);
  ASSERT_EQ(R.State, python::PortResult::Status::Ported) << R.Problem;
  EXPECT_EQ(R.Text, Expected);
}

TEST(PythonPorterTest, HitsPointIntoTheOriginalText) {
  std::string Src = "import torch\nx = 1; torch.cuda.synchronize()  # \xC3\xA9\ntorch.cuda.synchronize()\n";
  python::PortResult R = portWith(rules(), Src, Target::Auto, true);
  std::vector<python::PortedHit> Hits = hitsOf(R, "SYN401");
  ASSERT_EQ(Hits.size(), 2u);
  EXPECT_EQ(Hits[0].Offset, Src.find("torch.cuda.synchronize"));
  EXPECT_EQ(Hits[0].Length, std::string("torch.cuda.synchronize").size());
  EXPECT_EQ(Hits[1].Offset, Src.rfind("torch.cuda.synchronize"));
  EXPECT_TRUE(Hits[0].Fixed);
  EXPECT_TRUE(Hits[1].Fixed);
}

TEST(PythonPorterTest, PerTargetRewrites) {
  std::string Src = "import torch\ntorch.cuda.synchronize()\n";
  EXPECT_EQ(portWith(rules(), Src, Target::Auto).Text, "import torch\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWith(rules(), Src, Target::Mps).Text, "import torch\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWith(rules(), Src, Target::Cpu).Text, "import torch\ntorchdevice.cpu_synchronize()\n");
}

TEST(PythonPorterTest, UnsupportedRulesReportWithoutEditing) {
  std::string Src = "import torch\ng = torch.cuda.CUDAGraph()\n";
  python::PortResult R = portWith(rules(), Src, Target::Auto, true);
  EXPECT_EQ(R.Text, Src);
  EXPECT_FALSE(R.ImportInserted);
  std::vector<python::PortedHit> Hits = hitsOf(R, "UNS402");
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_FALSE(Hits[0].Fixed);
  EXPECT_TRUE(Hits[0].NoFixReason.empty());
  EXPECT_TRUE(Hits[0].Matched->reports());
  EXPECT_EQ(Hits[0].Offset, Src.find("torch.cuda.CUDAGraph"));
}

TEST(PythonPorterTest, KeepRulesMatchSilently) {
  std::string Src = "import torch\nok = torch.cuda.is_available()\n";
  python::PortResult R = portWith(rules(), Src);
  EXPECT_EQ(R.Text, Src);
  std::vector<python::PortedHit> Hits = hitsOf(R, "QRY403");
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_FALSE(Hits[0].Fixed);
  EXPECT_FALSE(Hits[0].Matched->reports());
}

TEST(PythonPorterTest, ARuleMatchingItsOwnOutputIsAConflict) {
  RuleSet Loop = test::rulesFrom(
      {ruleJson("SYN411", "sync", "rename", R"j({"name": "mylib.a"})j", R"j("mylib.a.b")j")});
  python::PortOptions O;
  O.InsertImports = false;
  O.MaxPasses = 3;
  python::PortResult R = python::portPythonSource("import mylib\nmylib.a()\n", Loop, O);
  EXPECT_EQ(R.State, python::PortResult::Status::Ported);
  EXPECT_GE(R.Passes, 3u);
  ASSERT_FALSE(R.Conflicts.empty());
  EXPECT_NE(R.Conflicts.front().find("SYN411"), std::string::npos) << R.Conflicts.front();
  EXPECT_NE(R.Conflicts.front().find("3 passes"), std::string::npos) << R.Conflicts.front();
}

TEST(PythonPorterTest, ARewriteThatDoesNotParseLeavesTheFileUnchanged) {
  RuleSet Broken = test::rulesFrom(
      {ruleJson("SYN412", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.sync(")j")});
  std::string Src = "import torch\ntorch.cuda.synchronize()\n";
  python::PortResult R = portWith(Broken, Src, Target::Auto, true);
  EXPECT_EQ(R.State, python::PortResult::Status::RewriteBroken);
  EXPECT_EQ(R.Text, Src);
  EXPECT_NE(R.Problem.find("SYN412"), std::string::npos) << R.Problem;
}

// Files are not parsed when they contain none of the rules' trigger words; that shortcut must
// never hide a match. A wildcard over a whole package ("cupy.*") still finds `import cupy`.
TEST(PythonPorterTest, PrefilterDoesNotHidePackageWildcards) {
  RuleSet R = test::rulesFrom({ruleJson("UNS421", "unsupported", "unsupported", R"j({"name": ["cupy.*", "pycuda.*"]})j")});
  python::PortResult P = portWith(R, "import cupy\nx = cupy.zeros(3)\n");
  EXPECT_EQ(hitsOf(P, "UNS421").size(), 1u);
  P = portWith(R, "import cupy\nx = cupy.zeros(3) * 2\n");
  EXPECT_EQ(hitsOf(P, "UNS421").size(), 1u);
}

TEST(PythonPorterTest, PrefilterDoesNotHideShortWildcards) {
  RuleSet R = test::rulesFrom({ruleJson("UNS422", "unsupported", "unsupported", R"j({"name": "torch.mps.*"})j"),
                               ruleJson("UNS423", "unsupported", "unsupported", R"j({"name": "torch.xpu.*"})j")});
  python::PortResult P = portWith(R, "import torch\ntorch.mps.foo()\n");
  EXPECT_EQ(hitsOf(P, "UNS422").size(), 1u);
}

TEST(PythonPorterTest, PrefilterPassesEveryKindOfMatch) {
  // Each snippet matches its rule although it avoids the other rules' words.
  RuleSet R = test::rulesFrom({
      ruleJson("SYN431", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j"),
      ruleJson("MOV432", "move", "rewrite", R"j({"method": "pin_memory", "max_args": 0})j", R"j("pin($RECV)")j"),
      ruleJson("MOV433", "move", "rewrite", R"j({"attribute": "is_cuda"})j", R"j("acc($RECV)")j"),
      ruleJson("DEV434", "device", "rename", R"j({"device_string": "mps"})j", R"j("DEV")j"),
      ruleJson("DST435", "distributed", "rewrite",
               R"j({"argument": {"call": "torch.distributed.init_process_group", "keyword": "backend", "position": 0}, "value": "nccl"})j",
               R"j("BACKEND")j"),
  });
  EXPECT_EQ(test::port(R, "from torch.cuda import *\nsynchronize()\n"), "from torch.cuda import *\ntorchdevice.synchronize()\n");
  EXPECT_EQ(test::port(R, "y = x.pin_memory()\n"), "y = pin(x)\n");
  EXPECT_EQ(test::port(R, "ok = x.is_cuda\n"), "ok = acc(x)\n");
  EXPECT_EQ(test::port(R, "y = x.to('mps')\n"), "y = x.to(DEV)\n");
  EXPECT_EQ(test::port(R, "import torch.distributed as d\nd.init_process_group('nccl')\n"),
            "import torch.distributed as d\nd.init_process_group(BACKEND)\n");
}

TEST(PythonPorterTest, SeveralRulesInOneFile) {
  std::string Src = "import torch\n"
                    "device = \"cuda\"\n"
                    "if torch.cuda.is_available():\n"
                    "    torch.cuda.synchronize()\n"
                    "g = torch.cuda.CUDAGraph()\n";
  python::PortResult R = portWith(rules(), Src, Target::Auto, true);
  ASSERT_EQ(R.State, python::PortResult::Status::Ported);
  EXPECT_EQ(R.Text, "import torch\n"
                    "import torchdevice\n"
                    "device = torchdevice.device_type()\n"
                    "if torch.cuda.is_available():\n"
                    "    torchdevice.synchronize()\n"
                    "g = torch.cuda.CUDAGraph()\n");
  EXPECT_TRUE(R.ImportInserted);
  ASSERT_EQ(R.Hits.size(), 4u);
  // Sorted by offset in the original text.
  for (std::size_t I = 1; I < R.Hits.size(); ++I)
    EXPECT_LE(R.Hits[I - 1].Offset, R.Hits[I].Offset);
  EXPECT_EQ(portWith(rules(), R.Text, Target::Auto, true).Text, R.Text);
}

} // namespace
} // namespace tdp
