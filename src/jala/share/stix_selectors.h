// Selectors as STIX 2.1 cyber-observable objects (SCOs), both ways: one table says which SCO type and
// which properties each selector type becomes, and export, indicator patterns and import all read it.
//
//   phone                       phone-number {value}                (Jala extension, OpenCTI's type)
//   email, url, domain          email-addr, url, domain-name {value}
//   ip                          ipv4-addr or ipv6-addr {value}
//   wallet                      cryptocurrency-wallet {value, chain} (Jala extension, OpenCTI's type)
//   iban                        bank-account {iban}                 (Jala extension, OpenCTI's type)
//   bank                        bank-account {bic or bank, account_number}
//   telegram, whatsapp, ...     user-account {account_type, account_login}; x is account_type
//                               "twitter", the STIX vocabulary's name for it
//
// SCO ids are deterministic (stix_ids.h). Pure functions; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/model/report.h"

namespace jala::share {

struct ScoProperty {
  std::string_view name;
  std::string value;
  bool contributes_to_id = true;
};

// The SCO a selector becomes: its STIX type and its properties, in a fixed order.
struct ScoFields {
  std::string_view type;
  std::vector<ScoProperty> properties;
};

ScoFields sco_fields(const model::Selector& selector);

// The SCO's deterministic id, and the SCO itself (with the new-sco extension entry for Jala's types).
// No marking: export adds the marking of the report it goes with.
std::string selector_object_id(const model::Selector& selector);
nlohmann::json selector_object(const model::Selector& selector);

// A STIX pattern matching the selector's observable: its id-contributing properties, joined by AND,
// e.g. "[user-account:account_type = 'telegram' AND user-account:account_login = 'lucky_job']".
std::string selector_pattern(const model::Selector& selector);

// The handle type of a platform as STIX account types and MISP objects name it ("telegram", "twitter"
// or "x", "WhatsApp", "Facebook Messenger"; any case); nothing for platforms Jala does not model.
std::optional<model::SelectorType> platform_selector_type(std::string_view platform);

// A string literal for a STIX pattern: quotes added, and '\'' and '\\' escaped with a backslash.
std::string pattern_string_literal(std::string_view value);

// The selector an observable names, read through `property` (the value of a property, if present and
// a string): nullopt when the type, or the account type of a user-account, is not one Jala models or
// the property that carries the value is missing; an error when the value does not normalise.
// `context` gives the default region for national phone numbers.
using PropertyLookup = std::function<std::optional<std::string_view>(std::string_view name)>;
std::optional<Result<model::ReportSelector>> selector_from_observable(std::string_view stix_type,
                                                                      const PropertyLookup& property,
                                                                      const model::NormaliseContext& context);

}  // namespace jala::share
