#include "jala/server/publishing.h"

#include <algorithm>
#include <iterator>

#include "jala/server/publisher.h"
#include "jala/share/stix_common.h"
#include "jala/share/taxii.h"

namespace jala::server::publishing {
namespace {

constexpr std::size_t k_ids_per_query = 500;  // well under SQLite's limit of bound parameters

// What an object says, whatever its version: the object without its `modified`.
nlohmann::json said(nlohmann::json object) {
  if (object.is_object()) object.erase("modified");
  return object;
}

struct Published {
  nlohmann::json said;  // what it says: said()
  std::string version;
};

// The latest published version of each of the objects that has one, by id.
Result<std::map<std::string, Published, std::less<>>> latest_published(const storage::ReadView& view,
                                                                       std::string_view collection,
                                                                       std::span<const MarkedObject> objects) {
  std::vector<std::string> ids;
  ids.reserve(objects.size());
  for (const MarkedObject& object : objects) ids.push_back(object.object["id"].get<std::string>());
  JALA_TRY_ASSIGN(const std::vector<storage::SharedObject> found, latest_versions(view, collection, ids));
  std::map<std::string, Published, std::less<>> latest;
  for (const storage::SharedObject& object : found) {
    latest[object.id] = {said(nlohmann::json::parse(object.object, nullptr, false)), object.version};
  }
  return latest;
}

}  // namespace

Result<std::vector<storage::SharedObject>> latest_versions(const storage::ReadView& view, std::string_view collection,
                                                           std::span<const std::string> ids) {
  std::vector<storage::SharedObject> latest;
  storage::SharedObjectQuery query;
  query.collection = collection;
  query.tlp_max = model::Tlp::red;
  for (std::size_t from = 0; from < ids.size(); from += k_ids_per_query) {
    const std::span<const std::string> part = ids.subspan(from, std::min(k_ids_per_query, ids.size() - from));
    query.ids.assign(part.begin(), part.end());
    query.limit = query.ids.size();
    JALA_TRY_ASSIGN(std::vector<storage::SharedObject> found, view.shared_objects(query));
    std::move(found.begin(), found.end(), std::back_inserter(latest));
  }
  return latest;
}

Result<Timestamp> time_after_version(Timestamp wanted, std::string_view latest) {
  JALA_TRY_ASSIGN(const Timestamp published, parse_rfc3339(latest));
  const Timestamp next{(published.unix_micros / 1'000 + 1) * 1'000};  // STIX versions count milliseconds
  return wanted.unix_micros >= next.unix_micros ? wanted : next;
}

Result<storage::SharedObject> shared(const nlohmann::json& object, std::string_view collection, model::Tlp tlp,
                                     const storage::RecordKey* record) {
  std::optional<storage::SharedObject> made = share::to_shared_object(object, collection, "local", tlp);
  if (!made) return internal_error("the STIX export made an object without a type or id: {}", object.dump());
  made->tlp = tlp;
  if (record != nullptr) {
    made->record_source = record->source;
    made->record_id = record->id;
  }
  return std::move(*made);
}

Result<bool> PartnerSources::is_partners(const storage::ReadView& view, const std::string& source) {
  auto [known, added] = m_known.try_emplace(source, false);
  if (added) {
    JALA_TRY_ASSIGN(const std::optional<std::string> partner, view.share_state(synced_source_state(source)));
    known->second = partner.has_value();
  }
  return known->second;
}

Result<std::vector<bool>> put_new_versions(storage::WriteTransaction& transaction, std::string_view collection,
                                           std::span<MarkedObject> objects, const std::string& published_at) {
  JALA_TRY_ASSIGN(const auto latest, latest_published(transaction, collection, objects));
  std::vector<bool> versioned(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    nlohmann::json& object = objects[i].object;
    const auto published = latest.find(object["id"].get<std::string>());
    if (published != latest.end() && published->second.said == said(object)) continue;
    std::string modified = std::max(object["modified"].get<std::string>(), published_at);
    if (published != latest.end()) {
      JALA_TRY_ASSIGN(const Timestamp wanted, parse_rfc3339(modified));
      JALA_TRY_ASSIGN(const Timestamp after, time_after_version(wanted, published->second.version));
      modified = share::format_stix_time(after);
    }
    object["modified"] = modified;
    JALA_TRY_ASSIGN(const storage::SharedObject version, shared(object, collection, objects[i].tlp, nullptr));
    JALA_TRY_ASSIGN(const bool new_version, transaction.put_shared_object(version));
    versioned[i] = new_version;
  }
  return versioned;
}

Status publish_linked(storage::Store& store, AnalysisCache& analyses, std::string_view cursor, std::size_t batch,
                      const PlanLinked& plan, const PutLinked& put) {
  std::optional<std::string> reports_cursor;
  std::shared_ptr<const analysis::LinkedStore> linked;
  std::size_t count = 0;
  Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(reports_cursor, view.share_state(k_reports_cursor_state));
    JALA_TRY_ASSIGN(const std::optional<std::string> published_cursor, view.share_state(cursor));
    if (!reports_cursor || published_cursor == reports_cursor) return {};
    JALA_TRY_ASSIGN(linked, analyses.linked(view));
    JALA_TRY_ASSIGN(count, plan(view, *linked));
    return {};
  });
  if (!read.ok() || linked == nullptr) return read;
  const std::string published_at = share::format_stix_time(now());
  std::size_t from = 0;
  do {
    const std::size_t to = std::min(count, from + batch);
    Status written = store.write([&](storage::WriteTransaction& transaction) -> Status {
      JALA_TRY(put(transaction, *linked, from, to, published_at));
      return to == count ? transaction.set_share_state(cursor, *reports_cursor) : Status{};
    });
    if (!written.ok()) return written;
    from = to;
  } while (from < count);
  return {};
}

}  // namespace jala::server::publishing
