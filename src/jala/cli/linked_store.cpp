#include "jala/cli/linked_store.h"

#include "jala/cli/data_files.h"

namespace jala::cli {

Result<LinkedStore> link_view(const storage::ReadView& view) {
  LinkedStore linked;
  JALA_TRY_ASSIGN(linked.warning_lists, load_warning_lists());
  JALA_TRY_ASSIGN(linked.input, view.link_input());
  std::vector<bool> benign(linked.input.selector_count());
  for (graph::SelectorId s = 0; s < benign.size(); ++s) {
    benign[s] = !linked.warning_lists.match(linked.input.selector(s)).empty();
  }
  linked.linking = graph::link_reports(linked.input, benign);
  linked.ranked = graph::rank_networks(linked.input, linked.linking);
  return linked;
}

Result<LinkedStore> link_store(const Context& context) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  Result<LinkedStore> linked = failed_precondition("the store was not read");
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    linked = link_view(view);
    return {};
  }));
  return linked;
}

}  // namespace jala::cli
