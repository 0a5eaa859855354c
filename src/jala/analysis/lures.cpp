#include "jala/analysis/lures.h"

#include <algorithm>
#include <unordered_map>

namespace jala::analysis {
namespace {

bool is_account(model::SelectorType type) {
  switch (type) {
    case model::SelectorType::url:
    case model::SelectorType::domain:
    case model::SelectorType::ip:
    case model::SelectorType::wallet:
    case model::SelectorType::iban:
    case model::SelectorType::bank: return false;
    default: return true;  // phones, e-mail addresses, messaging and social handles
  }
}

std::string key_of(std::string_view source, std::string_view id) {
  std::string key(source);
  key += '\x1f';
  key += id;
  return key;
}

// The account a selector counts under: a WhatsApp or Zalo account is its phone number, so that "Zalo
// 0912345678" (which gives phone: and zalo:) is one account, not two with split counts.
std::string account_key(const model::Selector& selector) {
  if (const std::optional<std::string_view> phone = model::phone_named_by(selector)) {
    return "phone:" + std::string(*phone);
  }
  return selector.to_string();
}

template <typename T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

bool matches(const storage::LureReport& lure, const LureFilter& filter) {
  const model::LureFacts& facts = lure.facts;
  if (!filter.destination.empty() &&
      std::find(facts.destinations.begin(), facts.destinations.end(), filter.destination) == facts.destinations.end()) {
    return false;
  }
  if (filter.min_usd_per_month &&
      (!facts.salary || !facts.salary->usd_per_month || *facts.salary->usd_per_month < *filter.min_usd_per_month)) {
    return false;
  }
  return filter.perk.empty() || std::find(facts.perks.begin(), facts.perks.end(), filter.perk) != facts.perks.end();
}

}  // namespace

std::vector<LureReport> matching_lures(std::vector<LureReport> lures, const LureFilter& filter) {
  std::erase_if(lures, [&](const LureReport& lure) { return !matches(lure, filter); });
  std::stable_sort(lures.begin(), lures.end(),
                   [](const LureReport& a, const LureReport& b) { return a.reported_at > b.reported_at; });
  return lures;
}

nlohmann::ordered_json lure_facts_json(const model::LureFacts& facts) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  if (facts.salary) {
    const model::Salary& salary = *facts.salary;
    json["salary"] = {
        {"amount", salary.amount}, {"currency", salary.currency}, {"period", model::to_string(salary.period)}};
    if (salary.usd_per_month) json["salary"]["usd_per_month"] = *salary.usd_per_month;
  }
  json["destinations"] = facts.destinations;
  json["perks"] = facts.perks;
  if (!facts.employer.empty()) json["employer"] = facts.employer;
  return json;
}

nlohmann::ordered_json lure_json(const storage::LureReport& lure) {
  nlohmann::ordered_json json = {{"source", lure.key.source},
                                 {"id", lure.key.id},
                                 {"country", lure.country},
                                 {"reported_at", format_rfc3339(lure.reported_at)}};
  json.update(lure_facts_json(lure.facts));
  return json;
}

std::vector<LureAccount> rank_lure_accounts(const LinkedStore& linked, std::span<const storage::LureReport> lures,
                                            const std::vector<bool>* counted) {
  std::unordered_map<std::string, const storage::LureReport*> facts_of;
  for (const storage::LureReport& lure : lures) facts_of.emplace(key_of(lure.key.source, lure.key.id), &lure);
  std::vector<std::size_t> rank_of(linked.input.report_count(), linked.ranked.size());
  for (std::size_t rank = 0; rank < linked.ranked.size(); ++rank) {
    for (const graph::ReportId report : linked.ranked[rank].reports) rank_of[report] = rank;
  }

  std::unordered_map<std::string, LureAccount> accounts;  // by account_key
  std::unordered_map<std::string, std::vector<std::size_t>> ranks;
  for (graph::ReportId report = 0; report < linked.input.report_count(); ++report) {
    if (counted != nullptr && !(*counted)[report]) continue;
    const graph::ReportFacts& facts = linked.input.report(report);
    const auto lure = facts_of.find(key_of(facts.source, facts.id));
    if (facts.kind != model::ReportKind::lure_ad && lure == facts_of.end()) continue;
    for (const graph::SelectorId selector : linked.input.selectors_of(report)) {
      if (!is_account(linked.input.selector(selector).type) ||
          linked.linking.roles[selector] == graph::SelectorRole::benign) {
        continue;
      }
      const model::Selector& named = linked.input.selector(selector);
      const std::string key = account_key(named);
      auto [entry, added] = accounts.try_emplace(key);
      LureAccount& account = entry->second;
      if (added) {
        account.account = selector;
        account.first_seen = account.last_seen = facts.reported_at;
      } else if (named.type == model::SelectorType::phone) {
        account.account = selector;  // a number is named as a phone wherever it is one
      }
      account.channels.emplace_back(model::to_string(named.type));
      account.lure_reports.push_back(report);
      account.countries.push_back(facts.country);
      if (lure != facts_of.end()) {
        const std::vector<std::string>& promised = lure->second->facts.destinations;
        account.destinations.insert(account.destinations.end(), promised.begin(), promised.end());
      }
      account.first_seen = std::min(account.first_seen, facts.reported_at);
      account.last_seen = std::max(account.last_seen, facts.reported_at);
      if (rank_of[report] < linked.ranked.size()) ranks[key].push_back(rank_of[report]);
    }
  }

  std::vector<LureAccount> ranked;
  ranked.reserve(accounts.size());
  for (auto& [key, account] : accounts) {
    sort_unique(account.lure_reports);  // a report naming a number as a phone and as a Zalo account counts once
    sort_unique(account.channels);
    sort_unique(account.countries);
    sort_unique(account.destinations);
    std::vector<std::size_t>& network_ranks = ranks[key];
    sort_unique(network_ranks);
    for (const std::size_t rank : network_ranks) account.networks.push_back(linked.ranked[rank].id);
    ranked.push_back(std::move(account));
  }
  std::sort(ranked.begin(), ranked.end(), [&](const LureAccount& a, const LureAccount& b) {
    if (a.lure_reports.size() != b.lure_reports.size()) return a.lure_reports.size() > b.lure_reports.size();
    if (a.first_seen != b.first_seen) return a.first_seen < b.first_seen;
    return linked.input.selector(a.account) < linked.input.selector(b.account);
  });
  return ranked;
}

nlohmann::ordered_json lure_account_json(const LinkedStore& linked, const LureAccount& account, std::size_t reports) {
  nlohmann::ordered_json members = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(reports, account.lure_reports.size()); ++i) {
    const graph::ReportFacts& facts = linked.input.report(account.lure_reports[i]);
    members.push_back({{"source", facts.source}, {"id", facts.id}});
  }
  return {{"account", linked.input.selector(account.account).to_string()},
          {"role", graph::to_string(linked.linking.roles[account.account])},
          {"channels", account.channels},
          {"lure_reports", account.lure_reports.size()},
          {"countries", account.countries},
          {"destinations", account.destinations},
          {"first_seen", format_rfc3339(account.first_seen)},
          {"last_seen", format_rfc3339(account.last_seen)},
          {"networks", account.networks},
          {"reports", std::move(members)}};
}

}  // namespace jala::analysis
