// The simulator's pseudo-random numbers: xoshiro256** seeded through splitmix64, with the few draws the
// model needs written out here. The standard distributions (std::uniform_int_distribution and
// friends) are not specified bit for bit and differ between standard libraries, so a seed would not
// give the same data set everywhere; these draws do.
//
// The order of draws must be fixed by the code too. C++ leaves unspecified the order in which a call's
// arguments, or the operands of `+` and most other operators (overloaded or not), are evaluated, and GCC
// and clang choose differently: `f(random.unit(), make_handle(random))` or
// `make_handle(random) + make_handle(random)` gives one seed different data on each compiler. So draw
// into named locals, one statement each, and combine them afterwards. (`?:`, `&&`, `||`, braced
// initialisers, and a callee's own draws after those of its arguments, are ordered.) The sites that once
// left the order to the compiler now draw in the order GCC builds used, so that GCC's data sets did not
// change; simulate_test pins the digests of a small run, and the CI checks them with GCC and clang.
//
// A Random is a value; copy it to fork a stream. Not thread-safe.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>

namespace jala::simulate {

// One step of splitmix64: a well-mixed 64-bit value from a counter; used to seed and to derive
// independent streams from (seed, label) pairs.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

class Random {
 public:
  // A stream for `seed`; `stream` tells apart streams drawn from one seed (operations, reports, ...).
  explicit Random(std::uint64_t seed, std::uint64_t stream = 0) {
    std::uint64_t state = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    for (std::uint64_t& word : m_state) word = splitmix64(state);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotate_left(m_state[1] * 5, 7) * 9;
    const std::uint64_t shifted = m_state[1] << 17U;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= shifted;
    m_state[3] = rotate_left(m_state[3], 45);
    return result;
  }

  // Uniform in [0, bound): modulo, rejecting the low values that would bias it; bound > 0.
  std::uint64_t below(std::uint64_t bound) {
    if (bound == 0) throw std::invalid_argument("Random::below(0)");
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    while (true) {
      const std::uint64_t value = next();
      if (value >= threshold) return value % bound;
    }
  }
  // Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
  }
  // Uniform in [0, 1), 53 bits.
  double unit() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
  bool chance(double probability) { return unit() < probability; }
  // Pareto with minimum 1 and tail index `alpha`: P(X > x) = x^-alpha.
  double pareto(double alpha) { return std::pow(1.0 - unit(), -1.0 / alpha); }
  // A rank in [0, count) with P(rank k) proportional to 1/(k+1)^exponent, by rejection from the
  // continuous bound (Devroye); cheap for any count.
  std::size_t zipf_rank(std::size_t count, double exponent);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }
  char digit() { return static_cast<char>('0' + below(10)); }

 private:
  static constexpr std::uint64_t rotate_left(std::uint64_t value, int bits) {
    return (value << static_cast<unsigned>(bits)) | (value >> static_cast<unsigned>(64 - bits));
  }

  std::array<std::uint64_t, 4> m_state{};
};

inline std::size_t Random::zipf_rank(std::size_t count, double exponent) {
  // Rejection sampling: propose x in [1, count + 1) with density proportional to x^-exponent (inverse
  // transform), target the step density rank^-exponent on [rank, rank + 1). Their ratio (x/rank)^e is
  // at most 2^e, so accepting with (x / (2 rank))^e is exact and succeeds at least 2^-e of the time.
  const double upper = static_cast<double>(count) + 1.0;
  while (true) {
    double x = 0.0;
    if (std::abs(exponent - 1.0) < 1e-9) {
      x = std::exp(unit() * std::log(upper));
    } else {
      const double one_minus = 1.0 - exponent;
      x = std::pow(1.0 + unit() * (std::pow(upper, one_minus) - 1.0), 1.0 / one_minus);
    }
    const double rank = std::floor(x);
    if (rank < 1.0 || rank > static_cast<double>(count)) continue;
    if (unit() < std::pow(x / (2.0 * rank), exponent)) return static_cast<std::size_t>(rank) - 1;
  }
}

}  // namespace jala::simulate
