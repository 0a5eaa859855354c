// Failed sign-ins counted per client address, so that wrong secrets cannot stall the workers: against an
// agreement made before 2026-12-04 each one costs an Argon2id check (about 50 ms of a worker's time; newer
// agreements' hashes take a microsecond, share/partners.h), and past a few per minute an address is
// answered 429 without one. IPv6 clients are counted by their /64, which one client usually
// holds whole.
//
// The table is bounded. When it is full of addresses that failed within the window, a new address is
// refused a check too, until entries expire: sign-ins already remembered by the Authenticator still
// pass, so partners that are working go on working, and an attacker with many addresses cannot reset
// the counts by filling the table.
//
// Not thread-safe: the Authenticator guards it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jala::server {

class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr int k_failures_allowed = 10;
  static constexpr std::chrono::seconds k_window{60};
  static constexpr std::size_t k_max_addresses = 8192;

  // How long `address` must wait before its secret is checked again; nothing when it may be checked now.
  std::optional<std::chrono::seconds> wait(std::string_view address, Clock::time_point now);
  void record_failure(std::string_view address, Clock::time_point now);

  // The key an address is counted under: itself, or for IPv6 its first four groups (the /64).
  static std::string key_of(std::string_view address);

 private:
  struct Failures {
    Clock::time_point window_start;
    int count = 0;
  };
  void forget_expired(Clock::time_point now);

  std::unordered_map<std::string, Failures> m_failures;
};

}  // namespace jala::server
