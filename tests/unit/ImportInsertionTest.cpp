#include "core/Edit.h"
#include "python/ImportInsertion.h"
#include "python/PythonSyntax.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using test::ruleJson;

const RuleSet &rules() {
  static const RuleSet Rules = test::rulesFrom({
      ruleJson("SYN401", "sync", "rename", R"j({"name": "torch.cuda.synchronize"})j", R"j("torchdevice.synchronize")j",
               R"j("import": "torchdevice")j"),
      ruleJson("MEM402", "memory", "rename", R"j({"name": "torch.cuda.empty_cache"})j", R"j("torch.empty_cache")j"),
      ruleJson("UNS403", "unsupported", "unsupported", R"j({"name": "torch.cuda.graphs.*"})j"),
  });
  return Rules;
}

/// Ports with import insertion on.
python::PortResult portWithImports(const std::string &Src, Target T = Target::Auto) {
  return test::portWith(rules(), Src, T, true);
}

/// Applies importInsertion directly (for files that need no edit to test placement).
std::string insertInto(const std::string &Src, Target T = Target::Auto) {
  python::ParsedSource Parsed(Src);
  std::optional<Edit> E = python::importInsertion(Parsed, "torchdevice", T);
  if (!E)
    return Src;
  EXPECT_EQ(E->Length, 0u);
  return applyEdits(Src, {*E});
}

TEST(ImportInsertionTest, AfterLeadingImports) {
  python::PortResult R = portWithImports("import os\n# a comment\nimport torch\n\nx = 1\nimport sys\ntorch.cuda.synchronize()\n");
  EXPECT_TRUE(R.ImportInserted);
  EXPECT_EQ(R.Text, "import os\n# a comment\nimport torch\nimport torchdevice\n\nx = 1\nimport sys\ntorchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, AfterAnImportWithATrailingComment) {
  EXPECT_EQ(portWithImports("import torch  # the framework\ntorch.cuda.synchronize()\n").Text,
            "import torch  # the framework\nimport torchdevice\ntorchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, AfterAMultiLineImport) {
  EXPECT_EQ(portWithImports("from torch.cuda import (\n    synchronize,\n)\nsynchronize()\n").Text,
            "from torch.cuda import (\n    synchronize,\n)\nimport torchdevice\ntorchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, AfterShebangAndEncodingLines) {
  EXPECT_EQ(portWithImports("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport torch\ntorch.cuda.synchronize()\n").Text,
            "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport torch\nimport torchdevice\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\ndef f():\n    import torch\n"
                            "    torch.cuda.synchronize()\n")
                .Text,
            "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport torchdevice\ndef f():\n    import torch\n"
            "    torchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, AfterTheModuleDocstring) {
  EXPECT_EQ(portWithImports("\"\"\"Module doc.\"\"\"\nimport torch\ntorch.cuda.synchronize()\n").Text,
            "\"\"\"Module doc.\"\"\"\nimport torch\nimport torchdevice\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports("#!/usr/bin/python3\n\"\"\"Doc\n\nmore.\n\"\"\"\ndef f():\n    import torch\n"
                            "    torch.cuda.synchronize()\n")
                .Text,
            "#!/usr/bin/python3\n\"\"\"Doc\n\nmore.\n\"\"\"\nimport torchdevice\ndef f():\n    import torch\n"
            "    torchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, AfterFutureImports) {
  EXPECT_EQ(portWithImports("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\ndef f():\n    import torch\n"
                            "    torch.cuda.synchronize()\n")
                .Text,
            "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport torchdevice\ndef f():\n    import torch\n"
            "    torchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports("from __future__ import annotations\nimport os\nimport torch\n\ntorch.cuda.synchronize()\n").Text,
            "from __future__ import annotations\nimport os\nimport torch\nimport torchdevice\n\ntorchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, BeforeTheFirstStatementWhenThereIsNoHeader) {
  EXPECT_EQ(insertInto("x = 1\n"), "import torchdevice\nx = 1\n");
  EXPECT_EQ(insertInto("# license\n\nx = 1\n"), "# license\n\nimport torchdevice\nx = 1\n");
  EXPECT_EQ(insertInto("if True:\n    import torch\n"), "import torchdevice\nif True:\n    import torch\n");
}

TEST(ImportInsertionTest, FileWithOnlyComments) {
  EXPECT_EQ(insertInto("# just a comment\n# another\n"), "# just a comment\n# another\nimport torchdevice\n");
  EXPECT_EQ(insertInto("# no final newline"), "# no final newline\nimport torchdevice\n");
}

TEST(ImportInsertionTest, EmptyFile) { EXPECT_EQ(insertInto(""), "import torchdevice\n"); }

TEST(ImportInsertionTest, HeaderWithoutAFinalNewline) {
  EXPECT_EQ(insertInto("\"\"\"Doc.\"\"\""), "\"\"\"Doc.\"\"\"\nimport torchdevice\n");
  EXPECT_EQ(insertInto("import os"), "import os\nimport torchdevice\n");
}

TEST(ImportInsertionTest, CrlfFileGetsCrlfLines) {
  EXPECT_EQ(portWithImports("import torch\r\ntorch.cuda.synchronize()\r\n").Text,
            "import torch\r\nimport torchdevice\r\ntorchdevice.synchronize()\r\n");
  EXPECT_EQ(portWithImports("import torch\r\ntorch.cuda.synchronize()\r\n", Target::Cpu).Text,
            "import torch\r\nimport torchdevice\r\ntorchdevice.prefer(\"cpu\")\r\ntorchdevice.synchronize()\r\n");
  EXPECT_EQ(insertInto("# c\r\nx = 1\r\n"), "# c\r\nimport torchdevice\r\nx = 1\r\n");
  EXPECT_EQ(insertInto("# only a comment\r\n"), "# only a comment\r\nimport torchdevice\r\n");
}

TEST(ImportInsertionTest, BomFileKeepsTheBomFirst) {
  EXPECT_EQ(portWithImports("\xEF\xBB\xBFimport torch\ntorch.cuda.synchronize()\n").Text,
            "\xEF\xBB\xBFimport torch\nimport torchdevice\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports("\xEF\xBB\xBF" "def f():\n    import torch\n    torch.cuda.synchronize()\n").Text,
            "\xEF\xBB\xBFimport torchdevice\ndef f():\n    import torch\n    torchdevice.synchronize()\n");
  EXPECT_EQ(insertInto("\xEF\xBB\xBFx = 1\n"), "\xEF\xBB\xBFimport torchdevice\nx = 1\n");
}

TEST(ImportInsertionTest, AlreadyImportedFileGetsNothing) {
  python::PortResult R = portWithImports("import torch\nimport torchdevice\ntorch.cuda.synchronize()\n", Target::Cpu);
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_EQ(R.Text, "import torch\nimport torchdevice\ntorchdevice.synchronize()\n");
  R = portWithImports("import torch\ntorch.cuda.synchronize()\nimport torchdevice\n");
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_EQ(R.Text, "import torch\ntorchdevice.synchronize()\nimport torchdevice\n");
  R = portWithImports("import os, torchdevice\nimport torch\ntorch.cuda.synchronize()\n");
  EXPECT_FALSE(R.ImportInserted);
}

TEST(ImportInsertionTest, ImportsModule) {
  EXPECT_TRUE(python::importsModule(python::ParsedSource("import torchdevice\n"), "torchdevice"));
  EXPECT_TRUE(python::importsModule(python::ParsedSource("import os, torchdevice\n"), "torchdevice"));
  EXPECT_FALSE(python::importsModule(python::ParsedSource("import torchdevicex\n"), "torchdevice"));
  EXPECT_FALSE(python::importsModule(python::ParsedSource("from torchdevice import prefer\n"), "torchdevice"));
  EXPECT_FALSE(python::importsModule(python::ParsedSource("def f():\n    import torchdevice\n"), "torchdevice"));
  EXPECT_FALSE(python::importsModule(python::ParsedSource("# import torchdevice\n"), "torchdevice"));
}

TEST(ImportInsertionTest, PreferLineForTargetsOtherThanAuto) {
  const std::string Src = "import torch\ntorch.cuda.synchronize()\n";
  EXPECT_EQ(portWithImports(Src, Target::Auto).Text, "import torch\nimport torchdevice\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports(Src, Target::Cpu).Text,
            "import torch\nimport torchdevice\ntorchdevice.prefer(\"cpu\")\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports(Src, Target::Mps).Text,
            "import torch\nimport torchdevice\ntorchdevice.prefer(\"mps\")\ntorchdevice.synchronize()\n");
  EXPECT_EQ(portWithImports(Src, Target::Cuda).Text,
            "import torch\nimport torchdevice\ntorchdevice.prefer(\"cuda\")\ntorchdevice.synchronize()\n");
}

TEST(ImportInsertionTest, OnlyWhenAnEditNeedsIt) {
  // A finding alone, or an edit by a rule without "import", inserts nothing.
  python::PortResult R = portWithImports("import torch\ng = torch.cuda.graphs.make_graphed_callables(m)\n", Target::Cpu);
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_EQ(R.Text, "import torch\ng = torch.cuda.graphs.make_graphed_callables(m)\n");
  R = portWithImports("import torch\ntorch.cuda.empty_cache()\n", Target::Cpu);
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_EQ(R.Text, "import torch\ntorch.empty_cache()\n");
  R = portWithImports("x = 1\n", Target::Cpu);
  EXPECT_FALSE(R.ImportInserted);
  EXPECT_EQ(R.Text, "x = 1\n");
}

TEST(ImportInsertionTest, InsertedOnceForManyEdits) {
  python::PortResult R = portWithImports("import torch\ntorch.cuda.synchronize()\ntorch.cuda.synchronize()\n");
  EXPECT_EQ(R.Text, "import torch\nimport torchdevice\ntorchdevice.synchronize()\ntorchdevice.synchronize()\n");
  // And a second run inserts nothing more.
  python::PortResult Again = portWithImports(R.Text, Target::Auto);
  EXPECT_EQ(Again.Text, R.Text);
  EXPECT_FALSE(Again.ImportInserted);
}

} // namespace
} // namespace tdp
