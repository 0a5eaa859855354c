#include "jala/storage/memory/memory_store.h"

#include <algorithm>
#include <map>
#include <set>

namespace jala::storage {
namespace {

class MemoryView : public WriteTransaction {
 public:
  explicit MemoryView(MemoryStore::State& state) : m_state(state) {}

  Result<std::optional<model::Report>> find_report(const RecordKey& key) const override {
    const auto found = m_state.reports.find(key);
    if (found == m_state.reports.end()) return std::optional<model::Report>();
    return std::optional<model::Report>(found->second.first);
  }

  Result<std::optional<model::Transaction>> find_transaction(const RecordKey& key) const override {
    const auto found = m_state.transactions.find(key);
    if (found == m_state.transactions.end()) return std::optional<model::Transaction>();
    return std::optional<model::Transaction>(found->second.first);
  }

  Result<std::vector<RecordKey>> reports_with_selector(const model::Selector& selector) const override {
    std::vector<RecordKey> out;
    for (const auto& [key, entry] : m_state.reports) {
      const std::vector<model::Selector> named = model::named_selectors(entry.first);
      if (std::find(named.begin(), named.end(), selector) != named.end()) out.push_back(key);
    }
    return out;
  }

  Result<SelectorReports> first_reports_with_selector(const model::Selector& selector,
                                                      std::size_t limit) const override {
    JALA_TRY_ASSIGN(std::vector<RecordKey> all, reports_with_selector(selector));
    SelectorReports found{static_cast<std::int64_t>(all.size()), std::move(all)};
    if (found.first.size() > limit) found.first.resize(limit);
    return found;
  }

  Result<std::vector<LureReport>> lure_reports() const override {
    std::vector<LureReport> out;
    for (const auto& [key, entry] : m_state.reports) {
      const model::Report& report = entry.first;
      if (report.assessment && report.assessment->lure) {
        out.push_back({key, report.country, report.reported_at, *report.assessment->lure});
      }
    }
    return out;
  }

  // Reports are kept by key, not in the order they came, so a new report may belong anywhere in the graph:
  // a graph is extended only when no report was stored since its read, and read anew otherwise.
  Result<bool> extend_link_input(graph::LinkInput& input, LinkInputCursor& cursor) const override {
    const std::uint64_t size = m_state.log_entries.size();
    const bool first_read = input.report_count() == 0 && input.selector_count() == 0;
    if (!first_read) {
      for (const auto& [kind_and_key, index] : m_state.logged) {
        if (kind_and_key.first == "report" && index >= cursor.log_size) return false;
      }
    } else {
      input = read_link_input();
    }
    cursor.log_size = size;
    return true;
  }

  graph::LinkInput read_link_input() const {
    graph::LinkInput input;
    std::map<model::Selector, graph::SelectorId> ids;
    std::vector<graph::SelectorId> named;
    for (const auto& [key, entry] : m_state.reports) {
      const model::Report& report = entry.first;
      named.clear();
      for (model::Selector& selector : model::named_selectors(report)) {
        const auto found = ids.find(selector);
        named.push_back(found != ids.end() ? found->second
                                           : ids.emplace(selector, input.add_selector(selector)).first->second);
      }
      std::sort(named.begin(), named.end());
      named.erase(std::unique(named.begin(), named.end()), named.end());
      input.add_report({report.source, report.id, report.kind, report.country, report.victim_country,
                        report.reported_at, report.loss, report.tlp},
                       named);
    }
    return input;
  }

  Result<flow::Ledger> ledger() const override {
    return ledger_where([](const model::Transaction&) { return true; });
  }

  Result<flow::Ledger> ledger_of(std::span<const model::Selector> accounts) const override {
    const std::set<model::Selector> wanted(accounts.begin(), accounts.end());
    return ledger_where([&](const model::Transaction& t) { return wanted.contains(t.from) || wanted.contains(t.to); });
  }

  Result<std::uint64_t> log_size() const override { return m_state.log_entries.size(); }
  Result<std::string> log_entry(std::uint64_t index) const override {
    if (index >= m_state.log_entries.size()) return not_found("the log has no entry {}", index);
    return m_state.log_entries[index];
  }
  bool log_stores_leaves() const override { return true; }
  Result<evidence::Hash> log_node(evidence::NodeId id) const override {
    const auto found = m_state.log_nodes.find(id);
    if (found == m_state.log_nodes.end()) {
      return not_found("the log has no node at level {} index {}", id.level, id.index);
    }
    return found->second;
  }
  Result<std::vector<evidence::Hash>> log_nodes(std::span<const evidence::NodeId> ids) const override {
    std::vector<evidence::Hash> hashes;
    hashes.reserve(ids.size());
    for (const evidence::NodeId id : ids) {
      JALA_TRY_ASSIGN(const evidence::Hash hash, log_node(id));
      hashes.push_back(hash);
    }
    return hashes;
  }

  Result<std::optional<std::uint64_t>> log_index(std::string_view kind, const RecordKey& key) const override {
    const auto found = m_state.logged.find({std::string(kind), key});
    if (found == m_state.logged.end()) return std::optional<std::uint64_t>();
    return std::optional<std::uint64_t>(found->second);
  }
  Result<std::vector<std::pair<std::string, RecordKey>>> unlogged_records() const override {
    const auto unlogged = [&](const std::string& kind, const RecordKey& key) {
      const auto found = m_state.logged.find({kind, key});
      return found == m_state.logged.end() || found->second >= m_state.log_entries.size();
    };
    std::vector<std::pair<std::string, RecordKey>> records;
    for (const auto& [key, entry] : m_state.reports) {
      if (unlogged("report", key)) records.emplace_back("report", key);
    }
    for (const auto& [key, entry] : m_state.transactions) {
      if (unlogged("transaction", key)) records.emplace_back("transaction", key);
    }
    return records;
  }

  Result<std::vector<std::pair<std::uint64_t, RecordKey>>> reports_logged_after(std::optional<std::uint64_t> after,
                                                                                std::size_t limit) const override {
    std::vector<std::pair<std::uint64_t, RecordKey>> records;
    for (const auto& [kind_and_key, index] : m_state.logged) {
      if (kind_and_key.first == "report" && (!after || index > *after)) {
        records.emplace_back(index, kind_and_key.second);
      }
    }
    std::sort(records.begin(), records.end());
    if (records.size() > limit) records.resize(limit);
    return records;
  }

  Result<std::vector<model::Selector>> selectors_of_reports(std::span<const model::Tlp> levels,
                                                            std::span<const std::string> other_sources) const override {
    std::set<model::Selector> selectors;
    for (const auto& [key, entry] : m_state.reports) {
      if (std::find(levels.begin(), levels.end(), entry.first.tlp) == levels.end()) continue;
      if (std::find(other_sources.begin(), other_sources.end(), entry.first.source) != other_sources.end()) continue;
      for (model::Selector& named : model::named_selectors(entry.first)) selectors.insert(std::move(named));
    }
    return std::vector<model::Selector>(selectors.begin(), selectors.end());
  }

  Result<std::vector<SharedObject>> shared_objects(const SharedObjectQuery& query) const override {
    return m_state.sharing.query(query);
  }
  Result<std::optional<Partner>> find_partner(std::string_view name) const override {
    const auto found = m_state.sharing.partners.find(name);
    if (found == m_state.sharing.partners.end()) return std::optional<Partner>();
    return std::optional<Partner>(found->second);
  }
  Result<std::vector<Partner>> partners() const override {
    std::vector<Partner> all;
    for (const auto& [name, partner] : m_state.sharing.partners) all.push_back(partner);
    return all;
  }
  Result<std::optional<std::string>> share_state(std::string_view name) const override {
    const auto found = m_state.sharing.state.find(name);
    if (found == m_state.sharing.state.end()) return std::optional<std::string>();
    return std::optional<std::string>(found->second);
  }

  Result<std::vector<std::pair<std::string, std::string>>> share_states_with_prefix(
      std::string_view prefix) const override {
    std::vector<std::pair<std::string, std::string>> states;
    for (auto found = m_state.sharing.state.lower_bound(prefix);
         found != m_state.sharing.state.end() && found->first.starts_with(prefix); ++found) {
      states.emplace_back(found->first, found->second);
    }
    return states;
  }
  Result<bool> put_shared_object(const SharedObject& object) override { return m_state.sharing.put(object, now()); }
  Result<bool> raise_shared_object(const SharedObject& object) override { return m_state.sharing.raise(object); }
  Status put_partner(const Partner& partner) override {
    m_state.sharing.partners.insert_or_assign(partner.name, partner);
    return {};
  }
  Status start_bulk_load() override { return {}; }  // maps, always in order
  Status finish_bulk_load() override { return {}; }
  Status set_share_state(std::string_view name, std::string_view value) override {
    m_state.sharing.state.insert_or_assign(std::string(name), std::string(value));
    return {};
  }

  Result<StoreStats> stats() const override {
    StoreStats stats;
    stats.reports = static_cast<std::int64_t>(m_state.reports.size());
    stats.transactions = static_cast<std::int64_t>(m_state.transactions.size());
    std::map<std::string, std::int64_t> by_kind, by_country, by_source, by_type;
    std::set<model::Selector> selectors;
    for (const auto& [key, entry] : m_state.reports) {
      ++by_kind[std::string(model::to_string(entry.first.kind))];
      ++by_country[entry.first.country];
      ++by_source[key.source];
      for (model::Selector& named : model::named_selectors(entry.first)) selectors.insert(std::move(named));
    }
    for (const auto& [key, entry] : m_state.transactions) {
      selectors.insert(entry.first.from);
      selectors.insert(entry.first.to);
    }
    for (const model::Selector& selector : selectors) ++by_type[std::string(model::to_string(selector.type))];
    stats.selectors = static_cast<std::int64_t>(selectors.size());
    stats.reports_by_kind.assign(by_kind.begin(), by_kind.end());
    stats.reports_by_country.assign(by_country.begin(), by_country.end());
    stats.reports_by_source.assign(by_source.begin(), by_source.end());
    stats.selectors_by_type.assign(by_type.begin(), by_type.end());
    for (Counts* counts :
         {&stats.reports_by_kind, &stats.reports_by_country, &stats.reports_by_source, &stats.selectors_by_type}) {
      sort_counts(*counts);
    }
    return stats;
  }

 protected:
  Result<PutOutcome> do_put_report(const model::Report& report, const Sha256Digest& content_hash,
                                   std::uint64_t leaf) override {
    return put("report", m_state.reports, RecordKey{report.source, report.id}, report, content_hash, leaf);
  }

  Status do_put_assessment(const RecordKey& key, const model::Assessment& assessment) override {
    m_state.reports.at(key).first.assessment = assessment;
    return {};
  }

  Status do_append_log(std::uint64_t index, std::string_view entry, std::span<const evidence::Node> nodes) override {
    if (index != m_state.log_entries.size()) {
      return internal_error("log append at {} of {}", index, m_state.log_entries.size());
    }
    m_state.log_entries.emplace_back(entry);
    for (const evidence::Node& node : nodes) m_state.log_nodes[node.id] = node.hash;
    return {};
  }
  Status do_note_custody(std::string_view kind, const RecordKey& key, std::uint64_t index) override {
    m_state.logged[{std::string(kind), key}] = index;
    return {};
  }

  Result<PutOutcome> do_put_transaction(const model::Transaction& transaction, const Sha256Digest& content_hash,
                                        std::uint64_t leaf) override {
    return put("transaction", m_state.transactions, RecordKey{transaction.source, transaction.id}, transaction,
               content_hash, leaf);
  }

 private:
  template <typename Record>
  PutOutcome put(std::string_view kind, std::map<RecordKey, std::pair<Record, Sha256Digest>>& records,
                 const RecordKey& key, const Record& record, const Sha256Digest& content_hash, std::uint64_t leaf) {
    const auto [position, inserted] = records.try_emplace(key, record, content_hash);
    if (!inserted) {
      if (position->second.second == content_hash) return PutOutcome::unchanged;
      position->second = {record, content_hash};
    }
    m_state.logged[{std::string(kind), key}] = leaf;
    return inserted ? PutOutcome::added : PutOutcome::updated;
  }

  // The transactions `keep` selects. Accounts are numbered in order of first appearance among all the
  // transactions, kept or not, so that a part of the ledger orders its accounts as the whole does.
  template <typename Keep>
  Result<flow::Ledger> ledger_where(Keep keep) const {
    std::map<model::Selector, std::size_t> rank;
    std::vector<const model::Transaction*> kept;
    for (const auto& [key, entry] : m_state.transactions) {
      const model::Transaction& t = entry.first;
      rank.try_emplace(t.from, rank.size());
      rank.try_emplace(t.to, rank.size());
      if (keep(t)) kept.push_back(&t);
    }
    std::map<std::size_t, const model::Selector*> named;  // by rank
    for (const model::Transaction* t : kept) {
      named.emplace(rank.at(t->from), &t->from);
      named.emplace(rank.at(t->to), &t->to);
    }
    flow::LedgerBuilder builder;
    std::map<model::Selector, flow::AccountId> ids;
    for (const auto& [order, account] : named) ids.emplace(*account, builder.add_account(*account));
    for (const model::Transaction* t : kept) {
      JALA_TRY(
          builder.add({t->source, t->id, ids.at(t->from), ids.at(t->to), t->at, t->amount, t->currency, t->channel}));
    }
    return std::move(builder).build();
  }

  MemoryStore::State& m_state;
};

}  // namespace

Status MemoryStore::read(const std::function<Status(const ReadView&)>& body) {
  MemoryView view(m_state);
  return body(view);
}

Status MemoryStore::write(const std::function<Status(WriteTransaction&)>& body) {
  State working = m_state;
  MemoryView transaction(working);
  JALA_TRY(body(transaction));
  m_state = std::move(working);
  return {};
}

}  // namespace jala::storage
