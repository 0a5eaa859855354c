// Traces as JSON, for `jala trace --json` and GET /api/v1/trace alike (docs/formats/cli.md): where money
// went hop by hop (flow::Trace), or the origin payments whose money reached an account (flow::Funding).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/flow/trace.h"

namespace jala::analysis {

// {"transaction": {"source", "id"}, "from", "to", "at", "amount", "currency", "channel"}.
nlohmann::ordered_json transfer_json(const flow::Ledger& ledger, flow::TransferId transfer);

// {"traced", "rule", "max_hops", "seeded_usd", "hops": [...], "endpoints": [...]}; `traced` names the
// account or payment traced.
nlohmann::ordered_json trace_json(const flow::Ledger& ledger, std::string_view traced,
                                  const flow::TraceOptions& options, const flow::Trace& trace);

// {"account", "rule", "reached_usd", "payments": [...]}: what trace_back() found for `account`.
nlohmann::ordered_json funding_json(const flow::Ledger& ledger, flow::AccountId account, flow::TaintRule rule,
                                    std::span<const flow::Funding> funding);

}  // namespace jala::analysis
