#include "driver/GitGuard.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace tdp {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::writeFile;

/// Runs a git command in Dir; fails the test when it does not succeed.
void git(const fs::path &Dir, const std::string &Args) {
  std::string Cmd = "git -C '" + Dir.string() + "' " + Args + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(Cmd.c_str()), 0) << Cmd;
}

/// A repository with committed files.
class GitGuardTest : public ::testing::Test {
protected:
  void SetUp() override {
    git(Repo.path(), "init -q");
    git(Repo.path(), "config user.email tests@example.com");
    git(Repo.path(), "config user.name Tests");
    git(Repo.path(), "config commit.gpgsign false");
    writeFile(Repo / "clean.py", "x = 1\n");
    writeFile(Repo / "dirty.py", "x = 1\n");
    writeFile(Repo / "staged.py", "x = 1\n");
    writeFile(Repo / "sub dir/nested.py", "x = 1\n");
    writeFile(Repo / ".gitignore", "ignored_*.py\n");
    git(Repo.path(), "add -A");
    git(Repo.path(), "commit -q -m init");
    writeFile(Repo / "dirty.py", "x = 2\n");
    writeFile(Repo / "staged.py", "x = 2\n");
    git(Repo.path(), "add staged.py");
    writeFile(Repo / "new.py", "x = 1\n");
    writeFile(Repo / "ignored_gen.py", "x = 1\n");
  }

  std::string reasonFor(const fs::path &P) {
    std::vector<UnprotectedFile> U = findUnprotectedFiles({P});
    if (U.empty())
      return "<protected>";
    EXPECT_EQ(U.size(), 1u);
    EXPECT_EQ(U[0].Path, P);
    return U[0].Reason;
  }

  TempDir Repo{"git"};
};

TEST_F(GitGuardTest, CleanTrackedFileIsProtected) {
  EXPECT_EQ(reasonFor(Repo / "clean.py"), "<protected>");
  EXPECT_EQ(reasonFor(Repo / "sub dir/nested.py"), "<protected>");
}

TEST_F(GitGuardTest, ModifiedFileHasUncommittedChanges) {
  EXPECT_EQ(reasonFor(Repo / "dirty.py"), "has uncommitted changes");
  writeFile(Repo / "sub dir/nested.py", "x = 3\n");
  EXPECT_EQ(reasonFor(Repo / "sub dir/nested.py"), "has uncommitted changes");
}

TEST_F(GitGuardTest, StagedChangesAreUncommitted) {
  EXPECT_EQ(reasonFor(Repo / "staged.py"), "has uncommitted (staged) changes");
  // With GuardLevel::Staged the index is enough to restore the file.
  EXPECT_TRUE(findUnprotectedFiles({Repo / "staged.py"}, GuardLevel::Staged).empty());
  std::vector<UnprotectedFile> U = findUnprotectedFiles({Repo / "dirty.py", Repo / "new.py"}, GuardLevel::Staged);
  ASSERT_EQ(U.size(), 2u);
  EXPECT_EQ(U[0].Reason, "has uncommitted changes");
  EXPECT_EQ(U[1].Reason, "is untracked");
}

TEST_F(GitGuardTest, UntrackedFileIsUntracked) { EXPECT_EQ(reasonFor(Repo / "new.py"), "is untracked"); }

// A git-ignored file is not tracked either: a rewrite of it could not be undone with git.
TEST_F(GitGuardTest, IgnoredFileIsUntracked) { EXPECT_EQ(reasonFor(Repo / "ignored_gen.py"), "is untracked"); }

TEST_F(GitGuardTest, RelativePathsWork) {
  fs::path Old = fs::current_path();
  fs::current_path(Repo.path());
  std::vector<UnprotectedFile> U = findUnprotectedFiles({"dirty.py", "clean.py", "./new.py"});
  fs::current_path(Old);
  ASSERT_EQ(U.size(), 2u);
  EXPECT_EQ(U[0].Path, fs::path("dirty.py"));
  EXPECT_EQ(U[0].Reason, "has uncommitted changes");
  EXPECT_EQ(U[1].Path, fs::path("./new.py"));
  EXPECT_EQ(U[1].Reason, "is untracked");
}

TEST_F(GitGuardTest, SeveralFilesAtOnce) {
  std::vector<UnprotectedFile> U =
      findUnprotectedFiles({Repo / "clean.py", Repo / "dirty.py", Repo / "new.py", Repo / "sub dir/nested.py"});
  ASSERT_EQ(U.size(), 2u);
  EXPECT_EQ(U[0].Path, Repo / "dirty.py");
  EXPECT_EQ(U[1].Path, Repo / "new.py");
}

TEST(GitGuardOutsideGitTest, FileOutsideGitIsNotInARepository) {
  TempDir Dir("nogit");
  writeFile(Dir / "x.py", "x = 1\n");
  std::vector<UnprotectedFile> U = findUnprotectedFiles({Dir / "x.py"});
  ASSERT_EQ(U.size(), 1u);
  EXPECT_EQ(U[0].Path, Dir / "x.py");
  EXPECT_EQ(U[0].Reason, "is not in a git repository");
}

TEST(GitGuardOutsideGitTest, NoFilesNoFindings) { EXPECT_TRUE(findUnprotectedFiles({}).empty()); }

} // namespace
} // namespace tdp
