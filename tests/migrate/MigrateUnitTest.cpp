// Unit tests of migrate's building blocks: .gitignore semantics, hashes, shards, the effort scale,
// report summaries and merging.
#include "core/Error.h"
#include "migrate/ContentHash.h"
#include "migrate/Effort.h"
#include "migrate/GitIgnore.h"
#include "migrate/MigrateRun.h"
#include "migrate/MigrationReport.h"

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

LeftUse use(const char *Rule, const char *Kind = "unsupported") {
  LeftUse U;
  U.Rule = Rule;
  U.Kind = Kind;
  U.Line = 1;
  U.Column = 1;
  U.Message = "m";
  return U;
}

} // namespace

TEST(Effort, Scale) {
  FilePort P;
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::None);
  P.Left = {use("UNS002")};
  EXPECT_EQ(estimateEffort(P).Level, EffortLevel::Low);
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
