// Regression: a bank's hotline written after the bank's name without a label ("…지원팀(02-6404-0206)",
// "contact Krungthai at 02-111-1111") was read as an account at that bank, which would link every report
// that quotes the hotline. A number grouped as its country writes phone numbers is now a phone there.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "jala/extract/extract.h"
#include "jala/model/normalisers.h"

namespace jala::extract {
namespace {

std::set<std::string> selectors(std::string_view text, std::string_view country) {
  std::set<std::string> got;
  for (const Finding& finding : extract(text, ExtractContext{country})) got.insert(finding.selector.to_string());
  return got;
}

using Want = std::set<std::string>;

TEST(Regression, ABanksHotlineAfterItsNameIsAPhone) {
  EXPECT_EQ(selectors("【KB국민은행】여신영업지원팀(02-6404-0206) 안내", "KR"), (Want{"phone:+82264040206"}));
  EXPECT_EQ(selectors("กรุณาติดต่อ Krungthai ที่ 02-111-1111", "TH"), (Want{"phone:+6621111111"}));
  EXPECT_EQ(selectors("contact Vietcombank at 024 3934 3137", "VN"), (Want{"phone:+842439343137"}));
  // The bank's country reads it when the report has none; a national number then has no region to be
  // a phone in, so nothing is found rather than an account.
  EXPECT_EQ(selectors("contact Krungthai at 02-111-1111", ""), Want{});
}

TEST(Regression, AccountsStayAccounts) {
  // Grouped as accounts are, not as phones.
  EXPECT_EQ(selectors("โอนเข้า Kasikornbank 012-3-45678-9", "TH"), (Want{"bank:KASITHBK:0123456789"}));
  // Written in one piece: no grouping to go by.
  EXPECT_EQ(selectors("STK Vietcombank 0071000123456", "VN"), (Want{"bank:BFTVVNVX:0071000123456"}));
  // Labelled an account, whatever its grouping.
  EXPECT_EQ(selectors("Vietcombank STK 024 3934 3137", "VN"), (Want{"bank:BFTVVNVX:02439343137"}));
  // No trunk zero: not a national phone number.
  EXPECT_EQ(selectors("Rekening BCA nomor 493-692-9393", "ID"), (Want{"bank:CENAIDJA:4936929393"}));
}

TEST(Regression, GroupedAsANationalPhoneComparesEveryGroup) {
  using model::grouped_as_national_phone;
  const std::size_t thai_landline[] = {2, 3, 4};
  const std::size_t thai_account[] = {3, 1, 5, 1};
  const std::size_t one_piece[] = {9};
  EXPECT_TRUE(grouped_as_national_phone("021111111", thai_landline, "TH"));
  EXPECT_TRUE(grouped_as_national_phone("021111111", thai_landline, "th"));
  EXPECT_FALSE(grouped_as_national_phone("021111111", one_piece, "TH"));
  EXPECT_FALSE(grouped_as_national_phone("0123456789", thai_account, "TH"));
  EXPECT_FALSE(grouped_as_national_phone("021111111", thai_landline, ""));
  EXPECT_FALSE(grouped_as_national_phone("021111111", thai_landline, "ZZ"));
  EXPECT_FALSE(grouped_as_national_phone("not digits", thai_landline, "TH"));
}

}  // namespace
}  // namespace jala::extract
