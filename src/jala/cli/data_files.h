// The data files a node reads at start-up (warning lists, bank table), from $JALA_DATA_DIR, else the
// project's data/ folder that this binary was built from.
#pragma once

#include <string>

#include "jala/base/result.h"
#include "jala/extract/warninglist.h"

namespace jala::cli {

std::string data_directory();
// data_directory()/warninglists; an error names the bad file and line.
Result<extract::WarningLists> load_warning_lists();

}  // namespace jala::cli
