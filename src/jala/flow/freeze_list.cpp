#include "jala/flow/freeze_list.h"

#include <algorithm>
#include <map>

#include "jala/flow/trace.h"
#include "jala/model/iban.h"
#include "jala/model/normalisers.h"

namespace jala::flow {
namespace {

constexpr std::size_t k_bic8 = 8;

bool is_bic8(std::string_view bank) {
  return bank.size() == k_bic8 &&
         std::all_of(bank.begin(), bank.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Institution institution_of(const model::Selector& account) {
  const std::string_view value = account.value;
  switch (account.type) {
    case model::SelectorType::bank: {
      // bank:BANK:DIGITS, BANK a BIC8 (its letters 5 and 6 are the country) or a bank's name.
      const std::string_view bank = value.substr(0, value.find(':'));
      return {is_bic8(bank) ? std::string(bank.substr(4, 2)) : std::string(), std::string(bank)};
    }
    case model::SelectorType::iban:
      // The country, and its national bank code (model/iban.h).
      return {std::string(value.substr(0, 2)),
              std::string(value.substr(0, 2)) + " bank " + std::string(model::iban_bank_code(value))};
    case model::SelectorType::wallet: return {"", "chain " + std::string(value.substr(0, value.find(':')))};
    // An e-wallet or messaging account named by its number: the number's country.
    case model::SelectorType::phone:
    case model::SelectorType::whatsapp:
    case model::SelectorType::zalo: return {model::phone_country(value), std::string(model::to_string(account.type))};
    default: return {"", std::string(model::to_string(account.type))};
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
