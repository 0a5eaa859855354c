// One network as GraphML (http://graphml.graphdrawing.org/), for graph tools such as Gephi, yEd and
// Cytoscape: its member reports and the selectors they name are nodes, and each report-selector
// pair is an edge. Selectors carry their role (link, hub, stray, benign), so a tool can hide the ones
// that never link. Pure function; thread-safe.
#pragma once

#include <string>

#include "jala/graph/link_input.h"
#include "jala/graph/linking.h"
#include "jala/graph/ranking.h"

namespace jala::graph {

std::string network_graphml(const LinkInput& input, const Linking& linking, const NetworkSummary& network);

}  // namespace jala::graph
