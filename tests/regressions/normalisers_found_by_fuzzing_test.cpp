// Regressions found by the fuzz targets (fuzz/selector_normalise_fuzz.cpp, fuzz/extract_fuzz.cpp): every
// canonical value must normalise to itself.
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

// Found by fuzz/extract_fuzz.cpp (2026-12-03): libphonenumber read "(+521) 12 412 432 068" as
// +5212412432068, which it reads back as +522412432068 (Mexico's old mobile "1").
TEST(Regression, APhoneNumberIsGivenTheE164FormThatReadsBackAsItself) {
  for (const std::string_view raw : {"(+521) 12 412 432 068", "+52 1 12 412 432 068", "+5212412432068"}) {
    const Result<Selector> got = normalise_selector(SelectorType::phone, raw, {});
    ASSERT_TRUE(got.ok()) << raw << ": " << got.error().message();
    const Result<Selector> again = normalise_selector(SelectorType::phone, got->value, {});
    ASSERT_TRUE(again.ok()) << got->value << ": " << again.error().message();
    EXPECT_EQ(again->value, got->value) << raw;
  }
}

}  // namespace
}  // namespace jala::model
