// A network (reports linked by the selectors they share, graph/linking.h) as STIX 2.1: one `grouping`
// (context "suspicious-activity") of the member reports, the linking SCOs and the relationships, and
// one `related-to` relationship from each member report to each linking selector it names, whose
// description says why the selector links the network. Export the member reports themselves with
// report_objects (stix_export.h); the grouping refers to them by their deterministic ids.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/graph/link_input.h"
#include "jala/graph/ranking.h"
#include "jala/model/selector.h"
#include "jala/model/tlp.h"
#include "jala/share/stix_export.h"

namespace jala::share {

struct ReportKey {
  std::string source;
  std::string id;
  bool operator==(const ReportKey&) const = default;
};

// A selector that links the network, and the member reports that name it.
struct NetworkLink {
  model::Selector selector;
  std::vector<ReportKey> reports;  // the members that write it in this form
  // The other forms of the same link that members write (graph::LinkInput::link_of: a URL bare and with
  // https://): the reports of all of them are linked together.
  std::vector<model::Selector> same_link_as;
};

// What a network export says: plain values, so that a caller may build it from any store. Value type.
struct NetworkExport {
  std::string id;  // the network's id ("N" and 12 hex digits)
  // Its publication: a network revoked (it merged into another) and then linked again under the same id is
  // published as a new grouping, since STIX forbids a revoked object a later version.
  unsigned generation = 1;
  double score = 0;
  std::vector<ReportKey> reports;
  std::vector<NetworkLink> links;
  std::vector<std::string> countries;  // victim countries
  std::uint32_t victims = 0;
  double loss_usd = 0;
  Timestamp first_report;
  Timestamp last_report;
  model::Tlp tlp = model::k_default_tlp;  // the most restrictive level of its reports
};

// The export of a ranked network of `input`, marked with the most restrictive level of its reports.
NetworkExport network_export(const graph::LinkInput& input, const graph::NetworkSummary& network);

// The grouping, first, then the relationships (created at the network's first report, modified at its
// last).
std::vector<nlohmann::json> network_objects(const NetworkExport& network, const NodeIdentity& node);
// The grouping of a network's first publication, or of a later one (`generation`) after it was revoked.
std::string network_object_id(std::string_view network_id, unsigned generation = 1);

}  // namespace jala::share
