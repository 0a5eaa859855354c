// Internet selectors: email addresses, URLs, registrable domains and IP addresses.
// Hosts are lower-cased and IDNs converted to punycode (libidn2, IDNA2008 with UTS #46 mapping);
// the registrable domain comes from the public suffix list (libpsl).
#include <arpa/inet.h>
#include <idn2.h>
#include <libpsl.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "jala/base/remembered.h"
#include "jala/base/utf8.h"
#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

constexpr std::size_t k_max_host_bytes = 253;
constexpr std::size_t k_max_email_bytes = 254;
constexpr std::size_t k_max_url_bytes = 2048;
// The public suffix list's answers cost a few thousand instructions each, and the same names recur in
// every report of a campaign: each thread remembers this many top-level names and domains (docs/performance.md).
constexpr std::size_t k_max_remembered_names = 1 << 14;

// The public suffix list: the newest one on the system (Debian's publicsuffix package), else the
// copy built into libpsl.
const psl_ctx_t* public_suffix_list() {
  static const psl_ctx_t* const list = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  return list;
}

bool is_host_character(char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_'; }

// Lower-case ASCII host name, IDN labels in punycode, without a trailing dot.
Result<std::string> normalise_host_name(std::string_view raw) {
  std::string_view host = raw;
  if (host.ends_with('.')) host.remove_suffix(1);
  if (host.empty()) return invalid_argument("host name is empty");
  if (host.size() > k_max_host_bytes) return invalid_argument("host name is longer than {} bytes", k_max_host_bytes);

  std::string ascii;
  bool plain_ascii = true;
  for (char c : host) plain_ascii = plain_ascii && static_cast<unsigned char>(c) < 0x80;
  if (plain_ascii) {
    ascii = ascii_lower(host);
  } else {
    char* converted = nullptr;
    const std::string input(host);
    const int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(input.c_str()),
                                  reinterpret_cast<uint8_t**>(&converted), IDN2_NONTRANSITIONAL);
    const std::unique_ptr<char, decltype(&idn2_free)> owner(converted, idn2_free);
    if (rc != IDN2_OK) {
      return invalid_argument("'{}' is not a valid internationalised domain name ({})", host, idn2_strerror(rc));
    }
    ascii = ascii_lower(converted);
  }
  std::size_t label_start = 0;
  while (label_start <= ascii.size()) {
    std::size_t label_end = ascii.find('.', label_start);
    if (label_end == std::string::npos) label_end = ascii.size();
    const std::string_view label = std::string_view(ascii).substr(label_start, label_end - label_start);
    if (label.empty() || label.size() > 63) return invalid_argument("'{}' has an empty or over-long label", host);
    for (char c : label) {
      if (!is_host_character(c) || c == '.') return invalid_argument("'{}' has a character not allowed in a host name", host);
    }
    if (label.front() == '-' || label.back() == '-') {
      return invalid_argument("'{}' has a label that starts or ends with '-'", host);
    }
    label_start = label_end + 1;
  }
  if (ascii.find('.') == std::string::npos) return invalid_argument("'{}' has no top-level domain", host);
  // The public suffix list's default rule accepts any last label; a selector's must be a real one,
  // or file names ("contract.pdf") would pass as domains.
  const std::string_view top_level = std::string_view(ascii).substr(ascii.rfind('.') + 1);
  thread_local TextMap<bool> known_top_levels;
  const bool known = remembered(known_top_levels, k_max_remembered_names, top_level, [top_level] {
    return psl_is_public_suffix2(public_suffix_list(), std::string(top_level).c_str(),
                                 PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
  });
  if (!known) {
    return invalid_argument("'{}' does not end in a known top-level domain", host);
  }
  return ascii;
}

Result<std::string> canonical_ip(std::string_view raw) {
  const std::string text(raw);
  std::array<unsigned char, 16> address{};
  std::array<char, INET6_ADDRSTRLEN> printed{};
  if (inet_pton(AF_INET, text.c_str(), address.data()) == 1) {
    return std::string(inet_ntop(AF_INET, address.data(), printed.data(), printed.size()));
  }
  if (inet_pton(AF_INET6, text.c_str(), address.data()) == 1) {
    return std::string(inet_ntop(AF_INET6, address.data(), printed.data(), printed.size()));
  }
  return invalid_argument("'{}' is not an IPv4 or IPv6 address", raw.substr(0, 64));
}

// A mailto: link (RFC 6068: "mailto:ADDRESS?subject=…", "mailto:?to=ADDRESS") names its first address,
// percent-encoded ("hr%40site.com"); the rest of its query, and any further addresses, are not it.
// nullopt when `raw` is no mailto: link, and empty when the link names no address that can be one.
std::optional<std::string> mailto_address(std::string_view raw) {
  constexpr std::string_view k_scheme = "mailto:";
  if (raw.size() <= k_scheme.size() || ascii_lower(raw.substr(0, k_scheme.size())) != k_scheme) return std::nullopt;
  const std::string_view link = raw.substr(k_scheme.size());
  const std::size_t query = std::min(link.find('?'), link.size());
  std::string_view addresses = link.substr(0, query);
  for (std::string_view fields = link.substr(std::min(query + 1, link.size())); addresses.empty() && !fields.empty();) {
    const std::size_t end = std::min(fields.find('&'), fields.size());
    if (ascii_lower(fields.substr(0, 3)) == "to=") addresses = fields.substr(3, end - 3);
    fields.remove_prefix(std::min(end + 1, fields.size()));
  }
  const std::string_view address = addresses.substr(0, addresses.find(','));
  // Empty when the escapes give a control character or bytes that are not UTF-8.
  std::string decoded = percent_decoded(address).value_or("");
  const bool control =
      std::ranges::any_of(decoded, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  if (control || !is_valid_utf8(decoded)) decoded.clear();
  return decoded;
}

}  // namespace

Result<std::string> normalise_ip(std::string_view raw, const NormaliseContext&) { return canonical_ip(raw); }

Result<std::string> normalise_domain(std::string_view raw, const NormaliseContext&) {
  thread_local TextMap<Result<std::string>> outcomes;
  return remembered(outcomes, k_max_remembered_names, raw, [raw]() -> Result<std::string> {
    JALA_TRY_ASSIGN(const std::string host, normalise_host_name(raw));
    const char* registrable = psl_registrable_domain(public_suffix_list(), host.c_str());
    if (registrable == nullptr) {
      return invalid_argument("'{}' has no registrable domain (it is a public suffix, or its suffix is unknown)", host);
    }
    return std::string(registrable);
  });
}

Result<std::string> normalise_email(std::string_view given, const NormaliseContext&) {
  const std::optional<std::string> linked = mailto_address(given);
  if (linked && linked->empty()) {
    return invalid_argument("'{}' is a mailto: link without an address", truncate_utf8(given, 80));
  }
  const std::string_view raw = linked ? std::string_view(*linked) : given;
  if (raw.size() > k_max_email_bytes) return invalid_argument("email address is longer than {} bytes", k_max_email_bytes);
  const std::size_t at = raw.rfind('@');
  if (at == std::string_view::npos || at == 0) return invalid_argument("'{}' is not an email address", raw);
  const std::string_view local = raw.substr(0, at);
  if (local.size() > 64) return invalid_argument("'{}' has a local part longer than 64 bytes", raw);
  constexpr std::string_view k_local_specials = "!#$%&'*+/=?^_`{|}~.-";
  for (char c : local) {
    if (!is_ascii_alnum(c) && k_local_specials.find(c) == std::string_view::npos &&
        static_cast<unsigned char>(c) < 0x80) {
      return invalid_argument("'{}' has a character not allowed in an email address", raw);
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return invalid_argument("'{}' has misplaced dots in its local part", raw);
  }
  Result<std::string> host = normalise_host_name(raw.substr(at + 1));
  if (!host.ok()) return invalid_argument("'{}' has a bad domain: {}", raw, host.error().message());
  return ascii_lower(local) + "@" + *host;
}

// Lower-case scheme and host, IDN host in punycode, default port dropped, fragment dropped, an empty
// path written as "/". A value without a scheme is read as http. Path and query are kept as given.
Result<std::string> normalise_url(std::string_view raw, const NormaliseContext&) {
  if (raw.size() > k_max_url_bytes) return invalid_argument("URL is longer than {} bytes", k_max_url_bytes);
  for (char c : raw) {
    if (static_cast<unsigned char>(c) <= 0x20) {
      return invalid_argument("'{}' contains white space or control characters", truncate_utf8(raw, 80));
    }
  }
  std::string_view rest = raw;
  rest = rest.substr(0, rest.find('#'));
  std::string scheme = "http";
  if (const std::size_t separator = rest.find("://"); separator != std::string_view::npos) {
    scheme = ascii_lower(rest.substr(0, separator));
    rest.remove_prefix(separator + 3);
  }
  if (scheme != "http" && scheme != "https") {
    return invalid_argument("'{}' has scheme '{}'; only http and https URLs are selectors", truncate_utf8(raw, 80),
                            scheme);
  }
  const std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  const std::string_view path_and_query = authority_end == std::string_view::npos ? "" : rest.substr(authority_end);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    // Without a scheme, user@host is an e-mail address: read as a URL it would be the mail provider's site.
    if (raw.find("://") == std::string_view::npos) {
      return invalid_argument("'{}' has no scheme and names a user: an e-mail address, not a URL",
                              truncate_utf8(raw, 80));
    }
    authority.remove_prefix(at + 1);
  }

  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return invalid_argument("'{}' has an unclosed IPv6 literal", truncate_utf8(raw, 80));
    }
    host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') {
      return invalid_argument("'{}' has text after its IPv6 literal", truncate_utf8(raw, 80));
    }
    if (!after.empty()) port = after.substr(1);
  } else if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  for (char c : port) {
    if (!is_ascii_digit(c)) return invalid_argument("'{}' has a bad port", truncate_utf8(raw, 80));
  }
  if (port.size() > 5 || (!port.empty() && std::atoi(std::string(port).c_str()) > 65535)) {
    return invalid_argument("'{}' has a port out of range", truncate_utf8(raw, 80));
  }
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port = {};

  std::string canonical_host;
  if (Result<std::string> ip = canonical_ip(host); ip.ok()) {
    canonical_host = ip->find(':') != std::string::npos ? "[" + *ip + "]" : *ip;
  } else {
    Result<std::string> name = normalise_host_name(host);
    if (!name.ok()) return invalid_argument("'{}' has a bad host: {}", truncate_utf8(raw, 80), name.error().message());
    canonical_host = std::move(name).value();
  }
  std::string out = scheme + "://" + canonical_host;
  if (!port.empty()) out += ":" + std::string(port);
  out += path_and_query.empty() || path_and_query.front() == '?' ? "/" : "";
  out += path_and_query;
  return out;
}

}  // namespace jala::model
