// The objects of one STIX document by id, the latest version of each (by `modified`), and what they say
// about one another: the TLP level of each marking-definition and the country of each identity with a
// `located-at` location. A revoked version (`"revoked": true`, STIX 2.1 section 3.2) is the latest word on
// its object: find() does not see it, so what refers to it finds nothing.
//
// Holds pointers into the parsed document, which must outlive it. Not thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/model/tlp.h"

namespace jala::share {

// Whether the object's creator revoked it: it no longer holds it valid.
bool is_revoked(const nlohmann::json& object);

class BundleIndex {
 public:
  // `object` is a STIX object with this `id`; a later version of an id replaces an earlier one.
  void add(const nlohmann::json& object, std::string_view id);
  // Reads marking levels and located-at countries (of live objects), once every object is in.
  void link();

  // The object, or nullptr when it is absent or revoked.
  const nlohmann::json* find(std::string_view id) const;
  // The object, revoked or not.
  const nlohmann::json* find_any(std::string_view id) const;
  // Every object, revoked ones too, in the order they were first added.
  const std::vector<const nlohmann::json*>& objects() const { return m_order; }

  std::optional<model::Tlp> marking_level(std::string_view id) const;
  std::optional<std::string_view> country_of(std::string_view identity) const;

 private:
  std::unordered_map<std::string_view, std::size_t> m_by_id;  // index into m_order
  std::vector<const nlohmann::json*> m_order;
  std::unordered_map<std::string_view, model::Tlp> m_marking_levels;
  std::unordered_map<std::string_view, std::string_view> m_countries;
};

}  // namespace jala::share
