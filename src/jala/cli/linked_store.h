// The store's reports linked into ranked networks (analysis/linked_store.h), with the warning lists of
// the node's data directory (cli/data_files.h).
#pragma once

#include "jala/analysis/linked_store.h"
#include "jala/cli/commands.h"

namespace jala::cli {

// Links the reports of one snapshot.
Result<analysis::LinkedStore> link_view(const storage::ReadView& view);
// Opens the context's store and links its reports.
Result<analysis::LinkedStore> link_store(const Context& context);

}  // namespace jala::cli
