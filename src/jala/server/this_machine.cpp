#include "jala/server/this_machine.h"

#include <arpa/inet.h>

#include <array>
#include <string>

#include "jala/model/text.h"

namespace jala::server {
namespace {

// The host of a Host header, without its port and brackets, in lower case; nothing when malformed.
std::optional<std::string> host_of(std::string_view header) {
  std::string_view host = header;
  if (host.starts_with('[')) {
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view after = host.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return std::nullopt;
    host = host.substr(1, close - 1);
  } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
    if (host.find(':', colon + 1) != std::string_view::npos) return std::nullopt;
    host = host.substr(0, colon);
  }
  if (host.ends_with('.')) host.remove_suffix(1);
  return model::ascii_lower(host);
}

bool names_loopback(const std::string& host) {
  if (host == "localhost" || host.ends_with(".localhost")) return true;
  std::array<unsigned char, 16> address{};
  if (inet_pton(AF_INET, host.c_str(), address.data()) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, host.c_str(), address.data()) == 1) {
    constexpr std::array<unsigned char, 16> k_loopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return address == k_loopback;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> why_not_from_this_machine(const HttpRequest& request) {
  if (!request.from_loopback) return "the request comes from another machine";
  for (const std::string_view forwarding : {"forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"}) {
    if (request.header(forwarding)) return "the request came through a proxy";
  }
  const std::optional<std::string_view> host_header = request.header("host");
  if (!host_header) return "the request names no Host";
  const std::optional<std::string> host = host_of(*host_header);
  if (!host || !names_loopback(*host)) return "the request's Host is not this machine's loopback name";
  return std::nullopt;
}

}  // namespace jala::server
