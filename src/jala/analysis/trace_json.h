// Traces as JSON, for `jala trace --json` and GET /api/v1/trace alike (docs/formats/cli.md): where money
// went hop by hop (flow::Trace), or the origin payments whose money reached an account (flow::Funding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/flow/trace.h"

namespace jala::analysis {

// A window on a long list: its entries [offset, offset + limit). A trace through a busy account holds
// hundreds of thousands of hops, which a client asks for a window at a time (GET /api/v1/trace).
struct ListWindow {
  std::size_t offset = 0;
  std::size_t limit = 0;
};

// {"transaction": {"source", "id"}, "from", "to", "at", "amount", "currency", "channel"}.
nlohmann::ordered_json transfer_json(const flow::Ledger& ledger, flow::TransferId transfer);

// {"traced", "rule", "max_hops", "seeded_usd", "hops": [...], "endpoints": [...]}; `traced` names the
// account or payment traced. With a window, "hops" holds the hops in it and "endpoints" the first `limit`
// endpoints, after "hops_total", "endpoints_total" and "offset".
nlohmann::ordered_json trace_json(const flow::Ledger& ledger, std::string_view traced,
                                  const flow::TraceOptions& options, const flow::Trace& trace,
                                  std::optional<ListWindow> window = std::nullopt);

// {"account", "rule", "reached_usd", "payments": [...]}: what trace_back() found for `account`. With a
// window, "payments" holds the payments in it, after "payments_total" and "offset"; "reached_usd" is
// still the sum over all of them.
nlohmann::ordered_json funding_json(const flow::Ledger& ledger, flow::AccountId account, flow::TaintRule rule,
                                    std::span<const flow::Funding> funding,
                                    std::optional<ListWindow> window = std::nullopt);

}  // namespace jala::analysis
