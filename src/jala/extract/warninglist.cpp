#include "jala/base/utf8.h"
#include "jala/extract/warninglist.h"

#include <arpa/inet.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "jala/model/normalisers.h"
#include "jala/model/text.h"

namespace jala::extract {
namespace {

constexpr std::size_t k_max_list_bytes = 16 << 20;

enum class Mode { exact, suffix, cidr };

struct Header {
  std::map<std::string, std::string, std::less<>> keys;
};

constexpr std::string_view k_keys[] = {"name",       "description", "type",   "matching",
                                       "applies-to", "version",     "source", "references"};
constexpr std::string_view k_required_keys[] = {"name",       "description", "type",  "matching",
                                                "applies-to", "version",     "source"};

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', i);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.push_back(text.substr(start, end - start));
    i = end;
  }
  return words;
}

Result<Mode> parse_mode(std::string_view text) {
  if (text == "exact") return Mode::exact;
  if (text == "suffix") return Mode::suffix;
  if (text == "cidr") return Mode::cidr;
  return invalid_argument("matching: {} is not exact, suffix or cidr", quote_untrusted(text));
}

// "192.0.2.0/24" or "2001:db8::/32".
bool parse_network(std::string_view text, std::array<std::uint8_t, 16>& address, bool& ipv6, int& bits) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string host(text.substr(0, slash));
  ipv6 = host.find(':') != std::string::npos;
  if (inet_pton(ipv6 ? AF_INET6 : AF_INET, host.c_str(), address.data()) != 1) return false;
  const std::string_view prefix = text.substr(slash + 1);
  if (prefix.empty() || prefix.size() > 3 || !std::all_of(prefix.begin(), prefix.end(), model::is_ascii_digit)) {
    return false;
  }
  bits = std::stoi(std::string(prefix));
  return bits <= (ipv6 ? 128 : 32);
}

// RFC 4291 2.5.5.2: ::ffff:0:0/96 holds the IPv4 addresses.
bool is_ipv4_mapped(const std::array<std::uint8_t, 16>& address) {
  return std::all_of(address.begin(), address.begin() + 10, [](std::uint8_t byte) { return byte == 0; }) &&
         address[10] == 0xff && address[11] == 0xff;
}

bool in_network(const std::array<std::uint8_t, 16>& address, const std::array<std::uint8_t, 16>& network, int bits) {
  for (int i = 0; i < bits; ++i) {
    const int byte = i / 8;
    const int mask = 0x80 >> (i % 8);
    if ((address[byte] & mask) != (network[byte] & mask)) return false;
  }
  return true;
}

// The part of a selector that lists compare (README "Matching"): a url's host, an e-mail's domain.
std::string_view compared_part(const model::Selector& selector) {
  const std::string_view host = model::host_of(selector);
  return host.empty() ? std::string_view(selector.value) : host;
}

bool is_ip_text(std::string_view text) {
  std::array<std::uint8_t, 16> ignored{};
  const std::string host(text);
  return inet_pton(AF_INET, host.c_str(), ignored.data()) == 1 ||
         inet_pton(AF_INET6, host.c_str(), ignored.data()) == 1;
}

// The type a list value must have to be compared with a selector's compared part.
std::string_view list_value_type(model::SelectorType type, bool part_is_ip) {
  if (part_is_ip) return "ip";
  switch (type) {
    case model::SelectorType::url:
    case model::SelectorType::email: return "domain";
    case model::SelectorType::whatsapp: return "phone";
    default: return model::to_string(type);
  }
}

// The registrable domain of a URL that is only a home page (no query, and a path that is empty, "/" or a
// language tag such as "/en" or "/vi-VN"); nullopt for any other selector.
std::optional<std::string> home_page_domain(const model::Selector& selector, bool host_is_ip) {
  if (selector.type != model::SelectorType::url || host_is_ip) return std::nullopt;
  const std::string_view url = selector.value;
  if (url.find('?') != std::string_view::npos) return std::nullopt;
  const std::size_t host_start = url.find("://") == std::string_view::npos ? 0 : url.find("://") + 3;
  const std::size_t path_start = std::min(url.find('/', host_start), url.size());
  std::string_view path = url.substr(path_start);
  if (path.ends_with('/')) path.remove_suffix(1);
  if (path.starts_with('/')) path.remove_prefix(1);
  // A language tag: two or three letters, and a region of two after '-' or '_' ("en", "vi-VN", "zh_CN"). Five
  // letters in a row are an account ("https://m.me/xinhk"), not a language.
  const auto letters = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return model::is_ascii_alpha(c); });
  };
  const std::size_t separator = path.find_first_of("-_");
  const std::string_view language = path.substr(0, separator);
  const std::string_view region = separator == std::string_view::npos ? std::string_view() : path.substr(separator + 1);
  const bool language_tag = (language.size() == 2 || language.size() == 3) && letters(language) &&
                            (separator == std::string_view::npos || (region.size() == 2 && letters(region)));
  if (!path.empty() && !language_tag) return std::nullopt;
  // The home page of the domain itself, or of its www host: a site under it ("scam1.weebly.com") is not
  // the platform's home page.
  const std::string host = model::ascii_lower(model::host_of(selector));
  Result<std::string> domain = model::normalise_domain(host, {});
  if (!domain.ok() || (host != *domain && host != "www." + *domain)) return std::nullopt;
  return std::move(domain).value();
}

}  // namespace

Result<WarningLists> WarningLists::load(const std::string& directory) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  if (error) return unavailable("warning lists: cannot read {}: {}", directory, error.message());
  std::sort(files.begin(), files.end());
  WarningLists lists;
  for (const std::filesystem::path& path : files) {
    if (std::filesystem::file_size(path, error) > k_max_list_bytes || error) {
      return invalid_argument("{}: larger than {} bytes or unreadable", path.string(), k_max_list_bytes);
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return unavailable("{}: cannot read", path.string());
    if (Status added = lists.add(path.filename().string(), content.str()); !added.ok()) {
      return std::move(added).error().with_context(path.string());
    }
  }
  return lists;
}

Status WarningLists::add(std::string_view file_name, std::string_view content) {
  Header header;
  std::vector<std::string> exact;   // "type:value"
  std::vector<std::string> suffix;  // domains
  std::vector<Network> networks;
  std::uint64_t applies_to_types = 0;              // a bit per selector type
  std::map<std::string, Mode, std::less<>> modes;  // value type -> matching
  bool in_header = true;
  std::size_t line_number = 0;
  std::size_t position = 0;
  while (position < content.size()) {
    const std::size_t end = std::min(content.find('\n', position), content.size());
    const std::string_view line = content.substr(position, end - position);
    position = end + 1;
    ++line_number;
    const auto at_line = [&](const Error& error) { return error.with_context(fmt::format("line {}", line_number)); };
    if (in_header && line.starts_with('#')) {
      const std::size_t colon = line.find(": ");
      const std::string_view key = line.size() > 2 && colon != std::string_view::npos ? line.substr(2, colon - 2) : "";
      if (std::find(std::begin(k_keys), std::end(k_keys), key) == std::end(k_keys)) continue;  // prose
      if (!header.keys.emplace(std::string(key), std::string(line.substr(colon + 2))).second) {
        return at_line(invalid_argument("header key '{}' appears twice", key));
      }
      continue;
    }
    if (in_header) {
      in_header = false;
      for (std::string_view key : k_required_keys) {
        if (!header.keys.contains(key)) return at_line(invalid_argument("the header has no '{}'", key));
      }
      if (header.keys["name"] + ".txt" != file_name) {
        return invalid_argument("name {} does not match the file name", quote_untrusted(header.keys["name"]));
      }
      const std::vector<std::string_view> types = split_words(header.keys["type"]);
      for (std::string_view pair : split_words(header.keys["matching"])) {
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos && types.size() != 1) {
          return invalid_argument("matching: a list of several types needs TYPE=MODE pairs");
        }
        const std::string_view type = equals == std::string_view::npos ? types.front() : pair.substr(0, equals);
        JALA_TRY_ASSIGN(const Mode mode, parse_mode(equals == std::string_view::npos ? pair : pair.substr(equals + 1)));
        modes[std::string(type)] = mode;
      }
      for (std::string_view type : types) {
        if (!modes.contains(type)) {
          return invalid_argument("matching: no mode for type {}", quote_untrusted(type));
        }
      }
      for (std::string_view name : split_words(header.keys["applies-to"])) {
        JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(name));
        applies_to_types |= std::uint64_t{1} << static_cast<unsigned>(type);
      }
    }
    if (line.empty() || line.starts_with('#')) continue;
    // A value: bare in a list of one type, TYPE:VALUE in a list of several.
    std::string type = modes.size() == 1 ? modes.begin()->first : "";
    std::string_view value = line;
    if (modes.size() > 1) {
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        return at_line(invalid_argument("{} has no TYPE: prefix", quote_untrusted(line)));
      }
      type = line.substr(0, colon);
      value = line.substr(colon + 1);
    }
    const auto mode = modes.find(type);
    if (mode == modes.end()) {
      return at_line(invalid_argument("type {} is not in the header", quote_untrusted(type)));
    }
    if (value.empty() || value.find_first_of(" \t\r") != std::string_view::npos) {
      return at_line(invalid_argument("{} is not one value without white space", quote_untrusted(line)));
    }
    switch (mode->second) {
      case Mode::exact: exact.push_back(type + ":" + std::string(value)); break;
      case Mode::suffix: suffix.emplace_back(value.starts_with("*.") ? value.substr(2) : value); break;
      case Mode::cidr: {
        Network network;
        if (!parse_network(value, network.address, network.ipv6, network.prefix_bits)) {
          return at_line(invalid_argument("{} is not a network in CIDR notation", quote_untrusted(value)));
        }
        networks.push_back(network);
        break;
      }
    }
  }
  if (in_header) return invalid_argument("the list has a header and no values");
  if (m_lists.size() == k_max_lists) return invalid_argument("more than {} warning lists", k_max_lists);
  const ListSet list = ListSet{1} << m_lists.size();
  m_lists.push_back({header.keys["name"], header.keys["description"], header.keys["version"]});
  for (std::string& value : exact) m_exact[std::move(value)] |= list;
  for (std::string& value : suffix) m_suffix[std::move(value)] |= list;
  for (Network& network : networks) {
    network.lists = list;
    m_networks.push_back(network);
  }
  for (std::size_t type = 0; type < m_applying_to.size(); ++type) {
    if ((applies_to_types >> type & 1U) != 0) m_applying_to[type] |= list;
  }
  return {};
}

WarningLists::ListSet WarningLists::matching(std::string_view value_type, std::string_view part,
                                             bool part_is_ip) const {
  ListSet found = 0;
  std::string key;
  key.reserve(value_type.size() + 1 + part.size());
  key.append(value_type).append(":").append(part);
  if (const auto exact = m_exact.find(key); exact != m_exact.end()) found |= exact->second;
  if (value_type == "domain") {
    // The name itself, then every parent: a.b.test -> b.test -> test.
    for (std::string_view name = part; !name.empty();) {
      if (const auto suffix = m_suffix.find(name); suffix != m_suffix.end()) found |= suffix->second;
      const std::size_t dot = name.find('.');
      name = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
    }
  }
  if (part_is_ip && !m_networks.empty()) {
    std::array<std::uint8_t, 16> address{};
    const std::string host(part);
    bool ipv6 = host.find(':') != std::string::npos;
    if (inet_pton(ipv6 ? AF_INET6 : AF_INET, host.c_str(), address.data()) == 1) {
      if (ipv6 && is_ipv4_mapped(address)) {  // ::ffff:192.168.1.1 is 192.168.1.1, in IPv4's networks
        std::copy(address.begin() + 12, address.end(), address.begin());
        ipv6 = false;
      }
      for (const Network& network : m_networks) {
        if (network.ipv6 == ipv6 && in_network(address, network.address, network.prefix_bits)) found |= network.lists;
      }
    }
  }
  return found;
}

std::vector<std::string_view> WarningLists::match(const model::Selector& selector) const {
  const std::string_view part = compared_part(selector);
  const bool part_is_ip =
      (selector.type == model::SelectorType::url || selector.type == model::SelectorType::ip) && is_ip_text(part);
  ListSet found = m_applying_to[static_cast<std::size_t>(selector.type)] &
                  matching(list_value_type(selector.type, part_is_ip), part, part_is_ip);
  // A URL that is only the home page of a domain ("https://www.binance.com/en") is as benign as the
  // domain itself, for the lists that mark domains.
  const ListSet domain_lists = m_applying_to[static_cast<std::size_t>(model::SelectorType::domain)];
  if (domain_lists != 0) {
    if (const std::optional<std::string> home_page_of = home_page_domain(selector, part_is_ip)) {
      found |= domain_lists & matching("domain", *home_page_of, false);
    }
  }
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < m_lists.size(); ++i) {
    if ((found >> i & 1U) != 0) names.push_back(m_lists[i].name);
  }
  return names;
}

}  // namespace jala::extract
