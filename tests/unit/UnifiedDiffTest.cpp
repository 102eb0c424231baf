#include "driver/UnifiedDiff.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

std::string numbered(int From, int To, int Changed1 = -1, int Changed2 = -1) {
  std::string S;
  for (int I = From; I <= To; ++I)
    S += (I == Changed1 || I == Changed2 ? "L" : "l") + std::to_string(I) + "\n";
  return S;
}

TEST(UnifiedDiffTest, EqualTextsGiveAnEmptyString) {
  EXPECT_EQ(unifiedDiff("", "", "a", "b"), "");
  EXPECT_EQ(unifiedDiff("x\ny\n", "x\ny\n", "a", "b"), "");
  EXPECT_EQ(unifiedDiff("no newline", "no newline", "a", "b"), "");
}

TEST(UnifiedDiffTest, SingleLineChangeInTheMiddle) {
  std::string Old = "a\nb\nc\nd\ne\nf\ng\nh\n";
  std::string New = "a\nb\nc\nd\nE\nf\ng\nh\n";
  EXPECT_EQ(unifiedDiff(Old, New, "a/x.py", "b/x.py"),
            "--- a/x.py\n+++ b/x.py\n"
            "@@ -2,7 +2,7 @@\n"
            " b\n c\n d\n-e\n+E\n f\n g\n h\n");
}

// `diff -u` and `git diff` write a one-line range as "-1 +1", not "-1,1 +1,1".
TEST(UnifiedDiffTest, SingleLineFileHunkHeader) {
  EXPECT_EQ(unifiedDiff("a\n", "b\n", "old", "new"), "--- old\n+++ new\n@@ -1 +1 @@\n-a\n+b\n");
}

TEST(UnifiedDiffTest, ContextIsClippedAtTheStartAndEnd) {
  EXPECT_EQ(unifiedDiff("a\nb\nc\n", "A\nb\nc\n", "o", "n"), "--- o\n+++ n\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n");
  EXPECT_EQ(unifiedDiff("a\nb\nc\n", "a\nb\nC\n", "o", "n"), "--- o\n+++ n\n@@ -1,3 +1,3 @@\n a\n b\n-c\n+C\n");
}

TEST(UnifiedDiffTest, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(unifiedDiff("a\nb", "a\nc", "o", "n"),
            "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  EXPECT_EQ(unifiedDiff("a\nb", "a\nb\n", "o", "n"),
            "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb", "o", "n"),
            "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
}

TEST(UnifiedDiffTest, ChangesSeparatedByMoreThanSixEqualLinesMakeTwoHunks) {
  // Lines 2 and 10 change: 7 equal lines (3..9) between them.
  std::string Old = numbered(1, 14), New = numbered(1, 14, 2, 10);
  EXPECT_EQ(unifiedDiff(Old, New, "o", "n"), "--- o\n+++ n\n"
                                              "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n"
                                              "@@ -7,7 +7,7 @@\n l7\n l8\n l9\n-l10\n+L10\n l11\n l12\n l13\n");
}

TEST(UnifiedDiffTest, ChangesSeparatedBySixEqualLinesShareAHunk) {
  // Lines 2 and 9 change: 6 equal lines (3..8) between them.
  std::string Old = numbered(1, 14), New = numbered(1, 14, 2, 9);
  EXPECT_EQ(unifiedDiff(Old, New, "o", "n"), "--- o\n+++ n\n"
                                              "@@ -1,12 +1,12 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n l6\n l7\n l8\n"
                                              "-l9\n+L9\n l10\n l11\n l12\n");
}

TEST(UnifiedDiffTest, InsertionAtTheStart) {
  EXPECT_EQ(unifiedDiff("a\nb\n", "x\na\nb\n", "o", "n"), "--- o\n+++ n\n@@ -1,2 +1,3 @@\n+x\n a\n b\n");
}

TEST(UnifiedDiffTest, InsertionIntoAnEmptyFile) {
  EXPECT_EQ(unifiedDiff("", "x\ny\n", "o", "n"), "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+x\n+y\n");
}

TEST(UnifiedDiffTest, DeletionOfEverything) {
  EXPECT_EQ(unifiedDiff("x\ny\n", "", "o", "n"), "--- o\n+++ n\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}

TEST(UnifiedDiffTest, InsertedLineAfterAnImport) {
  std::string Old = "import torch\n\nx = 1\ntorch.cuda.synchronize()\n";
  std::string New = "import torch\nimport torchdevice\n\nx = 1\ntorchdevice.synchronize()\n";
  EXPECT_EQ(unifiedDiff(Old, New, "a/t.py", "b/t.py"),
            "--- a/t.py\n+++ b/t.py\n@@ -1,4 +1,5 @@\n import torch\n+import torchdevice\n \n x = 1\n"
            "-torch.cuda.synchronize()\n+torchdevice.synchronize()\n");
}

TEST(UnifiedDiffTest, CrlfLinesKeepTheirEndings) {
  EXPECT_EQ(unifiedDiff("a\r\nb\r\n", "a\r\nc\r\n", "o", "n"), "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

TEST(UnifiedDiffTest, CustomContext) {
  std::string Old = numbered(1, 9), New = numbered(1, 9, 5);
  EXPECT_EQ(unifiedDiff(Old, New, "o", "n", 1), "--- o\n+++ n\n@@ -4,3 +4,3 @@\n l4\n-l5\n+L5\n l6\n");
}

TEST(UnifiedDiffTest, RepeatedLinesDiffMinimally) {
  std::string Diff = unifiedDiff("x\nx\nx\n", "x\nx\n", "o", "n");
  std::size_t Minus = 0, Plus = 0, Start = 0;
  while (Start < Diff.size()) {
    std::size_t End = Diff.find('\n', Start);
    std::string Line = Diff.substr(Start, End - Start);
    if (Line.starts_with("-") && !Line.starts_with("---"))
      ++Minus;
    if (Line.starts_with("+") && !Line.starts_with("+++"))
      ++Plus;
    Start = End + 1;
  }
  EXPECT_EQ(Minus, 1u) << Diff;
  EXPECT_EQ(Plus, 0u) << Diff;
}

} // namespace
} // namespace tdp
