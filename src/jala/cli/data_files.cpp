#include "jala/cli/data_files.h"

#include <cstdlib>

namespace jala::cli {

std::string data_directory() {
  const char* from_environment = std::getenv("JALA_DATA_DIR");
  return from_environment != nullptr && *from_environment != '\0' ? from_environment : JALA_DEFAULT_DATA_DIR;
}

Result<extract::WarningLists> load_warning_lists() {
  return extract::WarningLists::load(data_directory() + "/warninglists");
}

}  // namespace jala::cli
