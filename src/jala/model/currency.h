// Currencies: the one table of currency codes that transactions and reports use, with the number of
// minor units each has (so an amount can be stored as an integer count of them). Jala stores a
// currency as its upper-case code ("VND"); parse_currency turns what a person or a partner feed
// typed into that form, or says precisely why it cannot.
//
// Fiat currencies are the ISO 4217 currency codes in use since 2023. Codes withdrawn since then
// (HRK, SLL, ZWL, ANG, BGN) stay, so that reports of past losses still parse. Fund codes, precious
// metals, bond-market units, XDR, XSU, XUA and the testing codes are left out.
//
// Crypto assets are a documented Jala extension of ISO 4217: most scam losses are paid in USDT and
// other crypto assets, for which ISO 4217 has no codes, so the table adds the tickers of the assets
// victims actually pay in, marked CurrencyKind::crypto. No ticker equals an ISO 4217 code (checked
// at compile time), so one code space serves both.
//
// Pure functions over a constant table; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

enum class CurrencyKind { fiat, crypto };

// The largest amount a record may state, in any currency (10^15 dong is about 40 billion USD): sums of
// millions of them stay finite, so scores and traces stay numbers.
inline constexpr double k_max_amount = 1e15;

struct CurrencyInfo {
  std::string_view code;  // "VND", "USDT"
  // ISO 4217 minor units for fiat (VND 0, USD 2, KWD 3). For crypto, the decimals of the asset on
  // its native chain or original token contract (BTC 8, ETH 18, USDT 6). A token on another chain
  // may differ (USDT on BNB Smart Chain has 18), so amounts read from a chain must use the
  // decimals of that chain's token contract, not this value.
  int minor_units;
  CurrencyKind kind;
};

// Returns the canonical upper-case code, accepting any case ("usdt" -> "USDT"). Does not trim.
// The error message names the input but not the field; the caller prefixes that.
Result<std::string> parse_currency(std::string_view text);

// Takes the canonical form only (upper case); use parse_currency on anything else.
std::optional<CurrencyInfo> find_currency(std::string_view upper_code);

// Every entry, fiat and crypto together, strictly sorted by code. The storage is static.
std::span<const CurrencyInfo> all_currencies();

}  // namespace jala::model
