#include "core/Suppressions.h"
#include "cpp/CppComments.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

SuppressionSet scanCpp(std::string_view Text) {
  auto Comments = cpp::cppCommentRanges(Text);
  return SuppressionSet::scan(Text, [&](std::size_t Offset) {
    for (const auto &[Start, End] : Comments)
      if (Offset >= Start && Offset < End)
        return true;
    return false;
  });
}

TEST(SuppressionsTest, CppLineCommentForms) {
  SuppressionSet S = scanCpp("a(); // torchdevice: ignore\n"
                             "b(); // torchdevice: ignore[DEV501, MOV]\n"
                             "c(); /* torchdevice: ignore[STR] */ d();\n");
  ASSERT_EQ(S.all().size(), 3u);
  EXPECT_TRUE(S.all()[0].Ids.empty());
  EXPECT_EQ(S.all()[0].Line, 1u);
  EXPECT_EQ(S.all()[0].Column, 6u);
  EXPECT_EQ(S.all()[1].Ids, (std::vector<std::string>{"DEV501", "MOV"}));
  EXPECT_EQ(S.all()[2].Ids, (std::vector<std::string>{"STR"}));
  EXPECT_EQ(S.all()[2].Column, 6u);
  EXPECT_TRUE(S.suppresses("MOV501", 2));
  EXPECT_FALSE(S.suppresses("DEV502", 2));
  EXPECT_TRUE(S.suppresses("STR508", 3));
  EXPECT_FALSE(S.suppresses("STR508", 2));
}

TEST(SuppressionsTest, CppFileLevelForm) {
  SuppressionSet S = scanCpp("/* torchdevice: ignore-file[DEV] */\nint a;\n");
  ASSERT_EQ(S.all().size(), 1u);
  EXPECT_TRUE(S.all()[0].WholeFile);
  EXPECT_TRUE(S.suppresses("DEV501", 2));
  EXPECT_FALSE(S.suppresses("MOV501", 2));
}

TEST(SuppressionsTest, CppDirectivesInStringsDoNotCount) {
  SuppressionSet S = scanCpp("auto s = \"// torchdevice: ignore\";\n"
                             "auto r = R\"(/* torchdevice: ignore */)\";\n"
                             "#define X 1 # torchdevice: ignore\n");
  EXPECT_TRUE(S.all().empty());
}

TEST(SuppressionsTest, ProseIsNotADirective) {
  SuppressionSet S = scanCpp("// torchdevice: ignored for now\n// torchdevice: ignore[]\n");
  EXPECT_TRUE(S.all().empty());
}

TEST(SuppressionsTest, PythonHashComments) {
  SuppressionSet S = SuppressionSet::scan("x = 1  # torchdevice: ignore[DEV001]\n");
  ASSERT_EQ(S.all().size(), 1u);
  EXPECT_EQ(S.all()[0].Column, 8u);
  EXPECT_TRUE(S.suppresses("DEV001", 1));
}

} // namespace
} // namespace tdp
