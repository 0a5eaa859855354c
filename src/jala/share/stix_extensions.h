// Jala's STIX 2.1 Extension Definitions: what core STIX lacks and scam intelligence needs.
// - Three new SCO types, for the selectors STIX has no observable for: `phone-number`,
//   `cryptocurrency-wallet` and `bank-account`. The type and property names are OpenCTI's (its custom
//   observables Phone-Number, Cryptocurrency-Wallet and Bank-Account, whose ids it derives from
//   `value`, `value` and `iban` as STIX 2.1 section 2.9 does), so OpenCTI reads them as its own; MISP has
//   no STIX form for them (misp-stix writes its phone-number, btc-wallet and bank-account objects as
//   custom `x-misp-object`s), and Jala reads those on import.
// - One property extension on `report` objects, holding the report's Jala identity and facts (source,
//   id, kind, country, victim country, loss), so that a partner's Jala stores the report under the same
//   (source, id) and nothing is lost in the round trip.
// Each definition is created by the "Jala" identity (identity_class "system"); ids and timestamps are
// fixed, so every node publishes byte-identical definitions. docs/formats/stix.md documents them.
//
// Pure functions over constant tables; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace jala::share {

enum class JalaExtension { phone_number, cryptocurrency_wallet, bank_account, report };

std::span<const JalaExtension> jala_extensions();

// "extension-definition--..." of an extension; the same on every node and in every release of version
// 1.0.0 of the definition.
std::string extension_id(JalaExtension extension);
// The extension-definition object.
nlohmann::json extension_definition_object(JalaExtension extension);
// The extension that defines an SCO type, when Jala defines it ("phone-number" and so on).
std::optional<JalaExtension> extension_of_sco_type(std::string_view stix_type);
// The extension whose id this is, when it is one of Jala's.
std::optional<JalaExtension> extension_of_id(std::string_view id);

// The "Jala" identity that creates the extension definitions.
std::string jala_identity_id();
nlohmann::json jala_identity_object();

}  // namespace jala::share
