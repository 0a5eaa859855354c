#include "jala/cli/linked_store.h"

#include "jala/cli/data_files.h"

namespace jala::cli {

Result<analysis::LinkedStore> link_view(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(extract::WarningLists lists, load_warning_lists());
  return analysis::link_view(view, std::make_shared<const extract::WarningLists>(std::move(lists)));
}

Result<analysis::LinkedStore> link_store(const Context& context) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  return storage::read_value(*store, [](const storage::ReadView& view) { return link_view(view); });
}

}  // namespace jala::cli
