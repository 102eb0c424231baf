#include "driver/FileIO.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace tdp {
namespace {

namespace fs = std::filesystem;
using test::readFile;
using test::TempDir;
using test::writeFile;

fs::perms permsOf(const fs::path &P) { return fs::status(P).permissions() & fs::perms::mask; }

std::size_t entriesIn(const fs::path &Dir) {
  std::size_t N = 0;
  for ([[maybe_unused]] const auto &E : fs::directory_iterator(Dir))
    ++N;
  return N;
}

TEST(FileIOTest, ReadWholeFile) {
  TempDir Dir("io");
  std::string Content("a\0b\r\n\xC3\xA9", 7);
  writeFile(Dir / "f", Content);
  std::string Error;
  std::optional<std::string> Got = readWholeFile(Dir / "f", Error);
  ASSERT_TRUE(Got.has_value()) << Error;
  EXPECT_EQ(*Got, Content);
  EXPECT_FALSE(readWholeFile(Dir / "missing", Error).has_value());
  EXPECT_FALSE(Error.empty());
}

TEST(FileIOTest, AtomicWriteReplacesContentAndPreservesMode) {
  TempDir Dir("io");
  fs::path F = Dir / "run.py";
  writeFile(F, "old\n");
  fs::permissions(F, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                         fs::perms::others_exec);
  writeFileAtomically(F, "new content\n");
  EXPECT_EQ(readFile(F), "new content\n");
  EXPECT_EQ(permsOf(F), fs::perms(0755));
  // No temporary file is left behind.
  EXPECT_EQ(entriesIn(Dir.path()), 1u);
}

TEST(FileIOTest, AtomicWritePreservesAnUnusualMode) {
  TempDir Dir("io");
  fs::path F = Dir / "secret.py";
  writeFile(F, "x\n");
  fs::permissions(F, fs::perms(0600));
  writeFileAtomically(F, "y\n");
  EXPECT_EQ(permsOf(F), fs::perms(0600));
}

TEST(FileIOTest, AtomicWriteCreatesParentDirectoriesAndUsesModeFrom) {
  TempDir Dir("io");
  fs::path Source = Dir / "src.py";
  writeFile(Source, "x\n");
  fs::permissions(Source, fs::perms(0750));
  fs::path Dest = Dir / "out/deep/er/dst.py";
  writeFileAtomically(Dest, "ported\n", Source);
  EXPECT_EQ(readFile(Dest), "ported\n");
  EXPECT_EQ(permsOf(Dest), fs::perms(0750));
  EXPECT_EQ(entriesIn(Dir / "out/deep/er"), 1u);
}

TEST(FileIOTest, AtomicWriteOfANewFileGetsDefaultMode) {
  TempDir Dir("io");
  fs::path F = Dir / "new/file.py";
  writeFileAtomically(F, "");
  EXPECT_TRUE(fs::is_regular_file(F));
  EXPECT_EQ(readFile(F), "");
  EXPECT_EQ(permsOf(F), fs::perms(0644));
}

TEST(FileIOTest, AtomicWriteFailureIsAReadableError) {
  TempDir Dir("io");
  writeFile(Dir / "file", "x");
  // A parent that is a regular file cannot become a directory.
  try {
    writeFileAtomically(Dir / "file/child.py", "y");
    FAIL() << "no error";
  } catch (const std::runtime_error &E) {
    EXPECT_NE(std::string(E.what()).find("file"), std::string::npos) << E.what();
  }
}

TEST(FileIOTest, MirrorFileCopiesContentAndMode) {
  TempDir Dir("io");
  fs::path Source = Dir / "in/tool.sh";
  writeFile(Source, "#!/bin/sh\necho hi\n");
  fs::permissions(Source, fs::perms(0755));
  fs::path Dest = Dir / "out/sub/tool.sh";
  mirrorFile(Source, Dest);
  EXPECT_EQ(readFile(Dest), "#!/bin/sh\necho hi\n");
  EXPECT_EQ(permsOf(Dest), fs::perms(0755));
  // A changed source replaces a stale copy.
  writeFile(Source, "changed\n");
  mirrorFile(Source, Dest);
  EXPECT_EQ(readFile(Dest), "changed\n");
}

TEST(FileIOTest, MirrorFileRecreatesSymlinks) {
  TempDir Dir("io");
  writeFile(Dir / "in/real.py", "x = 1\n");
  fs::create_symlink("real.py", Dir / "in/link.py");
  fs::create_symlink("../elsewhere/missing", Dir / "in/dangling");
  mirrorFile(Dir / "in/link.py", Dir / "out/link.py");
  mirrorFile(Dir / "in/dangling", Dir / "out/dangling");
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(Dir / "out/link.py")));
  EXPECT_EQ(fs::read_symlink(Dir / "out/link.py"), fs::path("real.py"));
  ASSERT_TRUE(fs::is_symlink(fs::symlink_status(Dir / "out/dangling")));
  EXPECT_EQ(fs::read_symlink(Dir / "out/dangling"), fs::path("../elsewhere/missing"));
  // Mirroring again is a no-op; a link with another target is replaced.
  mirrorFile(Dir / "in/link.py", Dir / "out/link.py");
  EXPECT_EQ(fs::read_symlink(Dir / "out/link.py"), fs::path("real.py"));
  fs::remove(Dir / "in/link.py");
  fs::create_symlink("other.py", Dir / "in/link.py");
  mirrorFile(Dir / "in/link.py", Dir / "out/link.py");
  EXPECT_EQ(fs::read_symlink(Dir / "out/link.py"), fs::path("other.py"));
}

TEST(FileIOTest, MirrorFileLeavesIdenticalFilesUntouched) {
  TempDir Dir("io");
  writeFile(Dir / "in/data.txt", "same\n");
  writeFile(Dir / "out/data.txt", "same\n");
  auto Old = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(Dir / "out/data.txt", Old);
  struct stat Before;
  ASSERT_EQ(::stat((Dir / "out/data.txt").c_str(), &Before), 0);
  mirrorFile(Dir / "in/data.txt", Dir / "out/data.txt");
  EXPECT_EQ(fs::last_write_time(Dir / "out/data.txt"), Old);
  struct stat After;
  ASSERT_EQ(::stat((Dir / "out/data.txt").c_str(), &After), 0);
  EXPECT_EQ(Before.st_ino, After.st_ino); // not replaced by a new file either
}

} // namespace
} // namespace tdp
