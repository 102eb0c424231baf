#include "core/SourceText.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

using namespace std::string_literals;

TEST(SourceTextTest, ValidUtf8IsAccepted) {
  EXPECT_EQ(checkSourceEncoding(""), std::nullopt);
  EXPECT_EQ(checkSourceEncoding("import torch\nx = 1\n"), std::nullopt);
  // 2-, 3- and 4-byte sequences: é, €, U+10FFFF, 😀
  EXPECT_EQ(checkSourceEncoding("# caf\xC3\xA9 \xE2\x82\xAC \xF4\x8F\xBF\xBF \xF0\x9F\x98\x80\n"), std::nullopt);
  // The smallest code point of each length.
  EXPECT_EQ(checkSourceEncoding("\xC2\x80\xE0\xA0\x80\xF0\x90\x80\x80"), std::nullopt);
  // Just below and just above the surrogate range.
  EXPECT_EQ(checkSourceEncoding("\xED\x9F\xBF\xEE\x80\x80"), std::nullopt);
}

TEST(SourceTextTest, LeadingBomIsAccepted) {
  EXPECT_TRUE(hasUtf8Bom("\xEF\xBB\xBFx = 1\n"));
  EXPECT_FALSE(hasUtf8Bom("x = 1\n"));
  EXPECT_FALSE(hasUtf8Bom("\xEF\xBB"));
  EXPECT_EQ(checkSourceEncoding("\xEF\xBB\xBFimport torch\n"), std::nullopt);
  EXPECT_EQ(checkSourceEncoding("\xEF\xBB\xBF"), std::nullopt);
}

TEST(SourceTextTest, NulByteIsRejected) {
  std::optional<std::string> Problem = checkSourceEncoding("x = 1\n\0y"s);
  ASSERT_TRUE(Problem.has_value());
  EXPECT_NE(Problem->find("NUL"), std::string::npos) << *Problem;
  EXPECT_NE(Problem->find("offset 6"), std::string::npos) << *Problem;
  EXPECT_TRUE(checkSourceEncoding("\0"s).has_value());
  // A NUL right after a BOM is still found.
  EXPECT_TRUE(checkSourceEncoding("\xEF\xBB\xBF\0"s).has_value());
}

TEST(SourceTextTest, InvalidBytesAreRejected) {
  for (std::string Bad : {"\x80"s, "a\xBF"s, "\xFF"s, "\xFE"s, "\xF8\x88\x80\x80\x80"s, "# \xE9t\xE9\n"s}) {
    std::optional<std::string> Problem = checkSourceEncoding(Bad);
    ASSERT_TRUE(Problem.has_value()) << "accepted: " << ::testing::PrintToString(Bad);
    EXPECT_NE(Problem->find("not valid UTF-8"), std::string::npos) << *Problem;
  }
  std::optional<std::string> Problem = checkSourceEncoding("ab\xFF");
  ASSERT_TRUE(Problem.has_value());
  EXPECT_NE(Problem->find("offset 2"), std::string::npos) << *Problem;
}

TEST(SourceTextTest, BadContinuationBytesAreRejected) {
  EXPECT_TRUE(checkSourceEncoding("\xE2\x28\xA1").has_value());
  EXPECT_TRUE(checkSourceEncoding("\xC3(").has_value());
  EXPECT_TRUE(checkSourceEncoding("\xF0\x9F\x98(").has_value());
}

TEST(SourceTextTest, OverlongEncodingsAreRejected) {
  EXPECT_TRUE(checkSourceEncoding("\xC0\x80").has_value());         // NUL, 2 bytes
  EXPECT_TRUE(checkSourceEncoding("\xC1\xBF").has_value());         // U+007F, 2 bytes
  EXPECT_TRUE(checkSourceEncoding("\xE0\x80\xAF").has_value());     // '/', 3 bytes
  EXPECT_TRUE(checkSourceEncoding("\xE0\x9F\xBF").has_value());     // U+07FF, 3 bytes
  EXPECT_TRUE(checkSourceEncoding("\xF0\x80\x80\xAF").has_value()); // '/', 4 bytes
  EXPECT_TRUE(checkSourceEncoding("\xF0\x8F\xBF\xBF").has_value()); // U+FFFF, 4 bytes
}

TEST(SourceTextTest, SurrogatesAndCodePointsAboveTheRangeAreRejected) {
  EXPECT_TRUE(checkSourceEncoding("\xED\xA0\x80").has_value()); // U+D800
  EXPECT_TRUE(checkSourceEncoding("\xED\xBF\xBF").has_value()); // U+DFFF
  EXPECT_TRUE(checkSourceEncoding("\xF4\x90\x80\x80").has_value()); // U+110000
  EXPECT_TRUE(checkSourceEncoding("\xF5\x80\x80\x80").has_value());
}

TEST(SourceTextTest, TruncatedSequencesAreRejected) {
  for (std::string Bad : {"\xC3"s, "x\xE2\x82"s, "\xF0\x9F\x98"s, "\xE2"s}) {
    std::optional<std::string> Problem = checkSourceEncoding(Bad);
    ASSERT_TRUE(Problem.has_value()) << "accepted: " << ::testing::PrintToString(Bad);
  }
  std::optional<std::string> Problem = checkSourceEncoding("x\xE2\x82");
  ASSERT_TRUE(Problem.has_value());
  EXPECT_NE(Problem->find("truncated"), std::string::npos) << *Problem;
}

TEST(SourceTextTest, DetectNewline) {
  EXPECT_EQ(detectNewline("a\r\nb\r\n"), "\r\n");
  EXPECT_EQ(detectNewline("\r\n"), "\r\n");
  EXPECT_EQ(detectNewline("a\nb\r\n"), "\n");
  EXPECT_EQ(detectNewline("a\r\nb\n"), "\r\n");
  EXPECT_EQ(detectNewline("no newline"), "\n");
  EXPECT_EQ(detectNewline(""), "\n");
  EXPECT_EQ(detectNewline("\n"), "\n");
  EXPECT_EQ(detectNewline("a\rb\n"), "\n");
}

TEST(SourceTextTest, LineIndexLocatesOffsets) {
  std::string Text = "ab\ncde\n\nf";
  LineIndex Index(Text);
  EXPECT_EQ(Index.lineCount(), 4u);
  auto At = [&](std::size_t Offset) {
    LineColumn LC = Index.locate(Offset);
    return std::to_string(LC.Line) + ":" + std::to_string(LC.Column);
  };
  EXPECT_EQ(At(0), "1:1");
  EXPECT_EQ(At(1), "1:2");
  EXPECT_EQ(At(2), "1:3"); // the newline itself belongs to its line
  EXPECT_EQ(At(3), "2:1");
  EXPECT_EQ(At(5), "2:3");
  EXPECT_EQ(At(7), "3:1");
  EXPECT_EQ(At(8), "4:1");
  EXPECT_EQ(At(9), "4:2"); // one past the end
}

TEST(SourceTextTest, LineIndexCountsColumnsInCharacters) {
  std::string Text = "\xC3\xA9x\r\n\xF0\x9F\x98\x80\xE2\x82\xACy";
  LineIndex Index(Text);
  EXPECT_EQ(Index.locate(2).Line, 1u);
  EXPECT_EQ(Index.locate(2).Column, 2u); // 'x' after the two-byte 'é'
  EXPECT_EQ(Index.locate(5).Line, 2u);
  EXPECT_EQ(Index.locate(5).Column, 1u);
  EXPECT_EQ(Index.locate(12).Column, 3u); // 'y' after a 4-byte and a 3-byte character
  EXPECT_EQ(Index.lineStart(2), 5u);
}

TEST(SourceTextTest, LineIndexDoesNotCountTheBom) {
  std::string Text = "\xEF\xBB\xBF" "ab\ncd";
  LineIndex Index(Text);
  EXPECT_EQ(Index.locate(3).Column, 1u);
  EXPECT_EQ(Index.locate(4).Column, 2u);
  EXPECT_EQ(Index.locate(7).Line, 2u);
  EXPECT_EQ(Index.locate(7).Column, 2u);
}

TEST(SourceTextTest, LineIndexOfEmptyText) {
  LineIndex Index("");
  EXPECT_EQ(Index.lineCount(), 1u);
  EXPECT_EQ(Index.locate(0).Line, 1u);
  EXPECT_EQ(Index.locate(0).Column, 1u);
}

} // namespace
} // namespace tdp
