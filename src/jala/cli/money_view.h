// What mule scoring reads (analysis/money.h), from the context's store, and the accounts that
// command-line options name.
#pragma once

#include <string_view>

#include "jala/analysis/money.h"
#include "jala/cli/commands.h"

namespace jala::cli {

Result<analysis::MoneyView> read_money(const Context& context);

// Parses "type:value" as the account of a command-line option, naming the option when it fails.
Result<flow::AccountId> find_account(const flow::Ledger& ledger, std::string_view typed, std::string_view option);

}  // namespace jala::cli
