// ISO 3166-1 countries: the one table of country codes that reports, selectors and sharing use.
// Jala stores a country as its upper-case alpha-2 code ("VN"); parse_country turns what a person or
// a partner feed typed into that form, or says precisely why it cannot.
//
// The table holds the 249 officially assigned codes and one extension: "XK" (Kosovo). ISO 3166-1
// does not assign XK (it lies in the user-assigned range XA-XZ), but the European Union, the IBAN
// registry (Kosovan IBANs start "XK") and police databases use it widely, so scam reports carry it.
// Its entry is marked user_assigned, so code that must emit strict ISO 3166-1 (for example a STIX
// export) can tell it apart.
//
// Pure functions over a constant table; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

enum class CountryAssignment { official, user_assigned };

struct CountryInfo {
  std::string_view alpha2;  // "VN"
  std::string_view alpha3;  // "VNM"
  std::string_view name;    // English short name, UTF-8: "Viet Nam"
  CountryAssignment assignment;
};

// Returns the canonical upper-case ISO 3166-1 alpha-2 code, accepting either case ("vn" -> "VN").
// Does not trim. The error message names the input but not the field; the caller prefixes that.
Result<std::string> parse_country(std::string_view text);

// Lookups take the canonical form only (upper-case alpha-2); use parse_country on anything else.
bool is_country(std::string_view upper_alpha2);
std::optional<std::string_view> country_name(std::string_view upper_alpha2);  // English short name
std::optional<CountryInfo> find_country(std::string_view upper_alpha2);

// Every entry, strictly sorted by alpha2. The storage is static.
std::span<const CountryInfo> all_countries();

}  // namespace jala::model
