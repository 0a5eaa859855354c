// Deterministic STIX 2.1 identifiers: name-based UUIDs (version 5, SHA-1; RFC 9562 section 5.5), so
// that exporting the same thing twice gives the same id and a partner's store updates an object rather
// than duplicating it.
// - Cyber-observable objects (SCOs) follow STIX 2.1 section 2.9 exactly: UUIDv5 in the namespace
//   00abedb4-aa42-466c-9c01-fed23315a9b7 of the JCS-canonical JSON (RFC 8785) of the object's
//   id-contributing properties, so any STIX producer that names the same observable gets the same id.
// - Every other object Jala makes uses Jala's own namespace (k_jala_namespace) and, as the name, the
//   canonical JSON array [type, part, ...] ("report", source, id): unambiguous whatever the parts hold.
// docs/formats/stix.md lists the names.
//
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace jala::share {

using Uuid = std::array<std::uint8_t, 16>;

// The namespace of STIX 2.1 deterministic SCO ids (STIX 2.1 section 2.9).
inline constexpr Uuid k_stix_sco_namespace = {0x00, 0xab, 0xed, 0xb4, 0xaa, 0x42, 0x46, 0x6c,
                                              0x9c, 0x01, 0xfe, 0xd2, 0x33, 0x15, 0xa9, 0xb7};
// Jala's namespace for the objects it names itself: 573ed034-9bea-41aa-a2eb-949e187ebcda (random,
// fixed forever: changing it changes every exported id).
inline constexpr Uuid k_jala_namespace = {0x57, 0x3e, 0xd0, 0x34, 0x9b, 0xea, 0x41, 0xaa,
                                          0xa2, 0xeb, 0x94, 0x9e, 0x18, 0x7e, 0xbc, 0xda};

// UUIDv5 of `name` (its bytes as given, normally UTF-8) in `name_space` (RFC 9562 section 5.5).
Uuid uuid_v5(const Uuid& name_space, std::string_view name);

// Lower-case 8-4-4-4-12 text, as STIX writes it.
std::string format_uuid(const Uuid& uuid);

// JCS-canonical JSON (RFC 8785) of a document whose keys are ASCII and whose numbers are integers,
// which is every document these ids are made of: keys sorted, no whitespace, strings escaped minimally.
std::string canonical_json(const nlohmann::json& document);

// "TYPE--UUIDv5(STIX namespace, JCS(contributing))": the id of an SCO whose id-contributing
// properties (only those present) are the members of `contributing`.
std::string sco_id(std::string_view type, const nlohmann::json& contributing);

// "TYPE--UUIDv5(Jala namespace, JCS([TYPE, part...]))": the id of an object Jala makes.
std::string jala_object_id(std::string_view type, std::initializer_list<std::string_view> parts);

}  // namespace jala::share
