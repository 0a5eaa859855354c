// The pseudo-random source of the benchmark input generators: xorshift64, seeded, so that every run
// writes the same input. Not for anything that needs unpredictability.
//
// Value type; not thread-safe (one per generator).
#pragma once

#include <cstdint>

namespace jala::bench {

class DeterministicRandom {
 public:
  explicit DeterministicRandom(std::uint64_t seed) : m_state(seed * 2654435761u + 1) {}

  std::uint64_t next() {
    m_state ^= m_state << 13;
    m_state ^= m_state >> 7;
    m_state ^= m_state << 17;
    return m_state;
  }
  // A number in [0, bound).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

 private:
  std::uint64_t m_state;
};

}  // namespace jala::bench
