#include "jala/model/bank_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "jala/model/bank_names.h"
#include "jala/model/selector.h"
#include "jala/model/text.h"

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

namespace {

// Folding skips ICU's transliterator for ASCII and for the table's own names, which the build folded with it:
// both must give what the transliterator gives.
TEST(BankTable, FoldingWithoutTheTransliteratorGivesWhatItWould) {
  const std::span<const FoldedName> at_build = bank_names_folded_at_build();
  EXPECT_GT(at_build.size(), 200U);
  for (const FoldedName& entry : at_build) {
    EXPECT_EQ(transliterate_bank_name(entry.name).value(), entry.folded) << entry.name;
    EXPECT_EQ(fold_bank_name(entry.name).value(), entry.folded) << entry.name;
  }
  std::vector<std::string_view> ascii;
  for (const std::string_view name : names_to_fold()) {
    if (is_ascii(name)) ascii.push_back(name);
  }
  EXPECT_GT(ascii.size(), 500U);
  std::string every_ascii_byte;
  for (int c = 1; c < 0x80; ++c) every_ascii_byte += static_cast<char>(c);
  ascii.push_back(every_ascii_byte);
  for (const std::string_view name : ascii) {
    EXPECT_EQ(fold_bank_name(name).value(), transliterate_bank_name(name).value()) << name;
  }
  // A name in no table is transliterated when it is met.
  EXPECT_EQ(fold_bank_name("Ngân hàng Thử nghiệm").value(), "nganhangthunghiem");
  EXPECT_EQ(fold_bank_name("ธนาคารทดลอง").value(), transliterate_bank_name("ธนาคารทดลอง").value());
}

}  // namespace
}  // namespace jala::model
