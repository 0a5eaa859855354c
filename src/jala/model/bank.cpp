// Bank accounts as `BANK:DIGITS`. BANK is the first 8 characters of the BIC when the value gives one (in
// capitals, or in any case for the BIC of a bank in the table); else the bank table's BANK for the name
// (bank_table.h: "Vietcombank", "VCB" and "Ngân hàng Ngoại thương" all give BFTVVNVX); else the name
// folded to lower-case ASCII without spaces ("Some Bank" -> "somebank"; names in other scripts are
// transliterated by ICU). DIGITS keeps the account's digits only.
#include <algorithm>
#include <optional>

#include "jala/base/utf8.h"
#include "jala/model/bank_table.h"
#include "jala/model/country.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

constexpr std::size_t k_min_account_digits = 4;
constexpr std::size_t k_max_account_digits = 34;  // the longest account numbers (as in IBANs)

// ISO 9362: 4 letters (bank), 2 letters (country), 2 alphanumerics (location), optional 3 (branch),
// written in capitals. Requiring capitals keeps 8- and 11-letter names such as "Vietcombank" from
// being read as BICs.
bool is_bic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool capital = c >= 'A' && c <= 'Z';
    if (i < 6 ? !capital : !(capital || is_ascii_digit(c))) return false;
  }
  return is_country(text.substr(4, 2));
}

}  // namespace

Result<std::string> normalise_bank(std::string_view raw, const NormaliseContext& context) {
  // The account number is the run of trailing tokens made only of digits, '-' and '.'; the bank is
  // what precedes it. Splitting on whole tokens keeps a BIC that ends in digits ("CHASUS33 987...")
  // apart from the account.
  constexpr std::string_view k_token_separators = " \t:/#";
  std::size_t split = raw.size();
  while (true) {
    std::size_t token_end = split;
    while (token_end > 0 && k_token_separators.find(raw[token_end - 1]) != std::string_view::npos) --token_end;
    std::size_t token_start = token_end;
    while (token_start > 0 && k_token_separators.find(raw[token_start - 1]) == std::string_view::npos) --token_start;
    const std::string_view token = raw.substr(token_start, token_end - token_start);
    const bool account_token = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
      return is_ascii_digit(c) || c == '-' || c == '.';
    });
    if (!account_token) break;
    split = token_start;
    if (split == 0) break;
  }
  std::string digits;
  for (char c : raw.substr(split)) {
    if (is_ascii_digit(c)) digits += c;
  }
  std::string_view bank = trim_ascii_space(raw.substr(0, split));
  while (!bank.empty() && (bank.back() == ':' || bank.back() == '/' || bank.back() == '#' || bank.back() == '-')) {
    bank = trim_ascii_space(bank.substr(0, bank.size() - 1));
  }
  if (bank.empty()) return invalid_argument("'{}' names no bank; write BANK:ACCOUNT", truncate_utf8(raw, 80));
  if (digits.size() < k_min_account_digits || digits.size() > k_max_account_digits) {
    return invalid_argument("'{}' has {} account digits; an account number has {} to {}", truncate_utf8(raw, 80),
                            digits.size(), k_min_account_digits, k_max_account_digits);
  }
  if (is_bic(bank)) return std::string(bank.substr(0, 8)) + ":" + digits;
  if (std::optional<std::string> known = resolve_bank(bank, context.default_region)) return *known + ":" + digits;
  JALA_TRY_ASSIGN(const std::string name, fold_bank_name(bank));
  // BICs are case-insensitive, but in lower case only those of the table's banks can be told from a
  // name: "somebank" (SOME BA NK) is the folded name "Some Bank" gives, and must read back as itself.
  // Testing the folded name keeps that so for "bftvvnvx" too.
  if (std::optional<std::string> bic8 = known_bic8(name)) return *bic8 + ":" + digits;
  // A bank written only in digits could not be told from the account when read back ("584:9122"
  // splits into an empty bank and one account), so the bank must have a letter.
  if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return invalid_argument("bank '{}' has no letters; write the bank's name or its BIC", truncate_utf8(bank, 80));
  }
  return name + ":" + digits;
}

}  // namespace jala::model
