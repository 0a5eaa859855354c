// Regression: a BIC in lower case ("bftvvnvx 0071000123456") was read as a bank's name, so it named
// another bank than the same BIC in capitals. BICs are case-insensitive.
#include <gtest/gtest.h>

#include "jala/model/selector.h"

namespace jala::model {
namespace {

std::string bank(std::string_view raw, std::string_view region = "") {
  const Result<Selector> got = normalise_selector(SelectorType::bank, raw, {region});
  return got.ok() ? got->value : "error: " + got.error().message();
}

TEST(Regression, ABicOfTheBankTableInAnyCaseNamesOneBank) {
  EXPECT_EQ(bank("bftvvnvx 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("BftvVnvx: 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("chasus33 987654321"), bank("CHASUS33 987654321"));
  EXPECT_EQ(bank("chasus33xxx 987654321"), "CHASUS33:987654321");
  EXPECT_EQ(bank("bkkbthbk:1234567890", "VN"), "BKKBTHBK:1234567890");
}

// In lower case, a BIC the table does not know cannot be told from a bank's folded name: "Some Bank"
// folds to "somebank" (SOME BA NK), which must read back as itself. So it stays a name.
TEST(Regression, NamesOfABicsShapeStayNames) {
  EXPECT_EQ(bank("Some Bank 12345678"), "somebank:12345678");
  EXPECT_EQ(bank("somebank 12345678"), "somebank:12345678");
  EXPECT_EQ(bank("vietcombank 0123456789"), "BFTVVNVX:0123456789");  // VIET CO MB ANK: the table's name
}

// Every canonical value is a fixed point, as the fuzz target selector_normalise checks.
TEST(Regression, BankValuesInEveryCaseAreFixedPoints) {
  for (const std::string_view raw :
       {"bftvvnvx 1234", "Bftv Vnvx 1234", "chasus33xxx 1234", "Some Bank 12345678", "Wing Bank 12345678"}) {
    for (const std::string_view region : {"", "VN", "KH", "US"}) {
      const std::string once = bank(raw, region);
      ASSERT_FALSE(once.starts_with("error")) << raw << ": " << once;
      EXPECT_EQ(bank(once, region), once) << raw << " in " << region;
    }
  }
}

}  // namespace
}  // namespace jala::model
