// Selectors: the identifiers a scam leaves (phones, wallets, accounts, handles, ...), in the canonical
// `TYPE:VALUE` form of the interface spec. This file holds the one table of selector types; every
// other module asks it for names and normalisers instead of keeping its own list.
//
// Normalisation turns a raw value as a person typed it ("+84 91 234 5678") into the canonical value
// ("+84912345678"). Normalisers are strict: a value that is not valid for its type (a failed checksum,
// an impossible phone number) is an error with a precise reason, never a guess.
//
// Pure functions over values; thread-safe.
#pragma once

#include <array>
#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::model {

enum class SelectorType {
  phone,
  email,
  url,
  domain,
  ip,
  wallet,
  iban,
  bank,
  telegram,
  whatsapp,
  line,
  wechat,
  zalo,
  facebook,
  instagram,
  tiktok,
  x,
};

// What a normaliser may need beyond the raw text.
struct NormaliseContext {
  std::string_view default_region;  // ISO 3166-1 alpha-2 for national phone formats; may be empty
};

using Normaliser = Result<std::string> (*)(std::string_view raw, const NormaliseContext& context);

// How a type takes part in guessing the type of an untyped value (`jala search +84...`).
enum class Guessable { yes, no };

struct SelectorTypeInfo {
  SelectorType type;
  std::string_view name;
  Normaliser normalise;
  Guessable guessable;  // handles such as "alice" are valid on every platform, so they are not guessed
};

struct Selector {
  SelectorType type = SelectorType::phone;
  std::string value;  // canonical, without the "type:" prefix

  std::string to_string() const;  // "type:value"
  auto operator<=>(const Selector&) const =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};

// Longest raw value any normaliser accepts; longer input is rejected before any parsing.
inline constexpr std::size_t k_max_selector_raw_bytes = 2048;

const SelectorTypeInfo& info(SelectorType type);
std::string_view to_string(SelectorType type);
Result<SelectorType> parse_selector_type(std::string_view name);
std::span<const SelectorTypeInfo> selector_types();

// Normalises a raw value of a known type.
Result<Selector> normalise_selector(SelectorType type, std::string_view raw, const NormaliseContext& context);

// Parses "type:value" and normalises the value (so a canonical selector maps to itself).
Result<Selector> parse_selector(std::string_view typed, const NormaliseContext& context);

// The host a canonical selector names: a domain's value, a URL's host (an IPv6 literal without its
// brackets), an e-mail's domain; empty for every other type.
std::string_view host_of(const Selector& selector);

// The selector a canonical URL's host gives: ip: for an IP address, else domain: with its registrable
// domain; nullopt when it gives neither (a bare public suffix). Extraction adds it beside every URL it
// finds, and a report beside every URL its form gives (report.h, derived_selectors), so both link alike.
std::optional<Selector> url_host_selector(const Selector& url);

// What selectors of different forms share when they are one link (graph::LinkInput::link_of): a URL's
// address without its web scheme ("bit.ly/3abc" for http://bit.ly/3abc and https://bit.ly/3abc: a page
// pasted bare is read as http://). Empty for every other selector, and for a URL of any other scheme. A
// view into `selector`.
std::string_view link_key(const Selector& selector);

// The phone number a selector names: a phone's value, or that of a WhatsApp or Zalo account named by its
// number ("whatsapp:+84912345678"); nullopt for every other selector. A view into `selector`.
std::optional<std::string_view> phone_named_by(const Selector& selector);

// The other forms of `selector`'s link, canonical: the same address under the other web scheme (none when
// the address holds that scheme's default port: http://host:443/ is not https://host/).
std::vector<Selector> other_forms(const Selector& selector);

// Every reading of an untyped raw value: each guessable type whose normaliser accepts it, in table
// order. "+84 91 234 5678" gives phone and whatsapp. Empty when no type accepts it.
std::vector<Selector> guess_selectors(std::string_view raw, const NormaliseContext& context);

}  // namespace jala::model
