// What mule scoring (suspects.h) measures of each account, in one pass per account over its transfers.
// Internal to flow/.
#pragma once

#include <cstddef>
#include "jala/base/huge_pages.h"
#include "jala/flow/ledger.h"

namespace jala::flow {

// Accounts per task when the scan runs in parallel.
inline constexpr std::size_t k_accounts_per_task = 4'096;

// Outgoing payments at most this far apart in the time of day count as made on one schedule.
inline constexpr std::int64_t k_schedule_window_micros = 2LL * 3'600 * 1'000'000;

// Money spent at most this long after it arrived passes through rapidly.
inline constexpr std::int64_t k_rapid_micros = 48LL * 3'600 * 1'000'000;

struct AccountFeatures {
  double in_usd = 0;
  double out_usd = 0;
  double rapid_usd = 0;          // outgoing money that arrived at most 48 hours before (FIFO)
  double origin_in_usd = 0;      // incoming money from origin accounts that pay at most 3 times (victims)
  double offramp_in_usd = 0;     // incoming by crypto or cash
  double median_in_usd = 0;      // typical payment received
  double median_out_usd = 0;     // typical payment made
  double first_week_in_usd = 0;  // received in the 7 days after its first transfer
  std::size_t senders = 0;       // distinct
  std::size_t receivers = 0;     // distinct
  std::size_t returning = 0;     // accounts it both pays and is paid by (cycles)
  std::size_t payments_out = 0;
  // Of an account that pays one account at most once a day: the most of its payments made within two
  // hours of the same time of day (a window that wraps at midnight), as a scheduled sweep pays. Zero
  // for other accounts.
  std::size_t scheduled_payments = 0;
  Timestamp first_at;
  Timestamp last_at;
};

// Every account's features, measured in parallel (oneTBB).
base::HugePageVector<AccountFeatures> measure_accounts(const Ledger& ledger);

}  // namespace jala::flow
