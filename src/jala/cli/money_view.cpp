#include "jala/cli/money_view.h"

#include "jala/cli/linked_store.h"

namespace jala::cli {

Result<analysis::MoneyView> read_money(const Context& context) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  analysis::MoneyView money;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const analysis::LinkedStore linked, link_view(view));
    JALA_TRY_ASSIGN(money, analysis::read_money(view, linked));
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
