#include "jala/server/analysis_cache.h"

namespace jala::server {

Result<std::shared_ptr<const analysis::LinkedStore>> AnalysisCache::linked(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const std::uint64_t changed_at, view.records_changed_at());
  const std::lock_guard lock(m_mutex);
  return linked_locked(view, changed_at);
}

Result<std::shared_ptr<const SuspectList>> AnalysisCache::suspects(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const std::uint64_t changed_at, view.records_changed_at());
  const std::lock_guard lock(m_mutex);
  if (m_suspects.value && m_suspects.records_changed_at == changed_at) return m_suspects.value;
  JALA_TRY_ASSIGN(const std::shared_ptr<const analysis::LinkedStore> linked, linked_locked(view, changed_at));
  auto list = std::make_shared<SuspectList>();
  JALA_TRY_ASSIGN(list->money, analysis::read_money(view, *linked));
  list->accounts = flow::find_suspects(list->money.ledger, list->money.reported);
  m_suspects = {changed_at, std::move(list)};
  return m_suspects.value;
}

Result<std::shared_ptr<const SuspectList>> AnalysisCache::suspects_if_ready(const storage::ReadView& view) {
  JALA_TRY_ASSIGN(const std::uint64_t changed_at, view.records_changed_at());
  const std::unique_lock lock(m_mutex, std::try_to_lock);
  if (!lock.owns_lock() || m_suspects.records_changed_at != changed_at) return std::shared_ptr<const SuspectList>();
  return m_suspects.value;
}

Result<std::shared_ptr<const analysis::LinkedStore>> AnalysisCache::linked_locked(const storage::ReadView& view,
                                                                                  std::uint64_t changed_at) {
  if (m_linked.value && m_linked.records_changed_at == changed_at) return m_linked.value;
  // Only this cache hands out copies, under the lock: when it holds the one left, no request reads the
  // graph and it can grow in place; otherwise a request still reads it, and a copy grows instead. The
  // first time, an empty graph grows to the whole store.
  std::shared_ptr<analysis::LinkedStore> next;
  if (!m_linked.value) {
    next = std::make_shared<analysis::LinkedStore>();
    next->warning_lists = m_warning_lists;
  } else {
    next = m_linked.value.use_count() == 1 ? std::move(m_linked.value)
                                           : std::make_shared<analysis::LinkedStore>(*m_linked.value);
  }
  m_linked = {};
  JALA_TRY(analysis::update_linked(view, *next));
  m_linked = {changed_at, std::move(next)};
  return m_linked.value;
}

}  // namespace jala::server
