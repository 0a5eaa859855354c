// US dollar figures as the JSON writers of jala::analysis give them: to the cent. They are sums, shares
// and differences of converted amounts, so their last binary digits are noise ("2.9000000000000004", a
// balance of 1.1e-13 where in and out are equal). Internal to jala::analysis's JSON writers.
#pragma once

#include <cmath>

namespace jala::analysis {

inline double usd_to_the_cent(double usd) {
  const double cents = std::round(usd * 100);
  return cents == 0 ? 0.0 : cents / 100;  // never -0
}

}  // namespace jala::analysis
