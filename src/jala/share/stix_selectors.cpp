#include "jala/share/stix_selectors.h"

#include <array>

#include <nlohmann/json.hpp>

#include "jala/model/text.h"
#include "jala/share/import_common.h"
#include "jala/share/stix_common.h"
#include "jala/share/stix_extensions.h"
#include "jala/share/stix_ids.h"

namespace jala::share {
namespace {

using model::SelectorType;

// How a selector's canonical value spreads over the SCO's properties.
enum class Shape {
  value,    // {value}
  ip,       // {value}, in ipv4-addr or ipv6-addr
  wallet,   // "CHAIN:ADDRESS" -> {value: ADDRESS, chain: CHAIN}
  iban,     // {iban}
  bank,     // "BANK:DIGITS" -> {bic or bank: BANK, account_number: DIGITS}
  account,  // {account_type, account_login}
};

struct ScoMapping {
  SelectorType type;
  std::string_view stix_type;
  Shape shape;
  std::string_view account_type;  // user-account only
};

// One row per selector type, in the order of the enum.
constexpr std::array<ScoMapping, 17> k_mappings = {{
    {SelectorType::phone, "phone-number", Shape::value, ""},
    {SelectorType::email, "email-addr", Shape::value, ""},
    {SelectorType::url, "url", Shape::value, ""},
    {SelectorType::domain, "domain-name", Shape::value, ""},
    {SelectorType::ip, "ipv4-addr", Shape::ip, ""},
    {SelectorType::wallet, "cryptocurrency-wallet", Shape::wallet, ""},
    {SelectorType::iban, "bank-account", Shape::iban, ""},
    {SelectorType::bank, "bank-account", Shape::bank, ""},
    {SelectorType::telegram, "user-account", Shape::account, "telegram"},
    {SelectorType::whatsapp, "user-account", Shape::account, "whatsapp"},
    {SelectorType::line, "user-account", Shape::account, "line"},
    {SelectorType::wechat, "user-account", Shape::account, "wechat"},
    {SelectorType::zalo, "user-account", Shape::account, "zalo"},
    {SelectorType::facebook, "user-account", Shape::account, "facebook"},
    {SelectorType::instagram, "user-account", Shape::account, "instagram"},
    {SelectorType::tiktok, "user-account", Shape::account, "tiktok"},
    {SelectorType::x, "user-account", Shape::account, "twitter"},
}};

constexpr bool mappings_follow_the_enum() {
  for (std::size_t i = 0; i < k_mappings.size(); ++i) {
    if (static_cast<std::size_t>(k_mappings[i].type) != i) {
      return false;
    }
  }
  return k_mappings.back().type == SelectorType::x;  // the last type of the enum
}
static_assert(mappings_follow_the_enum(), "k_mappings must list every selector type in enum order");

// Import: SCO types whose one value property is the selector's value; the properties are tried in order
// (OpenCTI writes phone-number's `value`, other producers `number`).
struct ValueObservable {
  std::string_view stix_type;
  SelectorType type;
  std::array<std::string_view, 2> properties;
};

constexpr std::array<ValueObservable, 6> k_value_observables = {{
    {"email-addr", SelectorType::email, {"value", ""}},
    {"url", SelectorType::url, {"value", ""}},
    {"domain-name", SelectorType::domain, {"value", ""}},
    {"ipv4-addr", SelectorType::ip, {"value", ""}},
    {"ipv6-addr", SelectorType::ip, {"value", ""}},
    {"phone-number", SelectorType::phone, {"value", "number"}},
}};

// Account types that other producers write for a platform, besides the table's own.
struct AccountAlias {
  std::string_view account_type;
  SelectorType type;
};
constexpr std::array<AccountAlias, 2> k_account_aliases = {{
    {"x", SelectorType::x},
    {"facebook messenger", SelectorType::facebook},
}};

const ScoMapping& mapping(SelectorType type) { return k_mappings[static_cast<std::size_t>(type)]; }

// STIX requires url values to be URIs (RFC 3986), and Jala's canonical URL keeps what a person typed
// in the path and query: bytes outside ASCII and the ASCII characters URIs never hold raw become
// %XX, as RFC 3987 section 3.1 maps an IRI to a URI.
std::string uri_from_iri(std::string_view iri) {
  constexpr std::string_view k_not_in_uris = " \"<>\\^`{|}";
  std::string uri;
  for (const char c : iri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || k_not_in_uris.find(c) != std::string_view::npos) {
      uri += fmt::format("%{:02X}", byte);
    } else {
      uri += c;
    }
  }
  return uri;
}

std::pair<std::string_view, std::string_view> split_at_colon(std::string_view value) {
  const std::size_t colon = value.find(':');
  if (colon == std::string_view::npos) {
    return {{}, value};
  }
  return {value.substr(0, colon), value.substr(colon + 1)};
}

}  // namespace

std::optional<SelectorType> platform_selector_type(std::string_view platform) {
  const std::string lowered = model::ascii_lower(model::trim_ascii_space(platform));
  for (const ScoMapping& entry : k_mappings) {
    if (entry.shape == Shape::account && entry.account_type == lowered) {
      return entry.type;
    }
  }
  for (const AccountAlias& alias : k_account_aliases) {
    if (alias.account_type == lowered) {
      return alias.type;
    }
  }
  return std::nullopt;
}

ScoFields sco_fields(const model::Selector& selector) {
  const ScoMapping& entry = mapping(selector.type);
  ScoFields fields{entry.stix_type, {}};
  switch (entry.shape) {
    case Shape::value:
      fields.properties.push_back(
          {"value", selector.type == SelectorType::url ? uri_from_iri(selector.value) : selector.value});
      break;
    case Shape::ip:
      fields.type = selector.value.find(':') == std::string::npos ? "ipv4-addr" : "ipv6-addr";
      fields.properties.push_back({"value", selector.value});
      break;
    case Shape::wallet: {
      const auto [chain, address] = split_at_colon(selector.value);
      fields.properties.push_back({"value", std::string(address)});
      fields.properties.push_back({"chain", std::string(chain), false});
      break;
    }
    case Shape::iban: fields.properties.push_back({"iban", selector.value}); break;
    case Shape::bank: {
      // A canonical BANK is a BIC8 (capitals and digits) or a folded name (lower case).
      const auto [bank, digits] = split_at_colon(selector.value);
      const bool is_bic = !bank.empty() && bank.front() >= 'A' && bank.front() <= 'Z';
      fields.properties.push_back({is_bic ? "bic" : "bank", std::string(bank)});
      fields.properties.push_back({"account_number", std::string(digits)});
      break;
    }
    case Shape::account:
      fields.properties.push_back({"account_type", std::string(entry.account_type)});
      fields.properties.push_back({"account_login", selector.value});
      break;
  }
  return fields;
}

std::string selector_object_id(const model::Selector& selector) {
  const ScoFields fields = sco_fields(selector);
  nlohmann::json contributing = nlohmann::json::object();
  for (const ScoProperty& property : fields.properties) {
    if (property.contributes_to_id) {
      contributing[std::string(property.name)] = property.value;
    }
  }
  return sco_id(fields.type, contributing);
}

nlohmann::json selector_object(const model::Selector& selector) {
  const ScoFields fields = sco_fields(selector);
  nlohmann::json object = {
      {"type", fields.type}, {"spec_version", k_stix_spec_version}, {"id", selector_object_id(selector)}};
  for (const ScoProperty& property : fields.properties) {
    object[std::string(property.name)] = property.value;
  }
  if (const std::optional<JalaExtension> extension = extension_of_sco_type(fields.type)) {
    object["extensions"] = {{extension_id(*extension), {{"extension_type", "new-sco"}}}};
  }
  return object;
}

std::string pattern_string_literal(std::string_view value) {
  std::string literal = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') {
      literal += '\\';
    }
    literal += c;
  }
  literal += '\'';
  return literal;
}

std::string selector_pattern(const model::Selector& selector) {
  const ScoFields fields = sco_fields(selector);
  std::string pattern = "[";
  for (const ScoProperty& property : fields.properties) {
    if (!property.contributes_to_id) {
      continue;
    }
    if (pattern.size() > 1) {
      pattern += " AND ";
    }
    pattern += fmt::format("{}:{} = {}", fields.type, property.name, pattern_string_literal(property.value));
  }
  pattern += ']';
  return pattern;
}

std::optional<Result<model::ReportSelector>> selector_from_observable(std::string_view stix_type,
                                                                      const PropertyLookup& property,
                                                                      const model::NormaliseContext& context) {
  for (const ValueObservable& observable : k_value_observables) {
    if (observable.stix_type != stix_type) {
      continue;
    }
    for (const std::string_view name : observable.properties) {
      if (name.empty()) {
        break;
      }
      if (const std::optional<std::string_view> value = property(name)) {
        return normalise_report_selector(observable.type, *value, context);
      }
    }
    return std::nullopt;
  }
  if (stix_type == "user-account") {
    const std::optional<std::string_view> account_type = property("account_type");
    const std::optional<SelectorType> type = account_type ? platform_selector_type(*account_type) : std::nullopt;
    std::optional<std::string_view> login = property("account_login");
    if (!login) {
      login = property("user_id");
    }
    if (!type || !login) {
      return std::nullopt;
    }
    return normalise_report_selector(*type, *login, context);
  }
  if (stix_type == "cryptocurrency-wallet") {
    std::optional<std::string_view> address = property("value");
    if (!address) {
      address = property("address");
    }
    if (!address) {
      return std::nullopt;
    }
    const std::optional<std::string_view> chain = property("chain");
    const std::string raw = chain ? fmt::format("{}:{}", *chain, *address) : std::string(*address);
    return normalise_report_selector(SelectorType::wallet, raw, context);
  }
  if (stix_type == "bank-account") {
    if (const std::optional<std::string_view> iban = property("iban")) {
      return normalise_report_selector(SelectorType::iban, *iban, context);
    }
    const std::optional<std::string_view> account = property("account_number");
    std::optional<std::string_view> bank = property("bic");
    if (!bank) {
      bank = property("bank");
    }
    if (!account || !bank) {
      return std::nullopt;
    }
    return normalise_report_selector(SelectorType::bank, fmt::format("{}:{}", *bank, *account), context);
  }
  return std::nullopt;
}

}  // namespace jala::share
