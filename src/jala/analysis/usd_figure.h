// US dollar figures as the JSON writers of jala::analysis give them: to the cent. They are sums, shares
// and differences of converted amounts, so their last binary digits are noise ("2.9000000000000004", a
// balance of 1.1e-13 where in and out are equal). Internal to jala::analysis's JSON writers.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <string>

namespace jala::analysis {

// Rounded as the text outputs print dollars ("{:.2f}": the exact value, a tie to even), so that JSON and
// text agree to the cent.
inline double usd_to_the_cent(double usd) {
  const std::string cents = fmt::format("{:.2f}", usd);
  double rounded = usd;  // kept if the text does not parse (from_chars reads "nan" and "inf" too)
  std::from_chars(cents.data(), cents.data() + cents.size(), rounded);
  return rounded + 0.0;  // + 0.0: never -0
}

}  // namespace jala::analysis
