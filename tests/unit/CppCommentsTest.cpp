#include "cpp/CppComments.h"

#include <gtest/gtest.h>

#include <string>

namespace tdp::cpp {
namespace {

/// The text of every comment, in order.
std::vector<std::string> comments(std::string_view Text) {
  std::vector<std::string> Out;
  for (const auto &[Start, End] : cppCommentRanges(Text))
    Out.emplace_back(Text.substr(Start, End - Start));
  return Out;
}

using Texts = std::vector<std::string>;

TEST(CppCommentsTest, LineAndBlockComments) {
  EXPECT_EQ(comments("int a; // one\nint b; /* two */ int c; /* three\nlines */\n"),
            (Texts{"// one", "/* two */", "/* three\nlines */"}));
}

TEST(CppCommentsTest, LineCommentStopsBeforeCarriageReturn) {
  EXPECT_EQ(comments("int a; // one\r\nint b;\r\n"), (Texts{"// one"}));
}

TEST(CppCommentsTest, BackslashContinuesALineComment) {
  EXPECT_EQ(comments("// one \\\nstill\nint b; // two"), (Texts{"// one \\\nstill", "// two"}));
}

TEST(CppCommentsTest, UnterminatedBlockRunsToTheEnd) {
  EXPECT_EQ(comments("int a; /* open"), (Texts{"/* open"}));
}

TEST(CppCommentsTest, CommentMarkersInStringsAreText) {
  EXPECT_EQ(comments(R"(auto s = "// not a comment"; auto t = "/* nor */ \" // this"; // yes)"), (Texts{"// yes"}));
}

TEST(CppCommentsTest, EncodingPrefixesAreStrings) {
  EXPECT_EQ(comments(R"(auto s = u8"//x"; auto w = L"/*y*/"; auto c = u'/'; // z)"), (Texts{"// z"}));
}

TEST(CppCommentsTest, CharacterLiterals) {
  EXPECT_EQ(comments("char a = '\"'; char b = '\\''; // c\nchar d = '/'; /* e */"), (Texts{"// c", "/* e */"}));
}

TEST(CppCommentsTest, RawStringsWithAndWithoutDelimiter) {
  std::string Text = "auto a = R\"(// \" not)\"; auto b = R\"x(/* )\" */ )x\"; auto c = u8R\"(//)\"; // real";
  EXPECT_EQ(comments(Text), (Texts{"// real"}));
}

TEST(CppCommentsTest, AnIdentifierEndingInRIsNotARawPrefix) {
  // `FOOR"..."` is not a raw string: the escape \" does not end the literal.
  EXPECT_EQ(comments("auto a = FOOR\"(\\\" // in)\"; // out"), (Texts{"// out"}));
}

TEST(CppCommentsTest, DigitSeparatorsAreNotCharacterLiterals) {
  EXPECT_EQ(comments("int a = 1'000'000; // big\nint b = 0xFF'FF; // hex"), (Texts{"// big", "// hex"}));
}

TEST(CppCommentsTest, AnUnterminatedStringEndsAtTheLine) {
  EXPECT_EQ(comments("auto a = \"open\n// comment"), (Texts{"// comment"}));
}

} // namespace
} // namespace tdp::cpp
