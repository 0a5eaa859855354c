#include "jala/model/country.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "jala/model/text.h"
#include "support/text_expectations.h"

namespace jala::model {
namespace {

using testing::error_message;
using testing::is_upper_ascii_letters;

// The message for input of the wrong length, given the input as the message quotes it.
std::string not_two_letters(std::string_view quoted_text) {
  return std::string(quoted_text) +
         " is not an ISO 3166-1 alpha-2 country code; a country is two letters";
}

TEST(CountryTable, HoldsEveryOfficialCodeAndKosovo) {
  const auto countries = all_countries();
  const auto got_official =
      std::ranges::count(countries, CountryAssignment::official, &CountryInfo::assignment);
  EXPECT_EQ(got_official, 249);
  EXPECT_EQ(countries.size(), 250u);

  const auto kosovo = find_country("XK");
  ASSERT_TRUE(kosovo.has_value());
  EXPECT_EQ(kosovo->alpha3, "XKX");
  EXPECT_EQ(kosovo->name, "Kosovo");
  EXPECT_EQ(kosovo->assignment, CountryAssignment::user_assigned);
}

TEST(CountryTable, IsStrictlySortedByAlpha2) {
  const auto countries = all_countries();
  for (std::size_t i = 1; i < countries.size(); ++i) {
    EXPECT_LT(countries[i - 1].alpha2, countries[i].alpha2) << "at index " << i;
  }
}

TEST(CountryTable, EntriesAreWellFormedAndAlpha3IsUnique) {
  std::set<std::string_view> alpha3_seen;
  for (const CountryInfo& country : all_countries()) {
    EXPECT_EQ(country.alpha2.size(), 2u) << country.alpha2;
    EXPECT_TRUE(is_upper_ascii_letters(country.alpha2)) << country.alpha2;
    EXPECT_EQ(country.alpha3.size(), 3u) << country.alpha2;
    EXPECT_TRUE(is_upper_ascii_letters(country.alpha3)) << country.alpha2;
    EXPECT_FALSE(country.name.empty()) << country.alpha2;
    EXPECT_TRUE(alpha3_seen.insert(country.alpha3).second) << "duplicate " << country.alpha3;
  }
}

TEST(CountryTable, WellKnownEntries) {
  struct Case {
    std::string_view alpha2;
    std::string_view alpha3;
    std::string_view name;
  };
  const Case cases[] = {
      {"VN", "VNM", "Viet Nam"},
      {"KH", "KHM", "Cambodia"},
      {"MM", "MMR", "Myanmar"},
      {"LA", "LAO", "Lao People's Democratic Republic"},
      {"PH", "PHL", "Philippines"},
      {"TH", "THA", "Thailand"},
      {"ID", "IDN", "Indonesia"},
      {"MY", "MYS", "Malaysia"},
      {"CN", "CHN", "China"},
      {"KR", "KOR", "Korea, Republic of"},
      {"GB", "GBR", "United Kingdom"},
      {"FR", "FRA", "France"},
      {"US", "USA", "United States"},
      {"CI", "CIV", "Côte d'Ivoire"},
  };
  for (const Case& want : cases) {
    const auto got = find_country(want.alpha2);
    ASSERT_TRUE(got.has_value()) << want.alpha2;
    EXPECT_EQ(got->alpha2, want.alpha2);
    EXPECT_EQ(got->alpha3, want.alpha3);
    EXPECT_EQ(got->name, want.name);
    EXPECT_EQ(got->assignment, CountryAssignment::official) << want.alpha2;
  }
}

TEST(ParseCountry, RoundTripsEveryCodeInEitherCase) {
  for (const CountryInfo& country : all_countries()) {
    const std::string want(country.alpha2);
    const auto got_upper = parse_country(country.alpha2);
    ASSERT_TRUE(got_upper.ok()) << got_upper.error().message();
    EXPECT_EQ(*got_upper, want);
    const auto got_lower = parse_country(ascii_lower(country.alpha2));
    ASSERT_TRUE(got_lower.ok()) << got_lower.error().message();
    EXPECT_EQ(*got_lower, want);
    EXPECT_TRUE(is_country(*got_lower)) << want;
    EXPECT_EQ(country_name(*got_lower), country.name);
  }
}

TEST(ParseCountry, AcceptsMixedCase) {
  for (const std::string_view text : {"Vn", "vN", "xk", "Xk"}) {
    const auto got = parse_country(text);
    ASSERT_TRUE(got.ok()) << got.error().message();
    EXPECT_EQ(*got, ascii_upper(text));
  }
}

TEST(ParseCountry, HintsTheAlpha2CodeForEveryAlpha3Code) {
  for (const CountryInfo& country : all_countries()) {
    for (const std::string& text : {std::string(country.alpha3), ascii_lower(country.alpha3)}) {
      const std::string want = "'" + text +
                               "' is an ISO 3166-1 alpha-3 code; use the alpha-2 code '" +
                               std::string(country.alpha2) + "'";
      EXPECT_EQ(error_message(parse_country(text)), want);
    }
  }
  EXPECT_EQ(error_message(parse_country("VNM")),
            "'VNM' is an ISO 3166-1 alpha-3 code; use the alpha-2 code 'VN'");
}

TEST(ParseCountry, ExplainsEmptyInput) {
  EXPECT_EQ(error_message(parse_country("")),
            "'' is empty; a country is two letters (ISO 3166-1 alpha-2)");
}

TEST(ParseCountry, RejectsUnassignedTwoLetterCodes) {
  for (const std::string_view text : {"XX", "xx", "AA", "ZZ", "EU", "QM", "V1", "--"}) {
    const std::string want =
        "'" + std::string(text) + "' is not an ISO 3166-1 alpha-2 country code";
    EXPECT_EQ(error_message(parse_country(text)), want);
  }
}

TEST(ParseCountry, PointsUkToGb) {
  EXPECT_EQ(error_message(parse_country("UK")),
            "'UK' is not the ISO 3166-1 code for the United Kingdom; use 'GB'");
  EXPECT_EQ(error_message(parse_country("uk")),
            "'uk' is not the ISO 3166-1 code for the United Kingdom; use 'GB'");
}

TEST(ParseCountry, HintsTheCodeForAnEnglishName) {
  struct Case {
    std::string_view text;
    std::string_view want;
  };
  const Case cases[] = {
      {"Viet Nam", "'Viet Nam' is a country name; use the alpha-2 code 'VN'"},
      {"VIET NAM", "'VIET NAM' is a country name; use the alpha-2 code 'VN'"},
      {"cambodia", "'cambodia' is a country name; use the alpha-2 code 'KH'"},
      {"côte d'ivoire", "'côte d'ivoire' is a country name; use the alpha-2 code 'CI'"},
      {"Kosovo", "'Kosovo' is a country name; use the alpha-2 code 'XK'"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_message(parse_country(c.text)), c.want);
}

TEST(ParseCountry, RejectsWrongLengthWithoutTrimming) {
  struct Case {
    std::string_view text;
    std::string_view want;
  };
  const Case cases[] = {
      {"V", "'V' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      {"VNMX", "'VNMX' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      {" VN", "' VN' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      {"VN ", "'VN ' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      {"Vietnam", "'Vietnam' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_message(parse_country(c.text)), c.want);
}

TEST(ParseCountry, QuotesOnlyThePrefixOfOverLongInput) {
  const std::string text(100'000, 'A');
  EXPECT_EQ(error_message(parse_country(text)),
            not_two_letters("'" + std::string(32, 'A') + "...'"));
}

TEST(ParseCountry, CutsOverLongInputAtACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 11; ++i) text += "€";  // 33 bytes; byte 32 is inside the eleventh sign
  std::string quoted_prefix;
  for (int i = 0; i < 10; ++i) quoted_prefix += "€";
  EXPECT_EQ(error_message(parse_country(text)), not_two_letters("'" + quoted_prefix + "...'"));
}

TEST(ParseCountry, RejectsNonAsciiInputAndEscapesWhatIsUnsafe) {
  struct Case {
    std::string_view text;
    std::string_view want;
  };
  const Case cases[] = {
      // Full-width letters are not folded to ASCII.
      {"ＶＮ", "'ＶＮ' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      // Cyrillic "В" and "Н" only look like Latin letters.
      {"ВН", "'ВН' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      // Invalid UTF-8 and control characters are escaped, never copied into the message.
      {"\xff\xfe", "'\\xff\\xfe' is not an ISO 3166-1 alpha-2 country code"},
      {"V\nN", "'V\\nN' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
      {"\u202eNV",
       "'\\u202eNV' is not an ISO 3166-1 alpha-2 country code; a country is two letters"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_message(parse_country(c.text)), c.want);
}

TEST(IsCountry, TakesOnlyTheCanonicalForm) {
  EXPECT_TRUE(is_country("VN"));
  EXPECT_TRUE(is_country("XK"));
  for (const std::string_view text : {"vn", "Vn", "VNM", "UK", "XX", "", " VN", "V"}) {
    EXPECT_FALSE(is_country(text)) << "'" << text << "'";
  }
}

TEST(CountryName, ReturnsTheEnglishShortNameForCanonicalCodesOnly) {
  EXPECT_EQ(country_name("VN"), "Viet Nam");
  EXPECT_EQ(country_name("XK"), "Kosovo");
  EXPECT_EQ(country_name("vn"), std::nullopt);
  EXPECT_EQ(country_name("VNM"), std::nullopt);
  EXPECT_EQ(country_name("XX"), std::nullopt);
}

}  // namespace
}  // namespace jala::model
