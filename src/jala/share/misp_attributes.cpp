#include "jala/share/misp_attributes.h"

#include <algorithm>
#include <array>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/model/text.h"
#include "jala/share/import_common.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

using model::SelectorType;

// Which part of a composite value ("domain|ip", "ip-dst|port") an attribute type's selector is.
enum class Part { whole, before_bar, after_bar };

struct AttributeType {
  std::string_view misp_type;
  SelectorType selector;
  Part part;
  std::string_view chain;  // wallets: the chain the type names, written "CHAIN:ADDRESS" for the normaliser
};

// MISP attribute types that name selectors. A type may have several rows (one per part). `link` is a
// reference to a page about the event (a sandbox report, a news article), not an indicator, so it is
// not here.
constexpr std::array<AttributeType, 27> k_attribute_types = {{
    {"phone-number", SelectorType::phone, Part::whole, ""},
    {"prtn", SelectorType::phone, Part::whole, ""},
    {"whois-registrant-phone", SelectorType::phone, Part::whole, ""},
    {"email", SelectorType::email, Part::whole, ""},
    {"email-src", SelectorType::email, Part::whole, ""},
    {"email-dst", SelectorType::email, Part::whole, ""},
    {"email-reply-to", SelectorType::email, Part::whole, ""},
    {"whois-registrant-email", SelectorType::email, Part::whole, ""},
    {"target-email", SelectorType::email, Part::whole, ""},
    {"dns-soa-email", SelectorType::email, Part::whole, ""},
    {"url", SelectorType::url, Part::whole, ""},
    {"domain", SelectorType::domain, Part::whole, ""},
    {"hostname", SelectorType::domain, Part::whole, ""},
    {"domain|ip", SelectorType::domain, Part::before_bar, ""},
    {"domain|ip", SelectorType::ip, Part::after_bar, ""},
    {"hostname|port", SelectorType::domain, Part::before_bar, ""},
    {"ip-src", SelectorType::ip, Part::whole, ""},
    {"ip-dst", SelectorType::ip, Part::whole, ""},
    {"ip-src|port", SelectorType::ip, Part::before_bar, ""},
    {"ip-dst|port", SelectorType::ip, Part::before_bar, ""},
    {"btc", SelectorType::wallet, Part::whole, "btc"},
    {"xmr", SelectorType::wallet, Part::whole, "xmr"},
    {"dash", SelectorType::wallet, Part::whole, "dash"},
    {"iban", SelectorType::iban, Part::whole, ""},
    {"twitter-id", SelectorType::x, Part::whole, ""},
    // Not MISP's own types, but those that instances define locally for messaging accounts.
    {"whatsapp", SelectorType::whatsapp, Part::whole, ""},
    {"telegram", SelectorType::telegram, Part::whole, ""},
}};

// Object relations whose attribute type (mostly "text") says nothing, but whose relation names a
// selector.
struct ObjectRelation {
  std::string_view object;
  std::string_view relation;
  SelectorType selector;
};

constexpr std::array<ObjectRelation, 7> k_object_relations = {{
    {"telegram-account", "username", SelectorType::telegram},
    {"telegram-account", "phone", SelectorType::phone},
    {"facebook-account", "account-name", SelectorType::facebook},
    {"instagram-account", "account-name", SelectorType::instagram},
    {"twitter-account", "name", SelectorType::x},
    {"phone", "msisdn", SelectorType::phone},
    {"coin-address", "address-crypto", SelectorType::wallet},
}};

// Objects whose handles belong to the platform another relation names.
struct AccountObject {
  std::string_view object;
  std::string_view platform;                // the relation that names the platform
  std::array<std::string_view, 2> handles;  // relations holding accounts on it
  std::array<std::string_view, 2> numbers;  // relations holding phone numbers: accounts on phone platforms
};

constexpr std::array<AccountObject, 2> k_account_objects = {{
    {"instant-message", "app-used", {"from-user", "to-user"}, {"from-number", "to-number"}},
    {"user-account", "account-type", {"username", "user-id"}, {"", ""}},
}};

// Platforms whose accounts are phone numbers.
constexpr std::array<SelectorType, 2> k_phone_platforms = {SelectorType::whatsapp, SelectorType::zalo};

// Objects that name a bank account as an account number and, in other relations, its bank; and
// objects that name the chain of their addresses.
struct BankObject {
  std::string_view object;
  std::string_view account;
  std::array<std::string_view, 2> banks;  // tried in order
};
constexpr std::array<BankObject, 1> k_bank_objects = {{{"bank-account", "account", {"swift", "institution-name"}}}};

struct ChainObject {
  std::string_view object;
  std::string_view chain;  // the relation naming the chain ("BTC", "ETH")
};
constexpr std::array<ChainObject, 1> k_chain_objects = {{{"coin-address", "symbol"}}};

std::string_view part_of(std::string_view value, Part part) {
  const std::size_t bar = value.find('|');
  switch (part) {
    case Part::whole: return value;
    case Part::before_bar: return value.substr(0, bar);
    case Part::after_bar: return bar == std::string_view::npos ? std::string_view() : value.substr(bar + 1);
  }
  return value;
}

// The string value of the attribute of `relation` in an object's attribute array.
std::optional<std::string_view> relation_value(const nlohmann::json& attributes, std::string_view relation) {
  for (const nlohmann::json& attribute : attributes) {
    if (string_member(attribute, "object_relation") == relation) {
      return string_member(attribute, "value");
    }
  }
  return std::nullopt;
}

bool is_wallet_type(std::string_view type) {
  return std::any_of(k_attribute_types.begin(), k_attribute_types.end(), [&](const AttributeType& entry) {
    return entry.misp_type == type && entry.selector == SelectorType::wallet;
  });
}

// Attribute types whose values are prose: the report's text, where extraction finds what they name.
// Inside objects, "text" mostly types short fields (a user name, an app's name), so there only the
// relations below count as prose.
constexpr std::array<std::string_view, 4> k_prose_types = {"text", "comment", "email-subject", "email-body"};

struct ProseRelation {
  std::string_view object;
  std::string_view relation;
};
constexpr std::array<ProseRelation, 2> k_prose_relations = {{
    {"instant-message", "body"},
    {"instant-message", "subject"},
}};

}  // namespace

bool misp_is_prose(std::string_view object_name, std::string_view relation, std::string_view type) {
  if (std::find(k_prose_types.begin(), k_prose_types.end(), type) == k_prose_types.end()) {
    return false;
  }
  return object_name.empty() || type != "text" ||
         std::any_of(k_prose_relations.begin(), k_prose_relations.end(), [&](const ProseRelation& entry) {
           return entry.object == object_name && entry.relation == relation;
         });
}

bool misp_is_deleted(const nlohmann::json& item) {
  const auto deleted = item.is_object() ? item.find("deleted") : item.end();
  return item.is_object() && deleted != item.end() && deleted->is_boolean() && deleted->get<bool>();
}

std::vector<Result<model::ReportSelector>> misp_attribute_selectors(std::string_view type, std::string_view value,
                                                                    const model::NormaliseContext& context) {
  std::vector<Result<model::ReportSelector>> selectors;
  for (const AttributeType& entry : k_attribute_types) {
    if (entry.misp_type != type) {
      continue;
    }
    const std::string_view part = model::trim_ascii_space(part_of(value, entry.part));
    const std::string raw = entry.chain.empty() ? std::string(part) : fmt::format("{}:{}", entry.chain, part);
    selectors.push_back(normalise_report_selector(entry.selector, raw, context));
  }
  return selectors;
}

std::vector<Result<model::ReportSelector>> misp_object_selectors(std::string_view object_name,
                                                                 const nlohmann::json& attributes,
                                                                 const model::NormaliseContext& context) {
  std::vector<Result<model::ReportSelector>> selectors;
  if (!attributes.is_array()) {
    return selectors;
  }
  std::optional<std::string_view> chain;
  for (const ChainObject& entry : k_chain_objects) {
    if (entry.object == object_name) {
      chain = relation_value(attributes, entry.chain);
    }
  }
  for (const nlohmann::json& attribute : attributes) {
    const std::optional<std::string_view> type = string_member(attribute, "type");
    const std::optional<std::string_view> value = string_member(attribute, "value");
    if (!type || !value || misp_is_deleted(attribute)) {
      continue;
    }
    const std::optional<std::string_view> relation = string_member(attribute, "object_relation");
    std::optional<SelectorType> selector_type;
    for (const ObjectRelation& entry : k_object_relations) {
      if (entry.object == object_name && relation == entry.relation) {
        selector_type = entry.selector;
      }
    }
    if (!selector_type && chain && is_wallet_type(*type)) {
      selector_type = SelectorType::wallet;
    }
    if (!selector_type) {
      for (Result<model::ReportSelector>& selector : misp_attribute_selectors(*type, *value, context)) {
        selectors.push_back(std::move(selector));
      }
    } else if (*selector_type == SelectorType::wallet && chain) {
      // The chain the object names beats the one the attribute type implies (coin-address writes every
      // address as type btc).
      selectors.push_back(normalise_report_selector(SelectorType::wallet,
                                                    fmt::format("{}:{}", model::ascii_lower(*chain), *value), context));
    } else {
      selectors.push_back(normalise_report_selector(*selector_type, *value, context));
    }
  }
  for (const AccountObject& entry : k_account_objects) {
    const std::optional<std::string_view> platform =
        entry.object == object_name ? relation_value(attributes, entry.platform) : std::nullopt;
    const std::optional<SelectorType> type = platform ? platform_selector_type(*platform) : std::nullopt;
    if (!type) {
      continue;
    }
    for (const std::string_view relation : entry.handles) {
      if (const std::optional<std::string_view> handle =
              relation.empty() ? std::nullopt : relation_value(attributes, relation)) {
        selectors.push_back(normalise_report_selector(*type, *handle, context));
      }
    }
    if (std::find(k_phone_platforms.begin(), k_phone_platforms.end(), *type) == k_phone_platforms.end()) {
      continue;
    }
    for (const std::string_view relation : entry.numbers) {
      if (const std::optional<std::string_view> number =
              relation.empty() ? std::nullopt : relation_value(attributes, relation)) {
        selectors.push_back(normalise_report_selector(*type, *number, context));
      }
    }
  }
  for (const BankObject& entry : k_bank_objects) {
    const std::optional<std::string_view> account =
        entry.object == object_name ? relation_value(attributes, entry.account) : std::nullopt;
    for (const std::string_view relation : entry.banks) {
      const std::optional<std::string_view> bank = account ? relation_value(attributes, relation) : std::nullopt;
      if (bank) {
        selectors.push_back(
            normalise_report_selector(SelectorType::bank, fmt::format("{}:{}", *bank, *account), context));
        break;
      }
    }
  }
  return selectors;
}

}  // namespace jala::share
