#include "jala/graph/usd_rates.h"

#include <charconv>
#include <cstdlib>
#include <map>
#include <string>

namespace jala::graph {

extern const std::string_view k_usd_rates_tsv;

namespace {

// The file is checked by its test (usd_rates_test.cpp); a malformed compiled-in table is a build defect.
std::map<std::string, double, std::less<>> parse_rates() {
  std::map<std::string, double, std::less<>> rates;
  std::string_view rest = k_usd_rates_tsv;
  bool header = true;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (header || line.empty()) {
      header = false;
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) std::abort();
    double rate = 0;
    const std::string_view number = line.substr(tab + 1);
    if (std::from_chars(number.data(), number.data() + number.size(), rate).ec != std::errc() || rate <= 0) {
      std::abort();
    }
    rates.emplace(line.substr(0, tab), rate);
  }
  return rates;
}

}  // namespace

std::optional<double> usd_per_unit(std::string_view currency) {
  static const std::map<std::string, double, std::less<>> rates = parse_rates();
  const auto found = rates.find(currency);
  if (found == rates.end()) return std::nullopt;
  return found->second;
}

}  // namespace jala::graph
