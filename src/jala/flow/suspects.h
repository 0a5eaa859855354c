// Mule and cash-out scoring (docs/flow.md): every account that moves money gets a score in 0..1 and
// the reasons behind it, from how money passes through it and whom it deals with:
//   - rapid pass-through: the share of its money paid on within 48 hours of arriving (newest first);
//   - amounts out close to amounts in; fan-in that narrows (many senders, few receivers);
//   - fan-in from origin accounts that pay once or twice (victims), or money from other suspects
//     (layering);
//   - money that comes back (a cycle), and a new account with sudden volume;
//   - being named in reports, and in a network of them.
// Cash-out accounts are where suspects' money stops: wallets and accounts that keep what suspects
// send them. A merchant (fan-in, money kept or paid out slowly in other amounts) and a payroll
// (fan-out from steady income) do not score: pass-through is the strongest evidence and they lack it.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "jala/flow/ledger.h"

namespace jala::flow {

enum class Role { collector, mule, cashout };
std::string_view to_string(Role role);

// How reports name an account. Being named is evidence unless the linking found the account too common
// to link reports by: a hub, named across unrelated networks (as a payment processor's or a utility's
// collection account is), or an account on a warning list.
enum class Naming : std::uint8_t { evidence, hub, benign };

// What the reports say about an account (the CLI fills it from the store and the networks).
struct ReportedAccount {
  AccountId account = 0;
  std::size_t reports = 0;  // reports that name it
  std::string network;      // the id of the network those reports belong to, if any
  Naming naming = Naming::evidence;
};

struct Suspect {
  AccountId account = 0;
  Role role = Role::mule;
  double score = 0;
  std::vector<std::string> why;  // the evidence, strongest first, with figures
  double in_usd = 0;
  double out_usd = 0;
  double held_usd = 0;  // in - out, what a freeze could still find
  Timestamp last_at;    // the account's last transfer
  std::string network;
};

// Accounts scoring at least this are suspects.
inline constexpr double k_suspect_threshold = 0.5;

// Every suspect, best first (score, then account id). Scores the accounts in parallel on oneTBB's threads;
// the result does not depend on how many there are.
std::vector<Suspect> find_suspects(const Ledger& ledger, std::span<const ReportedAccount> reported);

}  // namespace jala::flow
