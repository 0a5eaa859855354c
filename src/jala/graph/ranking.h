// Ranking networks to find the big fish. Each network gets a summary (victims, loss in US dollars,
// countries, lure reach, time span) and a score:
//   score = ln(1 + loss_usd) + 2 ln(1 + victims) + countries + 0.5 ln(1 + lure ads) + recency + growth
// where victims counts the victim complaints, countries the distinct victim countries (a report's
// victim_country, else its country), recency is 2 for a network whose latest report is within 30 days of
// the newest report in the store, falling linearly to 0 at a year, and growth is log2 of how many times
// more reports it had in those 30 days than in the 30 before (each count plus one), between 0 and 2: a
// network that doubled gains 1, one that quadrupled or more gains 2, a shrinking one nothing. The score
// grows with harm, reach and momentum, and the logarithms keep one huge loss or a flood of complaints
// from deciding alone.
// A network's id is stable while its earliest member stays: "N" and 12 hex digits of the SHA-256 of
// that member's source and id.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jala/graph/link_input.h"
#include "jala/graph/linking.h"

namespace jala::graph {

struct NetworkSummary {
  std::string id;
  double score = 0;
  std::vector<ReportId> reports;       // ascending
  std::vector<SelectorId> selectors;   // the links inside the network, most reports first
  std::vector<std::string> countries;  // victim countries, sorted
  std::uint32_t victims = 0;
  std::uint32_t lure_ads = 0;
  double loss_usd = 0;
  std::uint32_t losses_unconverted = 0;  // losses in a currency without a rate (data/rates/usd.tsv)
  Timestamp first_report;
  Timestamp last_report;
  std::uint32_t recent_reports = 0;    // in the 30 days up to the newest report in the store
  std::uint32_t previous_reports = 0;  // in the 30 days before those
};

// Every network, best first (then by id).
std::vector<NetworkSummary> rank_networks(const LinkInput& input, const Linking& linking);

}  // namespace jala::graph
