#include "jala/model/currency.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include <fmt/format.h>

#include "jala/base/utf8.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

using enum CurrencyKind;

// ISO 4217 List One, as in Debian iso-codes 4.15.0 (/usr/share/iso-codes/json/iso_4217.json), plus
// ZWG (2024) and XCG (2025), less the codes currency.h says are left out. Minor units are those of
// ISO 4217 (cross-checked against java.util.Currency of OpenJDK 25). Sorted by code.
constexpr auto k_iso_4217 = std::to_array<CurrencyInfo>({
    {"AED", 2, fiat},  // UAE Dirham
    {"AFN", 2, fiat},  // Afghani
    {"ALL", 2, fiat},  // Lek
    {"AMD", 2, fiat},  // Armenian Dram
    {"ANG", 2, fiat},  // Netherlands Antillean Guilder
    {"AOA", 2, fiat},  // Kwanza
    {"ARS", 2, fiat},  // Argentine Peso
    {"AUD", 2, fiat},  // Australian Dollar
    {"AWG", 2, fiat},  // Aruban Florin
    {"AZN", 2, fiat},  // Azerbaijan Manat
    {"BAM", 2, fiat},  // Convertible Mark
    {"BBD", 2, fiat},  // Barbados Dollar
    {"BDT", 2, fiat},  // Taka
    {"BGN", 2, fiat},  // Bulgarian Lev
    {"BHD", 3, fiat},  // Bahraini Dinar
    {"BIF", 0, fiat},  // Burundi Franc
    {"BMD", 2, fiat},  // Bermudian Dollar
    {"BND", 2, fiat},  // Brunei Dollar
    {"BOB", 2, fiat},  // Boliviano
    {"BRL", 2, fiat},  // Brazilian Real
    {"BSD", 2, fiat},  // Bahamian Dollar
    {"BTN", 2, fiat},  // Ngultrum
    {"BWP", 2, fiat},  // Pula
    {"BYN", 2, fiat},  // Belarusian Ruble
    {"BZD", 2, fiat},  // Belize Dollar
    {"CAD", 2, fiat},  // Canadian Dollar
    {"CDF", 2, fiat},  // Congolese Franc
    {"CHF", 2, fiat},  // Swiss Franc
    {"CLP", 0, fiat},  // Chilean Peso
    {"CNY", 2, fiat},  // Yuan Renminbi
    {"COP", 2, fiat},  // Colombian Peso
    {"CRC", 2, fiat},  // Costa Rican Colon
    {"CUC", 2, fiat},  // Peso Convertible
    {"CUP", 2, fiat},  // Cuban Peso
    {"CVE", 2, fiat},  // Cabo Verde Escudo
    {"CZK", 2, fiat},  // Czech Koruna
    {"DJF", 0, fiat},  // Djibouti Franc
    {"DKK", 2, fiat},  // Danish Krone
    {"DOP", 2, fiat},  // Dominican Peso
    {"DZD", 2, fiat},  // Algerian Dinar
    {"EGP", 2, fiat},  // Egyptian Pound
    {"ERN", 2, fiat},  // Nakfa
    {"ETB", 2, fiat},  // Ethiopian Birr
    {"EUR", 2, fiat},  // Euro
    {"FJD", 2, fiat},  // Fiji Dollar
    {"FKP", 2, fiat},  // Falkland Islands Pound
    {"GBP", 2, fiat},  // Pound Sterling
    {"GEL", 2, fiat},  // Lari
    {"GHS", 2, fiat},  // Ghana Cedi
    {"GIP", 2, fiat},  // Gibraltar Pound
    {"GMD", 2, fiat},  // Dalasi
    {"GNF", 0, fiat},  // Guinean Franc
    {"GTQ", 2, fiat},  // Quetzal
    {"GYD", 2, fiat},  // Guyana Dollar
    {"HKD", 2, fiat},  // Hong Kong Dollar
    {"HNL", 2, fiat},  // Lempira
    {"HRK", 2, fiat},  // Kuna
    {"HTG", 2, fiat},  // Gourde
    {"HUF", 2, fiat},  // Forint
    {"IDR", 2, fiat},  // Rupiah
    {"ILS", 2, fiat},  // New Israeli Sheqel
    {"INR", 2, fiat},  // Indian Rupee
    {"IQD", 3, fiat},  // Iraqi Dinar
    {"IRR", 2, fiat},  // Iranian Rial
    {"ISK", 0, fiat},  // Iceland Krona
    {"JMD", 2, fiat},  // Jamaican Dollar
    {"JOD", 3, fiat},  // Jordanian Dinar
    {"JPY", 0, fiat},  // Yen
    {"KES", 2, fiat},  // Kenyan Shilling
    {"KGS", 2, fiat},  // Som
    {"KHR", 2, fiat},  // Riel
    {"KMF", 0, fiat},  // Comorian Franc
    {"KPW", 2, fiat},  // North Korean Won
    {"KRW", 0, fiat},  // Won
    {"KWD", 3, fiat},  // Kuwaiti Dinar
    {"KYD", 2, fiat},  // Cayman Islands Dollar
    {"KZT", 2, fiat},  // Tenge
    {"LAK", 2, fiat},  // Lao Kip
    {"LBP", 2, fiat},  // Lebanese Pound
    {"LKR", 2, fiat},  // Sri Lanka Rupee
    {"LRD", 2, fiat},  // Liberian Dollar
    {"LSL", 2, fiat},  // Loti
    {"LYD", 3, fiat},  // Libyan Dinar
    {"MAD", 2, fiat},  // Moroccan Dirham
    {"MDL", 2, fiat},  // Moldovan Leu
    {"MGA", 2, fiat},  // Malagasy Ariary
    {"MKD", 2, fiat},  // Denar
    {"MMK", 2, fiat},  // Kyat
    {"MNT", 2, fiat},  // Tugrik
    {"MOP", 2, fiat},  // Pataca
    {"MRU", 2, fiat},  // Ouguiya
    {"MUR", 2, fiat},  // Mauritius Rupee
    {"MVR", 2, fiat},  // Rufiyaa
    {"MWK", 2, fiat},  // Malawi Kwacha
    {"MXN", 2, fiat},  // Mexican Peso
    {"MYR", 2, fiat},  // Malaysian Ringgit
    {"MZN", 2, fiat},  // Mozambique Metical
    {"NAD", 2, fiat},  // Namibia Dollar
    {"NGN", 2, fiat},  // Naira
    {"NIO", 2, fiat},  // Cordoba Oro
    {"NOK", 2, fiat},  // Norwegian Krone
    {"NPR", 2, fiat},  // Nepalese Rupee
    {"NZD", 2, fiat},  // New Zealand Dollar
    {"OMR", 3, fiat},  // Rial Omani
    {"PAB", 2, fiat},  // Balboa
    {"PEN", 2, fiat},  // Sol
    {"PGK", 2, fiat},  // Kina
    {"PHP", 2, fiat},  // Philippine Peso
    {"PKR", 2, fiat},  // Pakistan Rupee
    {"PLN", 2, fiat},  // Zloty
    {"PYG", 0, fiat},  // Guarani
    {"QAR", 2, fiat},  // Qatari Rial
    {"RON", 2, fiat},  // Romanian Leu
    {"RSD", 2, fiat},  // Serbian Dinar
    {"RUB", 2, fiat},  // Russian Ruble
    {"RWF", 0, fiat},  // Rwanda Franc
    {"SAR", 2, fiat},  // Saudi Riyal
    {"SBD", 2, fiat},  // Solomon Islands Dollar
    {"SCR", 2, fiat},  // Seychelles Rupee
    {"SDG", 2, fiat},  // Sudanese Pound
    {"SEK", 2, fiat},  // Swedish Krona
    {"SGD", 2, fiat},  // Singapore Dollar
    {"SHP", 2, fiat},  // Saint Helena Pound
    {"SLE", 2, fiat},  // Leone
    {"SLL", 2, fiat},  // Leone
    {"SOS", 2, fiat},  // Somali Shilling
    {"SRD", 2, fiat},  // Surinam Dollar
    {"SSP", 2, fiat},  // South Sudanese Pound
    {"STN", 2, fiat},  // Dobra
    {"SVC", 2, fiat},  // El Salvador Colon
    {"SYP", 2, fiat},  // Syrian Pound
    {"SZL", 2, fiat},  // Lilangeni
    {"THB", 2, fiat},  // Baht
    {"TJS", 2, fiat},  // Somoni
    {"TMT", 2, fiat},  // Turkmenistan New Manat
    {"TND", 3, fiat},  // Tunisian Dinar
    {"TOP", 2, fiat},  // Pa’anga
    {"TRY", 2, fiat},  // Turkish Lira
    {"TTD", 2, fiat},  // Trinidad and Tobago Dollar
    {"TWD", 2, fiat},  // New Taiwan Dollar
    {"TZS", 2, fiat},  // Tanzanian Shilling
    {"UAH", 2, fiat},  // Hryvnia
    {"UGX", 0, fiat},  // Uganda Shilling
    {"USD", 2, fiat},  // US Dollar
    {"UYU", 2, fiat},  // Peso Uruguayo
    {"UZS", 2, fiat},  // Uzbekistan Sum
    {"VED", 2, fiat},  // Bolívar Soberano
    {"VES", 2, fiat},  // Bolívar Soberano
    {"VND", 0, fiat},  // Dong
    {"VUV", 0, fiat},  // Vatu
    {"WST", 2, fiat},  // Tala
    {"XAF", 0, fiat},  // CFA Franc BEAC
    {"XCD", 2, fiat},  // East Caribbean Dollar
    {"XCG", 2, fiat},  // Caribbean Guilder
    {"XOF", 0, fiat},  // CFA Franc BCEAO
    {"XPF", 0, fiat},  // CFP Franc
    {"YER", 2, fiat},  // Yemeni Rial
    {"ZAR", 2, fiat},  // Rand
    {"ZMW", 2, fiat},  // Zambian Kwacha
    {"ZWG", 2, fiat},  // Zimbabwe Gold
    {"ZWL", 2, fiat},  // Zimbabwe Dollar
});

// The Jala extension (see currency.h): the assets scam victims pay in. Sorted by code.
constexpr auto k_crypto_assets = std::to_array<CurrencyInfo>({
    {"BNB", 18, crypto},   // BNB, native to BNB Smart Chain
    {"BTC", 8, crypto},    // Bitcoin
    {"BUSD", 18, crypto},  // Binance USD (Ethereum contract)
    {"DAI", 18, crypto},   // Dai
    {"DOT", 10, crypto},   // Polkadot
    {"ETH", 18, crypto},   // Ether
    {"LTC", 8, crypto},    // Litecoin
    {"SOL", 9, crypto},    // Solana
    {"TRX", 6, crypto},    // Tron
    {"USDC", 6, crypto},   // USD Coin (Ethereum contract)
    {"USDT", 6, crypto},   // Tether (Ethereum and Tron contracts)
    {"XRP", 6, crypto},    // XRP Ledger
});

template <std::size_t size>
constexpr bool is_strictly_sorted(const std::array<CurrencyInfo, size>& table) {
  return std::ranges::adjacent_find(table, std::ranges::greater_equal{}, &CurrencyInfo::code) ==
         table.end();
}

template <std::size_t fiat_size, std::size_t crypto_size>
constexpr std::array<CurrencyInfo, fiat_size + crypto_size> merge_by_code(
    const std::array<CurrencyInfo, fiat_size>& fiat_table,
    const std::array<CurrencyInfo, crypto_size>& crypto_table) {
  std::array<CurrencyInfo, fiat_size + crypto_size> merged{};
  std::ranges::merge(fiat_table, crypto_table, merged.begin(), {}, &CurrencyInfo::code,
                     &CurrencyInfo::code);
  return merged;
}

static_assert(is_strictly_sorted(k_iso_4217), "k_iso_4217 must be sorted by code");
static_assert(is_strictly_sorted(k_crypto_assets), "k_crypto_assets must be sorted by code");

// The one table find_currency binary-searches. Strict order also proves that no crypto ticker
// duplicates an ISO 4217 code.
constexpr auto k_currencies = merge_by_code(k_iso_4217, k_crypto_assets);
static_assert(is_strictly_sorted(k_currencies), "a crypto ticker duplicates an ISO 4217 code");

// Longer input cannot be a code, so it is not upper-cased and looked up.
constexpr std::size_t k_longest_code_bytes =
    std::ranges::max(k_currencies, {}, [](const CurrencyInfo& entry) { return entry.code.size(); })
        .code.size();

// Symbols and local abbreviations people write instead of a code, with the code(s) to suggest.
// Matched ignoring ASCII case ("rm", "RP").
struct CurrencySymbol {
  std::string_view symbol;
  std::string_view suggestion;
};
constexpr auto k_symbols = std::to_array<CurrencySymbol>({
    {"$", "'USD'"},
    {"US$", "'USD'"},
    {"€", "'EUR'"},
    {"£", "'GBP'"},
    {"¥", "'JPY' or 'CNY'"},
    {"₫", "'VND'"},
    {"đ", "'VND'"},
    {"VNĐ", "'VND'"},
    {"฿", "'THB'"},
    {"RM", "'MYR'"},
    {"Rp", "'IDR'"},
    {"₱", "'PHP'"},
    {"៛", "'KHR'"},
    {"₭", "'LAK'"},
    {"Ks", "'MMK'"},
    {"S$", "'SGD'"},
    {"HK$", "'HKD'"},
    {"₩", "'KRW'"},
    {"₹", "'INR'"},
});
constexpr std::size_t k_longest_symbol_bytes =
    std::ranges::max(k_symbols, {}, [](const CurrencySymbol& entry) { return entry.symbol.size(); })
        .symbol.size();


}  // namespace

Result<std::string> parse_currency(std::string_view text) {
  if (text.empty()) {
    return invalid_argument(
        "'' is empty; a currency is an ISO 4217 code such as 'USD' or a crypto asset such as "
        "'USDT'");
  }
  if (text.size() <= k_longest_code_bytes) {
    if (const auto currency = find_currency(ascii_upper(text))) return std::string(currency->code);
  }
  if (text.size() <= k_longest_symbol_bytes) {
    const std::string upper = ascii_upper(text);
    for (const CurrencySymbol& symbol : k_symbols) {
      if (upper == ascii_upper(symbol.symbol)) {
        return invalid_argument("{} is a symbol; use the ISO 4217 code, e.g. {}", quote_untrusted(text),
                                symbol.suggestion);
      }
    }
  }
  return invalid_argument("{} is not an ISO 4217 currency code or a supported crypto asset",
                          quote_untrusted(text));
}

std::optional<CurrencyInfo> find_currency(std::string_view upper_code) {
  const auto found = std::ranges::lower_bound(k_currencies, upper_code, {}, &CurrencyInfo::code);
  if (found == k_currencies.end() || found->code != upper_code) return std::nullopt;
  return *found;
}

std::span<const CurrencyInfo> all_currencies() { return k_currencies; }

}  // namespace jala::model
