// The SQLite backend's bulk read of every transaction into a flow::Ledger (ReadView::ledger()): one
// scan of the transactions, then one of the selectors they name. Internal to storage/sqlite/.
#pragma once

#include "jala/base/result.h"
#include "jala/flow/ledger.h"

struct sqlite3;

namespace jala::storage::sqlite {

Result<flow::Ledger> read_ledger(sqlite3* db);

}  // namespace jala::storage::sqlite
