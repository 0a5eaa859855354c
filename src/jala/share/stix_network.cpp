#include "jala/share/stix_network.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jala/share/stix_common.h"
#include "jala/share/stix_ids.h"
#include "jala/share/stix_selectors.h"

namespace jala::share {
namespace {

std::string describe(const NetworkExport& network) {
  std::string text = fmt::format("Jala network {}: {} reports linked by {} shared selectors; score {:.2f}", network.id,
                                 network.reports.size(), network.links.size(), network.score);
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

std::string why(const NetworkExport& network, const NetworkLink& link, const ReportKey& report) {
  std::vector<std::string> others;
  for (const ReportKey& other : link.reports) {
    if (!(other == report)) {
      others.push_back(fmt::format("{}/{}", other.source, other.id));
    }
  }
  constexpr std::size_t k_named_others = 5;
  const std::size_t named = std::min(others.size(), k_named_others);
  std::string text = fmt::format("Report {}/{} names {}, which {} other reports of network {} also name", report.source,
                                 report.id, link.selector.to_string(), others.size(), network.id);
  if (named > 0) {
    text += fmt::format(" ({}{})", fmt::join(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(named), ", "),
                        others.size() > named ? ", ..." : "");
  }
  return text + "; the shared selector links them.";
}

}  // namespace

NetworkExport network_export(const graph::LinkInput& input, const graph::NetworkSummary& network, model::Tlp tlp) {
  NetworkExport out;
  out.id = network.id;
  out.score = network.score;
  out.countries = network.countries;
  out.victims = network.victims;
  out.loss_usd = network.loss_usd;
  out.first_report = network.first_report;
  out.last_report = network.last_report;
  out.tlp = tlp;
  std::unordered_map<graph::SelectorId, std::size_t> link_of;
  for (const graph::SelectorId selector : network.selectors) {
    link_of.emplace(selector, out.links.size());
    out.links.push_back({input.selector(selector), {}});
  }
  for (const graph::ReportId report : network.reports) {
    const graph::ReportFacts& facts = input.report(report);
    out.reports.push_back({facts.source, facts.id});
    for (const graph::SelectorId selector : input.selectors_of(report)) {
      const auto found = link_of.find(selector);
      if (found != link_of.end()) {
        out.links[found->second].reports.push_back({facts.source, facts.id});
      }
    }
  }
  return out;
}

std::string network_object_id(std::string_view network_id) { return jala_object_id("grouping", {network_id}); }

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
          {"description", why(network, link, report)},
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
      {"id", network_object_id(network.id)},
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
