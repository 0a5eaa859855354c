// The store's reports linked into ranked networks (graph/linking.h, graph/ranking.h), with the warning
// lists that mark benign selectors: what `jala networks`, `jala network show`, the money commands (which
// name each suspect's network) and the node's JSON API share.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "jala/base/result.h"
#include "jala/extract/warninglist.h"
#include "jala/flow/ledger.h"
#include "jala/graph/linking.h"
#include "jala/graph/ranking.h"
#include "jala/storage/store.h"

namespace jala::analysis {

struct LinkedStore {
  graph::LinkInput input;
  graph::Linking linking;
  std::vector<graph::NetworkSummary> ranked;
  std::shared_ptr<const extract::WarningLists> warning_lists;
  std::vector<bool> benign;          // by selector of `input`: on one of the warning lists
  storage::LinkInputCursor cursor;  // where the read of `input` stopped
};

// Links the reports of one snapshot; a selector on one of the warning lists is never a link.
Result<LinkedStore> link_view(const storage::ReadView& view,
                              std::shared_ptr<const extract::WarningLists> warning_lists);
// Brings `linked` (read from an earlier snapshot of the same store) up to `view`: reads only the reports
// stored since, matches only the new selectors against the warning lists, then links and ranks the whole
// graph again (a new report can make a selector a hub and so split a network anywhere). Reads everything
// anew when a report it holds has been stored again since. The result is what link_view gives.
struct LinkUpdate {
  std::size_t reports_added = 0;  // to the graph as it was
  bool read_anew = false;         // a report it held was stored again: every report was read
};
Result<LinkUpdate> update_linked(const storage::ReadView& view, LinkedStore& linked);
// The ranked network with this id, or an error naming it.
Result<const graph::NetworkSummary*> find_network(const LinkedStore& linked, std::string_view id);
// What the network's reports name, hubs, stray links and benign selectors aside (distinct, in the order of
// their type, then value): its accounts, where transactions name them. What to read the network's money
// with (storage::ReadView::ledger_of).
std::vector<model::Selector> network_selectors(const LinkedStore& linked, const graph::NetworkSummary& network);
// The network's accounts in the ledger: those of its selectors (network_selectors) that the ledger holds,
// in their order, which does not depend on how the ledger numbers its accounts.
std::vector<flow::AccountId> network_accounts(const flow::Ledger& ledger, std::span<const model::Selector> selectors);

}  // namespace jala::analysis
