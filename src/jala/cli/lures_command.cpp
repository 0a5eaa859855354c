// jala lures and jala lures accounts: the lure reports by what they promise, and the accounts that post
// them, with their networks (analysis/lures.h).
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>

#include "jala/analysis/lures.h"
#include "jala/cli/commands.h"
#include "jala/cli/linked_store.h"

namespace jala::cli {
namespace {

std::string salary_text(const model::LureFacts& facts) {
  if (!facts.salary) return "no salary named";
  const model::Salary& salary = *facts.salary;
  std::string text = fmt::format("{:.0f} {}/{}", salary.amount, salary.currency, model::to_string(salary.period));
  if (salary.usd_per_month && salary.currency != "USD") text += fmt::format(" (~{:.0f} USD/month)", *salary.usd_per_month);
  return text;
}

// A hub can be in hundreds of networks: the text names the first few (the best ranked), and counts
// the rest; --json lists them all.
constexpr std::size_t k_networks_named = 5;
std::string networks_text(const std::vector<std::string>& networks) {
  if (networks.empty()) return "";
  const std::size_t named = std::min(networks.size(), k_networks_named);
  std::string text = fmt::format("  networks {}", fmt::join(std::span(networks).first(named), ","));
  if (networks.size() > named) text += fmt::format(" and {} more", networks.size() - named);
  return text;
}

}  // namespace

Status lures_command(const Context& context, const LuresArgs& args) {
  const analysis::LureFilter filter{args.destination, args.min_usd_per_month, args.perk};
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  JALA_TRY_ASSIGN(std::vector<storage::LureReport> stored,
                  storage::read_value(*store, [](const storage::ReadView& view) { return view.lure_reports(); }));
  std::vector<storage::LureReport> lures = analysis::matching_lures(std::move(stored), filter);
  const std::size_t matching = lures.size();
  if (args.top > 0 && lures.size() > args.top) lures.resize(args.top);
  if (args.output == Output::json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const storage::LureReport& lure : lures) list.push_back(analysis::lure_json(lure));
    fmt::print("{}\n", nlohmann::ordered_json{{"count", matching}, {"lures", std::move(list)}}.dump());
    return {};
  }
  fmt::print("{} lure(s) match, latest first\n", matching);
  for (const storage::LureReport& lure : lures) {
    const model::LureFacts& facts = lure.facts;
    fmt::print("{}  {}/{}  {}  {}  to {}  perks {}{}\n", format_rfc3339(lure.reported_at).substr(0, 10),
               lure.key.source, lure.key.id, lure.country, salary_text(facts),
               facts.destinations.empty() ? "-" : fmt::format("{}", fmt::join(facts.destinations, ",")),
               facts.perks.empty() ? "-" : fmt::format("{}", fmt::join(facts.perks, ",")),
               facts.employer.empty() ? "" : "  employer " + facts.employer);
  }
  return {};
}

Status lure_accounts_command(const Context& context, const LureAccountsArgs& args) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::optional<analysis::LinkedStore> linked;
  std::vector<storage::LureReport> lures;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(linked, link_view(view));
    JALA_TRY_ASSIGN(lures, view.lure_reports());
    return {};
  }));
  std::vector<analysis::LureAccount> accounts = analysis::rank_lure_accounts(*linked, lures);
  const std::size_t found = accounts.size();
  if (args.top > 0 && accounts.size() > args.top) accounts.resize(args.top);
  if (args.output == Output::json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const analysis::LureAccount& account : accounts) {
      list.push_back(analysis::lure_account_json(*linked, account, analysis::k_lure_reports_listed));
    }
    fmt::print("{}\n", nlohmann::ordered_json{{"count", found}, {"accounts", std::move(list)}}.dump());
    return {};
  }
  fmt::print("{} account(s) post lures, most lure reports first\n", found);
  for (const analysis::LureAccount& account : accounts) {
    const std::string channels =
        account.channels.size() > 1 ? fmt::format(" on {}", fmt::join(account.channels, ",")) : std::string();
    fmt::print("{:>5}  {}{}  ({})  reported by {}  promising {}  {} to {}{}\n", account.lure_reports.size(),
               linked->input.selector(account.account).to_string(), channels,
               graph::to_string(linked->linking.roles[account.account]), fmt::join(account.countries, ","),
               account.destinations.empty() ? "-" : fmt::format("{}", fmt::join(account.destinations, ",")),
               format_rfc3339(account.first_seen).substr(0, 10), format_rfc3339(account.last_seen).substr(0, 10),
               networks_text(account.networks));
  }
  return {};
}

}  // namespace jala::cli
