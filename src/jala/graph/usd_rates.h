// Values of currencies and crypto assets in US dollars, from data/rates/usd.tsv (compiled in; see its
// README for the date and the source): a common unit to rank networks by loss. Built on first use;
// thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace jala::graph {

// US dollars per unit of `currency` (ISO 4217 or a crypto asset code), or nullopt when not listed.
std::optional<double> usd_per_unit(std::string_view currency);

}  // namespace jala::graph
