#include "jala/share/stix_common.h"

#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/model/text.h"

namespace jala::share {
namespace {

struct TlpMarking {
  model::Tlp level;
  std::string_view id;
  std::string_view name;   // the object's "name"
  std::string_view value;  // the extension's "tlp_2_0", or TLP 1.0's "definition.tlp"
};

// The TLP 2.0 marking-definitions, by level (oasis-open/cti-stix-common-objects,
// extension-definition-specifications/tlp-2.0). Their ids and `created` are part of the published
// objects and never change.
constexpr std::array<TlpMarking, 5> k_tlp2_markings = {{
    {model::Tlp::clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"},
    {model::Tlp::green, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"},
    {model::Tlp::amber, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"},
    {model::Tlp::amber_strict, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT",
     "amber+strict"},
    {model::Tlp::red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red"},
}};
constexpr std::string_view k_tlp2_created = "2022-10-01T00:00:00.000Z";

// The TLP 1.0 marking-definitions that STIX 2.1 predefines (section 7.2.1.4); white is TLP 2.0's clear.
constexpr std::array<TlpMarking, 4> k_tlp1_markings = {{
    {model::Tlp::clear, "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE", "white"},
    {model::Tlp::green, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "green"},
    {model::Tlp::amber, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "amber"},
    {model::Tlp::red, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED", "red"},
}};

const TlpMarking& tlp2(model::Tlp level) { return k_tlp2_markings[static_cast<std::size_t>(level)]; }

}  // namespace

std::string format_stix_time(Timestamp time) {
  // Floor division, so that instants before 1970 keep a fraction in [0, 1000).
  const auto floor_div = [](std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); };
  const std::int64_t millis = floor_div(time.unix_micros, 1000);
  const std::int64_t seconds = floor_div(millis, 1000);
  const std::int64_t fraction = millis - seconds * 1000;
  std::string text = format_rfc3339(Timestamp{seconds * 1'000'000});  // "...:SSZ"
  text.insert(text.size() - 1, fmt::format(".{:03}", fraction));
  return text;
}

std::string_view tlp_marking_id(model::Tlp level) { return tlp2(level).id; }

nlohmann::json tlp_marking_object(model::Tlp level) {
  const TlpMarking& marking = tlp2(level);
  return {
      {"type", "marking-definition"},
      {"spec_version", k_stix_spec_version},
      {"id", marking.id},
      {"created", k_tlp2_created},
      {"name", marking.name},
      {"extensions", {{k_tlp2_extension_id, {{"extension_type", "property-extension"}, {"tlp_2_0", marking.value}}}}}};
}

std::optional<model::Tlp> tlp_of_marking_id(std::string_view id) {
  for (const TlpMarking& marking : k_tlp2_markings) {
    if (marking.id == id) {
      return marking.level;
    }
  }
  for (const TlpMarking& marking : k_tlp1_markings) {
    if (marking.id == id) {
      return marking.level;
    }
  }
  return std::nullopt;
}

std::optional<model::Tlp> tlp_of_marking_object(const nlohmann::json& marking) {
  if (!marking.is_object()) {
    return std::nullopt;
  }
  const auto type = marking.find("definition_type");
  const auto definition = marking.find("definition");
  if (type != marking.end() && *type == "tlp" && definition != marking.end() && definition->is_object()) {
    const auto value = definition->find("tlp");
    if (value != definition->end() && value->is_string()) {
      return parse_tlp_label(value->get_ref<const std::string&>());
    }
  }
  const auto extensions = marking.find("extensions");
  if (extensions != marking.end() && extensions->is_object()) {
    const auto extension = extensions->find(k_tlp2_extension_id);
    if (extension != extensions->end() && extension->is_object()) {
      const auto value = extension->find("tlp_2_0");
      if (value != extension->end() && value->is_string()) {
        return parse_tlp_label(value->get_ref<const std::string&>());
      }
    }
  }
  return std::nullopt;
}

std::optional<model::Tlp> parse_tlp_label(std::string_view label) {
  const std::string lowered = model::ascii_lower(model::trim_ascii_space(label));
  std::string_view name = lowered;
  if (name.starts_with("tlp:")) {
    name.remove_prefix(4);
  }
  if (name == "white") {
    return model::Tlp::clear;
  }
  Result<model::Tlp> level = model::parse_tlp(name);
  if (!level.ok()) {
    return std::nullopt;
  }
  return *level;
}

}  // namespace jala::share
