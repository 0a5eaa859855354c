// The freeze list (docs/flow.md): the suspect accounts where a stop-payment request would recover
// most now, grouped by country and institution, so that each group is one request to one bank or
// exchange. An account's recoverable money is what it still holds (received minus paid on) weighted
// by its suspicion score; groups and the accounts in them are ordered by it.
//
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "jala/flow/ledger.h"
#include "jala/flow/suspects.h"

namespace jala::flow {

// Where an account is held: a bank's BIC or name and its country for bank accounts and IBANs, the
// chain for wallets, the platform for other selectors, with the number's country for those named by a phone
// number (an e-wallet's account). `country` is empty when the selector does not say. Where a country's
// IBANs name the bank by its BIC's first four letters (GB and a few others), an IBAN and a BIC8 account of
// one bank are one institution (docs/flow.md, Freeze list). Uses the bank table (model/bank_table.h).
struct Institution {
  std::string country;
  std::string name;
  auto operator<=>(const Institution&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};
Institution institution_of(const model::Selector& account);

struct FreezeGroup {
  Institution institution;
  double recoverable_usd = 0;
  std::vector<const Suspect*> accounts;  // into the suspects given; most recoverable first
};

// Suspects still holding money, grouped; `country` (ISO 3166-1 alpha-2) keeps one country's groups.
std::vector<FreezeGroup> freeze_list(const Ledger& ledger, std::span<const Suspect> suspects,
                                     std::string_view country = {});

// What freezing this suspect could recover.
double recoverable_usd(const Suspect& suspect);

}  // namespace jala::flow
