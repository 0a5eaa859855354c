// Phone numbers against a plain reference built on libphonenumber: the canonical form is the first E.164
// form that reads back as itself. normalise_phone spares most numbers the reading back, and must give the
// same answers.
#include <phonenumbers/phonenumberutil.h>

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "jala/model/normalisers.h"
#include "jala/model/phone_validation.h"

namespace jala::model {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The reference: parse, validate, format, then read the E.164 form back until it gives itself (at most
// twice more, as normalise_phone allows).
std::optional<std::string> reference_e164(const std::string& text, const std::string& region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  // "00" is read as the international prefix in every region, as normalise_phone documents.
  std::string e164 = text.starts_with("00") ? "+" + text.substr(2) : text;
  std::string read_in = region;
  for (int reading = 0; reading < 3; ++reading) {
    PhoneNumber number;
    if (util.Parse(e164, read_in, &number) != PhoneNumberUtil::NO_PARSING_ERROR || !util.IsValidNumber(number)) {
      return std::nullopt;
    }
    std::string formatted;
    util.Format(number, PhoneNumberUtil::E164, &formatted);
    if (formatted == e164) return formatted;
    e164 = formatted;
    read_in = "ZZ";
  }
  return std::nullopt;
}

// Expects normalise_phone to give what the reference gives for `text` read in `region` (empty: none);
// whether the number is valid.
bool agrees_with_reference(const std::string& text, const std::string& region) {
  const Result<std::string> got = normalise_phone(text, {.default_region = region});
  const std::optional<std::string> want = reference_e164(text, region.empty() ? "ZZ" : region);
  EXPECT_EQ(got.ok(), want.has_value()) << text << " in " << region;
  if (want && got.ok()) {
    EXPECT_EQ(*got, *want) << text << " in " << region;
  }
  return want.has_value();
}

// Every region's example numbers of every type, in national and international form, and the same with
// their last digit or their first national digit changed, or a digit put before them (numbers that may be
// invalid, or begin with a national prefix, as Mexico's "+52 1…" does).
TEST(Phone, AgreesWithReadingEveryNumberBackOnEveryRegionsExamples) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  int compared = 0;
  int valid = 0;
  for (const std::string& region : regions) {
    for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &example)) {
        continue;
      }
      std::string national_digits;
      util.GetNationalSignificantNumber(example, &national_digits);
      std::string national;
      util.Format(example, PhoneNumberUtil::NATIONAL, &national);
      for (const char changed : {'0', '1', '5', '9'}) {
        std::string last_changed = national_digits;
        last_changed.back() = changed;
        std::string first_changed = national_digits;
        first_changed.front() = changed;
        const std::string code = "+" + std::to_string(example.country_code());
        const std::string digit_added = fmt::format("{}{}{}", code, changed, national_digits);
        const std::string zero_after_plus = fmt::format("+0{}{}", example.country_code(), national_digits);
        for (const auto& [text, in_region] :
             {std::pair{national, region}, std::pair{code + national_digits, std::string()},
              std::pair{code + last_changed, std::string()}, std::pair{code + first_changed, std::string()},
              std::pair{std::string(1, changed) + national_digits, region}, std::pair{"0" + last_changed, region},
              std::pair{"0" + first_changed, region}, std::pair{digit_added, std::string()},
              std::pair{zero_after_plus, std::string()}, std::pair{zero_after_plus, region}}) {
          ++compared;
          valid += agrees_with_reference(text, in_region) ? 1 : 0;
        }
      }
    }
  }
  EXPECT_GT(compared, 30'000);
  EXPECT_GT(valid, 15'000);
}

// Each region's example numbers with one to three of their digits drawn at random, written as extraction
// passes them: "0" and the digits in the region, "+", the calling code and the digits.
TEST(Phone, AgreesWithReadingEveryNumberBackOnRandomDigits) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  std::mt19937 random(7);
  int valid = 0;
  for (const std::string& region : regions) {
    PhoneNumber example;
    if (!util.GetExampleNumberForType(region, PhoneNumberUtil::MOBILE, &example)) continue;
    std::string national_digits;
    util.GetNationalSignificantNumber(example, &national_digits);
    const std::string code = "+" + std::to_string(example.country_code());
    for (int draw = 0; draw < 60; ++draw) {
      std::string digits = national_digits;
      for (int change = 0, changes = 1 + draw % 3; change < changes; ++change) {
        digits[random() % digits.size()] = static_cast<char>('0' + random() % 10);
      }
      for (const auto& [text, in_region] : {std::pair{"0" + digits, region}, std::pair{code + digits, std::string()}}) {
        valid += agrees_with_reference(text, in_region) ? 1 : 0;
      }
    }
  }
  EXPECT_GT(valid, 10'000);
}

// A "0" after the "+" starts no calling code: "+0 321 123 4567" is no Belgian number, whatever the region
// (found by review: the digits after the "0" were read as the code).
TEST(Phone, AZeroAfterThePlusIsNoCallingCode) {
  for (const auto& [text, region] : {std::pair<std::string, std::string>{"+03211234567", "CO"},
                                     {"+0462345678", "AU"},
                                     {"+084912345678", "VN"},
                                     {"+084912345678", ""}}) {
    EXPECT_FALSE(normalise_phone(text, {.default_region = region}).ok()) << text << " in " << region;
    EXPECT_FALSE(reference_e164(text, region.empty() ? "ZZ" : region)) << text << " in " << region;
  }
}

// The table of outcomes tells apart what libphonenumber reads apart: "00" at the start is the
// international prefix, "(008)" is not (found by review: whichever came first decided both), and "+0084…"
// is not "0084…" read as "+84…" (in the US, whose international prefix is "011").
TEST(Phone, RemembersOnlyWhatReadsTheSame) {
  for (const auto& [one, other, region] :
       {std::tuple<std::string, std::string, std::string>{"008201804285536", "(008).20.18.04.28.553.6", "KR"},
        {"0084912345678", "+0084912345678", "US"}}) {
    for (int order = 0; order < 2; ++order) {
      const std::string& first = order == 0 ? one : other;
      const std::string& second = order == 0 ? other : one;
      const bool first_ok = normalise_phone(first, {.default_region = region}).ok();
      const bool second_ok = normalise_phone(second, {.default_region = region}).ok();
      EXPECT_EQ(first_ok, reference_e164(first, region).has_value()) << first << " in " << region;
      EXPECT_EQ(second_ok, reference_e164(second, region).has_value()) << second << " in " << region;
    }
  }
}

// Validity against libphonenumber's own: every region's and every global network's example numbers of every
// type, with digits drawn at random, one digit more and one fewer.
TEST(Phone, ValidityIsLibphonenumbersOnEveryRegionsExamplesAndVariants) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::vector<PhoneNumber> examples;
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  for (const std::string& region : regions) {
    for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
      PhoneNumber example;
      if (util.GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &example)) {
        examples.push_back(example);
      }
    }
  }
  std::set<int> global_networks;
  util.GetSupportedGlobalNetworkCallingCodes(&global_networks);
  for (const int code : global_networks) {
    PhoneNumber example;
    if (util.GetExampleNumberForNonGeoEntity(code, &example)) examples.push_back(example);
  }
  std::mt19937 random(11);
  int compared = 0;
  int valid = 0;
  for (const PhoneNumber& example : examples) {
    const std::string digits = std::to_string(example.national_number());
    std::vector<std::string> variants = {digits, digits + "5", digits.substr(0, digits.size() - 1)};
    for (int draw = 0; draw < 20; ++draw) {
      std::string changed = digits;
      for (int change = 0, changes = 1 + draw % 3; change < changes; ++change) {
        changed[random() % changed.size()] = static_cast<char>('0' + random() % 10);
      }
      variants.push_back(changed);
    }
    for (const std::string& variant : variants) {
      if (variant.empty() || variant.front() == '0') continue;
      PhoneNumber number = example;
      number.set_national_number(std::stoull(variant));
      const bool want = util.IsValidNumber(number);
      EXPECT_EQ(is_valid_number(number), want) << "+" << number.country_code() << " " << variant;
      ++compared;
      valid += want ? 1 : 0;
    }
  }
  EXPECT_GT(compared, 30'000);
  EXPECT_GT(valid, 15'000);
}

}  // namespace
}  // namespace jala::model
