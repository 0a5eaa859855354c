// What the publishers (publisher.h) share: making a collection's object from a STIX object, the store
// state they keep, which sources are partners', and putting a new version only of the objects that
// say something new. Internal to server/.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/analysis/linked_store.h"
#include "jala/base/result.h"
#include "jala/server/analysis_cache.h"
#include "jala/storage/store.h"

namespace jala::server::publishing {

// The last log leaf whose report was published into the reports collection.
inline constexpr std::string_view k_reports_cursor_state = "publish:reports";

// A published object: in `collection`, from this node, at `tlp`, made from `record` if any.
Result<storage::SharedObject> shared(const nlohmann::json& object, std::string_view collection, model::Tlp tlp,
                                     const storage::RecordKey* record);

// The latest version of each of these objects in `collection` that has one, whatever its TLP.
Result<std::vector<storage::SharedObject>> latest_versions(const storage::ReadView& view, std::string_view collection,
                                                           std::span<const std::string> ids);

// The time of a new version of an object whose latest published version is `latest` (a STIX time):
// `wanted`, or the millisecond after `latest` when `wanted` is not later. STIX versions are times to the
// millisecond, and a second version in the same millisecond would share the first's version string and
// be taken for it (a report raised to RED and published at once would stay shared at its old TLP).
Result<Timestamp> time_after_version(Timestamp wanted, std::string_view latest);

// Whether a source's reports came from a partner by `jala sync`, asked of the store once per source.
class PartnerSources {
 public:
  Result<bool> is_partners(const storage::ReadView& view, const std::string& source);

 private:
  std::map<std::string, bool, std::less<>> m_known;
};

// An object to publish, marked with `tlp`.
struct MarkedObject {
  nlohmann::json object;
  model::Tlp tlp = model::Tlp::red;
};

// Puts into `collection` each of `objects` whose latest published version says something else (or that
// has none), as a version modified no earlier than `published_at`, so that an object that changed
// without a later time of its own still makes a new version. Returns, for each object, whether it got
// a new version.
Result<std::vector<bool>> put_new_versions(storage::WriteTransaction& transaction, std::string_view collection,
                                           std::span<MarkedObject> objects, const std::string& published_at);

// Publishes a collection made from the store's linked reports (the networks, the lure accounts) when the
// reports collection's cursor has moved past `cursor`, the collection's own; does nothing when it has not.
// `plan` reads, in one snapshot, what to publish and returns how many items. `put` then writes items
// [from, to), `batch` to a transaction, as versions of `published_at`. The last transaction (one with no
// items when there are none) moves `cursor` to the reports cursor, so that an interrupted publication
// starts again.
using PlanLinked = std::function<Result<std::size_t>(const storage::ReadView&, const analysis::LinkedStore&)>;
using PutLinked = std::function<Status(storage::WriteTransaction&, const analysis::LinkedStore&, std::size_t from,
                                       std::size_t to, const std::string& published_at)>;
Status publish_linked(storage::Store& store, AnalysisCache& analyses, std::string_view cursor, std::size_t batch,
                      const PlanLinked& plan, const PutLinked& put);

}  // namespace jala::server::publishing
