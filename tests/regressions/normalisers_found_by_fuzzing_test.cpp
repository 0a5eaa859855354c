// Regressions found by fuzz/selector_normalise_fuzz.cpp: every canonical value must normalise to itself.
#include <gtest/gtest.h>

#include "jala/model/selector.h"

namespace jala::model {
namespace {

TEST(Regression, ABankWrittenOnlyInDigitsIsRefusedRatherThanReadBackAsAnAccount) {
  // Found by the fuzzer: "[+584 91 224 5678" once gave "584:912245678", which read back as an account
  // with no bank.
  const Result<Selector> got = normalise_selector(SelectorType::bank, "[+584 91 224 5678", {"TH"});
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("has no letters"), std::string::npos) << got.error().message();

  const Result<Selector> named = normalise_selector(SelectorType::bank, "Bank24 12345", {"TH"});
  ASSERT_TRUE(named.ok()) << named.error().message();
  EXPECT_EQ(named->value, "bank24:12345");
  const Result<Selector> again = normalise_selector(SelectorType::bank, named->value, {"TH"});
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(again->value, named->value);
}

}  // namespace
}  // namespace jala::model
