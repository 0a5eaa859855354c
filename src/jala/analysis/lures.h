// Lures and the accounts behind them. `jala lures` lists the lure reports whose facts (model/
// assessment.h) match a filter: "every lure promising Cambodia at more than 1,000 USD a month". `jala
// lures accounts` ranks the phones, e-mail addresses and messaging and social handles (and groups) that
// the most lure reports name, with their networks: the seeds' "detect and handle the accounts and groups
// that advertise jobs abroad". A lure report is a `lure_ad`, or a report the classifier called a job
// lure at intake (a victim's account of a fake job offer counts: it names the recruiter). A selector on a warning list is never an account; a hub is one (a recruiter posting
// for many groups is what this looks for).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/analysis/linked_store.h"
#include "jala/storage/store.h"

namespace jala::analysis {

struct LureFilter {
  std::string destination;                // ISO 3166-1 alpha-2; empty: any
  std::optional<double> min_usd_per_month;  // a salary at least this, in US dollars a month
  std::string perk;                       // "visa", "flight", "housing" or "meals"; empty: any
};

using storage::LureReport;
// The lures that match, latest first (ties in key order): what `jala lures` lists.
std::vector<LureReport> matching_lures(std::vector<LureReport> lures, const LureFilter& filter);

// {"salary"?: {"amount", "currency", "period", "usd_per_month"?}, "destinations", "perks", "employer"?}.
nlohmann::ordered_json lure_facts_json(const model::LureFacts& facts);
// {"source", "id", "country", "reported_at"} and the facts: one lure of `jala lures --json`.
nlohmann::ordered_json lure_json(const storage::LureReport& lure);

struct LureAccount {
  // The account as its lures name it; a WhatsApp or Zalo account and the same number as a phone are one
  // account, named as the phone.
  graph::SelectorId account = 0;
  std::vector<std::string> channels;          // the selector types it was named by ("phone", "zalo"), sorted
  std::vector<graph::ReportId> lure_reports;  // ascending
  std::vector<std::string> countries;         // of the agencies that reported its lures, sorted
  std::vector<std::string> destinations;      // that its lures promise, sorted
  Timestamp first_seen;
  Timestamp last_seen;
  std::vector<std::string> networks;  // the ranked networks its lures belong to, best first
};

// Every account that a lure report names, most lure reports first, then the earliest seen, then by
// selector. `lures` are the view's lure_reports(), of the same snapshot as `linked`. With `counted`
// (by report), only the lure reports it marks count.
std::vector<LureAccount> rank_lure_accounts(const LinkedStore& linked, std::span<const storage::LureReport> lures,
                                            const std::vector<bool>* counted = nullptr);

// How many of an account's lure reports `jala lures accounts --json` and the API name.
inline constexpr std::size_t k_lure_reports_listed = 20;

// {"account", "role", "channels", "lure_reports", "countries", "destinations", "first_seen", "last_seen", "networks",
// "reports"}: one account of `jala lures accounts --json`, naming at most `reports` of its lure reports.
nlohmann::ordered_json lure_account_json(const LinkedStore& linked, const LureAccount& account, std::size_t reports);

}  // namespace jala::analysis
