#include "jala/model/iban.h"

#include <algorithm>
#include <array>

#include "jala/model/text.h"

namespace jala::model {
namespace {

struct IbanCountry {
  std::string_view code;
  std::size_t length;
};

// Every country of the SWIFT IBAN registry with its IBAN length, sorted by code. Territories that use
// another country's code (e.g. GF, RE and the other French territories use FR) are not listed.
constexpr std::array<IbanCountry, 89> k_iban_countries = {{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
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

}  // namespace

std::optional<std::size_t> iban_length(std::string_view country_code) {
  const auto it =
      std::lower_bound(k_iban_countries.begin(), k_iban_countries.end(), country_code,
                       [](const IbanCountry& country, std::string_view code) { return country.code < code; });
  if (it == k_iban_countries.end() || it->code != country_code) return std::nullopt;
  return it->length;
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
