#include "core/Error.h"
#include "driver/FileDiscovery.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace tdp {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::writeFile;

/// Paths relative to Root of a list of files, generic form, sorted.
std::vector<std::string> relative(const std::vector<SourceFile> &Files, const fs::path &Root) {
  std::vector<std::string> Out;
  for (const SourceFile &F : Files)
    Out.push_back(F.Path.lexically_relative(Root).generic_string());
  std::sort(Out.begin(), Out.end());
  return Out;
}

bool has(const std::vector<std::string> &List, const std::string &Item) {
  return std::find(List.begin(), List.end(), Item) != List.end();
}

/// A small project tree.
void makeTree(const fs::path &Root) {
  writeFile(Root / "a.py", "import torch\n");
  writeFile(Root / "pkg/b.py", "x = 1\n");
  writeFile(Root / "pkg/sub/c.py", "x = 1\n");
  writeFile(Root / "pkg/notes.txt", "notes\n");
  writeFile(Root / "tool", "#!/usr/bin/env python3\nprint(1)\n");
  writeFile(Root / ".hidden/h.py", "x = 1\n");
  writeFile(Root / "build/gen.py", "x = 1\n");
  writeFile(Root / "dist/d.py", "x = 1\n");
  writeFile(Root / "__pycache__/m.py", "x = 1\n");
  writeFile(Root / "venv/lib/v.py", "x = 1\n");
  writeFile(Root / "my-env/pyvenv.cfg", "home = /usr\n");
  writeFile(Root / "my-env/lib/e.py", "x = 1\n");
  writeFile(Root / "x.egg-info/PKG.py", "x = 1\n");
  writeFile(Root / ".git/config", "[core]\n");
}

TEST(FileDiscoveryTest, RecursesAndSkipsHiddenBuildCacheAndVirtualenvDirectories) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  DiscoveryResult R = discoverSources({Dir.path().string()}, {});
  std::vector<std::string> Expected{"a.py", "pkg/b.py", "pkg/sub/c.py"};
  EXPECT_EQ(relative(R.Sources, Dir.path()), Expected);
  EXPECT_TRUE(R.Problems.empty());
  for (const SourceFile &F : R.Sources) {
    EXPECT_FALSE(F.Explicit);
    EXPECT_EQ(F.Root, Dir.path());
    EXPECT_EQ(F.Relative, F.Path.lexically_relative(Dir.path()));
  }
  // Sorted by path.
  EXPECT_TRUE(std::is_sorted(R.Sources.begin(), R.Sources.end(),
                             [](const SourceFile &A, const SourceFile &B) { return A.Path < B.Path; }));
}

TEST(FileDiscoveryTest, EverythingElseIsListedForMirroringExceptGit) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  DiscoveryResult R = discoverSources({Dir.path().string()}, {});
  std::vector<std::string> Others = relative(R.OtherFiles, Dir.path());
  for (const char *P : {"pkg/notes.txt", "tool", ".hidden/h.py", "build/gen.py", "__pycache__/m.py", "venv/lib/v.py",
                        "my-env/pyvenv.cfg", "my-env/lib/e.py"})
    EXPECT_TRUE(has(Others, P)) << P;
  EXPECT_FALSE(has(Others, ".git/config"));
  EXPECT_FALSE(has(Others, "a.py"));
}

TEST(FileDiscoveryTest, IsSkippedDirectory) {
  TempDir Dir("disc");
  fs::create_directories(Dir / "env2");
  writeFile(Dir / "env2/pyvenv.cfg", "");
  fs::create_directories(Dir / "src");
  EXPECT_TRUE(isSkippedDirectory(Dir / ".tox"));
  EXPECT_TRUE(isSkippedDirectory(Dir / "build"));
  EXPECT_TRUE(isSkippedDirectory(Dir / "__pycache__"));
  EXPECT_TRUE(isSkippedDirectory(Dir / "venv"));
  EXPECT_TRUE(isSkippedDirectory(Dir / "env2"));
  EXPECT_FALSE(isSkippedDirectory(Dir / "src"));
  EXPECT_FALSE(isSkippedDirectory(Dir / "builder"));
}

TEST(FileDiscoveryTest, ExcludeByFileName) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  DiscoveryOptions O;
  O.Excludes = {"b.py"};
  std::vector<std::string> Expected{"a.py", "pkg/sub/c.py"};
  EXPECT_EQ(relative(discoverSources({Dir.path().string()}, O).Sources, Dir.path()), Expected);
  O.Excludes = {"c*.py"};
  std::vector<std::string> Expected2{"a.py", "pkg/b.py"};
  EXPECT_EQ(relative(discoverSources({Dir.path().string()}, O).Sources, Dir.path()), Expected2);
}

TEST(FileDiscoveryTest, ExcludeByRelativePath) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  DiscoveryOptions O;
  O.Excludes = {"pkg/b.py"};
  std::vector<std::string> Expected{"a.py", "pkg/sub/c.py"};
  EXPECT_EQ(relative(discoverSources({Dir.path().string()}, O).Sources, Dir.path()), Expected);
  O.Excludes = {"pkg/sub/*"};
  std::vector<std::string> Expected2{"a.py", "pkg/b.py"};
  EXPECT_EQ(relative(discoverSources({Dir.path().string()}, O).Sources, Dir.path()), Expected2);
}

TEST(FileDiscoveryTest, ExcludeADirectory) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  for (std::string Glob : {"pkg", "pkg/"}) {
    DiscoveryOptions O;
    O.Excludes = {Glob};
    DiscoveryResult R = discoverSources({Dir.path().string()}, O);
    std::vector<std::string> Expected{"a.py"};
    EXPECT_EQ(relative(R.Sources, Dir.path()), Expected) << Glob;
    // Still part of a mirrored copy.
    EXPECT_TRUE(has(relative(R.OtherFiles, Dir.path()), "pkg/b.py")) << Glob;
  }
  DiscoveryOptions O;
  O.Excludes = {"sub"};
  std::vector<std::string> Expected{"a.py", "pkg/b.py"};
  EXPECT_EQ(relative(discoverSources({Dir.path().string()}, O).Sources, Dir.path()), Expected);
}

TEST(FileDiscoveryTest, SkipDirsAreNeverEntered) {
  TempDir Dir("disc");
  makeTree(Dir.path());
  DiscoveryOptions O;
  O.SkipDirs = {Dir / "pkg"};
  DiscoveryResult R = discoverSources({Dir.path().string()}, O);
  std::vector<std::string> Expected{"a.py"};
  EXPECT_EQ(relative(R.Sources, Dir.path()), Expected);
  EXPECT_FALSE(has(relative(R.OtherFiles, Dir.path()), "pkg/b.py"));
}

TEST(FileDiscoveryTest, ExplicitNonPythonFileIsReported) {
  TempDir Dir("disc");
  writeFile(Dir / "notes.txt", "hello\n");
  writeFile(Dir / "run.sh", "#!/bin/sh\necho python\n");
  DiscoveryResult R = discoverSources({(Dir / "notes.txt").string(), (Dir / "run.sh").string()}, {});
  EXPECT_TRUE(R.Sources.empty());
  ASSERT_EQ(R.Problems.size(), 2u);
  EXPECT_EQ(R.Problems[0].Path, (Dir / "notes.txt").string());
  EXPECT_NE(R.Problems[0].Message.find("not a Python file"), std::string::npos) << R.Problems[0].Message;
  EXPECT_EQ(R.Problems[1].Path, (Dir / "run.sh").string());
}

TEST(FileDiscoveryTest, ExplicitFileWithAPythonShebangIsAccepted) {
  TempDir Dir("disc");
  writeFile(Dir / "tool", "#!/usr/bin/env python3\nimport torch\n");
  writeFile(Dir / "tool2", "#!/usr/bin/python\n");
  DiscoveryResult R = discoverSources({(Dir / "tool").string(), (Dir / "tool2").string()}, {});
  ASSERT_EQ(R.Sources.size(), 2u);
  EXPECT_TRUE(R.Problems.empty());
  EXPECT_TRUE(R.Sources[0].Explicit);
  EXPECT_EQ(R.Sources[0].Path, Dir / "tool");
  EXPECT_TRUE(R.Sources[0].Relative.empty());
  EXPECT_TRUE(looksLikePython(Dir / "tool", true));
  EXPECT_FALSE(looksLikePython(Dir / "tool", false));
}

TEST(FileDiscoveryTest, ExplicitPythonFile) {
  TempDir Dir("disc");
  writeFile(Dir / "x.py", "x = 1\n");
  DiscoveryResult R = discoverSources({(Dir / "x.py").string()}, {});
  ASSERT_EQ(R.Sources.size(), 1u);
  EXPECT_TRUE(R.Sources[0].Explicit);
  EXPECT_EQ(R.Sources[0].Path, Dir / "x.py");
  EXPECT_TRUE(R.Sources[0].Relative.empty());
  EXPECT_TRUE(looksLikePython(Dir / "x.py", false));
}

TEST(FileDiscoveryTest, NonexistentPathThrowsUsageError) {
  TempDir Dir("disc");
  std::string Missing = (Dir / "nope").string();
  try {
    discoverSources({Missing}, {});
    FAIL() << "no error";
  } catch (const UsageError &E) {
    EXPECT_NE(std::string(E.what()).find(Missing), std::string::npos) << E.what();
    EXPECT_NE(std::string(E.what()).find("no such file or directory"), std::string::npos) << E.what();
  }
}

TEST(FileDiscoveryTest, SymlinkedFilesAreNotPortedButMirrored) {
  TempDir Dir("disc");
  writeFile(Dir / "real.py", "x = 1\n");
  fs::create_symlink("real.py", Dir / "link.py");
  DiscoveryResult R = discoverSources({Dir.path().string()}, {});
  std::vector<std::string> Expected{"real.py"};
  EXPECT_EQ(relative(R.Sources, Dir.path()), Expected);
  EXPECT_TRUE(has(relative(R.OtherFiles, Dir.path()), "link.py"));
  // The link is named by its own place in the tree, never by the file it points to.
  for (const SourceFile &F : R.OtherFiles)
    if (F.Path.filename() == "link.py") {
      EXPECT_EQ(F.Relative, fs::path("link.py"));
    }
}

TEST(FileDiscoveryTest, LinksToOutsideAndIntoSkippedFoldersKeepTheirOwnRelativePath) {
  TempDir Dir("disclinks"), Outside("discoutside");
  writeFile(Outside / "secret.py", "x = 1\n");
  writeFile(Dir / "src/a.py", "x = 1\n");
  fs::create_symlink(Outside / "secret.py", Dir / "src/out.py");
  fs::create_directories(Dir / "build");
  fs::create_symlink(Outside / "secret.py", Dir / "build/out.py");
  DiscoveryResult R = discoverSources({Dir.path().string()}, {});
  std::set<fs::path> Relatives;
  for (const SourceFile &F : R.OtherFiles)
    Relatives.insert(F.Relative);
  EXPECT_TRUE(Relatives.count("src/out.py"));
  EXPECT_TRUE(Relatives.count("build/out.py"));
  for (const fs::path &Rel : Relatives)
    EXPECT_FALSE(Rel.string().starts_with("..")) << Rel;
}

TEST(FileDiscoveryTest, SeveralRoots) {
  TempDir A("discA"), B("discB");
  writeFile(A / "a.py", "");
  writeFile(B / "b.py", "");
  DiscoveryResult R = discoverSources({A.path().string(), B.path().string()}, {});
  ASSERT_EQ(R.Sources.size(), 2u);
  for (const SourceFile &F : R.Sources)
    EXPECT_TRUE(F.Root == A.path() || F.Root == B.path());
}

} // namespace
} // namespace tdp
