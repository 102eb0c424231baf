#include "cpp/HeaderReusePlan.h"

#include <gtest/gtest.h>

namespace tdp::cpp {
namespace {

using Lines = std::vector<std::string>;

bool noProjectHeader(std::string_view) { return false; }

TEST(SystemPreambleTest, TakesLeadingIncludesThroughComments) {
  std::string Text =
      "// model.cpp\n/* licence\n   text */\n#include <torch/torch.h>  // all of it\n"
      "#  include <c10/cuda/CUDAStream.h>\n\n#include <vector>\nint main() {}\n#include <map>\n";
  EXPECT_EQ(
      systemPreamble(Text, noProjectHeader),
      (Lines{"#include <torch/torch.h>", "#include <c10/cuda/CUDAStream.h>", "#include <vector>"}));
}

TEST(SystemPreambleTest, StopsAtAProjectHeaderAndKeepsTheSystemOnesBefore) {
  std::string Text =
      "#include <torch/torch.h>\n#include \"model.h\"\n#include <c10/cuda/CUDAGuard.h>\n";
  auto IsProject = [](std::string_view Name) { return Name == "model.h"; };
  EXPECT_EQ(systemPreamble(Text, IsProject), (Lines{"#include <torch/torch.h>"}));
  EXPECT_TRUE(
      systemPreamble("#include \"model.h\"\n#include <torch/torch.h>\n", IsProject).empty());
  // A quoted include that is not the project's is a system header like the others.
  EXPECT_EQ(systemPreamble("#include \"torch/torch.h\"\n", IsProject),
            (Lines{"#include \"torch/torch.h\""}));
}

TEST(SystemPreambleTest, KeepsDefinesBeforeIncludesAndDropsTrailingOnes) {
  std::string Text = "#define WITH_CUDA 1\n#define TWICE(x) \\\n  ((x) + (x)) /* sum */\n#include "
                     "<torch/torch.h>\n"
                     "#define AFTER 2\n";
  EXPECT_EQ(systemPreamble(Text, noProjectHeader),
            (Lines{"#define WITH_CUDA 1", "#define TWICE(x)    ((x) + (x))",
                   "#include <torch/torch.h>"}));
  EXPECT_TRUE(systemPreamble("#define ONLY 1\nint x;\n", noProjectHeader).empty());
}

TEST(SystemPreambleTest, StopsAtConditionalsPragmasMacroIncludesAndCode) {
  EXPECT_TRUE(systemPreamble("#ifdef WITH_CUDA\n#include <c10/cuda/CUDAStream.h>\n#endif\n",
                             noProjectHeader)
                  .empty());
  EXPECT_TRUE(systemPreamble("#pragma once\n#include <torch/torch.h>\n", noProjectHeader).empty());
  EXPECT_TRUE(
      systemPreamble("#include TORCH_HEADER\n#include <torch/torch.h>\n", noProjectHeader).empty());
  EXPECT_TRUE(systemPreamble("#undef X\n#include <torch/torch.h>\n", noProjectHeader).empty());
  EXPECT_EQ(systemPreamble("#include <a.h>\nnamespace n {}\n#include <b.h>\n", noProjectHeader),
            (Lines{"#include <a.h>"}));
  EXPECT_TRUE(systemPreamble("/* never closed\n#include <a.h>\n", noProjectHeader).empty());
}

TEST(SystemPreambleTest, AStringInADefineIsNotAComment) {
  EXPECT_EQ(systemPreamble("#define URL \"http://x\"\n#include <a.h>\n", noProjectHeader),
            (Lines{"#define URL \"http://x\"", "#include <a.h>"}));
}

TEST(PlanHeaderReuseTest, GroupsBySameFlagsAndFirstDirectiveWithTheCommonPrefix) {
  std::vector<ReuseCandidate> C = {
      {"flags", {"#include <torch/torch.h>", "#include <c10/cuda/CUDAStream.h>"}},
      {"flags", {"#include <torch/torch.h>", "#include <ATen/cuda/CUDAEvent.h>"}},
      {"flags", {"#include <torch/torch.h>"}},
      {"flags -DWITH_CUDA", {"#include <torch/torch.h>"}}, // other flags: its own (single) group
      {"flags", {}},                                       // nothing to share
  };
  std::vector<ReuseGroup> G = planHeaderReuse(C);
  ASSERT_EQ(G.size(), 1u);
  EXPECT_EQ(G[0].Members, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(G[0].Lines, (Lines{"#include <torch/torch.h>"}));
}

TEST(PlanHeaderReuseTest, MacrosBeforeTheIncludesSeparateGroups) {
  std::vector<ReuseCandidate> C = {
      {"f", {"#define WITH_CUDA", "#include <torch/torch.h>"}},
      {"f", {"#include <torch/torch.h>"}},
      {"f", {"#include <torch/torch.h>", "#include <vector>"}},
      {"f", {"#define WITH_CUDA", "#include <torch/torch.h>", "#include <vector>"}},
      {"f", {"#define OTHER", "#include <torch/torch.h>"}},
  };
  std::vector<ReuseGroup> G = planHeaderReuse(C);
  ASSERT_EQ(G.size(), 2u);
  EXPECT_EQ(G[0].Members, (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(G[0].Lines, (Lines{"#define WITH_CUDA", "#include <torch/torch.h>"}));
  EXPECT_EQ(G[1].Members, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(G[1].Lines, (Lines{"#include <torch/torch.h>"}));
}

TEST(PlanHeaderReuseTest, ACommonPrefixOfOnlyDefinesIsNoGroup) {
  std::vector<ReuseCandidate> C = {{"f", {"#define A", "#include <a.h>"}},
                                   {"f", {"#define A", "#include <b.h>"}}};
  EXPECT_TRUE(planHeaderReuse(C).empty());
}

} // namespace
} // namespace tdp::cpp
