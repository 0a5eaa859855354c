// The SQLite backend's reads of transactions into a flow::Ledger. ReadView::ledger() reads every one: one
// scan of the transactions, then one of the selectors they name. ReadView::ledger_of() reads those of
// some accounts through the indexes on senders and receivers. Internal to storage/sqlite/.
#pragma once

#include <span>

#include "jala/base/result.h"
#include "jala/flow/ledger.h"
#include "jala/model/selector.h"

struct sqlite3;

namespace jala::storage::sqlite {

Result<flow::Ledger> read_ledger(sqlite3* db);
Result<flow::Ledger> read_ledger_of(sqlite3* db, std::span<const model::Selector> accounts);

}  // namespace jala::storage::sqlite
