#include "jala/cli/commands.h"

namespace jala::cli {

Result<std::unique_ptr<storage::Store>> open_existing_store(const Context& context) {
  return storage::open_store(context.db, storage::k_existing_store_options);
}

}  // namespace jala::cli
