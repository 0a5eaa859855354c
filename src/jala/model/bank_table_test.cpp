#include "jala/model/bank_table.h"

#include <gtest/gtest.h>

#include "jala/model/selector.h"

namespace jala::model {
namespace {

std::string bank(std::string_view raw, std::string_view country = "") {
  const Result<Selector> got = normalise_selector(SelectorType::bank, raw, {country});
  return got.ok() ? got->value : "error: " + got.error().message();
}

TEST(BankTable, EveryNameOfABankGivesItsBic) {
  EXPECT_GT(bank_table_size(), 250U);
  EXPECT_EQ(bank("Vietcombank 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("VCB: 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("Ngân hàng Ngoại thương Việt Nam 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("BFTVVNVX 0071000123456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(bank("ธนาคารกสิกรไทย 123-4-56789-0"), "KASITHBK:1234567890");
  // The short names that extraction's keywords give (lexicon.cpp) are names of the table's banks too, so an
  // account typed in a form and the same account in a report's text are one selector.
  EXPECT_EQ(bank("ABA 000123456"), "ABAAKHPP:000123456");
  EXPECT_EQ(bank("ABA Bank 000123456"), "ABAAKHPP:000123456");
  EXPECT_EQ(bank("CTBC 527063799801"), "CTCBTWTP:527063799801");
}

TEST(BankTable, AmbiguousNamesResolveByCountryOrNotAtAll) {
  EXPECT_EQ(bank("SCB 1234567890", "TH"), "SICOTHBK:1234567890");
  EXPECT_EQ(bank("SCB 1234567890", "VN"), "SACLVNVX:1234567890");
  EXPECT_EQ(bank("SCB 1234567890", "FR"), "scb:1234567890");  // "*" is "-": left as written
  EXPECT_EQ(bank("SCB 1234567890"), "scb:1234567890");
}

TEST(BankTable, UnknownBanksKeepTheirFoldedNameAndEveryValueReadsBackAsItself) {
  EXPECT_EQ(bank("Tiny Local Credit Union 12345678"), "tinylocalcreditunion:12345678");
  for (const std::string_view raw : {"Vietcombank 0071000123456", "MoMo 0912345678", "Wing Bank 012345678",
                                     "SCB 1234567890", "KBank 1234567890", "Tiny Local Credit Union 12345678"}) {
    for (const std::string_view country : {"", "TH", "VN", "KR", "KH"}) {
      const std::string once = bank(raw, country);
      EXPECT_EQ(bank(once, country), once) << raw << " in " << country;
    }
  }
}

}  // namespace
}  // namespace jala::model
