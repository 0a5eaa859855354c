#include "jala/flow/features.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

namespace jala::flow {
namespace {

constexpr std::int64_t k_week_micros = 7LL * 86'400 * 1'000'000;
constexpr std::size_t k_max_victim_payments = 3;

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
    if (!ledger.received_before(transfer.from, t) && ledger.outgoing(transfer.from).size() <= k_max_victim_payments) {
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
