// Deterministic synthetic reports for the ingest benchmark: realistic sizes (a few hundred bytes of
// multilingual text, three form selectors in raw surface forms), drawn from pools so that selectors
// repeat across reports as they do in real data.
#pragma once

#include <cstdint>
#include <string>

namespace jala::bench {

class ReportGenerator {
 public:
  explicit ReportGenerator(std::uint64_t seed) : m_state(seed * 2654435761u + 1) {}
  // The JSON Lines record for report number `index`.
  std::string next_line(std::uint64_t index);

 private:
  std::uint64_t next_random();
  std::uint64_t m_state;
};

}  // namespace jala::bench
