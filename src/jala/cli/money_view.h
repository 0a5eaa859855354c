// What mule scoring (`jala flow suspects`, `jala flow freeze-list`) reads from one snapshot of the store:
// the ledger of every transaction, and which accounts the reports name and in which network
// (cli/linked_store.h).
#pragma once

#include <vector>

#include "jala/base/result.h"
#include "jala/cli/commands.h"
#include "jala/flow/ledger.h"
#include "jala/flow/suspects.h"

namespace jala::cli {

struct MoneyView {
  flow::Ledger ledger;
  std::vector<flow::ReportedAccount> reported;
};

Result<MoneyView> read_money(const Context& context);

// Parses "type:value" as the account of a command-line option, naming the option when it fails.
Result<flow::AccountId> find_account(const flow::Ledger& ledger, std::string_view typed, std::string_view option);

}  // namespace jala::cli
