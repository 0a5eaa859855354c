#include "jala/model/currency.h"

#include <algorithm>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "jala/model/text.h"
#include "support/text_expectations.h"

namespace jala::model {
namespace {

using testing::error_message;
using testing::is_upper_ascii_letters;

// The message for input that is neither a code nor a symbol, given the input as the message quotes
// it.
std::string not_a_currency(std::string_view quoted_text) {
  return std::string(quoted_text) + " is not an ISO 4217 currency code or a supported crypto asset";
}

TEST(CurrencyTable, HoldsIso4217AndTheCryptoExtension) {
  const auto currencies = all_currencies();
  EXPECT_EQ(std::ranges::count(currencies, CurrencyKind::fiat, &CurrencyInfo::kind), 161);
  EXPECT_EQ(std::ranges::count(currencies, CurrencyKind::crypto, &CurrencyInfo::kind), 12);
  EXPECT_EQ(currencies.size(), 173u);
}

TEST(CurrencyTable, IsStrictlySortedByCode) {
  const auto currencies = all_currencies();
  for (std::size_t i = 1; i < currencies.size(); ++i) {
    EXPECT_LT(currencies[i - 1].code, currencies[i].code) << "at index " << i;
  }
}

TEST(CurrencyTable, EntriesAreWellFormed) {
  for (const CurrencyInfo& currency : all_currencies()) {
    EXPECT_TRUE(is_upper_ascii_letters(currency.code)) << currency.code;
    if (currency.kind == CurrencyKind::fiat) {
      EXPECT_EQ(currency.code.size(), 3u) << currency.code;
      EXPECT_TRUE(currency.minor_units == 0 || currency.minor_units == 2 ||
                  currency.minor_units == 3)
          << currency.code << " " << currency.minor_units;
    } else {
      EXPECT_TRUE(currency.code.size() == 3 || currency.code.size() == 4) << currency.code;
      EXPECT_GE(currency.minor_units, 6) << currency.code;
      EXPECT_LE(currency.minor_units, 18) << currency.code;
    }
  }
}

TEST(CurrencyTable, WellKnownEntries) {
  const CurrencyInfo cases[] = {
      {"VND", 0, CurrencyKind::fiat},
      {"KHR", 2, CurrencyKind::fiat},
      {"THB", 2, CurrencyKind::fiat},
      {"IDR", 2, CurrencyKind::fiat},
      {"JPY", 0, CurrencyKind::fiat},
      {"KWD", 3, CurrencyKind::fiat},
      {"USD", 2, CurrencyKind::fiat},
      {"EUR", 2, CurrencyKind::fiat},
      {"MYR", 2, CurrencyKind::fiat},
      {"PHP", 2, CurrencyKind::fiat},
      {"LAK", 2, CurrencyKind::fiat},
      {"MMK", 2, CurrencyKind::fiat},
      {"KRW", 0, CurrencyKind::fiat},
      {"CNY", 2, CurrencyKind::fiat},
      {"ZWG", 2, CurrencyKind::fiat},
      {"XCG", 2, CurrencyKind::fiat},
      {"BTC", 8, CurrencyKind::crypto},
      {"ETH", 18, CurrencyKind::crypto},
      {"USDT", 6, CurrencyKind::crypto},
      {"USDC", 6, CurrencyKind::crypto},
      {"TRX", 6, CurrencyKind::crypto},
      {"BNB", 18, CurrencyKind::crypto},
      {"XRP", 6, CurrencyKind::crypto},
      {"LTC", 8, CurrencyKind::crypto},
      {"SOL", 9, CurrencyKind::crypto},
      {"DOT", 10, CurrencyKind::crypto},
      {"DAI", 18, CurrencyKind::crypto},
      {"BUSD", 18, CurrencyKind::crypto},
  };
  for (const CurrencyInfo& want : cases) {
    const auto got = find_currency(want.code);
    ASSERT_TRUE(got.has_value()) << want.code;
    EXPECT_EQ(got->code, want.code);
    EXPECT_EQ(got->minor_units, want.minor_units) << want.code;
    EXPECT_EQ(got->kind, want.kind) << want.code;
  }
}

TEST(CurrencyTable, LeavesOutFundsMetalsAndTestingCodes) {
  for (const std::string_view code : {"BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI",
                                      "UYW", "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC",
                                      "XBD", "XDR", "XSU", "XUA", "XTS", "XXX"}) {
    EXPECT_EQ(find_currency(code), std::nullopt) << code;
  }
}

TEST(CurrencyTable, KeepsCodesWithdrawnSince2023) {
  for (const std::string_view code : {"HRK", "SLL", "ZWL", "ANG", "BGN"}) {
    const auto got = find_currency(code);
    ASSERT_TRUE(got.has_value()) << code;
    EXPECT_EQ(got->minor_units, 2) << code;
    EXPECT_EQ(got->kind, CurrencyKind::fiat) << code;
  }
}

TEST(ParseCurrency, RoundTripsEveryCodeInAnyCase) {
  for (const CurrencyInfo& currency : all_currencies()) {
    const std::string want(currency.code);
    for (const std::string& text : {want, ascii_lower(want)}) {
      const auto got = parse_currency(text);
      ASSERT_TRUE(got.ok()) << got.error().message();
      EXPECT_EQ(*got, want);
      const auto info = find_currency(*got);
      ASSERT_TRUE(info.has_value()) << want;
      EXPECT_EQ(info->minor_units, currency.minor_units);
    }
  }
}

TEST(ParseCurrency, AcceptsMixedCase) {
  for (const std::string_view text : {"Usd", "uSd", "Usdt", "vNd", "bTc"}) {
    const auto got = parse_currency(text);
    ASSERT_TRUE(got.ok()) << got.error().message();
    EXPECT_EQ(*got, ascii_upper(text));
  }
}

TEST(ParseCurrency, ExplainsEmptyInput) {
  EXPECT_EQ(error_message(parse_currency("")),
            "'' is empty; a currency is an ISO 4217 code such as 'USD' or a crypto asset such as "
            "'USDT'");
}

TEST(ParseCurrency, RejectsUnknownCodes) {
  for (const std::string_view text : {"usdd", "ABC", "XAU", "XTS", "US", "U", "USDTT", "RMB"}) {
    EXPECT_EQ(error_message(parse_currency(text)), not_a_currency("'" + std::string(text) + "'"));
  }
}

TEST(ParseCurrency, HintsTheCodeForSymbols) {
  struct Case {
    std::string_view text;
    std::string_view want;
  };
  const Case cases[] = {
      {"$", "'$' is a symbol; use the ISO 4217 code, e.g. 'USD'"},
      {"US$", "'US$' is a symbol; use the ISO 4217 code, e.g. 'USD'"},
      {"us$", "'us$' is a symbol; use the ISO 4217 code, e.g. 'USD'"},
      {"€", "'€' is a symbol; use the ISO 4217 code, e.g. 'EUR'"},
      {"£", "'£' is a symbol; use the ISO 4217 code, e.g. 'GBP'"},
      {"¥", "'¥' is a symbol; use the ISO 4217 code, e.g. 'JPY' or 'CNY'"},
      {"₫", "'₫' is a symbol; use the ISO 4217 code, e.g. 'VND'"},
      {"đ", "'đ' is a symbol; use the ISO 4217 code, e.g. 'VND'"},
      {"VNĐ", "'VNĐ' is a symbol; use the ISO 4217 code, e.g. 'VND'"},
      {"฿", "'฿' is a symbol; use the ISO 4217 code, e.g. 'THB'"},
      {"RM", "'RM' is a symbol; use the ISO 4217 code, e.g. 'MYR'"},
      {"rm", "'rm' is a symbol; use the ISO 4217 code, e.g. 'MYR'"},
      {"Rp", "'Rp' is a symbol; use the ISO 4217 code, e.g. 'IDR'"},
      {"RP", "'RP' is a symbol; use the ISO 4217 code, e.g. 'IDR'"},
      {"₱", "'₱' is a symbol; use the ISO 4217 code, e.g. 'PHP'"},
      {"៛", "'៛' is a symbol; use the ISO 4217 code, e.g. 'KHR'"},
      {"₭", "'₭' is a symbol; use the ISO 4217 code, e.g. 'LAK'"},
      {"Ks", "'Ks' is a symbol; use the ISO 4217 code, e.g. 'MMK'"},
      {"S$", "'S$' is a symbol; use the ISO 4217 code, e.g. 'SGD'"},
      {"HK$", "'HK$' is a symbol; use the ISO 4217 code, e.g. 'HKD'"},
      {"₩", "'₩' is a symbol; use the ISO 4217 code, e.g. 'KRW'"},
      {"₹", "'₹' is a symbol; use the ISO 4217 code, e.g. 'INR'"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_message(parse_currency(c.text)), c.want);
}

TEST(ParseCurrency, DoesNotTrimOrAcceptAmounts) {
  for (const std::string_view text : {" USD", "USD ", "$5", "5 USD", "USD\n"}) {
    EXPECT_TRUE(error_message(parse_currency(text)).ends_with(
        " is not an ISO 4217 currency code or a supported crypto asset"))
        << text;
  }
  EXPECT_EQ(error_message(parse_currency(" USD")), not_a_currency("' USD'"));
  EXPECT_EQ(error_message(parse_currency("USD\n")), not_a_currency("'USD\\n'"));
}

TEST(ParseCurrency, QuotesOnlyThePrefixOfOverLongInput) {
  const std::string text(100'000, 'U');
  EXPECT_EQ(error_message(parse_currency(text)),
            not_a_currency("'" + std::string(32, 'U') + "...'"));
}

TEST(ParseCurrency, RejectsNonAsciiInputAndEscapesWhatIsUnsafe) {
  struct Case {
    std::string_view text;
    std::string_view want_quoted;
  };
  const Case cases[] = {
      {"ＵＳＤ", "'ＵＳＤ'"},             // full-width letters are not folded to ASCII
      {"UЅD", "'UЅD'"},                   // Cyrillic "Ѕ" only looks like a Latin S
      {"\xff", "'\\xff'"},                // invalid UTF-8 is escaped
      {"\u202eUSD", "'\\u202eUSD'"},      // so are invisible formatting characters
      {"\xe2\x82", "'\\xe2\\x82'"},       // a truncated "€"
  };
  for (const Case& c : cases) {
    EXPECT_EQ(error_message(parse_currency(c.text)), not_a_currency(c.want_quoted));
  }
}

TEST(FindCurrency, TakesOnlyTheCanonicalForm) {
  EXPECT_TRUE(find_currency("USD").has_value());
  EXPECT_TRUE(find_currency("USDT").has_value());
  for (const std::string_view text : {"usd", "Usdt", "", "$", "US", "USDTT", " USD"}) {
    EXPECT_EQ(find_currency(text), std::nullopt) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace jala::model
