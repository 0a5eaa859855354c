// The SQLite backend's bulk read of the report-selector graph for linking (ReadView::link_input()):
// three ordered scans merged in one pass. Internal to storage/sqlite/.
#pragma once

#include "jala/base/result.h"
#include "jala/graph/link_input.h"

struct sqlite3;

namespace jala::storage::sqlite {

Result<graph::LinkInput> read_link_input(sqlite3* db);

}  // namespace jala::storage::sqlite
