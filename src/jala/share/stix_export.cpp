#include "jala/share/stix_export.h"

#include <map>
#include <set>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/model/country.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_ids.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

// Locations are shared by every node of a country, so they carry no author and a fixed time.
constexpr std::string_view k_location_created = "2026-12-01T00:00:00.000Z";

nlohmann::json sdo(std::string_view type, std::string id, const NodeIdentity& node, Timestamp created,
                   Timestamp modified) {
  return {{"type", type},
          {"spec_version", k_stix_spec_version},
          {"id", std::move(id)},
          {"created_by_ref", identity_id(node)},
          {"created", format_stix_time(created)},
          {"modified", format_stix_time(std::max(created, modified))}};
}

nlohmann::json marking_refs(model::Tlp tlp) { return nlohmann::json::array({tlp_marking_id(tlp)}); }

nlohmann::json report_extension(const model::Report& report) {
  nlohmann::json extension = {{"extension_type", "property-extension"},
                              {"source", report.source},
                              {"report_id", report.id},
                              {"kind", model::to_string(report.kind)},
                              {"country", report.country}};
  if (!report.victim_country.empty()) {
    extension["victim_country"] = report.victim_country;
  }
  if (report.loss) {
    extension["loss"] = {{"amount", report.loss->amount}, {"currency", report.loss->currency}};
  }
  return extension;
}

// The most restrictive TLP an object's markings name, if any.
std::optional<model::Tlp> marked_tlp(const nlohmann::json& object) {
  std::optional<model::Tlp> level;
  if (const nlohmann::json* refs = array_member(object, "object_marking_refs")) {
    for (const nlohmann::json& ref : *refs) {
      const std::optional<model::Tlp> named =
          ref.is_string() ? tlp_of_marking_id(ref.get<std::string>()) : std::nullopt;
      if (named && (!level || *named > *level)) {
        level = named;
      }
    }
  }
  return level;
}

// Merges a second copy of an object into the kept one.
void merge_duplicate(nlohmann::json& kept, const nlohmann::json& other) {
  if (!kept.contains("created")) {
    // An SCO: the same observable; keep the more restrictive marking.
    const std::optional<model::Tlp> kept_level = marked_tlp(kept);
    const std::optional<model::Tlp> other_level = marked_tlp(other);
    if (other_level && (!kept_level || *other_level > *kept_level)) {
      kept["object_marking_refs"] = other["object_marking_refs"];
    }
    return;
  }
  const std::optional<std::string_view> kept_modified = string_member(kept, "modified");
  const std::optional<std::string_view> other_modified = string_member(other, "modified");
  if (other_modified && (!kept_modified || *other_modified > *kept_modified)) {
    kept = other;  // STIX timestamps in one form compare as text
  }
}

}  // namespace

std::string identity_id(const NodeIdentity& node) { return jala_object_id("identity", {node.name}); }

std::vector<nlohmann::json> identity_objects(const NodeIdentity& node) {
  const std::string created = format_stix_time(node.created);
  nlohmann::json identity = {{"type", "identity"},
                             {"spec_version", k_stix_spec_version},
                             {"id", identity_id(node)},
                             {"created", created},
                             {"modified", created},
                             {"name", node.name},
                             {"identity_class", "organization"}};
  if (!node.description.empty()) {
    identity["description"] = node.description;
  }
  if (!node.contact_information.empty()) {
    identity["contact_information"] = node.contact_information;
  }
  if (!node.sectors.empty()) {
    identity["sectors"] = node.sectors;
  }
  std::vector<nlohmann::json> objects = {std::move(identity)};
  if (node.country.empty()) {
    return objects;
  }
  const std::string location_id = jala_object_id("location", {node.country});
  nlohmann::json location = {{"type", "location"},
                             {"spec_version", k_stix_spec_version},
                             {"id", location_id},
                             {"created", k_location_created},
                             {"modified", k_location_created},
                             {"country", node.country}};
  if (const std::optional<std::string_view> name = model::country_name(node.country)) {
    location["name"] = *name;
  }
  objects.push_back(std::move(location));
  nlohmann::json located_at =
      sdo("relationship", jala_object_id("relationship", {"located-at", identity_id(node), location_id}), node,
          node.created, node.created);
  located_at["relationship_type"] = "located-at";
  located_at["source_ref"] = identity_id(node);
  located_at["target_ref"] = location_id;
  objects.push_back(std::move(located_at));
  return objects;
}

std::string report_object_id(std::string_view source, std::string_view id) {
  return jala_object_id("report", {source, id});
}

std::string observed_data_object_id(std::string_view source, std::string_view id) {
  return jala_object_id("observed-data", {source, id});
}

std::vector<nlohmann::json> report_objects(const model::Report& report, const NodeIdentity& node,
                                           std::optional<Timestamp> modified) {
  const Timestamp changed = modified.value_or(report.reported_at);
  std::vector<nlohmann::json> scos;
  std::set<std::string> seen;
  for (const model::Selector& selector : model::named_selectors(report)) {
    nlohmann::json object = selector_object(selector);
    if (seen.insert(object["id"].get<std::string>()).second) {
      object["object_marking_refs"] = marking_refs(report.tlp);
      scos.push_back(std::move(object));
    }
  }

  nlohmann::json object_refs = nlohmann::json::array();
  std::vector<nlohmann::json> objects;
  objects.emplace_back();  // the report, filled in last
  if (!scos.empty()) {
    nlohmann::json observed =
        sdo("observed-data", observed_data_object_id(report.source, report.id), node, report.reported_at, changed);
    observed["first_observed"] = format_stix_time(report.reported_at);
    observed["last_observed"] = format_stix_time(report.reported_at);
    observed["number_observed"] = 1;
    observed["object_refs"] = nlohmann::json::array();
    for (const nlohmann::json& sco : scos) {
      observed["object_refs"].push_back(sco["id"]);
    }
    observed["object_marking_refs"] = marking_refs(report.tlp);
    object_refs.push_back(observed["id"]);
    for (const nlohmann::json& sco : scos) {
      object_refs.push_back(sco["id"]);
    }
    objects.push_back(std::move(observed));
  } else {
    object_refs.push_back(identity_id(node));  // object_refs may not be empty; a text-only report is its author's
  }

  nlohmann::json& out = objects.front();
  out = sdo("report", report_object_id(report.source, report.id), node, report.reported_at, changed);
  out["name"] = fmt::format("{}/{} ({})", report.source, report.id, model::to_string(report.kind));
  if (!report.text.empty()) {
    out["description"] = report.text;
  }
  if (!report.language.empty()) {
    out["lang"] = report.language;
  }
  out["report_types"] = {"threat-report"};
  out["published"] = format_stix_time(report.reported_at);
  out["object_refs"] = std::move(object_refs);
  out["object_marking_refs"] = marking_refs(report.tlp);
  out["extensions"] = {{extension_id(JalaExtension::report), report_extension(report)}};
  if (report.withdrawn) {
    out["revoked"] = true;  // withdrawn by its source: partners stop linking through it
  }
  for (nlohmann::json& sco : scos) {
    objects.push_back(std::move(sco));
  }
  return objects;
}

nlohmann::json lure_indicator_object(const LureAccount& lure, const NodeIdentity& node) {
  const std::string pattern = selector_pattern(lure.account);
  nlohmann::json indicator = sdo("indicator", jala_object_id("indicator", {identity_id(node), pattern}), node,
                                 lure.valid_from, lure.valid_from);
  indicator["name"] = fmt::format("Lure account {}", lure.account.to_string());
  if (!lure.description.empty()) {
    indicator["description"] = lure.description;
  }
  indicator["indicator_types"] = {"malicious-activity"};
  indicator["pattern"] = pattern;
  indicator["pattern_type"] = "stix";
  indicator["pattern_version"] = k_stix_spec_version;
  indicator["valid_from"] = format_stix_time(lure.valid_from);
  indicator["object_marking_refs"] = marking_refs(lure.tlp);
  return indicator;
}

nlohmann::json sighting_object(const SightingFacts& sighting, const NodeIdentity& node) {
  nlohmann::json object = sdo("sighting", jala_object_id("sighting", {identity_id(node), sighting.sighting_of_ref}),
                              node, sighting.first_seen, sighting.last_seen);
  object["first_seen"] = format_stix_time(sighting.first_seen);
  object["last_seen"] = format_stix_time(std::max(sighting.first_seen, sighting.last_seen));
  object["count"] = sighting.count;
  object["sighting_of_ref"] = sighting.sighting_of_ref;
  if (!sighting.observed_data_refs.empty()) {
    object["observed_data_refs"] = sighting.observed_data_refs;
  }
  object["where_sighted_refs"] = {identity_id(node)};
  object["object_marking_refs"] = marking_refs(sighting.tlp);
  return object;
}

std::vector<nlohmann::json> lure_account_objects(const LureAccount& lure, SightingFacts sighting,
                                                 const NodeIdentity& node) {
  nlohmann::json indicator = lure_indicator_object(lure, node);
  sighting.sighting_of_ref = indicator["id"].get<std::string>();
  nlohmann::json sighted = sighting_object(sighting, node);
  return {std::move(indicator), std::move(sighted)};
}

nlohmann::json make_bundle(const std::vector<nlohmann::json>& objects) {
  std::vector<nlohmann::json> kept;
  std::map<std::string, std::size_t, std::less<>> index;
  std::set<model::Tlp> levels;
  std::set<JalaExtension> extensions;
  for (const nlohmann::json& object : objects) {
    const std::optional<std::string_view> id = string_member(object, "id");
    if (!id) {
      continue;
    }
    if (const nlohmann::json* refs = array_member(object, "object_marking_refs")) {
      for (const nlohmann::json& ref : *refs) {
        if (const std::optional<model::Tlp> level =
                ref.is_string() ? tlp_of_marking_id(ref.get<std::string>()) : std::nullopt) {
          levels.insert(*level);
        }
      }
    }
    if (const nlohmann::json* object_extensions = object_member(object, "extensions")) {
      for (const auto& [key, value] : object_extensions->items()) {
        if (const std::optional<JalaExtension> extension = extension_of_id(key)) {
          extensions.insert(*extension);
        }
      }
    }
    const auto [found, inserted] = index.try_emplace(std::string(*id), kept.size());
    if (inserted) {
      kept.push_back(object);
    } else {
      merge_duplicate(kept[found->second], object);
    }
  }

  nlohmann::json bundle_objects = nlohmann::json::array();
  for (const model::Tlp level : levels) {
    if (!index.contains(tlp_marking_id(level))) {
      bundle_objects.push_back(tlp_marking_object(level));
    }
  }
  if (!extensions.empty() && !index.contains(jala_identity_id())) {
    bundle_objects.push_back(jala_identity_object());
  }
  for (const JalaExtension extension : extensions) {
    if (!index.contains(extension_id(extension))) {
      bundle_objects.push_back(extension_definition_object(extension));
    }
  }
  nlohmann::json ids = nlohmann::json::array();
  for (nlohmann::json& object : kept) {
    ids.push_back(object["id"]);
    bundle_objects.push_back(std::move(object));
  }
  return {{"type", "bundle"},
          {"id", "bundle--" + format_uuid(uuid_v5(k_jala_namespace, canonical_json(ids)))},
          {"objects", std::move(bundle_objects)}};
}

}  // namespace jala::share
