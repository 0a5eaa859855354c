// Deterministic synthetic reports for the ingest benchmark: realistic sizes (a few hundred bytes of
// multilingual text, three form selectors in raw surface forms), drawn from pools so that selectors
// repeat across reports as they do in real data.
#pragma once

#include <cstdint>
#include <string>

#include "deterministic_random.h"

namespace jala::bench {

class ReportGenerator {
 public:
  explicit ReportGenerator(std::uint64_t seed) : m_random(seed) {}
  // The JSON Lines record for report number `index`.
  std::string next_line(std::uint64_t index);

 private:
  DeterministicRandom m_random;
};

}  // namespace jala::bench
