// What the publishers (publisher.h) share: making a collection's object from a STIX object, the store
// state they keep, which sources are partners', and putting a new version only of the objects that
// say something new. Internal to server/.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/base/result.h"
#include "jala/storage/store.h"

namespace jala::server::publishing {

// The last log leaf whose report was published into the reports collection.
inline constexpr std::string_view k_reports_cursor_state = "publish:reports";

// A published object: in `collection`, from this node, at `tlp`, made from `record` if any.
Result<storage::SharedObject> shared(const nlohmann::json& object, std::string_view collection, model::Tlp tlp,
                                     const storage::RecordKey* record);

// Whether a source's reports came from a partner by `jala sync`, asked of the store once per source.
class PartnerSources {
 public:
  Result<bool> is_partners(const storage::ReadView& view, const std::string& source);

 private:
  std::map<std::string, bool, std::less<>> m_known;
};

// Puts into `collection` each of `objects` whose latest published version says something else (or that
// has none), as a version modified no earlier than `published_at`, so that an object that changed
// without a later time of its own still makes a new version. Returns how many versions it added.
Result<std::size_t> put_new_versions(storage::WriteTransaction& transaction, std::string_view collection,
                                     std::span<nlohmann::json> objects, model::Tlp tlp,
                                     const std::string& published_at);

}  // namespace jala::server::publishing
