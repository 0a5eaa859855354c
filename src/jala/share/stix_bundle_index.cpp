#include "jala/share/stix_bundle_index.h"

#include "jala/base/json_input.h"
#include "jala/base/time.h"
#include "jala/share/stix_common.h"

namespace jala::share {

using Json = nlohmann::json;

bool is_revoked(const Json& object) {
  const auto revoked = object.find("revoked");
  return revoked != object.end() && revoked->is_boolean() && revoked->get<bool>();
}

namespace {

// The version's `modified` time; nullopt when it is missing or no RFC 3339 time.
std::optional<std::int64_t> modified_micros(const Json& object) {
  const std::optional<std::string_view> modified = string_member(object, "modified");
  if (!modified) return std::nullopt;
  const Result<Timestamp> time = parse_rfc3339(*modified);
  return time.ok() ? std::optional<std::int64_t>(time->unix_micros) : std::nullopt;
}

// Whether `a` is a later version than `b`: by their `modified` times compared as times ("…00.5Z" is after
// "…00Z", though it sorts before as text). A version without a valid time is older than every version with
// one, so that the order is the same whichever version comes first in the document; two without are
// ordered by their text.
bool is_later_version(const Json& a, const Json& b) {
  const std::optional<std::int64_t> a_time = modified_micros(a);
  const std::optional<std::int64_t> b_time = modified_micros(b);
  if (a_time || b_time) return a_time > b_time;
  return string_member(a, "modified") > string_member(b, "modified");
}

}  // namespace

void BundleIndex::add(const Json& object, std::string_view id) {
  const auto [found, inserted] = m_by_id.try_emplace(id, m_order.size());
  if (inserted) {
    m_order.push_back(&object);
  } else if (is_later_version(object, *m_order[found->second])) {
    m_order[found->second] = &object;
  }
}

void BundleIndex::link() {
  for (const Json* object : m_order) {
    if (is_revoked(*object)) continue;
    const std::string_view type = *string_member(*object, "type");
    if (type == "marking-definition") {
      if (const std::optional<model::Tlp> level = tlp_of_marking_object(*object)) {
        m_marking_levels.emplace(*string_member(*object, "id"), *level);
      }
    } else if (type == "relationship" && string_member(*object, "relationship_type") == "located-at") {
      const std::optional<std::string_view> source = string_member(*object, "source_ref");
      const Json* location = find(string_member(*object, "target_ref").value_or(""));
      const std::optional<std::string_view> country = location ? string_member(*location, "country") : std::nullopt;
      if (source && country) {
        m_countries.emplace(*source, *country);
      }
    }
  }
}

const Json* BundleIndex::find(std::string_view id) const {
  const Json* object = find_any(id);
  return object == nullptr || is_revoked(*object) ? nullptr : object;
}

const Json* BundleIndex::find_any(std::string_view id) const {
  const auto found = m_by_id.find(id);
  return found == m_by_id.end() ? nullptr : m_order[found->second];
}

std::optional<model::Tlp> BundleIndex::marking_level(std::string_view id) const {
  if (const std::optional<model::Tlp> level = tlp_of_marking_id(id)) {
    return level;
  }
  const auto found = m_marking_levels.find(id);
  return found == m_marking_levels.end() ? std::nullopt : std::optional(found->second);
}

std::optional<std::string_view> BundleIndex::country_of(std::string_view identity) const {
  const auto found = m_countries.find(identity);
  return found == m_countries.end() ? std::nullopt : std::optional(found->second);
}

}  // namespace jala::share
