#include "jala/server/sign_in_throttle.h"

#include <arpa/inet.h>

#include <array>

#include <fmt/format.h>

namespace jala::server {
namespace {

std::chrono::seconds seconds_until(SignInThrottle::Clock::time_point end, SignInThrottle::Clock::time_point now) {
  const auto left = std::chrono::ceil<std::chrono::seconds>(end - now);
  return std::max(left, std::chrono::seconds{1});
}

}  // namespace

std::string SignInThrottle::key_of(std::string_view address) {
  std::string text(address);
  std::array<unsigned char, 16> bytes{};
  if (text.find(':') == std::string::npos || inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return text;
  // An IPv4-mapped address is its IPv4 address.
  constexpr std::array<unsigned char, 12> k_mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(k_mapped.begin(), k_mapped.end(), bytes.begin())) {
    return fmt::format("{}.{}.{}.{}", bytes[12], bytes[13], bytes[14], bytes[15]);
  }
  return fmt::format("{:02x}{:02x}:{:02x}{:02x}:{:02x}{:02x}:{:02x}{:02x}::/64", bytes[0], bytes[1], bytes[2], bytes[3],
                     bytes[4], bytes[5], bytes[6], bytes[7]);
}

std::optional<std::chrono::seconds> SignInThrottle::wait(std::string_view address, Clock::time_point now) {
  const auto found = m_failures.find(key_of(address));
  if (found == m_failures.end()) {
    if (m_failures.size() < k_max_addresses) return std::nullopt;
    forget_expired(now);
    if (m_failures.size() < k_max_addresses) return std::nullopt;
    Clock::time_point first_to_expire = Clock::time_point::max();
    for (const auto& [key, failures] : m_failures) first_to_expire = std::min(first_to_expire, failures.window_start);
    return seconds_until(first_to_expire + k_window, now);
  }
  const Failures& failures = found->second;
  if (now - failures.window_start >= k_window || failures.count < k_failures_allowed) return std::nullopt;
  return seconds_until(failures.window_start + k_window, now);
}

void SignInThrottle::record_failure(std::string_view address, Clock::time_point now) {
  std::string key = key_of(address);
  auto found = m_failures.find(key);
  if (found == m_failures.end()) {
    if (m_failures.size() >= k_max_addresses) forget_expired(now);
    if (m_failures.size() >= k_max_addresses) return;  // wait() refuses new addresses until some expire
    m_failures.emplace(std::move(key), Failures{now, 1});
    return;
  }
  Failures& failures = found->second;
  if (now - failures.window_start >= k_window) {
    failures = {now, 1};
  } else {
    ++failures.count;
  }
}

void SignInThrottle::forget_expired(Clock::time_point now) {
  std::erase_if(m_failures, [&](const auto& entry) { return now - entry.second.window_start >= k_window; });
}

}  // namespace jala::server
