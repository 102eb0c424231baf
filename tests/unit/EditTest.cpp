#include "core/Edit.h"

#include <gtest/gtest.h>

namespace tdp {
namespace {

TEST(EditTest, AppliesNonOverlappingEditsKeepingEverythingElse) {
  std::string Text = "a = torch.cuda.synchronize()  # cuda\r\n";
  std::vector<Edit> Edits{{4, 22, "torchdevice.synchronize", "SYN001"}};
  EXPECT_EQ(applyEdits(Text, Edits), "a = torchdevice.synchronize()  # cuda\r\n");
}

TEST(EditTest, DefersOverlappingEdits) {
  std::vector<Edit> Edits{{0, 10, "X", "A"}, {2, 3, "Y", "B"}, {12, 1, "Z", "C"}};
  EditSelection Sel = selectNonOverlapping(Edits);
  ASSERT_EQ(Sel.Accepted.size(), 2u);
  EXPECT_EQ(Sel.Accepted[0].RuleId, "A");
  EXPECT_EQ(Sel.Accepted[1].RuleId, "C");
  ASSERT_EQ(Sel.Deferred.size(), 1u);
  EXPECT_EQ(Sel.Deferred[0].RuleId, "B");
}

TEST(EditTest, MergesIdenticalEdits) {
  std::vector<Edit> Edits{{3, 6, "x", "DEV001"}, {3, 6, "x", "DEV001"}};
  EditSelection Sel = selectNonOverlapping(Edits);
  EXPECT_EQ(Sel.Accepted.size(), 1u);
  EXPECT_TRUE(Sel.Deferred.empty());
}

TEST(EditTest, AdjacentEditsDoNotOverlap) {
  Edit A{0, 3, "x", "A"}, B{3, 2, "y", "B"};
  EXPECT_FALSE(editsOverlap(A, B));
  Edit Insert{3, 0, "z", "C"};
  EXPECT_FALSE(editsOverlap(A, Insert));
  Edit Inside{1, 0, "z", "C"};
  EXPECT_TRUE(editsOverlap(A, Inside));
}

} // namespace
} // namespace tdp
