// The store's reports linked into ranked networks (graph/linking.h, graph/ranking.h), with the
// warning lists that mark benign selectors: what `jala networks`, `jala network show` and the money
// commands (which name each suspect's network) share.
#pragma once

#include <vector>

#include "jala/base/result.h"
#include "jala/cli/commands.h"
#include "jala/extract/warninglist.h"
#include "jala/flow/ledger.h"
#include "jala/graph/linking.h"
#include "jala/graph/ranking.h"
#include "jala/storage/store.h"

namespace jala::cli {

struct LinkedStore {
  graph::LinkInput input;
  graph::Linking linking;
  std::vector<graph::NetworkSummary> ranked;
  extract::WarningLists warning_lists;
};

// Links the reports of one snapshot.
Result<LinkedStore> link_view(const storage::ReadView& view);
// Opens the context's store and links its reports.
Result<LinkedStore> link_store(const Context& context);
// The ranked network with this id, or an error naming it.
Result<const graph::NetworkSummary*> find_network(const LinkedStore& linked, std::string_view id);
// What the network's reports name, hubs, stray links and benign selectors aside (distinct): its accounts,
// where transactions name them. What to read the network's money with (storage::ReadView::ledger_of).
std::vector<model::Selector> network_selectors(const LinkedStore& linked, const graph::NetworkSummary& network);
// The network's accounts in the ledger, ascending.
std::vector<flow::AccountId> network_accounts(const LinkedStore& linked, const flow::Ledger& ledger,
                                              const graph::NetworkSummary& network);

}  // namespace jala::cli
