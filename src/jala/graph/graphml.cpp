#include "jala/graph/graphml.h"

#include <fmt/core.h>

#include <algorithm>

namespace jala::graph {
namespace {

// Text for an XML attribute value or element: the five special characters escaped, and control
// characters (not allowed in XML 1.0) dropped.
std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

}  // namespace

std::string network_graphml(const LinkInput& input, const Linking& linking, const NetworkSummary& network) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
      "  <key id=\"reported_at\" for=\"node\" attr.name=\"reported_at\" attr.type=\"string\"/>\n"
      "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
      "  <key id=\"reports\" for=\"node\" attr.name=\"reports\" attr.type=\"int\"/>\n"
      "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n";
  out += fmt::format("  <graph id=\"{}\" edgedefault=\"undirected\">\n", xml_escaped(network.id));
  std::vector<SelectorId> selectors;
  for (const ReportId r : network.reports) {
    const ReportFacts& facts = input.report(r);
    out += fmt::format(
        "    <node id=\"r{}\"><data key=\"kind\">{}</data><data key=\"label\">{} {}</data>"
        "<data key=\"country\">{}</data><data key=\"reported_at\">{}</data></node>\n",
        r, model::to_string(facts.kind), xml_escaped(facts.source), xml_escaped(facts.id), xml_escaped(facts.country),
        format_rfc3339(facts.reported_at));
    for (const SelectorId s : input.selectors_of(r)) selectors.push_back(s);
  }
  std::sort(selectors.begin(), selectors.end());
  selectors.erase(std::unique(selectors.begin(), selectors.end()), selectors.end());
  for (const SelectorId s : selectors) {
    out += fmt::format(
        "    <node id=\"s{}\"><data key=\"kind\">selector</data><data key=\"label\">{}</data>"
        "<data key=\"role\">{}</data><data key=\"reports\">{}</data></node>\n",
        s, xml_escaped(input.selector(s).to_string()), to_string(linking.roles[s]), linking.reports_naming[s]);
  }
  for (const ReportId r : network.reports) {
    for (const SelectorId s : input.selectors_of(r)) {
      out += fmt::format("    <edge source=\"r{}\" target=\"s{}\"/>\n", r, s);
    }
  }
  // The forms of one link (LinkInput::link_of: a URL bare and with https://), each pair tied once.
  for (const auto& [s, others] : other_forms_among(input, selectors)) {
    for (const SelectorId other : others) {
      if (other < s) continue;
      out += fmt::format("    <edge source=\"s{}\" target=\"s{}\"><data key=\"edge_kind\">same_link</data></edge>\n", s,
                         other);
    }
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace jala::graph
