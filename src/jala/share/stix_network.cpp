#include "jala/share/stix_network.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

std::string describe(const NetworkExport& network) {
  // No score: it moves with every report the node takes in (recency), and the description is kept to what
  // the network itself says, so that a network is versioned again only when it changes.
  // A link written in several forms is counted once: at its first form in `links`.
  std::set<model::Selector> counted_forms;
  std::size_t shared_links = 0;
  for (const NetworkLink& link : network.links) {
    if (counted_forms.contains(link.selector)) continue;
    ++shared_links;
    counted_forms.insert(link.same_link_as.begin(), link.same_link_as.end());
  }
  std::string text = fmt::format("Jala network {}: {} reports linked by {} shared selectors", network.id,
                                 network.reports.size(), shared_links);
  if (network.victims > 0) {
    text += fmt::format("; {} victim complaints", network.victims);
  }
  if (network.loss_usd > 0) {
    text += fmt::format("; losses of about {:.0f} US dollars", network.loss_usd);
  }
  if (!network.countries.empty()) {
    text += fmt::format("; victims in {}", fmt::join(network.countries, ", "));
  }
  return text + ".";
}

// Why the relationship holds. It names no network, count or other report, so that it says the same
// while networks grow, merge and split (their ids follow their earliest report), and a relationship is
// versioned again only if it changes (server/publisher.h); the groupings that refer to it are its
// networks, and the relationships with the same target the other reports.
std::string why(const NetworkLink& link, const ReportKey& report) {
  if (!link.same_link_as.empty()) {
    std::vector<std::string> others;
    for (const model::Selector& other : link.same_link_as) others.push_back(other.to_string());
    return fmt::format(
        "Report {}/{} names {}, one link with {}, which other reports also name in one of these forms; the "
        "shared link links them into one network.",
        report.source, report.id, link.selector.to_string(), fmt::join(others, " and "));
  }
  return fmt::format(
      "Report {}/{} names {}, which other reports also name; the shared selector links them into one "
      "network.",
      report.source, report.id, link.selector.to_string());
}

}  // namespace

NetworkExport network_export(const graph::LinkInput& input, const graph::NetworkSummary& network) {
  NetworkExport out;
  out.id = network.id;
  out.score = network.score;
  out.countries = network.countries;
  out.victims = network.victims;
  out.loss_usd = network.loss_usd;
  out.first_report = network.first_report;
  out.last_report = network.last_report;
  out.tlp = model::Tlp::clear;
  std::unordered_map<graph::SelectorId, std::size_t> link_of;
  for (const graph::SelectorId selector : network.selectors) {
    link_of.emplace(selector, out.links.size());
    out.links.push_back({input.selector(selector), {}, {}});
  }
  for (const auto& [selector, others] : graph::other_forms_among(input, network.selectors)) {
    for (const graph::SelectorId other : others) {
      out.links[link_of.at(selector)].same_link_as.push_back(input.selector(other));
    }
  }
  for (const graph::ReportId report : network.reports) {
    const graph::ReportFacts& facts = input.report(report);
    out.reports.push_back({facts.source, facts.id});
    out.tlp = std::max(out.tlp, facts.tlp);  // the levels are declared least restrictive first
    for (const graph::SelectorId selector : input.selectors_of(report)) {
      const auto found = link_of.find(selector);
      if (found != link_of.end()) {
        out.links[found->second].reports.push_back({facts.source, facts.id});
      }
    }
  }
  return out;
}

std::string network_object_id(std::string_view network_id, unsigned generation) {
  if (generation <= 1) return jala_object_id("grouping", {network_id});
  return jala_object_id("grouping", {network_id, fmt::format("generation {}", generation)});
}

std::vector<nlohmann::json> network_objects(const NetworkExport& network, const NodeIdentity& node) {
  const std::string author = identity_id(node);
  const std::string created = format_stix_time(network.first_report);
  const std::string modified = format_stix_time(std::max(network.first_report, network.last_report));
  const nlohmann::json markings = nlohmann::json::array({tlp_marking_id(network.tlp)});

  std::vector<nlohmann::json> objects;
  objects.emplace_back();  // the grouping, filled in last
  nlohmann::json object_refs = nlohmann::json::array();
  for (const ReportKey& report : network.reports) {
    object_refs.push_back(report_object_id(report.source, report.id));
  }
  for (const NetworkLink& link : network.links) {
    const std::string target = selector_object_id(link.selector);
    object_refs.push_back(target);
    for (const ReportKey& report : link.reports) {
      const std::string source = report_object_id(report.source, report.id);
      nlohmann::json relationship = {
          {"type", "relationship"},
          {"spec_version", k_stix_spec_version},
          {"id", jala_object_id("relationship", {"related-to", source, target})},
          {"created_by_ref", author},
          {"created", created},
          {"modified", modified},
          {"relationship_type", "related-to"},
          {"description", why(link, report)},
          {"source_ref", source},
          {"target_ref", target},
          {"object_marking_refs", markings},
      };
      object_refs.push_back(relationship["id"]);
      objects.push_back(std::move(relationship));
    }
  }
  if (object_refs.empty()) {
    object_refs.push_back(author);  // object_refs may not be empty
  }
  objects.front() = {
      {"type", "grouping"},
      {"spec_version", k_stix_spec_version},
      {"id", network_object_id(network.id, network.generation)},
      {"created_by_ref", author},
      {"created", created},
      {"modified", modified},
      {"name", fmt::format("Jala network {}", network.id)},
      {"description", describe(network)},
      {"context", "suspicious-activity"},
      {"object_refs", std::move(object_refs)},
      {"object_marking_refs", markings},
  };
  return objects;
}

}  // namespace jala::share
