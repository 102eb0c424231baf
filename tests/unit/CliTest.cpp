// The command line, run in-process through tdp::runCli. User rules (ids SYN499/UNS498, names
// under a made-up module) keep the tests independent of the built-in rule set.
#include "cli/Cli.h"
#include "core/Version.h"
#include "rules/RuleLoader.h"

#include "TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace tdp {
namespace {

namespace fs = std::filesystem;
using test::readFile;
using test::splitLines;
using test::TempDir;
using test::writeFile;

const char *UserRules = R"j({
  "rules": [
    {
      "id": "SYN499",
      "language": "python",
      "category": "sync",
      "kind": "rename",
      "message": "use torchdevice.synchronize() instead of mylib.cuda_sync()",
      "match": { "name": "mylib.cuda_sync" },
      "rewrite": "torchdevice.synchronize",
      "import": "torchdevice",
      "examples": [
        { "before": "import mylib\nmylib.cuda_sync()\n", "after": "import mylib\ntorchdevice.synchronize()\n" },
        { "valid": "def cuda_sync():\n    pass\ncuda_sync()\n" }
      ]
    },
    {
      "id": "UNS498",
      "language": "python",
      "category": "unsupported",
      "kind": "unsupported",
      "message": "mylib graphs are CUDA-only",
      "match": { "name": "mylib.graph" },
      "advice": "run the model eagerly",
      "examples": [ { "finding": "import mylib\ng = mylib.graph()\n" } ]
    }
  ]
}
)j";

const std::string Source = "import mylib\n\nmylib.cuda_sync()\ng = mylib.graph()\n";
const std::string Ported = "import mylib\nimport torchdevice\n\ntorchdevice.synchronize()\ng = mylib.graph()\n";

struct CliRun {
  int Code = -1;
  std::string Out, Err;
};

CliRun cli(const std::vector<std::string> &Args) {
  std::ostringstream Out, Err;
  CliRun R;
  // No project configuration file from the working directory or its parents.
  std::vector<std::string> All = Args;
  if (std::find(All.begin(), All.end(), "--version") == All.end() && std::find(All.begin(), All.end(), "--help") == All.end())
    All.push_back("--no-config");
  R.Code = runCli(All, Out, Err);
  R.Out = Out.str();
  R.Err = Err.str();
  return R;
}

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

class CliTest : public ::testing::Test {
protected:
  void SetUp() override { writeFile(RulesFile, UserRules); }

  /// Args followed by the user rules, selected alone.
  std::vector<std::string> withRules(std::vector<std::string> Args) const {
    for (const char *A : {"--rules", RulesFile.c_str(), "--select", "SYN499,UNS498"})
      Args.push_back(A);
    return Args;
  }

  TempDir Dir{"cli"};
  fs::path RulesFile = Dir / "rules/user.json";
};

TEST_F(CliTest, Version) {
  CliRun R = cli({"--version"});
  EXPECT_EQ(R.Code, 0);
  EXPECT_TRUE(contains(R.Out, std::string(toolVersion()))) << R.Out;
  EXPECT_TRUE(contains(R.Out, "torchdevice-port")) << R.Out;
}

TEST_F(CliTest, Help) {
  CliRun R = cli({"--help"});
  EXPECT_EQ(R.Code, 0);
  EXPECT_TRUE(contains(R.Out, "Exit codes")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "--target")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "--out-root")) << R.Out;
}

TEST_F(CliTest, BadOptionIsAUsageError) {
  CliRun R = cli({"--bogus"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_TRUE(contains(R.Err, "--bogus")) << R.Err;
  EXPECT_TRUE(R.Out.empty());
  EXPECT_EQ(cli({"--target", "gpu", (Dir / "x.py").string()}).Code, 2);
  EXPECT_EQ(cli({"--format", "xml", "--list-rules"}).Code, 2);
  writeFile(Dir / "x.py", "x = 1\n");
  EXPECT_EQ(cli({(Dir / "x.py").string(), "--diff", "--out-root", (Dir / "out").string()}).Code, 2);
}

TEST_F(CliTest, NoPathIsAUsageError) {
  CliRun R = cli({});
  EXPECT_EQ(R.Code, 2);
  EXPECT_TRUE(contains(R.Err, "no PATH")) << R.Err;
}

TEST_F(CliTest, NonexistentPathIsOneClearLine) {
  std::string Missing = (Dir / "does/not/exist.py").string();
  CliRun R = cli({Missing});
  EXPECT_EQ(R.Code, 2);
  std::vector<std::string> Lines = splitLines(R.Err);
  ASSERT_EQ(Lines.size(), 1u) << R.Err;
  EXPECT_TRUE(contains(Lines[0], Missing)) << R.Err;
  EXPECT_TRUE(contains(Lines[0], "no such file or directory")) << R.Err;
}

TEST_F(CliTest, DiffPrintsADiffAndWritesNothing) {
  fs::path F = Dir / "src/train.py";
  writeFile(F, Source);
  CliRun R = cli(withRules({F.string(), "--diff"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  // F is absolute: the labels are "a" and "b" followed by the path, as git writes them.
  EXPECT_TRUE(contains(R.Out, "--- a" + F.generic_string() + "\n")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "+++ b" + F.generic_string() + "\n")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "\n+import torchdevice\n")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "\n-mylib.cuda_sync()\n+torchdevice.synchronize()\n")) << R.Out;
  EXPECT_EQ(readFile(F), Source);
  // The unsupported use is reported with its location and advice.
  EXPECT_TRUE(contains(R.Err, F.string() + ":4:5: UNS498 mylib graphs are CUDA-only -- run the model eagerly")) << R.Err;
}

TEST_F(CliTest, DiffWithATargetShowsThePreferLine) {
  fs::path F = Dir / "t.py";
  writeFile(F, Source);
  CliRun R = cli(withRules({F.string(), "--diff", "--target", "cpu"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_TRUE(contains(R.Out, "\n+torchdevice.prefer(\"cpu\")\n")) << R.Out;
}

TEST_F(CliTest, OutRootWithOneDirectoryMirrorsIntoTheDirectoryItself) {
  fs::path Src = Dir / "proj", Out = Dir / "ported";
  writeFile(Src / "a.py", Source);
  writeFile(Src / "pkg/b.py", "x = 1\n");
  writeFile(Src / "data/config.yaml", "lr: 0.1\n");
  CliRun R = cli(withRules({Src.string(), "--out-root", Out.string(), "-q"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(Out / "a.py"), Ported);
  EXPECT_EQ(readFile(Out / "pkg/b.py"), "x = 1\n");
  EXPECT_EQ(readFile(Out / "data/config.yaml"), "lr: 0.1\n");
  EXPECT_FALSE(fs::exists(Out / "proj"));
  EXPECT_EQ(readFile(Src / "a.py"), Source);
}

TEST_F(CliTest, OutRootMirrorsSymlinksAsLinksAndNeverWritesThroughThem) {
  fs::path Src = Dir / "proj", Out = Dir / "ported", Outside = Dir / "outside";
  writeFile(Src / "real.py", Source);
  writeFile(Outside / "theirs.py", Source);
  fs::create_symlink("real.py", Src / "link.py");
  fs::create_symlink(fs::absolute(Outside / "theirs.py"), Src / "external.py");
  CliRun R = cli(withRules({Src.string(), "--out-root", Out.string(), "-q"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(Out / "real.py"), Ported);
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(Out / "link.py")));
  EXPECT_EQ(fs::read_symlink(Out / "link.py"), fs::path("real.py"));
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(Out / "external.py")));
  EXPECT_EQ(readFile(Outside / "theirs.py"), Source); // not followed, not ported
  EXPECT_EQ(readFile(Src / "real.py"), Source);
}

TEST_F(CliTest, OutRootWithTwoDirectoriesUsesTheirNames) {
  fs::path A = Dir / "first", B = Dir / "second", Out = Dir / "ported";
  writeFile(A / "a.py", Source);
  writeFile(A / "README.md", "# readme\n");
  writeFile(B / "sub/c.py", "x = 1\n");
  CliRun R = cli(withRules({A.string(), B.string(), "--out-root", Out.string(), "-q"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(Out / "first/a.py"), Ported);
  EXPECT_EQ(readFile(Out / "first/README.md"), "# readme\n");
  EXPECT_EQ(readFile(Out / "second/sub/c.py"), "x = 1\n");
  EXPECT_FALSE(fs::exists(Out / "a.py"));
  EXPECT_EQ(readFile(A / "a.py"), Source);
}

TEST_F(CliTest, OutRootContainingTheInputIsRefused) {
  fs::path Src = Dir / "proj";
  writeFile(Src / "a.py", Source);
  CliRun R = cli(withRules({Src.string(), "--out-root", Dir.path().string()}));
  EXPECT_EQ(R.Code, 2) << R.Err;
  EXPECT_EQ(readFile(Src / "a.py"), Source);
}

TEST_F(CliTest, OutRootInsideTheInputIsNotPortedAgain) {
  fs::path Src = Dir / "proj", Out = Dir / "proj/ported";
  writeFile(Src / "a.py", Source);
  CliRun R = cli(withRules({Src.string(), "--out-root", Out.string(), "-q"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(Out / "a.py"), Ported);
  CliRun Again = cli(withRules({Src.string(), "--out-root", Out.string(), "-q"}));
  EXPECT_EQ(Again.Code, 0) << Again.Err;
  EXPECT_FALSE(fs::exists(Out / "ported"));
  EXPECT_EQ(readFile(Src / "a.py"), Source);
}

TEST_F(CliTest, InPlaceOutsideGitIsRefused) {
  fs::path F = Dir / "work/train.py";
  writeFile(F, Source);
  CliRun R = cli(withRules({(Dir / "work").string()}));
  EXPECT_EQ(R.Code, 4) << R.Err;
  EXPECT_TRUE(contains(R.Err, "refusing to rewrite: " + F.string())) << R.Err;
  EXPECT_TRUE(contains(R.Err, "is not in a git repository")) << R.Err;
  EXPECT_TRUE(contains(R.Err, "--allow-dirty")) << R.Err;
  EXPECT_EQ(readFile(F), Source);
}

TEST_F(CliTest, AllowDirtyWritesInPlace) {
  fs::path F = Dir / "work/train.py";
  writeFile(F, Source);
  fs::permissions(F, fs::perms(0755));
  CliRun R = cli(withRules({(Dir / "work").string(), "--allow-dirty"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(F), Ported);
  EXPECT_EQ(fs::status(F).permissions() & fs::perms::mask, fs::perms(0755));
  EXPECT_TRUE(contains(R.Err, "1 file scanned, 1 changed (1 edit)")) << R.Err;
  // A second run changes nothing.
  CliRun Again = cli(withRules({(Dir / "work").string()}));
  EXPECT_EQ(Again.Code, 0) << Again.Err;
  EXPECT_EQ(readFile(F), Ported);
}

/// Runs in place with --allow-dirty on a bad file; expects exit 1, one error line, no change.
void expectSkippedWithOneLine(const CliTest *, const std::vector<std::string> &Args, const fs::path &F,
                              const std::string &Content, const std::string &Expected) {
  CliRun R = cli(Args);
  EXPECT_EQ(R.Code, 1) << R.Err;
  std::vector<std::string> Lines = splitLines(R.Err);
  ASSERT_EQ(Lines.size(), 1u) << R.Err;
  EXPECT_TRUE(Lines[0].starts_with(F.string() + ":")) << R.Err;
  EXPECT_TRUE(contains(Lines[0], Expected)) << R.Err;
  EXPECT_EQ(readFile(F), Content);
}

TEST_F(CliTest, InvalidUtf8FileIsSkippedWithOneLine) {
  fs::path F = Dir / "latin1.py";
  std::string Content = "import mylib\n# caf\xE9\nmylib.cuda_sync()\n";
  writeFile(F, Content);
  expectSkippedWithOneLine(this, withRules({F.string(), "--allow-dirty", "-q"}), F, Content, "UTF-8");
}

TEST_F(CliTest, NulByteFileIsSkippedWithOneLine) {
  fs::path F = Dir / "binary.py";
  std::string Content("import mylib\nmylib.cuda_sync()\n\0\0", 33);
  writeFile(F, Content);
  expectSkippedWithOneLine(this, withRules({F.string(), "--allow-dirty", "-q"}), F, Content, "NUL");
}

TEST_F(CliTest, SyntaxErrorFileIsSkippedWithOneLine) {
  fs::path F = Dir / "broken.py";
  std::string Content = "import mylib\nx = = 1\nmylib.cuda_sync()\n";
  writeFile(F, Content);
  expectSkippedWithOneLine(this, withRules({F.string(), "--allow-dirty", "-q"}), F, Content, "syntax error");
  CliRun R = cli(withRules({F.string(), "--allow-dirty", "-q"}));
  EXPECT_TRUE(R.Err.starts_with(F.string() + ":2:")) << R.Err;
}

TEST_F(CliTest, BadFilesDoNotStopGoodOnes) {
  writeFile(Dir / "p/bad.py", "import mylib\nx = = mylib.cuda_sync()\n");
  writeFile(Dir / "p/good.py", Source);
  CliRun R = cli(withRules({(Dir / "p").string(), "--allow-dirty"}));
  EXPECT_EQ(R.Code, 1) << R.Err;
  EXPECT_EQ(readFile(Dir / "p/good.py"), Ported);
  EXPECT_EQ(readFile(Dir / "p/bad.py"), "import mylib\nx = = mylib.cuda_sync()\n");
}

TEST_F(CliTest, RulesFileWithAJsonSyntaxErrorIsARuleError) {
  fs::path Bad = Dir / "bad.json";
  writeFile(Bad, "{\n  \"rules\": [\n    {\"id\": \"SYN497\",}\n  ]\n}\n");
  CliRun R = cli({"--rules", Bad.string(), "--list-rules"});
  EXPECT_EQ(R.Code, 3);
  EXPECT_TRUE(contains(R.Err, Bad.string() + ":3:21: invalid JSON")) << R.Err;
  EXPECT_EQ(splitLines(R.Err).size(), 1u) << R.Err;
}

TEST_F(CliTest, MissingRulesFileIsAnError) {
  CliRun R = cli({"--rules", (Dir / "nope.json").string(), "--list-rules"});
  EXPECT_NE(R.Code, 0);
  EXPECT_TRUE(contains(R.Err, "nope.json")) << R.Err;
}

TEST_F(CliTest, RulesFileReusingABuiltinIdIsARuleError) {
  std::vector<Rule> Builtin = loadBuiltinRules();
  ASSERT_FALSE(Builtin.empty());
  const Rule &B = Builtin.front();
  fs::path Dup = Dir / "dup.json";
  writeFile(Dup, "{\"rules\": [{\"id\": \"" + B.Id + "\", \"language\": \"python\", \"category\": \"" + B.Category +
                     "\", \"kind\": \"unsupported\", \"message\": \"m\", \"advice\": \"a\","
                     " \"match\": {\"name\": \"mylib.unused_name\"},"
                     " \"examples\": [{\"finding\": \"import mylib\\nmylib.unused_name()\\n\"}]}]}\n");
  CliRun R = cli({"--rules", Dup.string(), "--list-rules"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  EXPECT_TRUE(contains(R.Err, "duplicate rule id '" + B.Id + "'")) << R.Err;
}

TEST_F(CliTest, RulesFileWithARuleFailingItsOwnExampleIsARuleError) {
  fs::path Failing = Dir / "failing.json";
  writeFile(Failing, R"j({"rules": [{"id": "SYN497", "language": "python", "category": "sync", "kind": "rename",
    "message": "m", "match": {"name": "mylib.cuda_sync"}, "rewrite": "torchdevice.synchronize",
    "examples": [{"before": "import mylib\nmylib.cuda_sync()\n", "after": "import mylib\ntorchdevice.wrong()\n"}]}]})j");
  CliRun R = cli({"--rules", Failing.string(), "--list-rules"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  EXPECT_TRUE(contains(R.Err, "SYN497 does not match its own example 1")) << R.Err;
  EXPECT_TRUE(contains(R.Err, Failing.string())) << R.Err;
}

TEST_F(CliTest, RulesFileWithANoisyValidExampleIsARuleError) {
  fs::path Noisy = Dir / "noisy.json";
  writeFile(Noisy, R"j({"rules": [{"id": "SYN496", "language": "python", "category": "sync", "kind": "rename",
    "message": "m", "match": {"name": "mylib.cuda_sync"}, "rewrite": "torchdevice.synchronize",
    "examples": [{"valid": "import mylib\nmylib.cuda_sync()\n"}]}]})j");
  CliRun R = cli({"--rules", Noisy.string(), "--list-rules"});
  EXPECT_EQ(R.Code, 3) << R.Err;
  EXPECT_TRUE(contains(R.Err, "noisy")) << R.Err;
}

TEST_F(CliTest, ListRules) {
  CliRun R = cli(withRules({"--list-rules"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  std::vector<std::string> Lines = splitLines(R.Out);
  ASSERT_EQ(Lines.size(), 3u) << R.Out;
  EXPECT_TRUE(Lines[0].starts_with("SYN499")) << R.Out;
  EXPECT_TRUE(contains(Lines[0], "rename")) << R.Out;
  EXPECT_TRUE(contains(Lines[0], "use torchdevice.synchronize() instead of mylib.cuda_sync()")) << R.Out;
  EXPECT_TRUE(Lines[1].starts_with("UNS498")) << R.Out;
  EXPECT_EQ(Lines[2], "2 rules");
  // Without --select the built-in rules are listed too.
  CliRun All = cli({"--rules", RulesFile.string(), "--list-rules"});
  EXPECT_EQ(All.Code, 0) << All.Err;
  EXPECT_GT(splitLines(All.Out).size(), 3u);
  EXPECT_TRUE(contains(All.Out, "SYN499"));
}

TEST_F(CliTest, ListRulesAsJson) {
  CliRun R = cli(withRules({"--list-rules", "--format", "json"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  nlohmann::json J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J.at("schema_version"), 1);
  EXPECT_EQ(J.at("tool_version"), std::string(toolVersion()));
  ASSERT_TRUE(J.at("rules").is_array());
  ASSERT_EQ(J.at("rules").size(), 2u);
  const nlohmann::json &S = J["rules"][0];
  EXPECT_EQ(S.at("id"), "SYN499");
  EXPECT_EQ(S.at("language"), "python");
  EXPECT_EQ(S.at("category"), "sync");
  EXPECT_EQ(S.at("kind"), "rename");
  EXPECT_EQ(S.at("fix_safety"), "safe");
  EXPECT_EQ(S.at("match"), "mylib.cuda_sync");
  EXPECT_EQ(S.at("source"), RulesFile.string());
  const nlohmann::json &U = J["rules"][1];
  EXPECT_EQ(U.at("id"), "UNS498");
  EXPECT_EQ(U.at("advice"), "run the model eagerly");
}

TEST_F(CliTest, UnknownSelectPrefixSuggestsAnId) {
  CliRun R = cli({"--rules", RulesFile.string(), "--select", "SYN49X", "--list-rules"});
  EXPECT_EQ(R.Code, 2);
  EXPECT_TRUE(contains(R.Err, "did you mean SYN49")) << R.Err;
  EXPECT_EQ(splitLines(R.Err).size(), 1u) << R.Err;
  R = cli({"--rules", RulesFile.string(), "--ignore", "UNS4988", "--list-rules"});
  EXPECT_EQ(R.Code, 2);
}

TEST_F(CliTest, Explain) {
  CliRun R = cli({"--rules", RulesFile.string(), "--explain", "SYN499"});
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_TRUE(R.Out.starts_with("SYN499 (sync, rename, python)\n")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "use torchdevice.synchronize() instead of mylib.cuda_sync()")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "Matches: mylib.cuda_sync")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "Rewrite (default): torchdevice.synchronize")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "import mylib\nmylib.cuda_sync()\n\n-->\nimport mylib\ntorchdevice.synchronize()\n")) << R.Out;
  EXPECT_TRUE(contains(R.Out, "Defined in " + RulesFile.string() + ":4")) << R.Out;
  CliRun U = cli({"--rules", RulesFile.string(), "--explain", "UNS498"});
  EXPECT_EQ(U.Code, 0);
  EXPECT_TRUE(contains(U.Out, "Advice: run the model eagerly")) << U.Out;
  CliRun Missing = cli({"--rules", RulesFile.string(), "--explain", "SYN489"});
  EXPECT_EQ(Missing.Code, 2);
  EXPECT_TRUE(contains(Missing.Err, "did you mean")) << Missing.Err;
}

TEST_F(CliTest, VerifyRules) {
  CliRun R = cli(withRules({"--verify-rules"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_TRUE(contains(R.Out, "3 validated, 0 noisy, 0 missing")) << R.Out;
}

TEST_F(CliTest, StatsAsJson) {
  fs::path F = Dir / "s/train.py";
  writeFile(F, Source);
  CliRun R = cli(withRules({(Dir / "s").string(), "--allow-dirty", "-q", "--stats", "--format", "json"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  nlohmann::json J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J.at("schema_version"), 1);
  EXPECT_EQ(J.at("target"), "auto");
  EXPECT_EQ(J.at("files").at("scanned"), 1);
  EXPECT_EQ(J.at("files").at("changed"), 1);
  EXPECT_EQ(J.at("files").at("skipped"), 0);
  EXPECT_EQ(J.at("edits").at("total"), 1);
  EXPECT_EQ(J.at("edits").at("by_rule").at("SYN499"), 1);
  EXPECT_EQ(J.at("edits").at("by_category").at("sync"), 1);
  EXPECT_EQ(J.at("left").at("unsupported"), 1);
  EXPECT_EQ(J.at("left").at("by_rule").at("UNS498"), 1);
  EXPECT_EQ(J.at("conflicts"), 0);
  EXPECT_TRUE(J.at("skipped_files").empty());
  EXPECT_EQ(readFile(F), Ported);
}

TEST_F(CliTest, StatsAsJsonListsSkippedFiles) {
  writeFile(Dir / "s/bad.py", "import mylib\nx = = mylib.cuda_sync()\n");
  CliRun R = cli(withRules({(Dir / "s").string(), "--diff", "-q", "--stats", "--format", "json", "--target", "mps"}));
  EXPECT_EQ(R.Code, 1) << R.Err;
  nlohmann::json J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J.at("target"), "mps");
  EXPECT_EQ(J.at("files").at("skipped"), 1);
  ASSERT_EQ(J.at("skipped_files").size(), 1u);
  EXPECT_EQ(J["skipped_files"][0].at("path"), (Dir / "s/bad.py").string());
}

TEST_F(CliTest, ExcludeOption) {
  writeFile(Dir / "e/keep.py", Source);
  writeFile(Dir / "e/skip_me.py", Source);
  CliRun R = cli(withRules({(Dir / "e").string(), "--allow-dirty", "-q", "--exclude", "skip_*.py"}));
  EXPECT_EQ(R.Code, 0) << R.Err;
  EXPECT_EQ(readFile(Dir / "e/keep.py"), Ported);
  EXPECT_EQ(readFile(Dir / "e/skip_me.py"), Source);
}

} // namespace
} // namespace tdp
