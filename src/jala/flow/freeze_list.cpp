#include "jala/flow/freeze_list.h"

#include <algorithm>
#include <array>
#include <map>

#include "jala/flow/trace.h"
#include "jala/model/bank_table.h"
#include "jala/model/iban.h"
#include "jala/model/normalisers.h"

namespace jala::flow {
namespace {

constexpr std::size_t k_bic8 = 8;
constexpr std::size_t k_bic_bank_code = 4;  // a BIC's first four letters: its institution

bool is_bic8(std::string_view bank) {
  return bank.size() == k_bic8 &&
         std::all_of(bank.begin(), bank.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Countries whose IBANs name the bank by its BIC's first four letters (the SWIFT IBAN registry's "bank
// identifier" there is the BIC's bank code: GB29NWBK… is NWBKGB2L's), so that an IBAN and a BIC8 account of
// one bank are one institution. Not Malta, whose IBAN codes are not the BIC's (MALT… is VALLMTMT's), nor the
// countries whose codes are digits; a country left out keeps its IBANs' groups apart from BIC8 accounts.
constexpr std::array<std::string_view, 7> k_bic_coded_iban_countries = {"BG", "GB", "GI", "IE", "LV", "NL", "RO"};

bool names_banks_by_bic(std::string_view country) {
  return std::find(k_bic_coded_iban_countries.begin(), k_bic_coded_iban_countries.end(), country) !=
         k_bic_coded_iban_countries.end();
}

// The institution of a bank known by its BIC's bank code in such a country, whichever way its account is
// written: the BIC8 the bank table (data/banks/banks.tsv) has for that code and country, else the IBAN's
// form of a name ("GB bank MIDL"). Two BIC8s of one code and country are one institution (ISO 9362: the
// code names it; the last two letters, a location).
Institution bic_coded_institution(std::string_view bank_code, std::string_view country) {
  static const std::map<std::string, std::string_view, std::less<>> table_bic8s = [] {
    std::map<std::string, std::string_view, std::less<>> bic8s;
    for (const model::WrittenBank& bank : model::written_banks()) {
      if (is_bic8(bank.bic8)) bic8s.emplace(std::string(bank.bic8.substr(0, k_bic_bank_code + 2)), bank.bic8);
    }
    return bic8s;
  }();
  const std::string prefix = std::string(bank_code) + std::string(country);
  const auto known = table_bic8s.find(prefix);
  return {std::string(country), known != table_bic8s.end() ? std::string(known->second)
                                                           : std::string(country) + " bank " + std::string(bank_code)};
}

}  // namespace

Institution institution_of(const model::Selector& account) {
  const std::string_view value = account.value;
  switch (account.type) {
    case model::SelectorType::bank: {
      // bank:BANK:DIGITS, BANK a BIC8 (its letters 5 and 6 are the country) or a bank's name.
      const std::string_view bank = value.substr(0, value.find(':'));
      if (!is_bic8(bank)) return {"", std::string(bank)};
      const std::string_view country = bank.substr(k_bic_bank_code, 2);
      if (names_banks_by_bic(country)) return bic_coded_institution(bank.substr(0, k_bic_bank_code), country);
      return {std::string(country), std::string(bank)};
    }
    case model::SelectorType::iban: {
      // The country, and its national bank code (model/iban.h).
      const std::string_view country = value.substr(0, 2);
      const std::string_view bank_code = model::iban_bank_code(value);
      if (names_banks_by_bic(country) && bank_code.size() == k_bic_bank_code &&
          std::all_of(bank_code.begin(), bank_code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return bic_coded_institution(bank_code, country);
      }
      return {std::string(country), std::string(country) + " bank " + std::string(bank_code)};
    }
    case model::SelectorType::wallet: return {"", "chain " + std::string(value.substr(0, value.find(':')))};
    default: {
      // An e-wallet or messaging account named by its number: the number's country.
      const std::optional<std::string_view> phone = model::phone_named_by(account);
      return {phone ? model::phone_country(*phone) : "", std::string(model::to_string(account.type))};
    }
  }
}

double recoverable_usd(const Suspect& suspect) { return suspect.held_usd * suspect.score; }

std::vector<FreezeGroup> freeze_list(const Ledger& ledger, std::span<const Suspect> suspects,
                                     std::string_view country) {
  std::map<Institution, FreezeGroup> groups;
  for (const Suspect& suspect : suspects) {
    // Under a cent (a remainder of floating-point sums, or dust) is no money to stop.
    if (suspect.held_usd < k_dust_usd || recoverable_usd(suspect) <= 0) continue;
    Institution institution = institution_of(ledger.account(suspect.account));
    if (!country.empty() && institution.country != country) continue;
    FreezeGroup& group = groups[institution];
    group.institution = std::move(institution);
    group.recoverable_usd += recoverable_usd(suspect);
    group.accounts.push_back(&suspect);
  }
  std::vector<FreezeGroup> list;
  for (auto& [institution, group] : groups) {
    std::stable_sort(group.accounts.begin(), group.accounts.end(),
                     [](const Suspect* a, const Suspect* b) { return recoverable_usd(*a) > recoverable_usd(*b); });
    list.push_back(std::move(group));
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const FreezeGroup& a, const FreezeGroup& b) { return a.recoverable_usd > b.recoverable_usd; });
  return list;
}

}  // namespace jala::flow
