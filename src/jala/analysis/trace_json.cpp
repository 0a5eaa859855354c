#include "jala/analysis/trace_json.h"

#include <algorithm>

#include "jala/analysis/list_cut.h"
#include "jala/analysis/usd_figure.h"
#include "jala/base/time.h"

namespace jala::analysis {

nlohmann::ordered_json transfer_json(const flow::Ledger& ledger, flow::TransferId transfer) {
  const flow::Transfer& made = ledger.transfer(transfer);
  return {{"transaction", {{"source", ledger.source(transfer)}, {"id", ledger.record_id(transfer)}}},
          {"from", ledger.account(made.from).to_string()},
          {"to", ledger.account(made.to).to_string()},
          {"at", format_rfc3339(made.at)},
          {"amount", made.amount},
          {"currency", ledger.currency(transfer)},
          {"channel", model::to_string(made.channel)}};
}

namespace {

// The entries of `all` in `window`, or all of them without one.
template <typename T>
std::span<const T> in_window(std::span<const T> all, const std::optional<ListWindow>& window) {
  if (!window) return all;
  return first_at_most(all.subspan(std::min(window->offset, all.size())), window->limit);
}

}  // namespace

nlohmann::ordered_json trace_json(const flow::Ledger& ledger, std::string_view traced,
                                  const flow::TraceOptions& options, const flow::Trace& trace,
                                  std::optional<ListWindow> window) {
  nlohmann::ordered_json hops = nlohmann::ordered_json::array();
  for (const flow::Hop& hop : in_window(std::span(trace.hops), window)) {
    nlohmann::ordered_json entry{{"hop", hop.hop}};
    entry.update(transfer_json(ledger, hop.transfer));
    entry["taint_usd"] = usd_to_the_cent(hop.taint_usd);
    hops.push_back(std::move(entry));
  }
  nlohmann::ordered_json endpoints = nlohmann::ordered_json::array();
  for (const flow::Endpoint& end :
       in_window(std::span(trace.endpoints), window ? ListWindow{0, window->limit} : window)) {
    endpoints.push_back({{"account", ledger.account(end.account).to_string()},
                         {"reason", flow::to_string(end.reason)},
                         {"taint_usd", usd_to_the_cent(end.taint_usd)}});
  }
  nlohmann::ordered_json out{{"traced", traced},
                             {"rule", flow::to_string(options.rule)},
                             {"max_hops", options.max_hops},
                             {"seeded_usd", usd_to_the_cent(trace.seeded_usd)}};
  if (window) {
    out["hops_total"] = trace.hops.size();
    out["endpoints_total"] = trace.endpoints.size();
    out["offset"] = window->offset;
  }
  out["hops"] = std::move(hops);
  out["endpoints"] = std::move(endpoints);
  return out;
}

nlohmann::ordered_json funding_json(const flow::Ledger& ledger, flow::AccountId account, flow::TaintRule rule,
                                    std::span<const flow::Funding> funding, std::optional<ListWindow> window) {
  double total = 0;
  for (const flow::Funding& f : funding) total += f.reached_usd;
  nlohmann::ordered_json payments = nlohmann::ordered_json::array();
  for (const flow::Funding& f : in_window(funding, window)) {
    nlohmann::ordered_json entry = transfer_json(ledger, f.payment);
    entry["reached_usd"] = usd_to_the_cent(f.reached_usd);
    payments.push_back(std::move(entry));
  }
  nlohmann::ordered_json out{{"account", ledger.account(account).to_string()},
                             {"rule", flow::to_string(rule)},
                             {"reached_usd", usd_to_the_cent(total)}};
  if (window) {
    out["payments_total"] = funding.size();
    out["offset"] = window->offset;
  }
  out["payments"] = std::move(payments);
  return out;
}

}  // namespace jala::analysis
