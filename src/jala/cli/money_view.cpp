#include "jala/cli/money_view.h"

#include <fmt/core.h>

#include "jala/cli/linked_store.h"
#include "jala/graph/usd_rates.h"

namespace jala::cli {

Result<analysis::MoneyView> read_money(const Context& context) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  analysis::MoneyView money;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const analysis::LinkedStore linked, link_view(view));
    JALA_TRY_ASSIGN(money, analysis::read_money(view, linked));
    return {};
  }));
  warn_uncounted_transfers(money.ledger);
  return money;
}

void warn_uncounted_transfers(const flow::Ledger& ledger) {
  if (ledger.self_transfers() > 0) {
    fmt::print(stderr, "jala: {} transaction(s) pay their own account: they move no money, and are left out\n",
               ledger.self_transfers());
  }
  if (ledger.unpriced_transfers() == 0) return;
  std::string unpriced;
  for (const std::string& currency : ledger.currencies()) {
    if (graph::usd_per_unit(currency)) continue;
    if (!unpriced.empty()) unpriced += ", ";
    unpriced += currency;
  }
  fmt::print(stderr,
             "jala: {} transaction(s) in currencies without a US dollar rate ({}) count as 0 USD in traces and "
             "scores (data/rates/usd.tsv)\n",
             ledger.unpriced_transfers(), unpriced);
}

Result<flow::AccountId> find_account(const flow::Ledger& ledger, const model::Selector& account,
                                     std::string_view option) {
  const std::optional<flow::AccountId> found = ledger.find(account);
  if (!found) return not_found("{}: no transaction names {}", option, account.to_string());
  return *found;
}

}  // namespace jala::cli
