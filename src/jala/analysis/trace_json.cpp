#include "jala/analysis/trace_json.h"

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

nlohmann::ordered_json trace_json(const flow::Ledger& ledger, std::string_view traced,
                                  const flow::TraceOptions& options, const flow::Trace& trace) {
  nlohmann::ordered_json hops = nlohmann::ordered_json::array();
  for (const flow::Hop& hop : trace.hops) {
    nlohmann::ordered_json entry{{"hop", hop.hop}};
    entry.update(transfer_json(ledger, hop.transfer));
    entry["taint_usd"] = hop.taint_usd;
    hops.push_back(std::move(entry));
  }
  nlohmann::ordered_json endpoints = nlohmann::ordered_json::array();
  for (const flow::Endpoint& end : trace.endpoints) {
    endpoints.push_back({{"account", ledger.account(end.account).to_string()},
                         {"reason", flow::to_string(end.reason)},
                         {"taint_usd", end.taint_usd}});
  }
  return {{"traced", traced},
          {"rule", flow::to_string(options.rule)},
          {"max_hops", options.max_hops},
          {"seeded_usd", trace.seeded_usd},
          {"hops", std::move(hops)},
          {"endpoints", std::move(endpoints)}};
}

nlohmann::ordered_json funding_json(const flow::Ledger& ledger, flow::AccountId account, flow::TaintRule rule,
                                    std::span<const flow::Funding> funding) {
  double total = 0;
  nlohmann::ordered_json payments = nlohmann::ordered_json::array();
  for (const flow::Funding& f : funding) {
    total += f.reached_usd;
    nlohmann::ordered_json entry = transfer_json(ledger, f.payment);
    entry["reached_usd"] = f.reached_usd;
    payments.push_back(std::move(entry));
  }
  return {{"account", ledger.account(account).to_string()},
          {"rule", flow::to_string(rule)},
          {"reached_usd", total},
          {"payments", std::move(payments)}};
}

}  // namespace jala::analysis
