#include "jala/classify/lure_facts.h"

#include <gtest/gtest.h>

namespace jala::classify {
namespace {

using Strings = std::vector<std::string>;

TEST(LureFacts, ReadsAnEnglishAdWithARangeAPeriodPerksAndACompany) {
  const model::LureFacts facts = lure_facts(
      "URGENT HIRING! Customer service job in Sihanoukville, Cambodia. Salary $1,500-$3,000 per month, free visa, "
      "air ticket and accommodation. Golden Fortune Group. Contact Telegram @hr_cambo");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->amount, 1500);
  EXPECT_EQ(facts.salary->currency, "USD");
  EXPECT_EQ(facts.salary->period, model::PayPeriod::month);
  EXPECT_EQ(facts.salary->usd_per_month, 1500);
  EXPECT_EQ(facts.destinations, Strings({"KH"}));
  EXPECT_EQ(facts.perks, Strings({"visa", "flight", "housing"}));
  EXPECT_EQ(facts.employer, "Golden Fortune Group");
}

TEST(LureFacts, ReadsVietnameseNumberWordsAndThePrefixOfACompany) {
  const model::LureFacts facts = lure_facts(
      "Tuyển gấp nhân viên văn phòng làm việc tại Campuchia, lương 15-20 triệu/tháng, bao ăn ở, hỗ trợ vé máy bay. "
      "Công ty TNHH Hoàng Long. Liên hệ Zalo 0912345678");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->amount, 15'000'000);
  EXPECT_EQ(facts.salary->currency, "VND");
  EXPECT_EQ(facts.salary->period, model::PayPeriod::month);
  ASSERT_TRUE(facts.salary->usd_per_month);
  EXPECT_GT(*facts.salary->usd_per_month, 400);  // about 590 at 2025 rates
  EXPECT_LT(*facts.salary->usd_per_month, 900);
  EXPECT_EQ(facts.destinations, Strings({"KH"}));
  EXPECT_EQ(facts.perks, Strings({"flight", "housing", "meals"}));
  EXPECT_EQ(facts.employer, "Công ty TNHH Hoàng Long");
}

TEST(LureFacts, ReadsIndonesianThousandsGroupsAndMalayCurrencyBeforeTheAmount) {
  const model::LureFacts facts = lure_facts(
      "Lowongan kerja di Kamboja, gaji Rp 15.000.000 per bulan, tiket pesawat dan penginapan gratis. PT Maju Jaya");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->amount, 15'000'000);
  EXPECT_EQ(facts.salary->currency, "IDR");
  EXPECT_EQ(facts.destinations, Strings({"KH"}));
  EXPECT_EQ(facts.perks, Strings({"flight", "housing"}));
  EXPECT_EQ(facts.employer, "PT Maju Jaya");

  const model::LureFacts malay = lure_facts("Kerja di Myanmar, gaji RM3000 sebulan, makan dan asrama disediakan");
  ASSERT_TRUE(malay.salary);
  EXPECT_EQ(malay.salary->amount, 3000);
  EXPECT_EQ(malay.salary->currency, "MYR");
  EXPECT_EQ(malay.salary->period, model::PayPeriod::month);
  EXPECT_EQ(malay.destinations, Strings({"MM"}));
  EXPECT_EQ(malay.perks, Strings({"housing", "meals"}));
}

TEST(LureFacts, ReadsScriptsWithoutSpaces) {
  const model::LureFacts thai = lure_facts("รับสมัครงานที่กัมพูชา เงินเดือน 50,000 บาท มีที่พักและอาหาร ทำวีซ่าให้");
  ASSERT_TRUE(thai.salary);
  EXPECT_EQ(thai.salary->amount, 50'000);
  EXPECT_EQ(thai.salary->currency, "THB");
  EXPECT_EQ(thai.destinations, Strings({"KH"}));
  EXPECT_EQ(thai.perks, Strings({"visa", "housing", "meals"}));

  const model::LureFacts chinese = lure_facts("高薪招聘，缅甸妙瓦底，月薪3000U，包吃住，报销机票。金盛集团");
  ASSERT_TRUE(chinese.salary);
  EXPECT_EQ(chinese.salary->amount, 3000);
  EXPECT_EQ(chinese.salary->currency, "USDT");
  EXPECT_EQ(chinese.salary->period, model::PayPeriod::month);
  EXPECT_EQ(chinese.destinations, Strings({"MM"}));
  EXPECT_EQ(chinese.perks, Strings({"flight", "housing", "meals"}));
  EXPECT_EQ(chinese.employer, "金盛集团");

  const model::LureFacts khmer = lure_facts("ការងារនៅភ្នំពេញ ប្រាក់ខែ ១៥០០ ដុល្លារ");  // Khmer digits
  ASSERT_TRUE(khmer.salary);
  EXPECT_EQ(khmer.salary->amount, 1500);
  EXPECT_EQ(khmer.salary->currency, "USD");
  EXPECT_EQ(khmer.destinations, Strings({"KH"}));
}

TEST(LureFacts, ConvertsOtherPeriodsToAMonthInUsDollars) {
  const model::LureFacts facts = lure_facts("Earn 100 USD a day working online from Dubai");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->period, model::PayPeriod::day);
  EXPECT_EQ(facts.salary->usd_per_month, 2600);  // 26 working days
  EXPECT_EQ(facts.destinations, Strings({"AE"}));
}

TEST(LureFacts, PrefersTheAmountWithAPeriodOrAWordForPay) {
  const model::LureFacts facts =
      lure_facts("Deposit 200 USD for the visa, then salary 2,000 USD. Bonus 500 USD/week after training.");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->amount, 500);
  EXPECT_EQ(facts.salary->period, model::PayPeriod::week);

  const model::LureFacts no_period = lure_facts("Deposit 200 USD for the visa, then salary 2,000 USD.");
  ASSERT_TRUE(no_period.salary);
  EXPECT_EQ(no_period.salary->amount, 2000);

  // A victim's mother tells of a ransom, not of pay (from the bundled examples).
  EXPECT_FALSE(lure_facts("Perusahaan meminta uang tebusan Rp 85.000.000 agar korban dibebaskan").salary);
}

TEST(LureFacts, FindsNothingWhereAnAdPromisesNothing) {
  const model::LureFacts facts = lure_facts("Call +855 12 345 678 or 0912.345.678 about job 2024-05-01, lao động phổ thông");
  EXPECT_FALSE(facts.salary);  // numbers without a currency are not pay
  EXPECT_EQ(facts.destinations, Strings());  // "lao động" is labour, not Laos
  EXPECT_EQ(facts.perks, Strings());
  EXPECT_EQ(facts.employer, "");
  EXPECT_EQ(lure_facts("Join our Telegram Group for jobs").employer, "");  // a platform, not a company
  EXPECT_EQ(lure_facts(""), model::LureFacts());
  EXPECT_EQ(lure_facts("\xff\xfe $"), model::LureFacts());
}

TEST(LureFacts, NamesDestinationsInTheOrderTheAdMentionsThem) {
  const model::LureFacts facts = lure_facts("Fly to Bangkok, then by car to Myawaddy; later Laos or sang Lào");
  EXPECT_EQ(facts.destinations, Strings({"TH", "MM", "LA"}));
  // Found in review: Myawaddy in Thai and Burmese, Thailand in Khmer and Burmese, and Mae Sot in Thai.
  EXPECT_EQ(lure_facts("งานที่เมียวดี เงินเดือนดี").destinations, Strings({"MM"}));
  EXPECT_EQ(lure_facts("အလုပ် မြဝတီ ထိုင်း").destinations, Strings({"MM", "TH"}));
  EXPECT_EQ(lure_facts("ការងារនៅប្រទេសថៃ").destinations, Strings({"TH"}));
  EXPECT_EQ(lure_facts("รับที่แม่สอด").destinations, Strings({"TH"}));
  EXPECT_EQ(lure_facts("ថ្ងៃនេះ").destinations, Strings());  // "today": its letters are not "ថៃ"
}

// Found in review: "1万5千" was read as 10,000 and its currency, 美金, lost to the CNY that 万 implies.
TEST(LureFacts, ReadsThousandsAfterTenThousandInChinese) {
  const model::LureFacts facts = lure_facts("月薪1万5千美金，包吃住");
  ASSERT_TRUE(facts.salary);
  EXPECT_EQ(facts.salary->amount, 15'000);
  EXPECT_EQ(facts.salary->currency, "USD");
  const model::LureFacts spoken = lure_facts("月薪1万5，包机票");
  ASSERT_TRUE(spoken.salary);
  EXPECT_EQ(spoken.salary->amount, 15'000);
  EXPECT_EQ(spoken.salary->currency, "CNY");
  const model::LureFacts plain = lure_facts("月薪2万元");
  ASSERT_TRUE(plain.salary);
  EXPECT_EQ(plain.salary->amount, 20'000);
  // Found in review of the above: a digit that begins the next words is not the amount's.
  const model::LureFacts hours = lure_facts("月薪1万8小时工作制");
  ASSERT_TRUE(hours.salary);
  EXPECT_EQ(hours.salary->amount, 10'000);
  EXPECT_EQ(hours.salary->period, model::PayPeriod::month);
  for (const auto& [text, amount] : {std::pair{"月薪1万2千5百元", 12'500}, std::pair{"月薪1万5000元", 15'000},
                                     std::pair{"月薪1万50千元", 10'000}, std::pair{"月薪1万5人民币", 15'000}}) {
    const model::LureFacts read = lure_facts(text);
    ASSERT_TRUE(read.salary) << text;
    EXPECT_EQ(read.salary->amount, amount) << text;
  }
}

// Found in review: a perk the ad takes back ("không hỗ trợ visa") counted as offered.
TEST(LureFacts, APerkTakenBackIsNotOffered) {
  EXPECT_EQ(lure_facts("Lương 1500$/tháng, bao ăn ở, không hỗ trợ visa").perks, Strings({"housing", "meals"}));
  EXPECT_EQ(lure_facts("Salary 1000 USD, free housing, no flight").perks, Strings({"housing"}));
  EXPECT_EQ(lure_facts("Salary 1000 USD, flight not included, visa provided").perks, Strings({"visa"}));
  EXPECT_EQ(lure_facts("vé máy bay tự túc, có chỗ ở").perks, Strings({"housing"}));
  EXPECT_EQ(lure_facts("月薪3000U，包吃住，机票自理").perks, Strings({"housing", "meals"}));
  EXPECT_EQ(lure_facts("月薪3000U，不包吃住").perks, Strings());
  EXPECT_EQ(lure_facts("Gaji 5 juta, tanpa visa, ada asrama").perks, Strings({"housing"}));
  // Taken back once and offered elsewhere is offered.
  EXPECT_EQ(lure_facts("no visa fee; visa provided").perks, Strings({"visa"}));
}

}  // namespace
}  // namespace jala::classify
