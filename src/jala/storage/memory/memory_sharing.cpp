#include "jala/storage/memory/memory_sharing.h"

#include <algorithm>
#include <set>

namespace jala::storage {
namespace {

// Whether `list` holds `value`, where an empty list is no filter.
bool contains(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::vector<SharedObject> MemorySharing::query(const SharedObjectQuery& query) const {
  // The TLP of each id's latest version: an object whose latest version is above the limit is withdrawn.
  std::map<std::string, std::pair<std::string, model::Tlp>> latest;
  for (const SharedObject& object : objects) {
    if (object.collection != query.collection) continue;
    const auto [position, inserted] = latest.try_emplace(object.id, object.version, object.tlp);
    if (!inserted && object.version > position->second.first) position->second = {object.version, object.tlp};
  }
  const auto withdrawn = [&](const SharedObject& object) { return latest.at(object.id).second > query.tlp_max; };
  // The first and last version of each id among those the TLP limit lets through.
  std::map<std::string, std::pair<std::string, std::string>> first_and_last;
  for (const SharedObject& object : objects) {
    if (object.collection != query.collection || object.tlp > query.tlp_max) continue;
    const auto [position, inserted] = first_and_last.try_emplace(object.id, object.version, object.version);
    position->second.first = std::min(position->second.first, object.version);
    position->second.second = std::max(position->second.second, object.version);
  }
  const VersionMatch& versions = query.versions;
  const auto version_matches = [&](const SharedObject& object) {
    const auto& [first, last] = first_and_last.at(object.id);
    return versions.all ||
           std::find(versions.exact.begin(), versions.exact.end(), object.version) != versions.exact.end() ||
           (object.version.empty() && std::find(versions.exact_added.begin(), versions.exact_added.end(),
                                                object.added) != versions.exact_added.end()) ||
           (versions.first && object.version == first) || (versions.last && object.version == last);
  };
  std::vector<SharedObject> page;
  for (const SharedObject& object : objects) {
    if (page.size() == query.limit) break;
    if (object.collection != query.collection || object.tlp > query.tlp_max || withdrawn(object)) continue;
    if (query.added_after && object.added <= *query.added_after) continue;
    if (!contains(query.types, object.type) || !contains(query.ids, object.id)) continue;
    if (!version_matches(object)) continue;
    page.push_back(object);
  }
  return page;
}

bool MemorySharing::put(SharedObject object, Timestamp now) {
  // Stamped now, or just after the collection's newest object: unique and increasing per collection. The
  // objects are kept in the order added, which a lowered object, stamped anew, moves to the end.
  Timestamp added = now;
  for (auto position = objects.rbegin(); position != objects.rend(); ++position) {
    if (position->collection == object.collection) {
      added.unix_micros = std::max(added.unix_micros, position->added.unix_micros + 1);
      break;
    }
  }
  object.added = added;
  const auto held = std::find_if(objects.begin(), objects.end(), [&](const SharedObject& candidate) {
    return candidate.collection == object.collection && candidate.id == object.id &&
           candidate.version == object.version;
  });
  if (held != objects.end()) {
    if (held->origin != object.origin || held->tlp <= object.tlp) return false;
    objects.erase(held);
  }
  objects.push_back(std::move(object));
  return true;
}

bool MemorySharing::raise(const SharedObject& object) {
  for (SharedObject& held : objects) {
    if (held.collection == object.collection && held.id == object.id && held.version == object.version &&
        held.origin == object.origin && held.tlp < object.tlp) {
      held.tlp = object.tlp;
      held.object = object.object;
      held.record_source = object.record_source;
      held.record_id = object.record_id;
      return true;
    }
  }
  return false;
}

}  // namespace jala::storage
