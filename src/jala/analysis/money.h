// What mule scoring (`jala flow suspects`, `jala flow freeze-list`, GET /api/v1/suspects) reads from one
// snapshot of the store: the ledger of every transaction, and which accounts the reports name and in
// which network (analysis/linked_store.h).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "jala/analysis/linked_store.h"
#include "jala/flow/ledger.h"
#include "jala/flow/suspects.h"

namespace jala::analysis {

struct MoneyView {
  flow::Ledger ledger;
  std::vector<flow::ReportedAccount> reported;
};

// Reads every transaction of the view; `linked` must be of the same snapshot.
Result<MoneyView> read_money(const storage::ReadView& view, const LinkedStore& linked);

// {"account", "role", "score", "why", "in_usd", "out_usd", "held_usd", "last_activity"[, "network"]}: one
// account of `jala flow suspects --json`.
nlohmann::ordered_json suspect_json(const flow::Ledger& ledger, const flow::Suspect& suspect);

}  // namespace jala::analysis
