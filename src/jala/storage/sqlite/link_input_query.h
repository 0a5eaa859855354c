// The SQLite backend's bulk read of the report-selector graph for linking (ReadView::extend_link_input):
// three ordered scans, from where the last read stopped, merged in one pass. Internal to storage/sqlite/.
#pragma once

#include <cstdint>

#include "jala/base/result.h"
#include "jala/graph/link_input.h"
#include "jala/storage/store.h"

struct sqlite3;

namespace jala::storage::sqlite {

// ReadView::extend_link_input, with the evidence log's current size.
Result<bool> extend_link_input(sqlite3* db, std::uint64_t log_size, graph::LinkInput& input, LinkInputCursor& cursor);

}  // namespace jala::storage::sqlite
