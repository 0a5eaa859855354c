#include "jala/flow/suspects.h"

#include <fmt/core.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <iterator>

#include "jala/flow/features.h"

namespace jala::flow {
namespace {

// Weights of the evidence (docs/flow.md); each term is 0..1. Pass-through is the strongest.
constexpr double k_rapid_weight = 0.40;
constexpr double k_balance_weight = 0.10;
constexpr double k_size_weight = 0.15;
constexpr double k_narrowing_weight = 0.10;
constexpr double k_source_weight = 0.15;
constexpr double k_reported_weight = 0.10;
constexpr double k_cycle_weight = 0.05;
constexpr double k_sudden_weight = 0.05;

constexpr double k_cashout_from_suspects_weight = 0.60;
constexpr double k_cashout_offramp_weight = 0.15;
constexpr double k_cashout_many_weight = 0.10;

// A cash-out keeps what it gets: it pays out at most this share of what it received.
constexpr double k_cashout_max_out_share = 0.2;
// Money from suspects marks a cash-out in full from this many dollars, and in proportion below: a cent
// sent to an innocent account ("dusting") must not make it a suspect.
constexpr double k_cashout_full_usd = 100;
// New accounts: first seen this long after the ledger begins, then this much in their first week.
constexpr std::int64_t k_new_after_micros = 30LL * 86'400 * 1'000'000;
constexpr double k_sudden_usd = 10'000;
// An account that pays many more accounts than pay it distributes, as a payroll does: it pays at least
// this many, and more than twice as many as pay it. Its pass-through evidence counts half.
constexpr std::size_t k_fan_out_receivers = 5;
constexpr double k_fan_out_factor = 0.5;
// An account that pays a single account at most once a day, nearly always at the same time of day,
// sweeps its takings on a schedule, as a business moves each day's card takings to its main account:
// its pass-through evidence (how fast, how much, in what amounts) does not count. It makes at least this
// many payments, and this share of them falls within two hours of one time of day.
constexpr std::size_t k_sweep_min_payments = 7;
constexpr double k_sweep_scheduled_share = 0.9;
// An account that pays out this many times what it receives spends money of its own, which the ledger does
// not show it receiving (a victim topping up a scam account after a "commission"): what it received says
// nothing of passing money through, so its pass-through evidence does not count.
constexpr double k_own_money_factor = 3.0;

// The most rounds of scoring (find_suspects): one on each account's own evidence, then rounds that read
// the suspects of the round before, until they change no more; each reaches one account further along a
// chain of slow hops.
constexpr int k_max_rounds = 5;

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }
double share(double part, double whole) { return whole > 0 ? clamp01(part / whole) : 0.0; }

// A score as it is summed; the reasons are written only when asked for (for the suspects), so that
// scoring millions of accounts formats nothing.
struct Scored {
  explicit Scored(bool with_reasons) : explain(with_reasons) {}

  // Adds `weight` times `strength` (0..1). A reason is given for evidence at least half as strong
  // as it can be, so that `why` lists what moved the score, not every faint trace.
  template <typename Reason>
  void add(double weight, double strength, const Reason& reason) {
    score += weight * strength;
    if (explain && strength >= 0.5) evidence.emplace_back(weight * strength, reason());
  }

  bool explain;
  double score = 0;
  Role role = Role::mule;
  std::vector<std::pair<double, std::string>> evidence;  // weight earned, reason
};

struct Context {
  const Ledger& ledger;
  const base::HugePageVector<AccountFeatures>& features;
  const std::vector<const ReportedAccount*>& reported;  // by account; null when no report names it
  Timestamp ledger_start;
};

void add_common(const Context& context, AccountId account, Scored& scored) {
  const AccountFeatures& f = context.features[account];
  if (const ReportedAccount* reported = context.reported[account]) {
    const bool counts = reported->naming == Naming::evidence;
    scored.add(counts ? k_reported_weight : 0.0, 1.0, [&] {
      switch (reported->naming) {
        case Naming::hub:
          return fmt::format("named in {} report(s), but across unrelated networks, as a hub is (not counted)",
                             reported->reports);
        case Naming::benign:
          return fmt::format("named in {} report(s), but on a warning list (not counted)", reported->reports);
        case Naming::evidence: break;
      }
      return reported->network.empty()
                 ? fmt::format("named in {} report(s)", reported->reports)
                 : fmt::format("named in {} report(s) of network {}", reported->reports, reported->network);
    });
  }
  if (f.first_at.unix_micros - context.ledger_start.unix_micros >= k_new_after_micros &&
      f.first_week_in_usd >= k_sudden_usd) {
    scored.add(k_sudden_weight, 1.0,
               [&] { return fmt::format("new account: {:.0f} USD in its first week", f.first_week_in_usd); });
  }
}

// What suspects (those that feed others, by the round before) paid an account, and what it received and paid on from
// the first of that money on: where suspects' money stops, an account may have paid out before it came.
struct MoneyFromSuspects {
  double usd = 0;
  std::size_t suspects = 0;     // distinct payers
  double in_since = 0;          // received from the first payment by a suspect on, that one included
  double offramp_in_since = 0;  // of which by crypto or cash
  double out_since = 0;         // paid after that first payment
};

MoneyFromSuspects money_from_suspects(const Context& context, AccountId account, std::span<const std::uint8_t> feeds) {
  MoneyFromSuspects money;
  std::vector<AccountId> suspects;
  const std::span<const TransferId> incoming = context.ledger.incoming(account);
  const auto first = std::find_if(incoming.begin(), incoming.end(),
                                  [&](TransferId t) { return feeds[context.ledger.transfer(t).from] != 0; });
  if (first == incoming.end()) return money;
  for (auto t = first; t != incoming.end(); ++t) {
    const Transfer& transfer = context.ledger.transfer(*t);
    money.in_since += transfer.usd;
    if (transfer.channel == model::Channel::crypto || transfer.channel == model::Channel::cash) {
      money.offramp_in_since += transfer.usd;
    }
    if (feeds[transfer.from] != 0) {
      money.usd += transfer.usd;
      suspects.push_back(transfer.from);
    }
  }
  // Transfer ids follow the ledger's time order, as each account's lists do.
  const std::span<const TransferId> outgoing = context.ledger.outgoing(account);
  for (auto t = std::upper_bound(outgoing.begin(), outgoing.end(), *first); t != outgoing.end(); ++t) {
    money.out_since += context.ledger.transfer(*t).usd;
  }
  std::sort(suspects.begin(), suspects.end());
  money.suspects = static_cast<std::size_t>(std::unique(suspects.begin(), suspects.end()) - suspects.begin());
  return money;
}

// Collectors and mules: money in, and most of it out again soon, in similar amounts.
Scored score_pass_through(const Context& context, AccountId account, const MoneyFromSuspects& from_suspects,
                          bool explain) {
  const AccountFeatures& f = context.features[account];
  Scored scored(explain);
  const bool fans_out = f.receivers >= k_fan_out_receivers && f.receivers > 2 * f.senders;
  const bool sweeps =
      f.scheduled_payments >= k_sweep_min_payments &&
      static_cast<double>(f.scheduled_payments) >= k_sweep_scheduled_share * static_cast<double>(f.payments_out);
  const bool spends_own_money = f.out_usd >= k_own_money_factor * f.in_usd;
  const double pass_through = sweeps || spends_own_money ? 0.0 : fans_out ? k_fan_out_factor : 1.0;
  const double rapid = share(f.rapid_usd, f.in_usd);
  scored.add(k_rapid_weight * pass_through, rapid, [&] {
    if (spends_own_money) {
      return fmt::format(
          "{:.0f}% of its money out within 48 hours of arriving, but it pays out {:.0f} times what it receives: "
          "its own money (not counted)",
          100 * rapid, f.out_usd / f.in_usd);
    }
    if (sweeps) {
      return fmt::format(
          "{:.0f}% of its money out within 48 hours of arriving, but {} of its {} payments to one account at "
          "the same time of day, once a day, as a scheduled sweep pays (not counted)",
          100 * rapid, f.scheduled_payments, f.payments_out);
    }
    return fans_out ? fmt::format(
                          "{:.0f}% of its money out within 48 hours of arriving, but spread over {} "
                          "accounts from {}, as a payroll pays (counted half)",
                          100 * rapid, f.receivers, f.senders)
                    : fmt::format("{:.0f}% of its money out within 48 hours of arriving", 100 * rapid);
  });
  const double kept = f.in_usd > 0 ? 1.0 - f.out_usd / f.in_usd : 1.0;
  scored.add(k_balance_weight * pass_through, clamp01(1.0 - 3.0 * std::abs(kept)),
             [&] { return fmt::format("passes on {:.1f}% of what it receives", 100 * (1.0 - kept)); });
  if (f.median_in_usd > 0 && f.median_out_usd > 0) {
    const double size = clamp01(1.0 - std::abs(std::log(f.median_out_usd / f.median_in_usd)) / std::log(4.0));
    scored.add(k_size_weight * (sweeps || spends_own_money ? 0.0 : 1.0), size, [&] {
      return fmt::format("pays on in amounts like those it receives (median {:.0f} in, {:.0f} out USD)",
                         f.median_in_usd, f.median_out_usd);
    });
  }
  if (f.senders >= 2 && f.receivers <= f.senders) {
    scored.add(k_narrowing_weight, 1.0,
               [&] { return fmt::format("fan-in from {} accounts to {}", f.senders, f.receivers); });
  }
  const double victims = share(f.origin_in_usd, f.in_usd);
  const double layered = share(from_suspects.usd, f.in_usd);
  scored.role = victims >= layered ? Role::collector : Role::mule;
  if (victims >= layered) {
    scored.add(k_source_weight, victims,
               [&] { return fmt::format("{:.0f}% of its money from one-time payers", 100 * victims); });
  } else {
    scored.add(k_source_weight, layered,
               [&] { return fmt::format("{:.0f}% of its money from other suspects (layering)", 100 * layered); });
  }
  if (f.returning > 0) {
    scored.add(k_cycle_weight, 1.0, [&] { return fmt::format("money comes back from {} account(s)", f.returning); });
  }
  add_common(context, account, scored);
  return scored;
}

// Over which time a cash-out is judged to keep what it gets: its whole life, or from the first payment a
// suspect made it on, for an account that had paid out what it received before.
enum class Kept { over_its_life, since_suspects_paid };

// Cash-outs: where suspects' money stops.
Scored score_cashout(const Context& context, AccountId account, const MoneyFromSuspects& from_suspects, Kept kept,
                     bool explain) {
  const AccountFeatures& f = context.features[account];
  Scored scored(explain);
  scored.role = Role::cashout;
  if (from_suspects.usd == 0) return scored;
  const bool since = kept == Kept::since_suspects_paid;
  // Over its life: the share of all it received. Since suspects paid it: the share of what it holds now,
  // taking what it paid on since as their money, so that a business that had paid out its takings and
  // then got a mule's payment (the last of its receipts) is no cash-out for it.
  const double fed =
      since ? share(std::max(0.0, from_suspects.usd - from_suspects.out_since), std::max(0.0, f.in_usd - f.out_usd))
            : share(from_suspects.usd, f.in_usd);
  scored.add(k_cashout_from_suspects_weight, fed * std::min(1.0, from_suspects.usd / k_cashout_full_usd), [&] {
    return since ? fmt::format(
                       "{:.0f}% of what it holds came from {} suspect(s), and it keeps it (it paid out "
                       "{:.0f} USD before they paid it)",
                       100 * fed, from_suspects.suspects, f.out_usd - from_suspects.out_since)
                 : fmt::format("{:.0f}% of its money from {} suspect(s), and it keeps it", 100 * fed,
                               from_suspects.suspects);
  });
  const double offramp =
      since ? share(from_suspects.offramp_in_since, from_suspects.in_since) : share(f.offramp_in_usd, f.in_usd);
  scored.add(k_cashout_offramp_weight, offramp,
             [&] { return fmt::format("{:.0f}% arrives by crypto or cash", 100 * offramp); });
  if (from_suspects.suspects >= 2) {
    scored.add(k_cashout_many_weight, 1.0, [&] { return std::string("pooled from several suspects"); });
  }
  add_common(context, account, scored);
  return scored;
}

// `feeds`: for each account, whether what it pays counts as suspects' money (find_suspects).
Scored score_account(const Context& context, AccountId account, std::span<const std::uint8_t> feeds, bool explain) {
  const AccountFeatures& f = context.features[account];
  if (f.in_usd <= 0) return Scored(explain);
  const MoneyFromSuspects from_suspects = money_from_suspects(context, account, feeds);
  if (f.out_usd <= k_cashout_max_out_share * f.in_usd) {
    return score_cashout(context, account, from_suspects, Kept::over_its_life, explain);
  }
  Scored pass_through = score_pass_through(context, account, from_suspects, explain);
  // An account that paid out earlier, then kept what suspects sent it (it is no pass-through, or the
  // evidence of one is weaker).
  if (from_suspects.usd > 0 && from_suspects.out_since <= k_cashout_max_out_share * from_suspects.in_since) {
    Scored cashout = score_cashout(context, account, from_suspects, Kept::since_suspects_paid, explain);
    if (cashout.score > pass_through.score) return cashout;
  }
  return pass_through;
}

// The account as a suspect, with the reasons for its score, strongest first.
Suspect explained_suspect(const Context& context, AccountId account, std::span<const std::uint8_t> feeds) {
  Scored s = score_account(context, account, feeds, true);
  std::stable_sort(s.evidence.begin(), s.evidence.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  const AccountFeatures& features = context.features[account];
  const ReportedAccount* reported = context.reported[account];
  Suspect suspect{account,
                  s.role,
                  std::min(1.0, s.score),
                  {},
                  features.in_usd,
                  features.out_usd,
                  std::max(0.0, features.in_usd - features.out_usd),
                  features.last_at,
                  reported != nullptr ? reported->network : std::string()};
  for (auto& [weight, reason] : s.evidence) suspect.why.push_back(std::move(reason));
  return suspect;
}

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::collector: return "collector";
    case Role::mule: return "mule";
    case Role::cashout: return "cashout";
  }
  return "mule";
}

std::vector<Suspect> find_suspects(const Ledger& ledger, std::span<const ReportedAccount> reported) {
  const base::HugePageVector<AccountFeatures> features = measure_accounts(ledger);
  std::vector<const ReportedAccount*> reported_by_account(ledger.account_count(), nullptr);
  for (const ReportedAccount& r : reported) {
    if (r.account < ledger.account_count()) reported_by_account[r.account] = &r;
  }
  const Context context{ledger, features, reported_by_account,
                        ledger.transfer_count() > 0 ? ledger.transfer(0).at : Timestamp{}};
  const tbb::blocked_range<AccountId> all_accounts(0, static_cast<AccountId>(ledger.account_count()),
                                                   k_accounts_per_task);

  // Rounds: the first finds pass-through accounts on their own evidence; each later one adds what their
  // neighbours are by the suspects of the round before (layering, and the cash-outs they feed), until the
  // suspects are those of the round before. A mule that is a suspect only by its layering (second round)
  // feeds its cash-out in the third, and each slow hop further takes a round more. A cash-out keeps what it
  // gets, so it feeds others only as it did before it was one: an exit that paid others before the scam
  // money came does not make them suspects, and a collector that later keeps what it gets still feeds its
  // mules. The suspects are those of the last round, explained by what it read.
  base::HugePageVector<std::uint8_t> feeds(ledger.account_count(), 0);
  base::HugePageVector<std::uint8_t> read(ledger.account_count());
  base::HugePageVector<std::uint8_t> is_suspect(ledger.account_count());
  for (int round = 1; round <= k_max_rounds; ++round) {
    std::swap(read, feeds);
    std::atomic<bool> changed = false;
    tbb::parallel_for(all_accounts, [&](const tbb::blocked_range<AccountId>& accounts) {
      bool changed_here = false;
      for (AccountId a = accounts.begin(); a != accounts.end(); ++a) {
        const Scored scored = score_account(context, a, read, false);
        is_suspect[a] = scored.score >= k_suspect_threshold;
        feeds[a] = scored.role == Role::cashout ? read[a] : is_suspect[a];
        changed_here |= feeds[a] != read[a];
      }
      if (changed_here) changed = true;
    });
    if (!changed) break;
  }
  tbb::enumerable_thread_specific<std::vector<Suspect>> found;
  tbb::parallel_for(all_accounts, [&](const tbb::blocked_range<AccountId>& accounts) {
    std::vector<Suspect>& suspects = found.local();
    for (AccountId a = accounts.begin(); a != accounts.end(); ++a) {
      if (is_suspect[a] != 0) suspects.push_back(explained_suspect(context, a, read));
    }
  });
  std::vector<Suspect> suspects;
  for (std::vector<Suspect>& some : found) std::move(some.begin(), some.end(), std::back_inserter(suspects));
  // A total order, so the result does not depend on how the work was split.
  std::sort(suspects.begin(), suspects.end(), [](const Suspect& a, const Suspect& b) {
    return a.score != b.score ? a.score > b.score : a.account < b.account;
  });
  return suspects;
}

}  // namespace jala::flow
