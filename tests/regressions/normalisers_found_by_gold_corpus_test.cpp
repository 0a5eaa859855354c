// Regressions found while writing tests/data/extract_gold.jsonl: normalisers that accepted or misread
// values a person really writes.
#include <gtest/gtest.h>

#include "jala/model/selector.h"

namespace jala::model {
namespace {

std::string normalised(SelectorType type, std::string_view raw) {
  const Result<Selector> got = normalise_selector(type, raw, {"VN"});
  return got.ok() ? got->value : "error: " + got.error().message();
}

TEST(Regression, ABicEndingInDigitsStaysApartFromTheAccount) {
  EXPECT_EQ(normalised(SelectorType::bank, "CHASUS33 987654321"), "CHASUS33:987654321");
  EXPECT_EQ(normalised(SelectorType::bank, "Vietcombank 0071 0001 23456"), "BFTVVNVX:0071000123456");
  EXPECT_EQ(normalised(SelectorType::bank, "BFTVVNVX123: 0071000123456"), "BFTVVNVX:0071000123456");
}

TEST(Regression, FileNamesAreNotDomains) {
  EXPECT_NE(normalised(SelectorType::domain, "hopdong.pdf").find("known top-level domain"), std::string::npos);
  EXPECT_NE(normalised(SelectorType::email, "a@files.docx").find("known top-level domain"), std::string::npos);
  EXPECT_EQ(normalised(SelectorType::domain, "golden-lotus-invest.com"), "golden-lotus-invest.com");
  EXPECT_EQ(normalised(SelectorType::domain, "viec-lam.com.vn"), "viec-lam.com.vn");
}

TEST(Regression, FacebookProfileIdsAndNonAccountLinks) {
  EXPECT_EQ(normalised(SelectorType::facebook, "https://www.facebook.com/profile.php?id=100012345678901&ref=x"),
            "100012345678901");
  EXPECT_NE(normalised(SelectorType::facebook, "https://facebook.com/groups/vieclamcampuchia").find("names no account"),
            std::string::npos);
}

TEST(Regression, TelegramInviteLinksAreNotAccounts) {
  EXPECT_NE(normalised(SelectorType::telegram, "https://t.me/joinchat/AAAAAEkk2WdoDrB4-Q8-gg").find("names no account"),
            std::string::npos);
  EXPECT_NE(normalised(SelectorType::telegram, "t.me/+Xy7abcDEF12").find("names no account"), std::string::npos);
  EXPECT_EQ(normalised(SelectorType::telegram, "https://t.me/lotus_hr_cambodia/15"), "lotus_hr_cambodia");
}

}  // namespace
}  // namespace jala::model
