#include "jala/cli/money_view.h"

#include "jala/cli/linked_store.h"

namespace jala::cli {
namespace {

// The accounts that reports name, with how many reports and the best network among them.
std::vector<flow::ReportedAccount> reported_accounts(const flow::Ledger& ledger, const LinkedStore& linked) {
  std::vector<std::string> network_of(linked.input.selector_count());
  for (const graph::NetworkSummary& network : linked.ranked) {  // best first: the best network wins
    for (const graph::ReportId r : network.reports) {
      for (const graph::SelectorId s : linked.input.selectors_of(r)) {
        if (network_of[s].empty()) network_of[s] = network.id;
      }
    }
  }
  std::vector<flow::ReportedAccount> reported;
  for (graph::SelectorId s = 0; s < linked.input.selector_count(); ++s) {
    if (linked.linking.reports_naming[s] == 0) continue;  // a transaction's account, in no report
    if (const std::optional<flow::AccountId> account = ledger.find(linked.input.selector(s))) {
      reported.push_back({*account, linked.linking.reports_naming[s], network_of[s]});
    }
  }
  return reported;
}

}  // namespace

Result<MoneyView> read_money(const Context& context) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  MoneyView money;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(money.ledger, view.ledger());
    JALA_TRY_ASSIGN(const LinkedStore linked, link_view(view));
    money.reported = reported_accounts(money.ledger, linked);
    return {};
  }));
  return money;
}

Result<flow::AccountId> find_account(const flow::Ledger& ledger, std::string_view typed, std::string_view option) {
  Result<model::Selector> account = model::parse_selector(typed, {});
  if (!account.ok()) return account.error().with_context(option);
  const std::optional<flow::AccountId> found = ledger.find(*account);
  if (!found) return not_found("{}: no transaction names {}", option, account->to_string());
  return *found;
}

}  // namespace jala::cli
