// The SQLite backend's reads and writes for sharing (schema 5; storage/sharing.h): shared STIX
// objects, partners, named state, and the lookups that answer partners and the HTTP API. The hot
// lookups are prepared once per connection. Internal to storage/sqlite/. Thread-compatible, like its
// connection.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/result.h"
#include "jala/storage/sharing.h"
#include "jala/storage/sqlite/statement.h"

namespace jala::storage {
struct RecordKey;
struct SelectorReports;
}

namespace jala::storage::sqlite {

class ShareStatements {
 public:
  explicit ShareStatements(sqlite3* db) : m_db(db) {}

  Result<std::vector<SharedObject>> objects(const SharedObjectQuery& query) const;
  Result<std::vector<model::Selector>> selectors_of_reports(std::span<const model::Tlp> levels,
                                                            std::span<const std::string> other_sources) const;
  Result<SelectorReports> first_reports_with_selector(const model::Selector& selector, std::size_t limit) const;
  Result<bool> put_object(const SharedObject& object, Timestamp now) const;
  Result<bool> raise_object(const SharedObject& object) const;
  Result<std::optional<Partner>> find_partner(std::string_view name) const;
  Result<std::vector<Partner>> partners() const;
  Status put_partner(const Partner& partner) const;
  Result<std::optional<std::string>> state(std::string_view name) const;
  Result<std::vector<std::pair<std::string, std::string>>> states_with_prefix(std::string_view prefix) const;
  Status set_state(std::string_view name, std::string_view value) const;
  Result<std::vector<std::pair<std::uint64_t, RecordKey>>> reports_logged_after(std::optional<std::uint64_t> after,
                                                                                std::size_t limit) const;

 private:
  // The statement in `slot`, prepared on first use.
  Result<Statement*> prepared(std::optional<Statement>& slot, std::string_view sql) const;

  sqlite3* m_db;
  mutable std::optional<Statement> m_lower_object;
  mutable std::optional<Statement> m_insert_object;
  mutable std::optional<Statement> m_selector_report_count;
  mutable std::optional<Statement> m_first_selector_reports;
};

}  // namespace jala::storage::sqlite
