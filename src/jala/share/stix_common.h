// What every part of the STIX 2.1 mapping shares: the timestamp form, and the Traffic Light Protocol
// markings. Jala marks what it exports with the official TLP 2.0 marking-definitions of OASIS (the
// extension extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d, objects published in
// oasis-open/cti-stix-common-objects), and reads those and the TLP 1.0 markings predefined by STIX 2.1
// (white, green, amber, red) on import. docs/formats/stix.md has the tables.
//
// Pure functions over constant tables; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/time.h"
#include "jala/model/tlp.h"

namespace jala::share {

inline constexpr std::string_view k_stix_spec_version = "2.1";
inline constexpr std::string_view k_tlp2_extension_id = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

// STIX timestamps as Jala writes them: UTC with exactly three fraction digits,
// "2026-03-01T01:15:00.000Z" (sub-millisecond time is cut, as STIX 2.1 requires millisecond precision
// for `created` and `modified`).
std::string format_stix_time(Timestamp time);

// The TLP 2.0 marking-definition of a level: its fixed id, and the whole object as OASIS publishes it.
std::string_view tlp_marking_id(model::Tlp level);
nlohmann::json tlp_marking_object(model::Tlp level);

// The level a marking-definition id stands for: a TLP 2.0 id, or a TLP 1.0 id (white reads as clear).
std::optional<model::Tlp> tlp_of_marking_id(std::string_view id);

// The level a marking-definition object in a bundle states, whatever its id: a TLP 1.0 definition
// ({"definition_type": "tlp", "definition": {"tlp": "amber"}}), or the TLP 2.0 extension's "tlp_2_0".
std::optional<model::Tlp> tlp_of_marking_object(const nlohmann::json& marking);

// A TLP label as feeds write it, TLP 1.0 or 2.0, any case, with or without "tlp:" ("TLP:WHITE" and
// "clear" give clear); nothing for anything else.
std::optional<model::Tlp> parse_tlp_label(std::string_view label);

}  // namespace jala::share
