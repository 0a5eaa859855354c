#include "jala/model/iban.h"

#include <algorithm>
#include <array>

#include "jala/model/text.h"

namespace jala::model {
namespace {

struct IbanCountry {
  std::string_view code;
  std::size_t length;
  std::size_t bank_start;   // where the national bank code starts in the BBAN (after the check digits)
  std::size_t bank_length;  // its length: the bank alone, without a branch code the registry may add
};

// Every country of the SWIFT IBAN registry with its IBAN length and where its BBAN names the bank, sorted
// by code. Territories that use another country's code (e.g. GF, RE and the other French territories use
// FR) are not listed.
constexpr std::array<IbanCountry, 89> k_iban_countries = {{
    {"AD", 24, 0, 4}, {"AE", 23, 0, 3}, {"AL", 28, 0, 3}, {"AT", 20, 0, 5}, {"AZ", 28, 0, 4}, {"BA", 20, 0, 3},
    {"BE", 16, 0, 3}, {"BG", 22, 0, 4}, {"BH", 22, 0, 4}, {"BI", 27, 0, 5}, {"BR", 29, 0, 8}, {"BY", 28, 0, 4},
    {"CH", 21, 0, 5}, {"CR", 22, 0, 4}, {"CY", 28, 0, 3}, {"CZ", 24, 0, 4}, {"DE", 22, 0, 8}, {"DJ", 27, 0, 5},
    {"DK", 18, 0, 4}, {"DO", 28, 0, 4}, {"EE", 20, 0, 2}, {"EG", 29, 0, 4}, {"ES", 24, 0, 4}, {"FI", 18, 0, 3},
    {"FK", 18, 0, 2}, {"FO", 18, 0, 4}, {"FR", 27, 0, 5}, {"GB", 22, 0, 4}, {"GE", 22, 0, 2}, {"GI", 23, 0, 4},
    {"GL", 18, 0, 4}, {"GR", 27, 0, 3}, {"GT", 28, 0, 4}, {"HN", 28, 0, 4}, {"HR", 21, 0, 7}, {"HU", 28, 0, 3},
    {"IE", 22, 0, 4}, {"IL", 23, 0, 3}, {"IQ", 23, 0, 4}, {"IS", 26, 0, 2}, {"IT", 27, 1, 5}, {"JO", 30, 0, 4},
    {"KW", 30, 0, 4}, {"KZ", 20, 0, 3}, {"LB", 28, 0, 4}, {"LC", 32, 0, 4}, {"LI", 21, 0, 5}, {"LT", 20, 0, 5},
    {"LU", 20, 0, 3}, {"LV", 21, 0, 4}, {"LY", 25, 0, 3}, {"MC", 27, 0, 5}, {"MD", 24, 0, 2}, {"ME", 22, 0, 3},
    {"MK", 19, 0, 3}, {"MN", 20, 0, 4}, {"MR", 27, 0, 5}, {"MT", 31, 0, 4}, {"MU", 30, 0, 6}, {"NI", 28, 0, 4},
    {"NL", 18, 0, 4}, {"NO", 15, 0, 4}, {"OM", 23, 0, 3}, {"PK", 24, 0, 4}, {"PL", 28, 0, 3}, {"PS", 29, 0, 4},
    {"PT", 25, 0, 4}, {"QA", 29, 0, 4}, {"RO", 24, 0, 4}, {"RS", 22, 0, 3}, {"RU", 33, 0, 9}, {"SA", 24, 0, 2},
    {"SC", 31, 0, 6}, {"SD", 18, 0, 2}, {"SE", 24, 0, 3}, {"SI", 19, 0, 2}, {"SK", 24, 0, 4}, {"SM", 27, 1, 5},
    {"SO", 23, 0, 4}, {"ST", 25, 0, 4}, {"SV", 28, 0, 4}, {"TL", 23, 0, 3}, {"TN", 24, 0, 2}, {"TR", 26, 0, 5},
    {"UA", 29, 0, 6}, {"VA", 22, 0, 3}, {"VG", 24, 0, 4}, {"XK", 20, 0, 2}, {"YE", 30, 0, 4},
}};

static_assert(std::is_sorted(k_iban_countries.begin(), k_iban_countries.end(),
                             [](const IbanCountry& a, const IbanCountry& b) { return a.code < b.code; }),
              "k_iban_countries must stay sorted for binary search");

// ISO 7064 MOD 97-10 over the IBAN moved to start after its first four characters, letters counting
// as two digits (A = 10 ... Z = 35). The remainder is carried one character at a time, so no number
// ever exceeds 96 * 100 + 35.
int iban_mod_97(std::string_view compact) {
  int remainder = 0;
  auto add = [&remainder](char c) {
    remainder =
        is_ascii_digit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
  };
  for (const char c : compact.substr(4)) add(c);
  for (const char c : compact.substr(0, 4)) add(c);
  return remainder;
}

// Removes spaces, upper-cases, and drops a leading "IBAN" or "IBAN:".
std::string compact_form(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (const char c : text) {
    if (c != ' ') compact += c;
  }
  compact = ascii_upper(compact);
  if (compact.starts_with("IBAN")) compact.erase(0, compact.starts_with("IBAN:") ? 5 : 4);
  return compact;
}

const IbanCountry* find_iban_country(std::string_view country_code) {
  const auto it =
      std::lower_bound(k_iban_countries.begin(), k_iban_countries.end(), country_code,
                       [](const IbanCountry& country, std::string_view code) { return country.code < code; });
  return it == k_iban_countries.end() || it->code != country_code ? nullptr : &*it;
}

}  // namespace

std::optional<std::size_t> iban_length(std::string_view country_code) {
  const IbanCountry* country = find_iban_country(country_code);
  return country != nullptr ? std::optional(country->length) : std::nullopt;
}

std::string_view iban_bank_code(std::string_view iban) {
  const IbanCountry* country = find_iban_country(iban.substr(0, 2));
  if (country == nullptr || iban.size() != country->length) return {};
  return iban.substr(4 + country->bank_start, country->bank_length);
}

Result<std::string> normalise_iban(std::string_view raw) {
  const std::string_view text = trim_ascii_space(raw);
  if (text.size() > k_max_iban_input_bytes) {
    return invalid_argument("iban: input has {} bytes; the longest accepted is {}", text.size(),
                            k_max_iban_input_bytes);
  }
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x20 || byte > 0x7e) {
      return invalid_argument("iban: byte 0x{:02x} at offset {} is not printable ASCII", byte, offset);
    }
  }
  const std::string compact = compact_form(text);
  if (compact.empty()) return invalid_argument("iban: input is empty");
  for (std::size_t offset = 0; offset < compact.size(); ++offset) {
    if (!is_ascii_alnum(compact[offset])) {
      return invalid_argument("iban: '{}' has character '{}' at position {}, which is not a letter or digit",
                              compact, compact[offset], offset + 1);
    }
  }
  if (compact.size() < 2 || !is_ascii_alpha(compact[0]) || !is_ascii_alpha(compact[1])) {
    return invalid_argument("iban: '{}' does not start with a two-letter country code", compact);
  }
  const std::string_view country = std::string_view(compact).substr(0, 2);
  const std::optional<std::size_t> length = iban_length(country);
  if (!length) return invalid_argument("iban: '{}': {} is not an IBAN country", compact, country);
  if (compact.size() != *length) {
    return invalid_argument("iban: '{}' has {} characters; {} IBANs have {}", compact, compact.size(),
                            country, *length);
  }
  if (!is_ascii_digit(compact[2]) || !is_ascii_digit(compact[3])) {
    return invalid_argument("iban: '{}' has check digits '{}', which are not two digits", compact,
                            compact.substr(2, 2));
  }
  if (iban_mod_97(compact) != 1) return invalid_argument("iban: '{}' fails the mod-97 check", compact);
  // Check digits are 98 - (remainder), so 02 to 98; 00, 01 and 99 pass mod-97 only as aliases of 97,
  // 98 and 02, and no issuer produces them.
  const int check_digits = (compact[2] - '0') * 10 + (compact[3] - '0');
  if (check_digits < 2 || check_digits > 98) {
    return invalid_argument("iban: '{}' has check digits {}, outside the range 02 to 98", compact,
                            compact.substr(2, 2));
  }
  return compact;
}

}  // namespace jala::model
