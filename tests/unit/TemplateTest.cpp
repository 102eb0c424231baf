#include "rules/Template.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

namespace tdp {
namespace {

std::string expandWith(const Template &T, const std::map<std::string, std::string> &Vars) {
  return T.expand([&](std::string_view Name) {
    auto It = Vars.find(std::string(Name));
    return It == Vars.end() ? std::string() : It->second;
  });
}

std::string parseError(const std::string &Source) {
  try {
    Template::parse(Source);
  } catch (const std::invalid_argument &E) {
    return E.what();
  }
  return "<no error>";
}

TEST(TemplateTest, ExpandsNamedAndDigitVariables) {
  Template T = Template::parse("torchdevice.set($device, $0)");
  EXPECT_EQ(expandWith(T, {{"device", "cuda_dev"}, {"0", "x"}}), "torchdevice.set(cuda_dev, x)");
  EXPECT_EQ(T.source(), "torchdevice.set($device, $0)");
}

TEST(TemplateTest, VariableNamesEndAtTheFirstNonNameCharacter) {
  Template T = Template::parse("$RECV.to($dev_1)$12");
  EXPECT_EQ(expandWith(T, {{"RECV", "x"}, {"dev_1", "d"}, {"1", "one"}}), "x.to(d)one2");
  std::vector<std::string> Expected{"RECV", "dev_1", "1"};
  EXPECT_EQ(T.variables(), Expected);
}

TEST(TemplateTest, VariablesAreListedOnceInOrderOfFirstUse) {
  Template T = Template::parse("$b($a, $b$[, x=$c]$[, $a])");
  std::vector<std::string> Expected{"b", "a", "c"};
  EXPECT_EQ(T.variables(), Expected);
}

TEST(TemplateTest, MissingVariableOutsideAGroupExpandsToNothing) {
  Template T = Template::parse("torchdevice.device($device)");
  EXPECT_EQ(expandWith(T, {}), "torchdevice.device()");
}

TEST(TemplateTest, OptionalGroupIsEmittedOnlyWhenItsVariableIsNonEmpty) {
  Template T = Template::parse(".to(torchdevice.device($device)$[, non_blocking=$non_blocking])");
  EXPECT_EQ(expandWith(T, {{"device", "0"}, {"non_blocking", "True"}}),
            ".to(torchdevice.device(0), non_blocking=True)");
  EXPECT_EQ(expandWith(T, {{"device", "0"}}), ".to(torchdevice.device(0))");
  EXPECT_EQ(expandWith(T, {{"device", "0"}, {"non_blocking", ""}}), ".to(torchdevice.device(0))");
}

TEST(TemplateTest, OptionalGroupNeedsEveryVariableInside) {
  Template T = Template::parse("f($[$a, $b]$[; $a])");
  EXPECT_EQ(expandWith(T, {{"a", "1"}, {"b", "2"}}), "f(1, 2; 1)");
  EXPECT_EQ(expandWith(T, {{"a", "1"}}), "f(; 1)");
  EXPECT_EQ(expandWith(T, {{"b", "2"}}), "f()");
  EXPECT_EQ(expandWith(T, {}), "f()");
}

TEST(TemplateTest, GroupWithoutVariablesIsAlwaysEmitted) {
  Template T = Template::parse("x$[.y]");
  EXPECT_EQ(expandWith(T, {}), "x.y");
}

TEST(TemplateTest, EmptyGroupVariableDoesNotSuppressTheRestOfTheTemplate) {
  Template T = Template::parse("a$[$x]b$y");
  EXPECT_EQ(expandWith(T, {{"y", "Y"}}), "abY");
}

TEST(TemplateTest, DoubleDollarIsALiteralDollar) {
  Template T = Template::parse("cost: $$5 $$$x $$[no group]");
  EXPECT_EQ(expandWith(T, {{"x", "X"}}), "cost: $5 $X $[no group]");
  std::vector<std::string> Expected{"x"};
  EXPECT_EQ(T.variables(), Expected);
}

TEST(TemplateTest, DollarBracketCloseIsALiteralBracket) {
  Template T = Template::parse("$[a[$i$]]");
  EXPECT_EQ(expandWith(T, {{"i", "0"}}), "a[0]");
  EXPECT_EQ(expandWith(T, {}), "");
}

TEST(TemplateTest, DollarAtTheEndIsAnError) {
  EXPECT_THROW(Template::parse("$"), std::invalid_argument);
  EXPECT_THROW(Template::parse("torchdevice.x$"), std::invalid_argument);
  EXPECT_NE(parseError("abc$").find("end"), std::string::npos) << parseError("abc$");
}

TEST(TemplateTest, UnclosedGroupIsAnError) {
  EXPECT_THROW(Template::parse("$[abc"), std::invalid_argument);
  EXPECT_THROW(Template::parse("x$[, $y"), std::invalid_argument);
  // "$]" is an escaped bracket, so this group is still open.
  EXPECT_THROW(Template::parse("$[a$]"), std::invalid_argument);
  EXPECT_NE(parseError("$[abc").find("closing"), std::string::npos) << parseError("$[abc");
}

TEST(TemplateTest, NestedGroupsAreAnError) {
  EXPECT_THROW(Template::parse("$[a$[b]]"), std::invalid_argument);
  EXPECT_NE(parseError("$[a$[b]]").find("nest"), std::string::npos) << parseError("$[a$[b]]");
}

TEST(TemplateTest, DollarFollowedByPunctuationIsAnError) {
  EXPECT_THROW(Template::parse("$-x"), std::invalid_argument);
  EXPECT_THROW(Template::parse("a$ b"), std::invalid_argument);
  EXPECT_THROW(Template::parse("$.x"), std::invalid_argument);
}

TEST(TemplateTest, StartsWithDot) {
  EXPECT_TRUE(Template::parse(".to($device)").startsWithDot());
  EXPECT_TRUE(Template::parse(".").startsWithDot());
  EXPECT_FALSE(Template::parse("$RECV.to($device)").startsWithDot());
  EXPECT_FALSE(Template::parse("torchdevice.device()").startsWithDot());
  EXPECT_FALSE(Template::parse("").startsWithDot());
  EXPECT_FALSE(Template::parse("$[.to()]").startsWithDot());
  EXPECT_FALSE(Template::parse("$$.x").startsWithDot());
  EXPECT_FALSE(Template::parse(" .x").startsWithDot());
}

TEST(TemplateTest, PlainTextIsUnchanged) {
  Template T = Template::parse("torchdevice.synchronize");
  EXPECT_TRUE(T.variables().empty());
  EXPECT_EQ(expandWith(T, {{"x", "y"}}), "torchdevice.synchronize");
}

} // namespace
} // namespace tdp
