// The node's networks and suspects for the JSON API, computed once per state of the store and shared by
// every worker: linking every report takes seconds at a million reports, far too long for each request.
// The state is storage::ReadView::records_changed_at(), which moves on with every write of reports or
// transactions and not with custody events (each partner read logs some); the first request after a change
// brings the networks up to date while the others wait for it, reading only the reports stored since
// (analysis::update_linked).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "jala/analysis/linked_store.h"
#include "jala/analysis/money.h"

namespace jala::server {

// The accounts that move scam money, best first (flow/suspects.h), with the ledger that names them.
struct SuspectList {
  analysis::MoneyView money;
  std::vector<flow::Suspect> accounts;
};

class AnalysisCache {
 public:
  explicit AnalysisCache(std::shared_ptr<const extract::WarningLists> warning_lists)
      : m_warning_lists(std::move(warning_lists)) {}

  // The lists that mark benign selectors.
  const extract::WarningLists& warning_lists() const { return *m_warning_lists; }
  // The view's reports linked into ranked networks.
  Result<std::shared_ptr<const analysis::LinkedStore>> linked(const storage::ReadView& view);
  // The view's suspect accounts, scored with their networks.
  Result<std::shared_ptr<const SuspectList>> suspects(const storage::ReadView& view);
  // The suspects (and so the whole ledger) if they are scored for the view's state and nobody is updating
  // the cache; else nothing, at once.
  Result<std::shared_ptr<const SuspectList>> suspects_if_ready(const storage::ReadView& view);

 private:
  template <typename T>
  struct Entry {
    std::uint64_t records_changed_at = 0;  // storage::ReadView::records_changed_at() when it was made
    std::shared_ptr<T> value;  // handed out as const
  };
  Result<std::shared_ptr<const analysis::LinkedStore>> linked_locked(const storage::ReadView& view,
                                                                     std::uint64_t changed_at);

  std::shared_ptr<const extract::WarningLists> m_warning_lists;
  std::mutex m_mutex;
  Entry<analysis::LinkedStore> m_linked;
  Entry<SuspectList> m_suspects;
};

}  // namespace jala::server
