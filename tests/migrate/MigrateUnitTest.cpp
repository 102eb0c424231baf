// Unit tests of migrate's building blocks: .gitignore semantics, hashes, shards, the effort scale,
// report summaries and merging.
#include "core/Error.h"
#include "migrate/ContentHash.h"
#include "migrate/Effort.h"
#include "migrate/GitIgnore.h"
#include "migrate/MigrateRun.h"
#include "migrate/MigrationReport.h"
#include "rules/RuleLoader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace tdp::migrate;

namespace {

bool ignored(const char *Gitignore, const char *Path, bool Dir = false) {
  return IgnoreFile(Gitignore).match(Path, Dir) == IgnoreFile::Verdict::Ignored;
}

} // namespace

TEST(GitIgnore, PlainNamesMatchAtAnyDepth) {
  EXPECT_TRUE(ignored("*.log\n", "a.log"));
  EXPECT_TRUE(ignored("*.log\n", "deep/er/a.log"));
  EXPECT_FALSE(ignored("*.log\n", "a.log.txt"));
  EXPECT_TRUE(ignored("build\n", "x/build", true));
  EXPECT_TRUE(ignored("build\n", "x/build"));
}

TEST(GitIgnore, AnchoredPatterns) {
  EXPECT_TRUE(ignored("/secret.py\n", "secret.py"));
  EXPECT_FALSE(ignored("/secret.py\n", "pkg/secret.py"));
  EXPECT_TRUE(ignored("doc/frotz\n", "doc/frotz"));
  EXPECT_FALSE(ignored("doc/frotz\n", "a/doc/frotz"));
  EXPECT_FALSE(ignored("a/*.py\n", "a/b/c.py")); // * does not cross '/'
  EXPECT_TRUE(ignored("a/*.py\n", "a/c.py"));
}

TEST(GitIgnore, DirectoryOnly) {
  EXPECT_TRUE(ignored("out/\n", "out", true));
  EXPECT_FALSE(ignored("out/\n", "out", false));
  EXPECT_TRUE(ignored("out/\n", "a/out", true));
}

TEST(GitIgnore, DoubleStar) {
  EXPECT_TRUE(ignored("**/foo\n", "foo"));
  EXPECT_TRUE(ignored("**/foo\n", "a/b/foo"));
  EXPECT_TRUE(ignored("abc/**\n", "abc/x/y"));
  EXPECT_FALSE(ignored("abc/**\n", "abc", true));
  EXPECT_TRUE(ignored("a/**/b\n", "a/b"));
  EXPECT_TRUE(ignored("a/**/b\n", "a/x/y/b"));
  EXPECT_FALSE(ignored("a/**/b\n", "x/a/b"));
  EXPECT_TRUE(ignored("nested/**/gen_*.py\n", "nested/a/b/gen_x.py"));
}

TEST(GitIgnore, NegationLastMatchWins) {
  IgnoreFile F("*.log\n!keep.log\n");
  EXPECT_EQ(F.match("a.log", false), IgnoreFile::Verdict::Ignored);
  EXPECT_EQ(F.match("keep.log", false), IgnoreFile::Verdict::Included);
  IgnoreFile G("!keep.log\n*.log\n");
  EXPECT_EQ(G.match("keep.log", false), IgnoreFile::Verdict::Ignored);
}

TEST(GitIgnore, CommentsEscapesAndSpaces) {
  EXPECT_FALSE(ignored("# a.py\n", "# a.py"));
  EXPECT_TRUE(ignored("\\#a.py\n", "#a.py"));
  EXPECT_TRUE(ignored("\\!x\n", "!x"));
  EXPECT_TRUE(ignored("a.py   \n", "a.py"));
  EXPECT_TRUE(ignored("a.py\\ \n", "a.py "));
  EXPECT_TRUE(ignored("a.py\r\n", "a.py"));
  EXPECT_TRUE(ignored("[ab].py\n", "b.py"));
  EXPECT_TRUE(ignored("?.py\n", "c.py"));
  EXPECT_TRUE(ignored("*\n", ".hidden")); // * matches a leading dot in .gitignore
}

TEST(GitIgnore, NestedFilesDeeperWins) {
  fs::path Dir = fs::temp_directory_path() / ("tdp-gitignore-" + std::to_string(::getpid()));
  fs::create_directories(Dir / "sub");
  std::ofstream(Dir / ".gitignore") << "*.tmp\n";
  std::ofstream(Dir / "sub" / ".gitignore") << "!keep.tmp\nlocal.py\n";
  IgnoreStack S = IgnoreStack::forRoot(Dir);
  S.push(Dir, "");
  EXPECT_TRUE(S.ignored("a.tmp", false));
  EXPECT_TRUE(S.ignored("sub/keep.tmp", false));
  S.push(Dir / "sub", "sub");
  EXPECT_FALSE(S.ignored("sub/keep.tmp", false));
  EXPECT_TRUE(S.ignored("sub/x/local.py", false));
  EXPECT_FALSE(S.ignored("local.py", false)); // the nested file applies below its directory only
  S.pop();
  EXPECT_TRUE(S.ignored("sub/keep.tmp", false));
  fs::remove_all(Dir);
}

TEST(GitIgnore, FilesAboveTheRootApply) {
  fs::path Dir = fs::temp_directory_path() / ("tdp-gitignore-above-" + std::to_string(::getpid()));
  fs::create_directories(Dir / ".git" / "info");
  fs::create_directories(Dir / "repo" / "src");
  std::ofstream(Dir / ".gitignore") << "repo/src/gen/\n*.bak\n";
  std::ofstream(Dir / ".git" / "info" / "exclude") << "scratch.py\n";
  IgnoreStack S = IgnoreStack::forRoot(Dir / "repo" / "src");
  EXPECT_TRUE(S.ignored("gen", true));
  EXPECT_FALSE(S.ignored("gen", false));
  EXPECT_TRUE(S.ignored("x/y.bak", false));
  EXPECT_TRUE(S.ignored("a/scratch.py", false));
  EXPECT_FALSE(S.ignored("keep.py", false));
  fs::remove_all(Dir);
}

TEST(ContentHash, Sha256Vectors) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string Million(1000000, 'a');
  EXPECT_EQ(sha256Hex(Million), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256 Pieces; // the same in odd-sized pieces
  for (std::size_t I = 0; I < Million.size(); I += 997)
    Pieces.update(std::string_view(Million).substr(I, 997));
  EXPECT_EQ(Pieces.hexDigest(), sha256Hex(Million));
}

TEST(Shards, StableAndComplete) {
  EXPECT_EQ(stableHash64("a"), 0xaf63dc4c8601ec8cULL); // FNV-1a 64 of "a"
  std::size_t Counts[4] = {0, 0, 0, 0};
  for (int I = 0; I < 4000; ++I) {
    std::string P = "pkg" + std::to_string(I % 40) + "/mod" + std::to_string(I) + ".py";
    unsigned Owners = 0;
    for (unsigned K = 1; K <= 4; ++K)
      if (inShard(P, K, 4)) {
        ++Owners;
        ++Counts[K - 1];
      }
    EXPECT_EQ(Owners, 1u) << P;
  }
  for (std::size_t C : Counts)
    EXPECT_GT(C, 800u);
  EXPECT_TRUE(inShard("anything", 1, 1));
}

namespace {

/// A use left by a built-in rule, with that rule's effort (from its JSON); an unknown id has none.
LeftUse use(const char *Rule, const char *Kind = "unsupported") {
  static const std::vector<tdp::Rule> Builtin = tdp::loadBuiltinRules();
  LeftUse U;
  U.Rule = Rule;
  U.Kind = Kind;
  for (const tdp::Rule &R : Builtin)
    if (R.Id == Rule)
      U.Effort = R.Effort;
  U.Line = 1;
  U.Column = 1;
  U.Message = "m";
  return U;
}

} // namespace

TEST(Effort, Scale) {
  FilePort P;
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::None);
  P.Left = {use("UNS002")}; // NVTX: "effort": "low" in rules/python/unsupported.json
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Low);
  P.Left = {use("UNS502")}; // C++ kernels: "effort": "high" in rules/cpp/unsupported.json
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::High);
  P.Left = {use("UNS002"), use("DEV005")};
  Effort E = estimateEffort(P);
  EXPECT_EQ(E.Level, EffortLevel::Medium);
  EXPECT_EQ(E.Rule, "DEV005");
  P.Left = {use("UNS002"), use("UNS001")};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::High);
  EXPECT_EQ(estimateEffort(P).Rule, "UNS001");
  P.Left.assign(5, use("UNS002"));
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Medium); // many low uses
  P.Left.assign(10, use("MY_RULE"));
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::High); // many medium uses; unknown rules are medium
  P.Left = {use("MOV001", "not-rewritten")};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Low);
  P.Left.clear();
  P.Conflicts = {"x"};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Medium);
  P.Conflicts.clear();
  P.LowConfidence = {{"TOK001", 1, 1, "token"}};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Low);
  P.LowConfidence.clear();
  P.Problems = {{"syntax", 2, 1, "syntax error"}};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Medium);
}

TEST(Report, JsonSafeStrings) {
  EXPECT_EQ(jsonSafe("plain/path.py"), "plain/path.py");
  EXPECT_EQ(jsonSafe("caf\xc3\xa9.py"), "caf\xc3\xa9.py"); // valid UTF-8 is kept
  EXPECT_EQ(jsonSafe("caf\xe9.py"), "caf\\xE9.py");
  EXPECT_EQ(jsonSafe("\xc0\xaf"), "\\xC0\\xAF");     // an overlong form
  EXPECT_EQ(jsonSafe("\xed\xa0\x80"), "\\xED\\xA0\\x80"); // a surrogate
  EXPECT_EQ(jsonSafe("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
  EXPECT_NO_THROW(dumpJson(Json("bad\xff")));
}

TEST(Report, PercentRounding) {
  EXPECT_TRUE(percent(1, 0).is_null());
  EXPECT_DOUBLE_EQ(percent(1, 3).get<double>(), 33.3);
  EXPECT_DOUBLE_EQ(percent(2, 3).get<double>(), 66.7);
  EXPECT_DOUBLE_EQ(percent(3, 3).get<double>(), 100.0);
}

TEST(Report, MergeEqualsWhole) {
  auto Record = [](const char *Repo, const char *Path, bool Changed) {
    FilePort P;
    P.Converted = Changed ? 2 : 0;
    if (Changed)
      P.EditsByRule["MOV001"] = 2, P.EditsByCategory["move"] = 2;
    return fileRecord(Repo, Path, "python", Changed, P);
  };
  ReportHeader H;
  H.Target = "cpu";
  H.RulesFingerprint = "sha256:" + std::string(64, '0');
  std::vector<RepositoryInfo> Repos(2);
  Repos[0].Name = "a";
  Repos[0].Root = "a";
  Repos[0].Copied = 3;
  Repos[1].Name = "b";
  Repos[1].Root = "b";
  Repos[1].Copied = 1;
  Json Whole = buildReport(H, Repos, {Record("a", "x.py", true), Record("a", "y.py", false), Record("b", "z.py", true)}, {});
  H.ShardCount = 2;
  H.Shards = {1};
  std::vector<RepositoryInfo> R1 = Repos, R2 = Repos;
  R1[0].Copied = 2, R1[1].Copied = 0, R2[0].Copied = 1, R2[1].Copied = 1;
  Json S1 = buildReport(H, R1, {Record("b", "z.py", true), Record("a", "x.py", true)}, {});
  H.Shards = {2};
  Json S2 = buildReport(H, R2, {Record("a", "y.py", false)}, {});
  Json Merged = mergeReports({S2, S1}, {"s2", "s1"});
  Json Strip = Merged;
  for (Json *J : {&Strip, &Whole}) {
    J->erase("shards");
    J->erase("timing");
  }
  EXPECT_EQ(Strip, Whole) << Strip.dump(1) << "\n---\n" << Whole.dump(1);
  EXPECT_EQ(Merged.at("total").at("files").at("copied"), 4);
  EXPECT_THROW(mergeReports({S1, S1}, {"s1", "again"}), tdp::UsageError);
}

// A second language plugs in through LanguageFrontend: a fake frontend whose files depend on each
// other (like C++ translation units sharing headers) goes through the same migration, state and
// report.
#include "rules/RuleLoader.h"
#include "rules/RuleSet.h"

#include <sstream>

namespace {

class FakeWholeSetFrontend final : public LanguageFrontend {
public:
  mutable int Calls = 0;
  std::string_view language() const override { return "fake"; }
  bool claims(const fs::path &Relative) const override { return Relative.extension() == ".fake"; }
  bool portsWholeSet() const override { return true; }
  FilePort port(const std::string &Text, const fs::path &) const override {
    FilePort P;
    P.Output = Text;
    return P;
  }
  std::vector<FilePort> portAll(const std::vector<FileInput> &Files, unsigned, const std::function<bool()> &) const override {
    ++Calls;
    std::vector<FilePort> Out;
    for (const FileInput &F : Files) {
      FilePort P;
      P.Output = *F.Text;
      if (P.Output.find("DONE") == std::string::npos) {
        P.Output += "DONE with " + std::to_string(Files.size()) + " files\n";
        P.Converted = 1;
        P.EditsByRule["FAKE001"] = 1;
        P.EditsByCategory["fake"] = 1;
      }
      P.LowConfidence.push_back({"FAKE002", 1, 1, "token-level"});
      Out.push_back(std::move(P));
    }
    return Out;
  }
};

std::string slurp(const fs::path &P) {
  std::ifstream In(P);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

} // namespace

TEST(Frontends, AWholeSetLanguagePlugsIn) {
  fs::path Dir = fs::temp_directory_path() / ("tdp-frontend-" + std::to_string(::getpid()));
  fs::remove_all(Dir);
  fs::create_directories(Dir / "repo" / "src");
  std::ofstream(Dir / "repo" / "src" / "a.fake") << "a\n";
  std::ofstream(Dir / "repo" / "src" / "b.fake") << "b\n";
  std::ofstream(Dir / "repo" / "c.py") << "import torch\nx = torch.ones(1).cuda()\n";
  auto Fake = std::make_shared<FakeWholeSetFrontend>();
  tdp::RuleSet Rules(tdp::loadBuiltinRules());
  MigrateOptions O;
  O.Roots = {(Dir / "repo").string()};
  O.OutRoot = Dir / "out";
  O.TheTarget = tdp::Target::Cpu;
  O.RulesFingerprint = "sha256:" + std::string(64, '1');
  O.Frontends.push_back(Fake);
  std::ostringstream Err;
  MigrateResult R = runMigration(O, Rules, Err);
  EXPECT_EQ(Fake->Calls, 1);
  EXPECT_EQ(slurp(Dir / "out" / "src" / "a.fake"), "a\nDONE with 2 files\n");
  EXPECT_NE(slurp(Dir / "out" / "c.py").find("torchdevice"), std::string::npos);
  ASSERT_EQ(R.Report.at("files").size(), 3u);
  EXPECT_EQ(R.Report.at("total").at("by_language").at("fake").at("changed"), 2);
  EXPECT_EQ(R.Report.at("total").at("low_confidence"), 2);
  EXPECT_EQ(R.Report.at("total").at("effort").at("low"), 2); // low-confidence edits to review

  // Nothing changed: everything is reused, the frontend is not called.
  R = runMigration(O, Rules, Err);
  EXPECT_EQ(Fake->Calls, 1);
  EXPECT_EQ(R.Report.at("timing").at("files_reused"), 3);

  // One file of the set changed: the whole set is ported again, together.
  std::ofstream(Dir / "repo" / "src" / "b.fake") << "bb\n";
  R = runMigration(O, Rules, Err);
  EXPECT_EQ(Fake->Calls, 2);
  EXPECT_EQ(R.Report.at("timing").at("files_ported"), 2);
  EXPECT_EQ(R.Report.at("timing").at("files_reused"), 1);
  EXPECT_EQ(slurp(Dir / "out" / "src" / "b.fake"), "bb\nDONE with 2 files\n");
  fs::remove_all(Dir);
}
