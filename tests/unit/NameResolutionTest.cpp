// Name resolution through the file's imports and Python's scoping, tested end to end through
// python::portPythonSource with small in-memory rule sets.
#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::port;
using test::ruleJson;

const RuleSet &rules() {
  static const RuleSet Rules = test::rulesFrom({
      ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j",
               R"j("import": "torchdevice")j"),
      ruleJson("STR402", "stream", "rename", R"j({"name": "torch.cuda.Stream"})j", R"j("torchdevice.Stream")j",
               R"j("import": "torchdevice")j"),
      ruleJson("AMP403", "amp", "rename", R"j({"name": "torch.cuda.amp.autocast"})j", R"j("torchdevice.autocast")j",
               R"j("import": "torchdevice")j"),
      ruleJson("DEV404", "device", "rename", R"j({"device_string": "cuda"})j", R"j("DEV")j"),
  });
  return Rules;
}

/// Ports with the rules above; expects the output to be Expected.
void expectPort(const std::string &Before, const std::string &Expected) {
  python::PortResult R = test::portWith(rules(), Before);
  ASSERT_EQ(R.State, python::PortResult::Status::Ported) << R.Problem << "\n" << Before;
  EXPECT_EQ(R.Text, Expected) << "input:\n" << Before;
}

void expectUnchanged(const std::string &Before) { expectPort(Before, Before); }

// ---- imports that resolve -------------------------------------------------------------------

TEST(NameResolutionTest, PlainImport) {
  expectPort("import torch\ntorch.cuda.synchronize()\n", "import torch\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, ImportOfASubmoduleBindsTheTopPackage) {
  expectPort("import torch.cuda\ntorch.cuda.synchronize()\n", "import torch.cuda\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, ImportTorchAsTh) {
  expectPort("import torch as th\nth.cuda.synchronize()\n", "import torch as th\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, FromTorchImportCuda) {
  expectPort("from torch import cuda\ncuda.synchronize()\n", "from torch import cuda\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, FromTorchImportCudaAsAlias) {
  expectPort("from torch import cuda as tc\ntc.synchronize()\n", "from torch import cuda as tc\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, FromTorchCudaImportStreamAsS) {
  expectPort("from torch.cuda import Stream as S\ns = S()\n", "from torch.cuda import Stream as S\ns = torchdevice.Stream()\n");
}

TEST(NameResolutionTest, ImportTorchCudaAmpAsAmp) {
  expectPort("import torch.cuda.amp as amp\nwith amp.autocast():\n    pass\n",
             "import torch.cuda.amp as amp\nwith torchdevice.autocast():\n    pass\n");
}

TEST(NameResolutionTest, FromTorchCudaImportStar) {
  expectPort("from torch.cuda import *\nsynchronize()\ns = Stream()\n",
             "from torch.cuda import *\ntorchdevice.synchronize()\ns = torchdevice.Stream()\n");
}

TEST(NameResolutionTest, StarImportDoesNotResolveNamesNoRuleNames) {
  expectUnchanged("from torch.cuda import *\nnot_a_rule()\nprint(x)\n");
}

TEST(NameResolutionTest, ImportInsideAFunctionIsLocalToIt) {
  expectPort("def f():\n    import torch\n    torch.cuda.synchronize()\ntorch.cuda.synchronize()\n",
             "def f():\n    import torch\n    torchdevice.synchronize()\ntorch.cuda.synchronize()\n");
}

TEST(NameResolutionTest, ModuleImportIsVisibleInFunctionsAndMethods) {
  expectPort("import torch\nclass A:\n    def m(self):\n        def inner():\n            torch.cuda.synchronize()\n",
             "import torch\nclass A:\n    def m(self):\n        def inner():\n            torchdevice.synchronize()\n");
}

TEST(NameResolutionTest, WithoutAnImportNothingResolves) {
  expectUnchanged("torch.cuda.synchronize()\ncuda.synchronize()\n");
  expectUnchanged("import numpy as torch\ntorch.cuda.synchronize()\n");
}

// ---- the user's own names ---------------------------------------------------------------------

TEST(NameResolutionTest, UsersOwnFunctionIsNeverRewritten) {
  expectUnchanged("from torch.cuda import *\ndef synchronize():\n    pass\nsynchronize()\n");
  expectUnchanged("from torch.cuda import synchronize\ndef synchronize():\n    pass\nsynchronize()\n");
  expectUnchanged("def synchronize():\n    pass\nsynchronize()\n");
}

TEST(NameResolutionTest, UsersOwnClassIsNeverRewritten) {
  expectUnchanged("from torch.cuda import *\nclass Stream:\n    pass\ns = Stream()\n");
}

TEST(NameResolutionTest, ParameterNamedCuda) {
  expectPort("from torch import cuda\ndef wait(cuda):\n    cuda.synchronize()\ncuda.synchronize()\n",
             "from torch import cuda\ndef wait(cuda):\n    cuda.synchronize()\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, ParametersOfEveryShape) {
  expectUnchanged("from torch import cuda\ndef f(x, cuda=None):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ndef f(cuda: object):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ndef f(cuda: object = None):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ndef f(*cuda):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ndef f(**cuda):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ndef f(*, cuda):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\nf = lambda cuda: cuda.synchronize()\n");
}

TEST(NameResolutionTest, LocalVariableInAFunction) {
  expectPort("from torch import cuda\ndef f():\n    cuda = Fake()\n    cuda.synchronize()\ncuda.synchronize()\n",
             "from torch import cuda\ndef f():\n    cuda = Fake()\n    cuda.synchronize()\ntorchdevice.synchronize()\n");
}

TEST(NameResolutionTest, LocalVariableAssignedAfterUseIsStillLocal) {
  expectUnchanged("from torch import cuda\ndef f():\n    cuda.synchronize()\n    cuda = Fake()\n");
}

TEST(NameResolutionTest, ClosureSeesTheEnclosingFunctionsLocal) {
  expectUnchanged("from torch import cuda\ndef outer():\n    cuda = Fake()\n    def inner():\n        cuda.synchronize()\n");
}

TEST(NameResolutionTest, ClassAttribute) {
  // The class body's own `cuda` shadows the import there; methods do not see class attributes.
  expectPort("from torch import cuda\n"
             "class A:\n"
             "    cuda = Fake()\n"
             "    cuda.synchronize()\n"
             "    def m(self):\n"
             "        self.cuda.synchronize()\n"
             "        cuda.synchronize()\n",
             "from torch import cuda\n"
             "class A:\n"
             "    cuda = Fake()\n"
             "    cuda.synchronize()\n"
             "    def m(self):\n"
             "        self.cuda.synchronize()\n"
             "        torchdevice.synchronize()\n");
}

TEST(NameResolutionTest, MethodNamedLikeARuleIsNotRewritten) {
  expectUnchanged("import torch\nclass Worker:\n    def synchronize(self):\n        pass\nWorker().synchronize()\n");
}

TEST(NameResolutionTest, ComprehensionVariable) {
  expectPort("from torch import cuda\n"
             "a = [cuda.synchronize() for cuda in streams]\n"
             "b = {cuda.synchronize() for cuda in streams}\n"
             "c = {k: cuda.synchronize() for k, cuda in items}\n"
             "d = list(cuda.synchronize() for cuda in streams)\n"
             "cuda.synchronize()\n",
             "from torch import cuda\n"
             "a = [cuda.synchronize() for cuda in streams]\n"
             "b = {cuda.synchronize() for cuda in streams}\n"
             "c = {k: cuda.synchronize() for k, cuda in items}\n"
             "d = list(cuda.synchronize() for cuda in streams)\n"
             "torchdevice.synchronize()\n");
}

TEST(NameResolutionTest, ComprehensionVariableDoesNotLeak) {
  expectPort("from torch import cuda\ndef f():\n    xs = [cuda for cuda in ys]\n    cuda.synchronize()\n",
             "from torch import cuda\ndef f():\n    xs = [cuda for cuda in ys]\n    torchdevice.synchronize()\n");
}

TEST(NameResolutionTest, OtherModuleLevelBindingsMakeTheNameTheUsers) {
  expectUnchanged("import torch\nfor torch in models:\n    torch.cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\nwith open_stream() as cuda:\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ntry:\n    pass\nexcept Exception as cuda:\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\nif (cuda := pick()):\n    cuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ncuda, other = pick()\ncuda.synchronize()\n");
  expectUnchanged("from torch import cuda\ncuda += 1\ncuda.synchronize()\n");
  expectUnchanged("import torch\ntorch = None\ntorch.cuda.synchronize()\n");
}

TEST(NameResolutionTest, GlobalDeclarationWithoutRebindingStillResolves) {
  expectPort("import torch\ndef f():\n    global torch\n    torch.cuda.synchronize()\n",
             "import torch\ndef f():\n    global torch\n    torchdevice.synchronize()\n");
}

TEST(NameResolutionTest, GlobalDeclaredNameOfTheUserIsNotRewritten) {
  expectUnchanged("cuda = None\ndef f():\n    global cuda\n    cuda = make()\n    cuda.synchronize()\n");
}

// `global cuda` + `cuda = ...` in a function rebinds the module-level name: from then on
// `cuda` is the user's object everywhere, never torch.cuda.
TEST(NameResolutionTest, GlobalRebindingInAFunctionMakesTheModuleNameTheUsers) {
  expectUnchanged("from torch import cuda\n"
                  "def reset():\n"
                  "    global cuda\n"
                  "    cuda = make_fake()\n"
                  "cuda.synchronize()\n");
}

TEST(NameResolutionTest, GlobalRebindingIsTheUsersInsideTheFunctionToo) {
  expectUnchanged("from torch import cuda\n"
                  "def reset():\n"
                  "    global cuda\n"
                  "    cuda = make_fake()\n"
                  "    cuda.synchronize()\n");
}

TEST(NameResolutionTest, RelativeImportsAreNeverTorch) {
  expectUnchanged("from . import cuda\ncuda.synchronize()\n");
  expectUnchanged("from .torch import cuda\ncuda.synchronize()\n");
  expectUnchanged("from . import torch\ntorch.cuda.synchronize()\n");
  expectUnchanged("from ..torch.cuda import synchronize\nsynchronize()\n");
  expectUnchanged("from .torch.cuda import *\nsynchronize()\n");
}

TEST(NameResolutionTest, ImportStatementsThemselvesAreNotRewritten) {
  expectUnchanged("from torch.cuda import synchronize\nimport torch.cuda.amp as amp\n");
}

TEST(NameResolutionTest, KeywordArgumentNamesAreNotReferences) {
  expectUnchanged("from torch.cuda import synchronize\nf(synchronize=1)\n");
}

TEST(NameResolutionTest, StringsAndCommentsAreNeverTouched) {
  expectUnchanged("import torch\n"
                  "print(\"cuda\")\n"
                  "logger.info(\"torch.cuda.synchronize is slow on cuda\")\n"
                  "msg = 'cuda'\n"
                  "# torch.cuda.synchronize()\n"
                  "\"\"\"torch.cuda.synchronize()\"\"\"\n");
}

TEST(NameResolutionTest, AmbiguousImportIsNotResolved) {
  expectUnchanged("import torch as t\nimport numpy as t\nt.cuda.synchronize()\n");
}

TEST(NameResolutionTest, ReferenceNotCalledIsStillRenamed) {
  expectPort("import torch\nf = torch.cuda.synchronize\n", "import torch\nf = torchdevice.synchronize\n");
}

} // namespace
} // namespace tdp
