// trace_back (trace.h): the walk back to candidate origin payments, each confirmed by a forward trace.
#include <algorithm>
#include <unordered_map>
#include <utility>

#include "jala/flow/trace.h"

namespace jala::flow {
namespace {

// Origin payments that could have funded `account`: a time-respecting walk back along incoming
// transfers, up to max_hops. An account is walked again only with a later bound than before.
std::vector<TransferId> candidate_payments(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  std::vector<TransferId> candidates;
  std::unordered_map<AccountId, TransferId> walked;  // account -> the bound it was walked with
  std::vector<std::pair<AccountId, TransferId>> frontier{{account, static_cast<TransferId>(ledger.transfer_count())}};
  for (std::uint32_t hop = 1; hop <= options.max_hops && !frontier.empty(); ++hop) {
    std::vector<std::pair<AccountId, TransferId>> next;
    for (const auto& [receiver, bound] : frontier) {
      const auto [seen, fresh] = walked.try_emplace(receiver, bound);
      if (!fresh) {
        if (seen->second >= bound) continue;
        seen->second = bound;
      }
      for (const TransferId t : ledger.incoming(receiver)) {
        const Transfer& transfer = ledger.transfer(t);
        if (t >= bound || transfer.at < options.since || transfer.at > options.until) continue;
        if (!ledger.received_before(transfer.from, t)) {
          candidates.push_back(t);
        } else if (transfer.from != account) {
          next.emplace_back(transfer.from, t);
        }
      }
    }
    frontier = std::move(next);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

}  // namespace

std::vector<Funding> trace_back(const Ledger& ledger, AccountId account, const TraceOptions& options) {
  const std::vector<TransferId> candidates = candidate_payments(ledger, account, options);
  const std::vector<double> reached = taint_reaching(ledger, candidates, account, options);
  std::vector<Funding> funding;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (reached[i] > 0) funding.push_back({candidates[i], reached[i]});
  }
  return funding;
}

}  // namespace jala::flow
