#include "jala/graph/ranking.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "jala/base/sha256.h"
#include "jala/graph/usd_rates.h"

namespace jala::graph {
namespace {

constexpr double k_recent_days = 30;
constexpr double k_stale_days = 365;
constexpr double k_recency_weight = 2;
constexpr std::int64_t k_micros_per_day = 86'400'000'000;
constexpr double k_growth_days = 30;
constexpr double k_most_growth = 2;

std::string network_id(const ReportFacts& earliest) {
  Sha256 hasher;
  hasher.update_field(earliest.source).update_field(earliest.id);
  return "N" + to_hex(hasher.finish()).substr(0, 12);
}

double recency(Timestamp last, Timestamp newest) {
  const double days = static_cast<double>(newest.unix_micros - last.unix_micros) / k_micros_per_day;
  if (days <= k_recent_days) return k_recency_weight;
  if (days >= k_stale_days) return 0;
  return k_recency_weight * (k_stale_days - days) / (k_stale_days - k_recent_days);
}

double growth(std::uint32_t recent, std::uint32_t previous) {
  return std::clamp(std::log2((recent + 1.0) / (previous + 1.0)), 0.0, k_most_growth);
}

// `in_network` holds a zero for every selector, and is left so.
NetworkSummary summarise(const LinkInput& input, const Linking& linking, const std::vector<ReportId>& members,
                         Timestamp newest, std::vector<std::uint32_t>& in_network) {
  NetworkSummary summary;
  summary.reports = members;
  std::set<std::string> countries;
  std::vector<SelectorId> touched;
  // Of each link that members write in several forms: how many members name it, and the last one counted.
  std::unordered_map<SelectorId, std::pair<std::uint32_t, ReportId>> several_forms;
  const ReportFacts* earliest = &input.report(members.front());
  summary.first_report = earliest->reported_at;
  summary.last_report = earliest->reported_at;
  for (const ReportId r : members) {
    const ReportFacts& facts = input.report(r);
    if (std::tie(facts.source, facts.id) < std::tie(earliest->source, earliest->id)) earliest = &facts;
    summary.first_report = std::min(summary.first_report, facts.reported_at);
    summary.last_report = std::max(summary.last_report, facts.reported_at);
    countries.insert(facts.victim_country.empty() ? facts.country : facts.victim_country);
    const double days_before_newest =
        static_cast<double>(newest.unix_micros - facts.reported_at.unix_micros) / k_micros_per_day;
    if (days_before_newest <= k_growth_days) {
      ++summary.recent_reports;
    } else if (days_before_newest <= 2 * k_growth_days) {
      ++summary.previous_reports;
    }
    if (facts.kind == model::ReportKind::victim_complaint) ++summary.victims;
    if (facts.kind == model::ReportKind::lure_ad) ++summary.lure_ads;
    if (facts.loss) {
      const std::optional<double> rate = usd_per_unit(facts.loss->currency);
      if (rate) {
        summary.loss_usd += facts.loss->amount * *rate;
      } else {
        ++summary.losses_unconverted;
      }
    }
    for (const SelectorId s : input.selectors_of(r)) {
      if (linking.roles[s] != SelectorRole::link) continue;
      if (in_network[s]++ == 0) touched.push_back(s);
      if (input.has_other_forms(s)) {
        auto& [reports, last] = several_forms.try_emplace(input.link_of(s), 0, r).first->second;
        reports += reports == 0 || last != r;
        last = r;
      }
    }
  }
  // A link is in the network when two members name it, in any of its forms.
  const auto naming = [&](SelectorId s) {
    return input.has_other_forms(s) ? several_forms.at(input.link_of(s)).first : in_network[s];
  };
  for (const SelectorId s : touched) {
    if (naming(s) >= 2) summary.selectors.push_back(s);
  }
  std::sort(summary.selectors.begin(), summary.selectors.end(), [&](SelectorId a, SelectorId b) {
    return naming(a) != naming(b) ? naming(a) > naming(b) : input.selector(a) < input.selector(b);
  });
  for (const SelectorId s : touched) in_network[s] = 0;
  summary.countries.assign(countries.begin(), countries.end());
  summary.id = network_id(*earliest);
  return summary;
}

}  // namespace

std::vector<NetworkSummary> rank_networks(const LinkInput& input, const Linking& linking) {
  Timestamp newest;
  for (ReportId r = 0; r < input.report_count(); ++r) newest = std::max(newest, input.report(r).reported_at);
  std::vector<NetworkSummary> ranked;
  ranked.reserve(linking.networks.size());
  std::vector<std::uint32_t> in_network(input.selector_count(), 0);  // one count per selector, reused
  for (const std::vector<ReportId>& members : linking.networks) {
    NetworkSummary summary = summarise(input, linking, members, newest, in_network);
    summary.score = std::log1p(summary.loss_usd) + 2 * std::log1p(summary.victims) +
                    static_cast<double>(summary.countries.size()) + 0.5 * std::log1p(summary.lure_ads) +
                    recency(summary.last_report, newest) + growth(summary.recent_reports, summary.previous_reports);
    ranked.push_back(std::move(summary));
  }
  std::sort(ranked.begin(), ranked.end(), [](const NetworkSummary& a, const NetworkSummary& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  return ranked;
}

}  // namespace jala::graph
