#include "jala/flow/features.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace jala::flow {
namespace {

constexpr std::int64_t k_day_micros = 86'400LL * 1'000'000;
constexpr std::int64_t k_week_micros = 7 * k_day_micros;
constexpr std::size_t k_max_victim_payments = 3;
// A payer whose payments recur a month apart in about the same amount pays a salary, a pension or an
// allowance, not a scam: it is no one-time payer (review: an employer's three salaries made the employee a
// "collector" when the rent left the next day).
constexpr std::int64_t k_min_month_micros = 25 * k_day_micros;
constexpr std::int64_t k_max_month_micros = 35 * k_day_micros;
constexpr double k_same_amount_tolerance = 0.1;

bool pays_monthly(const Ledger& ledger, AccountId payer) {
  const std::span<const TransferId> payments = ledger.outgoing(payer);
  if (payments.size() < 2) return false;
  const Transfer& first = ledger.transfer(payments.front());
  for (std::size_t i = 1; i < payments.size(); ++i) {
    const Transfer& payment = ledger.transfer(payments[i]);
    const std::int64_t gap = payment.at.unix_micros - ledger.transfer(payments[i - 1]).at.unix_micros;
    if (gap < k_min_month_micros || gap > k_max_month_micros ||
        std::abs(payment.usd - first.usd) > k_same_amount_tolerance * first.usd) {
      return false;
    }
  }
  return true;
}

double median(std::vector<double>& values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

std::size_t distinct(std::vector<AccountId>& ids) {
  std::sort(ids.begin(), ids.end());
  return static_cast<std::size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
}

// An output iterator that only counts what is written.
struct Counter {
  std::size_t count = 0;
  Counter& operator*() { return *this; }
  Counter& operator++() { return *this; }
  Counter& operator++(int) { return *this; }  // NOLINT(cert-dcl21-cpp): counts, nothing to copy
  template <typename T>
  Counter& operator=(const T&) {
    ++count;
    return *this;
  }
};

// Reused buffers, so that measuring millions of accounts allocates a few times, not per account.
struct Scratch {
  struct Lot {
    double usd;
    Timestamp at;
  };
  std::vector<Lot> lots;
  std::vector<double> amounts;
  std::vector<AccountId> senders;
  std::vector<AccountId> receivers;
  std::vector<std::int64_t> times_of_day;
};

// Spends `usd` from the newest money first and returns the part that arrived within the rapid window.
// Newest first, because pass-through is money forwarded soon after it came: an account that keeps a
// cut of each payment builds up old money that FIFO would spend first, hiding the pass-through.
// Lots are in time order, so once the newest is too old, all are: they are dropped.
double spend_recent(std::vector<Scratch::Lot>& lots, double usd, Timestamp at) {
  double rapid = 0;
  while (usd > 0 && !lots.empty()) {
    Scratch::Lot& lot = lots.back();
    if (at.unix_micros - lot.at.unix_micros > k_rapid_micros) {
      lots.clear();
      break;
    }
    const double take = std::min(usd, lot.usd);
    rapid += take;
    lot.usd -= take;
    usd -= take;
    if (lot.usd <= 0) lots.pop_back();
  }
  return rapid;
}

// The most of `out` (in time order) made within k_schedule_window_micros of one time of day, or zero when
// two fall on the same day.
std::size_t scheduled_payments(const Ledger& ledger, std::span<const TransferId> out, Scratch& scratch) {
  scratch.times_of_day.clear();
  std::int64_t last_day = std::numeric_limits<std::int64_t>::min();
  for (const TransferId t : out) {
    const std::int64_t at = ledger.transfer(t).at.unix_micros;
    const std::int64_t day = at >= 0 ? at / k_day_micros : (at + 1) / k_day_micros - 1;
    if (day == last_day) return 0;
    last_day = day;
    scratch.times_of_day.push_back(at - day * k_day_micros);
  }
  std::vector<std::int64_t>& times = scratch.times_of_day;
  std::sort(times.begin(), times.end());
  const std::size_t count = times.size();
  for (std::size_t i = 0; i < count; ++i) times.push_back(times[i] + k_day_micros);  // the window wraps
  std::size_t most = 0;
  for (std::size_t first = 0, last = 0; first < count; ++first) {
    while (last < first + count && times[last] - times[first] <= k_schedule_window_micros) ++last;
    most = std::max(most, last - first);
  }
  return most;
}

void measure(const Ledger& ledger, AccountId account, Scratch& scratch, AccountFeatures& features) {
  const std::span<const TransferId> in = ledger.incoming(account);
  const std::span<const TransferId> out = ledger.outgoing(account);
  if (in.empty() && out.empty()) return;
  features.first_at =
      ledger.transfer(std::min(in.empty() ? out.front() : in.front(), out.empty() ? in.front() : out.front())).at;
  features.last_at =
      ledger.transfer(std::max(in.empty() ? out.back() : in.back(), out.empty() ? in.back() : out.back())).at;

  scratch.amounts.clear();
  scratch.senders.clear();
  for (const TransferId t : in) {
    const Transfer& transfer = ledger.transfer(t);
    features.in_usd += transfer.usd;
    scratch.amounts.push_back(transfer.usd);
    scratch.senders.push_back(transfer.from);
    if (!ledger.received_before(transfer.from, t) && ledger.outgoing(transfer.from).size() <= k_max_victim_payments &&
        !pays_monthly(ledger, transfer.from)) {
      features.origin_in_usd += transfer.usd;
    }
    if (transfer.channel == model::Channel::crypto || transfer.channel == model::Channel::cash) {
      features.offramp_in_usd += transfer.usd;
    }
    if (transfer.at.unix_micros - features.first_at.unix_micros <= k_week_micros) {
      features.first_week_in_usd += transfer.usd;
    }
  }
  features.median_in_usd = median(scratch.amounts);
  scratch.amounts.clear();
  scratch.receivers.clear();
  for (const TransferId t : out) {
    features.out_usd += ledger.transfer(t).usd;
    scratch.amounts.push_back(ledger.transfer(t).usd);
    scratch.receivers.push_back(ledger.transfer(t).to);
  }
  features.median_out_usd = median(scratch.amounts);

  // Rapid pass-through: replay the account's transfers in time order.
  scratch.lots.clear();
  auto i = in.begin();
  for (const TransferId o : out) {
    for (; i != in.end() && *i < o; ++i) scratch.lots.push_back({ledger.transfer(*i).usd, ledger.transfer(*i).at});
    features.rapid_usd += spend_recent(scratch.lots, ledger.transfer(o).usd, ledger.transfer(o).at);
  }

  features.senders = distinct(scratch.senders);
  features.receivers = distinct(scratch.receivers);
  features.payments_out = out.size();
  if (features.receivers == 1) features.scheduled_payments = scheduled_payments(ledger, out, scratch);
  // Cycles: accounts that both receive from this one and pay it.
  features.returning = static_cast<std::size_t>(
      std::set_intersection(scratch.senders.begin(),
                            scratch.senders.begin() + static_cast<std::ptrdiff_t>(features.senders),
                            scratch.receivers.begin(),
                            scratch.receivers.begin() + static_cast<std::ptrdiff_t>(features.receivers), Counter{})
          .count);
}

}  // namespace

base::HugePageVector<AccountFeatures> measure_accounts(const Ledger& ledger) {
  base::HugePageVector<AccountFeatures> features(ledger.account_count());
  tbb::parallel_for(
      tbb::blocked_range<AccountId>(0, static_cast<AccountId>(ledger.account_count()), k_accounts_per_task),
      [&](const tbb::blocked_range<AccountId>& accounts) {
        Scratch scratch;
        for (AccountId a = accounts.begin(); a != accounts.end(); ++a) measure(ledger, a, scratch, features[a]);
      });
  return features;
}

}  // namespace jala::flow
