// What mule scoring (`jala flow suspects`, `jala flow freeze-list`, GET /api/v1/suspects and /freeze-list) reads from
// one snapshot of the store: the ledger of every transaction, and which accounts the reports name and in which network
// (analysis/linked_store.h).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/analysis/linked_store.h"
#include "jala/flow/freeze_list.h"
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

// The time of the ledger's last transaction, what a freeze list is as of; nothing for an empty ledger.
std::optional<Timestamp> freeze_list_as_of(const flow::Ledger& ledger);

// {"as_of", "groups": [{"country", "institution", "recoverable_usd", "accounts": [...]}]}: `jala flow
// freeze-list --json`, each account as suspect_json() gives it with its "recoverable_usd". With
// `accounts_per_group`, each group lists only its first so many accounts, after "accounts_total" (a 10M
// store's list names 66,531 accounts in 30 groups: 33 MB); "recoverable_usd" is still the whole group's.
nlohmann::ordered_json freeze_list_json(const flow::Ledger& ledger, std::span<const flow::FreezeGroup> groups,
                                        std::optional<std::size_t> accounts_per_group = std::nullopt);

}  // namespace jala::analysis
