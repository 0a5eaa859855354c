// The fixed world the simulated scam economy lives in: the countries victims report from (language,
// reporting agency, currency, time zone, mobile number plans, real banks of data/banks/banks.tsv),
// and the hub selectors every operation touches but that must link nothing (bank hotlines of
// data/warninglists/hotline-phones.txt, exchange domains of exchange-domains.txt, and a help desk and
// a payment processor that are on no list). One constexpr table each; docs/simulator.md explains them.
//
// Constant data; thread-safe.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace jala::simulate {

struct Bank {
  std::string_view bic8;       // from data/banks/banks.tsv
  std::string_view name;       // a name the bank table and the extractor's gazetteer both know
  std::size_t account_digits;  // length of the simulated account numbers
};

struct Country {
  std::string_view code;      // ISO 3166-1 alpha-2
  std::string_view language;  // BCP 47: the language its victims write in
  std::string_view agency;    // the report source, e.g. "VN-MPS"
  std::string_view currency;  // ISO 4217
  double usd_per_unit;        // a rough, fixed rate: amounts only need plausible magnitudes
  std::string_view utc_offset;
  std::string_view calling_code;  // "84"
  std::string_view trunk_prefix;  // "0", or empty where national numbers have none
  // National mobile number plans: '#' is a random digit. Numbers are checked with the phone
  // normaliser, so a plan only needs to be mostly valid.
  std::span<const std::string_view> mobile_plans;
  std::span<const Bank> banks;
};

std::span<const Country> countries();
const Country& country(std::string_view code);  // a code not in the table is a programmer error

// The countries where compounds sit and recruit: their phones appear beside the victims' own.
std::span<const std::string_view> compound_countries();

struct Hubs {
  std::span<const std::string_view> hotline_phones;    // E.164, each on hotline-phones.txt
  std::span<const std::string_view> exchange_domains;  // each on exchange-domains.txt
  std::string_view help_desk_phone;                    // E.164, on no warning list
  std::string_view payment_processor_bank;             // canonical bank selector value, on no list
};
const Hubs& hubs();

}  // namespace jala::simulate
