#include "jala/share/stix_extensions.h"

#include <array>

#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"

namespace jala::share {
namespace {

// When version 1.0.0 of the definitions was written; part of their content, so fixed.
constexpr std::string_view k_definitions_created = "2026-12-01T00:00:00.000Z";
constexpr std::string_view k_definitions_version = "1.0.0";

struct ExtensionInfo {
  JalaExtension extension;
  std::string_view key;       // names the id: extension-definition--UUIDv5(Jala, [type, key, version])
  std::string_view sco_type;  // the SCO type it defines, or empty
  std::string_view extension_type;
  std::string_view name;
  std::string_view description;
  std::string_view schema;  // STIX allows the normative definition as plain text
};

constexpr std::array<ExtensionInfo, 4> k_extensions = {{
    {JalaExtension::phone_number, "phone-number", "phone-number", "new-sco", "Jala phone-number",
     "A telephone number used by a scam: a contact line, a messaging account's number, a mule's number.",
     "The phone-number SCO (the type and property of OpenCTI's Phone-Number observable). Properties: "
     "value (string, required): the number in E.164 form, '+' and digits only, e.g. '+84912345678'. "
     "Id-contributing properties (STIX 2.1 section 2.9): value. Jala: docs/formats/stix.md."},
    {JalaExtension::cryptocurrency_wallet, "cryptocurrency-wallet", "cryptocurrency-wallet", "new-sco",
     "Jala cryptocurrency-wallet", "A crypto-asset address that received or moved a scam's money.",
     "The cryptocurrency-wallet SCO (the type and property of OpenCTI's Cryptocurrency-Wallet "
     "observable). Properties: value (string, required): the address, in its chain's canonical form "
     "(EVM addresses as 0x and lower-case hex; bech32 in lower case; base58 as written); chain (string, "
     "optional): the chain whose rules the address passed, one of btc, eth (every EVM chain), trx, ltc, "
     "xrp, sol, dot. Id-contributing properties (STIX 2.1 section 2.9): value. Jala: "
     "docs/formats/stix.md."},
    {JalaExtension::bank_account, "bank-account", "bank-account", "new-sco", "Jala bank-account",
     "A bank account that received or moved a scam's money.",
     "The bank-account SCO (the type and properties of OpenCTI's Bank-Account observable, and `bank`). "
     "Properties, of which iban or account_number is required: iban (string): the IBAN, compact and "
     "upper-case, checksum-valid (ISO 13616); account_number (string): the account's digits; bic "
     "(string): the first 8 characters of the bank's BIC (ISO 9362); bank (string): the bank's name "
     "folded to lower-case ASCII letters and digits, when its BIC is not known. Id-contributing "
     "properties (STIX 2.1 section 2.9): iban, bic, bank, account_number (those present). Jala: "
     "docs/formats/stix.md."},
    {JalaExtension::report, "report", "", "property-extension", "Jala report",
     "The identity and facts of a Jala report, so that a partner stores it under the same (source, id).",
     "A property extension of report objects. Properties: source (string, required): the agency or feed "
     "that sent the report, e.g. 'VN-MPS'; report_id (string, required): the source's own id; kind "
     "(string, required): victim_complaint, lure_ad, chat_export, suspicious_transaction_report, "
     "takedown or other; country (string, required): ISO 3166-1 alpha-2 of the reporting agency; "
     "victim_country (string, optional): ISO 3166-1 alpha-2; loss (object, optional): amount (number, "
     "zero or more) and currency (ISO 4217 or a crypto-asset code). Jala: docs/formats/stix.md."},
}};

const ExtensionInfo& info(JalaExtension extension) { return k_extensions[static_cast<std::size_t>(extension)]; }

constexpr std::array<JalaExtension, 4> k_all = {JalaExtension::phone_number, JalaExtension::cryptocurrency_wallet,
                                                JalaExtension::bank_account, JalaExtension::report};

}  // namespace

std::span<const JalaExtension> jala_extensions() { return k_all; }

std::string extension_id(JalaExtension extension) {
  return jala_object_id("extension-definition", {info(extension).key, k_definitions_version});
}

nlohmann::json extension_definition_object(JalaExtension extension) {
  const ExtensionInfo& entry = info(extension);
  return {{"type", "extension-definition"},
          {"spec_version", k_stix_spec_version},
          {"id", extension_id(extension)},
          {"created_by_ref", jala_identity_id()},
          {"created", k_definitions_created},
          {"modified", k_definitions_created},
          {"name", entry.name},
          {"description", entry.description},
          {"schema", entry.schema},
          {"version", k_definitions_version},
          {"extension_types", {entry.extension_type}}};
}

std::optional<JalaExtension> extension_of_sco_type(std::string_view stix_type) {
  for (const ExtensionInfo& entry : k_extensions) {
    if (!entry.sco_type.empty() && entry.sco_type == stix_type) {
      return entry.extension;
    }
  }
  return std::nullopt;
}

std::optional<JalaExtension> extension_of_id(std::string_view id) {
  for (const ExtensionInfo& entry : k_extensions) {
    if (extension_id(entry.extension) == id) {
      return entry.extension;
    }
  }
  return std::nullopt;
}

std::string jala_identity_id() { return jala_object_id("identity", {"Jala"}); }

nlohmann::json jala_identity_object() {
  return {{"type", "identity"},
          {"spec_version", k_stix_spec_version},
          {"id", jala_identity_id()},
          {"created", k_definitions_created},
          {"modified", k_definitions_created},
          {"name", "Jala"},
          {"description", "The Jala software: the author of the STIX extension definitions its nodes use."},
          {"identity_class", "system"}};
}

}  // namespace jala::share
