// The matchers (device strings, methods, attributes, arguments, name rules with call arguments,
// wildcards), tested end to end through python::portPythonSource with in-memory rule sets.
#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::hitsOf;
using test::port;
using test::portWith;
using test::ruleJson;

std::vector<std::string> deviceRuleJson() {
  return {
      ruleJson("DEV401", "device", "rename", R"j({"device_string": "cuda"})j", R"j("DEV")j"),
      ruleJson("DEV402", "device", "rename", R"j({"device_string": "cuda", "indexed": true})j", R"j("DEVN($INDEX)")j"),
  };
}

std::vector<std::string> methodRuleJson() {
  return {
      ruleJson("MOV401", "move", "rewrite",
               R"j({"method": "cuda", "params": ["device", "non_blocking", "memory_format"]})j",
               R"j(".to(torchdevice.device($device)$[, non_blocking=$non_blocking])")j"),
      ruleJson("MOV402", "move", "rewrite", R"j({"method": "pin_memory", "max_args": 0})j",
               R"j(".pin_memory(torchdevice.device())")j"),
      ruleJson("MOV403", "move", "rewrite", R"j({"attribute": "is_cuda"})j", R"j("torchdevice.is_accelerator($RECV)")j"),
      ruleJson("SYN408", "sync", "rewrite", R"j({"method": "synchronize"})j", R"j("torchdevice.wait($RECV)")j"),
  };
}

std::vector<std::string> argumentRuleJson() {
  return {
      ruleJson("MOV404", "move", "rewrite",
               R"j({"argument": {"call": "torch.utils.data.DataLoader", "keyword": "pin_memory"}, "value": true})j",
               R"j("torchdevice.pin_memory()")j"),
      ruleJson("DST405", "distributed", "rewrite",
               R"j({"argument": {"call": "torch.distributed.init_process_group", "keyword": "backend", "position": 0}, "value": "nccl"})j",
               R"j("torchdevice.dist_backend()")j"),
      ruleJson("MOV406", "move", "rewrite", R"j({"argument": {"call": ".to", "keyword": "non_blocking"}, "value": true})j",
               R"j("torchdevice.non_blocking()")j"),
      ruleJson("RNG407", "random", "rewrite",
               R"j({"argument": {"call": "mylib.seed", "keyword": "n", "position": 0}, "value": 0})j", R"j("SEED")j"),
  };
}

std::vector<std::string> callRuleJson() {
  return {
      ruleJson("SYN421", "sync", "rewrite", R"j({"name": "torch.cuda.set_device", "called": true})j",
               R"j("torchdevice.set_device($0)")j"),
      ruleJson("MEM422", "memory", "rewrite", R"j({"name": "torch.cuda.memory_allocated", "params": ["device"]})j",
               R"j("torchdevice.memory_allocated($device)")j"),
      ruleJson("STR423", "stream", "rewrite", R"j({"name": "torch.cuda.stream_ctx"})j",
               R"j("torchdevice.stream_ctx($ARGS)")j"),
      ruleJson("MEM424", "memory", "rewrite", R"j({"name": "torch.cuda.kw", "params": ["device"]})j",
               R"j("torchdevice.kw($device$[, $KWARGS])")j"),
  };
}

std::vector<std::string> wildcardRuleJson() {
  return {
      ruleJson("UNS431", "unsupported", "unsupported", R"j({"name": "torch.cuda.*"})j"),
      ruleJson("UNS432", "unsupported", "unsupported", R"j({"name": "torch.cuda.amp.*"})j"),
      ruleJson("SYN433", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j"),
      ruleJson("QRY434", "query", "keep", R"j({"name": "torch.cuda.is_available"})j"),
  };
}

std::vector<std::string> operator+(std::vector<std::string> A, const std::vector<std::string> &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

const RuleSet &deviceRules() {
  static const RuleSet R = test::rulesFrom(deviceRuleJson());
  return R;
}
const RuleSet &methodRules() {
  static const RuleSet R = test::rulesFrom(methodRuleJson());
  return R;
}
const RuleSet &argumentRules() {
  static const RuleSet R = test::rulesFrom(argumentRuleJson());
  return R;
}
const RuleSet &callRules() {
  static const RuleSet R = test::rulesFrom(callRuleJson());
  return R;
}
const RuleSet &wildcardRules() {
  static const RuleSet R = test::rulesFrom(wildcardRuleJson());
  return R;
}

struct Case {
  std::string Before, After;
};

void expectCases(const RuleSet &Rules, const std::vector<Case> &Cases) {
  for (const Case &C : Cases) {
    python::PortResult R = portWith(Rules, C.Before);
    EXPECT_EQ(R.State, python::PortResult::Status::Ported) << R.Problem << "\n" << C.Before;
    EXPECT_EQ(R.Text, C.After) << "input:\n" << C.Before;
  }
}

void expectUnchanged(const RuleSet &Rules, const std::vector<std::string> &Sources) {
  for (const std::string &S : Sources) {
    python::PortResult R = portWith(Rules, S);
    EXPECT_EQ(R.State, python::PortResult::Status::Ported) << R.Problem << "\n" << S;
    EXPECT_EQ(R.Text, S) << "input was changed:\n" << S;
    EXPECT_TRUE(R.Hits.empty()) << "unexpected hit in:\n" << S;
  }
}

// ---- device strings -----------------------------------------------------------------------

TEST(PythonMatcherTest, DeviceStringInTorchDevice) {
  expectCases(deviceRules(), {
                                 {"import torch\nd = torch.device(\"cuda\")\n", "import torch\nd = torch.device(DEV)\n"},
                                 {"import torch\nd = torch.device(type=\"cuda\")\n", "import torch\nd = torch.device(type=DEV)\n"},
                                 {"import torch\nd = torch.device(\"cuda:1\")\n", "import torch\nd = torch.device(DEVN(1))\n"},
                                 // with an index, type and index are one indexed device string (see docs/rule-format.md)
                                 {"import torch\nd = torch.device('cuda', 0)\n", "import torch\nd = torch.device(DEVN(0))\n"},
                                 {"from torch import device\nd = device(\"cuda\")\n", "from torch import device\nd = device(DEV)\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringInTo) {
  expectCases(deviceRules(), {
                                 {"y = x.to(\"cuda\")\n", "y = x.to(DEV)\n"},
                                 {"y = x.to('cuda:0', non_blocking=True)\n", "y = x.to(DEVN(0), non_blocking=True)\n"},
                                 {"y = model.net.to(\"cuda:12\")\n", "y = model.net.to(DEVN(12))\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringInDeviceKeywords) {
  expectCases(deviceRules(),
              {
                  {"import torch\nt = torch.zeros(2, device=\"cuda:0\")\n", "import torch\nt = torch.zeros(2, device=DEVN(0))\n"},
                  {"y = anything(device=\"cuda\")\n", "y = anything(device=DEV)\n"},
                  {"import torch\nwith torch.autocast(device_type=\"cuda\"):\n    pass\n",
                   "import torch\nwith torch.autocast(device_type=DEV):\n    pass\n"},
                  {"import torch\nm = torch.load(p, map_location=\"cuda\")\n", "import torch\nm = torch.load(p, map_location=DEV)\n"},
              });
}

TEST(PythonMatcherTest, DeviceStringAsFirstArgumentOfKnownCalls) {
  expectCases(deviceRules(), {
                                 {"import torch\nwith torch.autocast(\"cuda\"):\n    pass\n",
                                  "import torch\nwith torch.autocast(DEV):\n    pass\n"},
                                 {"import torch\nwith torch.amp.autocast(\"cuda\"):\n    pass\n",
                                  "import torch\nwith torch.amp.autocast(DEV):\n    pass\n"},
                                 {"import torch\ns = torch.amp.GradScaler(\"cuda\")\n", "import torch\ns = torch.amp.GradScaler(DEV)\n"},
                                 {"import torch\ng = torch.Generator(\"cuda\")\n", "import torch\ng = torch.Generator(DEV)\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringComparedWithType) {
  expectCases(deviceRules(), {
                                 {"if t.device.type == \"cuda\":\n    pass\n", "if t.device.type == DEV:\n    pass\n"},
                                 {"if \"cuda\" != t.type:\n    pass\n", "if DEV != t.type:\n    pass\n"},
                                 {"if device_type == \"cuda\":\n    pass\n", "if device_type == DEV:\n    pass\n"},
                                 {"ok = x.device_type == \"cuda\"\n", "ok = x.device_type == DEV\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringAssignedToDeviceNames) {
  expectCases(deviceRules(), {
                                 {"device = \"cuda\"\n", "device = DEV\n"},
                                 {"self.device = \"cuda:0\"\n", "self.device = DEVN(0)\n"},
                                 {"DEVICE = \"cuda\"\n", "DEVICE = DEV\n"},
                                 {"dev = 'cuda'\n", "dev = DEV\n"},
                                 {"train_device = \"cuda\"\n", "train_device = DEV\n"},
                                 {"device_type = \"cuda\"\n", "device_type = DEV\n"},
                                 {"device: str = \"cuda\"\n", "device: str = DEV\n"},
                                 {"class C:\n    device = \"cuda\"\n", "class C:\n    device = DEV\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringAsParameterDefault) {
  expectCases(deviceRules(), {
                                 {"def f(device=\"cuda\"):\n    pass\n", "def f(device=DEV):\n    pass\n"},
                                 {"def f(x, device: str = \"cuda:1\"):\n    pass\n", "def f(x, device: str = DEVN(1)):\n    pass\n"},
                                 {"f = lambda dev=\"cuda\": dev\n", "f = lambda dev=DEV: dev\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringAsAddArgumentDefault) {
  expectCases(deviceRules(),
              {
                  {"parser.add_argument(\"--device\", default=\"cuda\")\n", "parser.add_argument(\"--device\", default=DEV)\n"},
                  {"parser.add_argument(\"--device\", type=str, default=\"cuda:0\", help=\"cuda device\")\n",
                   "parser.add_argument(\"--device\", type=str, default=DEVN(0), help=\"cuda device\")\n"},
              });
}

// argparse options often have a short and a long name; the option is still --device.
TEST(PythonMatcherTest, DeviceStringAsAddArgumentDefaultWithShortOption) {
  expectCases(deviceRules(), {
                                 {"parser.add_argument(\"-d\", \"--device\", default=\"cuda\")\n",
                                  "parser.add_argument(\"-d\", \"--device\", default=DEV)\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringInConditionalAndParenthesizedExpressions) {
  expectCases(deviceRules(), {
                                 {"device = \"cuda\" if ok else \"cpu\"\n", "device = DEV if ok else \"cpu\"\n"},
                                 {"device = \"cpu\" if cpu_only else \"cuda:0\"\n", "device = \"cpu\" if cpu_only else DEVN(0)\n"},
                                 {"y = x.to(\"cuda:0\" if ok else \"cpu\")\n", "y = x.to(DEVN(0) if ok else \"cpu\")\n"},
                                 {"device = (\"cuda\")\n", "device = (DEV)\n"},
                                 {"y = f(device=(\"cuda\" if a else \"mps\"))\n", "y = f(device=(DEV if a else \"mps\"))\n"},
                             });
}

TEST(PythonMatcherTest, DeviceFStrings) {
  expectCases(deviceRules(), {
                                 {"y = x.to(f\"cuda:{rank}\")\n", "y = x.to(DEVN(rank))\n"},
                                 {"device = f\"cuda:{args.local_rank}\"\n", "device = DEVN(args.local_rank)\n"},
                                 {"device = f'cuda:{i}'\n", "device = DEVN(i)\n"},
                                 {"device = f\"cuda\"\n", "device = DEV\n"},
                             });
}

TEST(PythonMatcherTest, DeviceStringsOutsideDevicePositionsAreUntouched) {
  expectUnchanged(deviceRules(), {
                                     "print(\"cuda\")\n",
                                     "logger.info(\"using cuda\")\n",
                                     "name = \"cuda\"\n",
                                     "backend = \"cuda\"\n",
                                     "device_name = \"cuda\"\n",
                                     "devices = \"cuda\"\n",
                                     "f(\"cuda\")\n",
                                     "d = {\"device\": \"cuda\"}\n",
                                     "d[\"device\"] = \"cuda\"\n",
                                     "if backend == \"cuda\":\n    pass\n",
                                     "if x.name == \"cuda\":\n    pass\n",
                                     "ok = \"cuda\" in s\n",
                                     "y = x.to(other, \"cuda\")\n",
                                     "y = x.view(\"cuda\")\n",
                                     "def f(name=\"cuda\"):\n    pass\n",
                                     "parser.add_argument(\"--backend\", default=\"cuda\")\n",
                                     "mode = \"cuda\" if ok else \"cpu\"\n",
                                     "# device = \"cuda\"\n",
                                     "y = x.to(device)\n",
                                     "f(device=\"cpu\")\n",
                                     "y = x.to(\"mps\")\n",
                                 });
}

TEST(PythonMatcherTest, StringsThatAreNotDeviceStringsAreUntouched) {
  expectUnchanged(deviceRules(), {
                                     "y = x.to(\"cudaa\")\n",
                                     "y = x.to(\"CUDA\")\n",
                                     "y = x.to(\"cuda:x\")\n",
                                     "y = x.to(\"cuda:\")\n",
                                     "y = x.to(\"cuda:0:1\")\n",
                                     "y = x.to(b\"cuda\")\n",
                                     "y = x.to(f\"cuda:{rank}{suffix}\")\n",
                                     "y = x.to(f\"cuda:{rank:02d}\")\n",
                                     "y = x.to(f\"{kind}:0\")\n",
                                     "y = x.to(f\"{kind}\")\n",
                                 });
}

TEST(PythonMatcherTest, IndexedAndPlainDeviceStringsAreSeparateRules) {
  RuleSet PlainOnly = test::rulesFrom({deviceRuleJson()[0]});
  EXPECT_EQ(port(PlainOnly, "y = x.to(\"cuda:1\")\n"), "y = x.to(\"cuda:1\")\n");
  EXPECT_EQ(port(PlainOnly, "y = x.to(f\"cuda:{r}\")\n"), "y = x.to(f\"cuda:{r}\")\n");
  EXPECT_EQ(port(PlainOnly, "y = x.to(\"cuda\")\n"), "y = x.to(DEV)\n");
  RuleSet IndexedOnly = test::rulesFrom({deviceRuleJson()[1]});
  EXPECT_EQ(port(IndexedOnly, "y = x.to(\"cuda\")\n"), "y = x.to(\"cuda\")\n");
  EXPECT_EQ(port(IndexedOnly, "y = x.to(\"cuda:1\")\n"), "y = x.to(DEVN(1))\n");
}

TEST(PythonMatcherTest, DeviceStringHitIsReportedOnce) {
  python::PortResult R = portWith(deviceRules(), "import torch\ndevice = torch.device(\"cuda\")\n");
  EXPECT_EQ(R.Text, "import torch\ndevice = torch.device(DEV)\n");
  EXPECT_EQ(hitsOf(R, "DEV401").size(), 1u);
}

// ---- methods ------------------------------------------------------------------------------

TEST(PythonMatcherTest, MethodParamsBindPositionalAndKeywordArguments) {
  expectCases(methodRules(), {
                                 {"y = x.cuda()\n", "y = x.to(torchdevice.device())\n"},
                                 {"y = x.cuda(0)\n", "y = x.to(torchdevice.device(0))\n"},
                                 {"y = x.cuda(device=0)\n", "y = x.to(torchdevice.device(0))\n"},
                                 {"y = x.cuda(1, True)\n", "y = x.to(torchdevice.device(1), non_blocking=True)\n"},
                                 {"y = x.cuda(non_blocking=True)\n", "y = x.to(torchdevice.device(), non_blocking=True)\n"},
                                 {"y = x.cuda(non_blocking=True, device=2)\n",
                                  "y = x.to(torchdevice.device(2), non_blocking=True)\n"},
                                 {"y = self.model.net.cuda()\n", "y = self.model.net.to(torchdevice.device())\n"},
                                 {"y = f(a).cuda(dev)\n", "y = f(a).to(torchdevice.device(dev))\n"},
                             });
}

TEST(PythonMatcherTest, MethodCallWithStarArgsIsReportedWithoutAFix) {
  for (std::string Src : {"y = x.cuda(*args)\n", "y = x.cuda(**kwargs)\n", "y = x.cuda(0, *rest)\n"}) {
    python::PortResult R = portWith(methodRules(), Src);
    EXPECT_EQ(R.Text, Src);
    std::vector<python::PortedHit> Hits = hitsOf(R, "MOV401");
    ASSERT_EQ(Hits.size(), 1u) << Src;
    EXPECT_FALSE(Hits[0].Fixed);
    EXPECT_NE(Hits[0].NoFixReason.find("*args"), std::string::npos) << Hits[0].NoFixReason;
    // Reported at the method name.
    EXPECT_EQ(Hits[0].Offset, Src.find("cuda("));
  }
}

TEST(PythonMatcherTest, NestedMethodCallsWithADotTemplate) {
  expectCases(methodRules(),
              {
                  {"y = x.cuda().half().cuda()\n", "y = x.to(torchdevice.device()).half().to(torchdevice.device())\n"},
              });
  python::PortResult R = portWith(methodRules(), "y = a.cuda(b.cuda())\n");
  EXPECT_EQ(R.Text, "y = a.to(torchdevice.device(b.to(torchdevice.device())))\n");
  EXPECT_GE(R.Passes, 2u);
  EXPECT_TRUE(R.Conflicts.empty());
  EXPECT_EQ(hitsOf(R, "MOV401").size(), 2u);
}

TEST(PythonMatcherTest, NestedMethodCallsConvergeOverPasses) {
  RuleSet Recv = test::rulesFrom({ruleJson("MOV411", "move", "rewrite", R"j({"method": "cuda"})j",
                                           R"j("torchdevice.move($RECV)")j")});
  python::PortResult R = portWith(Recv, "y = x.cuda().half().cuda()\n");
  EXPECT_EQ(R.State, python::PortResult::Status::Ported);
  EXPECT_EQ(R.Text, "y = torchdevice.move(torchdevice.move(x).half())\n");
  EXPECT_GE(R.Passes, 2u);
  EXPECT_TRUE(R.Conflicts.empty());
  std::vector<python::PortedHit> Hits = hitsOf(R, "MOV411");
  ASSERT_EQ(Hits.size(), 2u);
  EXPECT_TRUE(Hits[0].Fixed);
  EXPECT_TRUE(Hits[1].Fixed);
  // Both hits lie inside the original text.
  for (const python::PortedHit &H : Hits)
    EXPECT_LE(H.Offset + H.Length, std::string("y = x.cuda().half().cuda()\n").size());
  EXPECT_EQ(port(Recv, R.Text), R.Text);
}

TEST(PythonMatcherTest, MethodRulesIgnoreTorchModules) {
  expectUnchanged(methodRules(), {"import torch\ntorch.cuda.synchronize()\n",
                                  "from torch import cuda\ncuda.synchronize()\n",
                                  "import torch\nok = torch.is_cuda\n"});
  expectCases(methodRules(), {
                                 {"stream.synchronize()\n", "torchdevice.wait(stream)\n"},
                                 {"from model import net\nnet.synchronize()\n", "from model import net\ntorchdevice.wait(net)\n"},
                             });
}

// The runtime module is a module: the rewrites' own output (torchdevice.synchronize()) must not
// be matched again by a method rule of the same name, before or after `import torchdevice`.
TEST(PythonMatcherTest, MethodRulesIgnoreTheRuntimeModule) {
  expectUnchanged(methodRules(), {"import torchdevice\ntorchdevice.synchronize()\n"});
  RuleSet Both = test::rulesFrom({methodRuleJson()[3], wildcardRuleJson()[2]});
  python::PortResult R = portWith(Both, "import torch\ntorch.cuda.synchronize()\n");
  EXPECT_EQ(R.Text, "import torch\ntorchdevice.synchronize()\n");
  EXPECT_TRUE(hitsOf(R, "SYN408").empty());
}

TEST(PythonMatcherTest, MethodRulesIgnorePlainlyImportedModules) {
  expectUnchanged(methodRules(), {"import mylib\nmylib.synchronize()\n", "import mylib.sub as s\ns.synchronize()\n"});
}

TEST(PythonMatcherTest, MethodMaxArgs) {
  expectCases(methodRules(), {{"y = x.pin_memory()\n", "y = x.pin_memory(torchdevice.device())\n"}});
  expectUnchanged(methodRules(), {"y = x.pin_memory(dev)\n", "y = x.pin_memory(device=dev)\n"});
}

TEST(PythonMatcherTest, MethodKwargsVariable) {
  RuleSet Kw = test::rulesFrom({ruleJson("MOV412", "move", "rewrite", R"j({"method": "cuda", "params": ["device"]})j",
                                         R"j(".to($device$[, $KWARGS])")j")});
  expectCases(Kw, {
                      {"y = x.cuda(0, non_blocking=True)\n", "y = x.to(0, non_blocking=True)\n"},
                      {"y = x.cuda(device=0, non_blocking=True, memory_format=m)\n",
                       "y = x.to(0, non_blocking=True, memory_format=m)\n"},
                      {"y = x.cuda(0)\n", "y = x.to(0)\n"},
                  });
}

// ---- attributes ---------------------------------------------------------------------------

TEST(PythonMatcherTest, AttributeReads) {
  expectCases(methodRules(), {
                                 {"if x.is_cuda:\n    pass\n", "if torchdevice.is_accelerator(x):\n    pass\n"},
                                 {"ok = self.model.is_cuda\n", "ok = torchdevice.is_accelerator(self.model)\n"},
                                 {"f(x.is_cuda)\n", "f(torchdevice.is_accelerator(x))\n"},
                                 {"ok = not f(a).is_cuda\n", "ok = not torchdevice.is_accelerator(f(a))\n"},
                             });
}

TEST(PythonMatcherTest, AttributeRulesDoNotFireOnAssignmentTargetsOrCalls) {
  expectUnchanged(methodRules(), {
                                     "x.is_cuda = True\n",
                                     "self.is_cuda = flag\n",
                                     "x.is_cuda += 1\n",
                                     "ok = x.is_cuda()\n",
                                 });
}

TEST(PythonMatcherTest, AttributeRulesDoNotFireOnTupleAssignmentTargets) {
  expectUnchanged(methodRules(), {"a, x.is_cuda = 1, 2\n", "(x.is_cuda, b) = pair\n"});
}

// ---- arguments ----------------------------------------------------------------------------

TEST(PythonMatcherTest, ArgumentRulesWithBoolValues) {
  expectCases(argumentRules(),
              {
                  {"from torch.utils.data import DataLoader\nl = DataLoader(ds, pin_memory=True)\n",
                   "from torch.utils.data import DataLoader\nl = DataLoader(ds, pin_memory=torchdevice.pin_memory())\n"},
                  {"import torch\nl = torch.utils.data.DataLoader(ds, batch_size=2, pin_memory=True)\n",
                   "import torch\nl = torch.utils.data.DataLoader(ds, batch_size=2, pin_memory=torchdevice.pin_memory())\n"},
                  {"y = x.to(d, non_blocking=True)\n", "y = x.to(d, non_blocking=torchdevice.non_blocking())\n"},
              });
  expectUnchanged(argumentRules(), {
                                       "from torch.utils.data import DataLoader\nl = DataLoader(ds, pin_memory=False)\n",
                                       "from torch.utils.data import DataLoader\nl = DataLoader(ds, pin_memory=flag)\n",
                                       "l = MyLoader(ds, pin_memory=True)\n",
                                       "from torch.utils.data import DataLoader\nl = DataLoader(ds, True)\n",
                                       "y = x.to(d, non_blocking=False)\n",
                                       "y = x.cuda(non_blocking=True)\n",
                                   });
}

TEST(PythonMatcherTest, ArgumentRulesWithStringValuesAndPositions) {
  expectCases(argumentRules(),
              {
                  {"import torch.distributed as dist\ndist.init_process_group(\"nccl\")\n",
                   "import torch.distributed as dist\ndist.init_process_group(torchdevice.dist_backend())\n"},
                  {"import torch.distributed as dist\ndist.init_process_group(backend='nccl', rank=0)\n",
                   "import torch.distributed as dist\ndist.init_process_group(backend=torchdevice.dist_backend(), rank=0)\n"},
              });
  expectUnchanged(argumentRules(), {
                                       "import torch.distributed as dist\ndist.init_process_group(\"gloo\")\n",
                                       "import torch.distributed as dist\ndist.init_process_group(backend=b)\n",
                                       "import torch.distributed as dist\ndist.init_process_group(b\"nccl\")\n",
                                       "import torch.distributed as dist\ndist.init_process_group(f\"{x}nccl\")\n",
                                   });
}

TEST(PythonMatcherTest, ArgumentRulesWithNumberValues) {
  expectCases(argumentRules(), {
                                   {"import mylib\nmylib.seed(0)\n", "import mylib\nmylib.seed(SEED)\n"},
                                   {"import mylib\nmylib.seed(n=0)\n", "import mylib\nmylib.seed(n=SEED)\n"},
                               });
  expectUnchanged(argumentRules(), {"import mylib\nmylib.seed(1)\n", "import mylib\nmylib.seed(\"0\")\n",
                                    "import mylib\nmylib.seed(k=0)\n"});
}

// ---- name rules with call arguments -------------------------------------------------------

TEST(PythonMatcherTest, NameRuleWithCallVariablesReplacesTheWholeCall) {
  expectCases(callRules(), {
                               {"import torch\ntorch.cuda.set_device(1)\n", "import torch\ntorchdevice.set_device(1)\n"},
                               {"import torch\nm = torch.cuda.memory_allocated(1)\n",
                                "import torch\nm = torchdevice.memory_allocated(1)\n"},
                               {"import torch\nm = torch.cuda.memory_allocated(device=1)\n",
                                "import torch\nm = torchdevice.memory_allocated(1)\n"},
                               {"import torch\nm = torch.cuda.memory_allocated()\n",
                                "import torch\nm = torchdevice.memory_allocated()\n"},
                               {"import torch\ntorch.cuda.kw(1, non_blocking=True, x=2)\n",
                                "import torch\ntorchdevice.kw(1, non_blocking=True, x=2)\n"},
                               {"import torch\ntorch.cuda.kw(device=1)\n", "import torch\ntorchdevice.kw(1)\n"},
                               {"import torch\nwith torch.cuda.stream_ctx(*a, **k):\n    pass\n",
                                "import torch\nwith torchdevice.stream_ctx(*a, **k):\n    pass\n"},
                           });
}

TEST(PythonMatcherTest, CalledModifier) {
  expectUnchanged(callRules(), {"import torch\nf = torch.cuda.set_device\n"});
}

TEST(PythonMatcherTest, NameRuleCallWithStarArgsIsReportedWithoutAFix) {
  std::string Src = "import torch\ntorch.cuda.set_device(*a)\n";
  python::PortResult R = portWith(callRules(), Src);
  EXPECT_EQ(R.Text, Src);
  std::vector<python::PortedHit> Hits = hitsOf(R, "SYN421");
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_FALSE(Hits[0].Fixed);
  EXPECT_NE(Hits[0].NoFixReason.find("*args"), std::string::npos) << Hits[0].NoFixReason;
  EXPECT_EQ(Hits[0].Offset, Src.find("torch.cuda.set_device"));
}

TEST(PythonMatcherTest, NameRuleWithCallVariablesUsedWithoutACall) {
  std::string Src = "import torch\nctx = torch.cuda.stream_ctx\n";
  python::PortResult R = portWith(callRules(), Src);
  EXPECT_EQ(R.Text, Src);
  std::vector<python::PortedHit> Hits = hitsOf(R, "STR423");
  ASSERT_EQ(Hits.size(), 1u);
  EXPECT_FALSE(Hits[0].Fixed);
  EXPECT_NE(Hits[0].NoFixReason.find("without a call"), std::string::npos) << Hits[0].NoFixReason;
}

// ---- wildcards ----------------------------------------------------------------------------

TEST(PythonMatcherTest, WildcardsAndTheLongestPrefix) {
  std::string Src = "import torch\n"
                    "torch.cuda.synchronize()\n"
                    "torch.cuda.nvtx.range_push('a')\n"
                    "g = torch.cuda.amp.custom_fwd(f)\n"
                    "ok = torch.cuda.is_available()\n"
                    "m = torch.cuda\n";
  python::PortResult R = portWith(wildcardRules(), Src);
  ASSERT_EQ(R.State, python::PortResult::Status::Ported);
  std::string Expected = Src;
  Expected.replace(Expected.find("torch.cuda.synchronize"), std::string("torch.cuda.synchronize").size(),
                   "torchdevice.synchronize");
  EXPECT_EQ(R.Text, Expected);
  ASSERT_EQ(hitsOf(R, "SYN433").size(), 1u);
  EXPECT_TRUE(hitsOf(R, "SYN433")[0].Fixed);
  std::vector<python::PortedHit> Generic = hitsOf(R, "UNS431");
  ASSERT_EQ(Generic.size(), 1u);
  EXPECT_EQ(Generic[0].Offset, Src.find("torch.cuda.nvtx"));
  EXPECT_EQ(Generic[0].Length, std::string("torch.cuda.nvtx.range_push").size());
  EXPECT_FALSE(Generic[0].Fixed);
  std::vector<python::PortedHit> Amp = hitsOf(R, "UNS432");
  ASSERT_EQ(Amp.size(), 1u);
  EXPECT_EQ(Amp[0].Offset, Src.find("torch.cuda.amp"));
  // The keep rule matches silently and stops the wildcard.
  std::vector<python::PortedHit> Keep = hitsOf(R, "QRY434");
  ASSERT_EQ(Keep.size(), 1u);
  EXPECT_FALSE(Keep[0].Fixed);
  EXPECT_FALSE(Keep[0].Matched->reports());
  EXPECT_EQ(R.Hits.size(), 4u);
}

TEST(PythonMatcherTest, ExactRuleOnAPrefixWinsOverAWildcard) {
  // torch.cuda.synchronize has an exact rule: torch.cuda.synchronize.__name__ is reported by it,
  // not by the wildcard.
  python::PortResult R = portWith(wildcardRules(), "import torch\nn = torch.cuda.synchronize.__name__\n");
  EXPECT_EQ(R.Text, "import torch\nn = torchdevice.synchronize.__name__\n");
  EXPECT_TRUE(hitsOf(R, "UNS431").empty());
}

// ---- idempotence --------------------------------------------------------------------------

TEST(PythonMatcherTest, PortingTheOutputAgainChangesNothing) {
  std::vector<std::string> Methods = methodRuleJson();
  RuleSet All = test::rulesFrom(deviceRuleJson() + std::vector<std::string>{Methods[0], Methods[2]} +
                                argumentRuleJson() + callRuleJson() + wildcardRuleJson());
  std::string Src = "import torch\n"
                    "from torch.utils.data import DataLoader\n"
                    "device = \"cuda\" if torch.cuda.is_available() else \"cpu\"\n"
                    "def train(model, rank, device=\"cuda:0\"):\n"
                    "    model = model.cuda(rank).half().cuda()\n"
                    "    x = torch.zeros(2, device=f\"cuda:{rank}\").to(\"cuda\", non_blocking=True)\n"
                    "    if x.is_cuda and x.device.type == \"cuda\":\n"
                    "        torch.cuda.synchronize()\n"
                    "    torch.cuda.set_device(rank)\n"
                    "    loader = DataLoader(ds, pin_memory=True)\n"
                    "    torch.cuda.nvtx.range_push(\"cuda\")\n"
                    "    return torch.cuda.memory_allocated(device=rank)\n";
  python::PortResult First = portWith(All, Src);
  ASSERT_EQ(First.State, python::PortResult::Status::Ported) << First.Problem;
  EXPECT_NE(First.Text, Src);
  EXPECT_TRUE(First.Conflicts.empty());
  python::PortResult Second = portWith(All, First.Text);
  EXPECT_EQ(Second.Text, First.Text);
  for (const python::PortedHit &H : Second.Hits)
    EXPECT_FALSE(H.Fixed) << H.Matched->Id;
  EXPECT_EQ(First.Text, "import torch\n"
                        "from torch.utils.data import DataLoader\n"
                        "device = DEV if torch.cuda.is_available() else \"cpu\"\n"
                        "def train(model, rank, device=DEVN(0)):\n"
                        "    model = model.to(torchdevice.device(rank)).half().to(torchdevice.device())\n"
                        "    x = torch.zeros(2, device=DEVN(rank)).to(DEV, non_blocking=torchdevice.non_blocking())\n"
                        "    if torchdevice.is_accelerator(x) and x.device.type == DEV:\n"
                        "        torchdevice.synchronize()\n"
                        "    torchdevice.set_device(rank)\n"
                        "    loader = DataLoader(ds, pin_memory=torchdevice.pin_memory())\n"
                        "    torch.cuda.nvtx.range_push(\"cuda\")\n"
                        "    return torchdevice.memory_allocated(rank)\n");
}

} // namespace
} // namespace tdp
