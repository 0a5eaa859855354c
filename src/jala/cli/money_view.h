// What mule scoring reads (analysis/money.h), from the context's store, and the accounts that
// command-line options name.
#pragma once

#include <string_view>

#include "jala/analysis/money.h"
#include "jala/cli/commands.h"

namespace jala::cli {

// Also warns, as warn_uncounted_transfers() does.
Result<analysis::MoneyView> read_money(const Context& context);

// Says on standard error what of the transactions traces and scores do not count: how many are in
// currencies without a US dollar rate (data/rates/usd.tsv), and which, worth 0 USD there; and how many pay
// their own account, left out. Nothing when there are none.
void warn_uncounted_transfers(const flow::Ledger& ledger);

// The ledger's account of a command-line option, naming the option when no transaction names it.
Result<flow::AccountId> find_account(const flow::Ledger& ledger, const model::Selector& account,
                                     std::string_view option);

}  // namespace jala::cli
