#include "jala/share/psi_curve.h"

#include <gmp.h>
#include <sodium.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <string>

namespace jala::share {
namespace {

constexpr std::string_view k_hash_key = "jala-psi-v1/hash-to-curve";
constexpr std::string_view k_tag_key = "jala-psi-v1/match-tag";
constexpr unsigned long k_curve_a = 486662;  // Curve25519: v^2 = u^3 + A u^2 + u
constexpr int k_max_candidates = 128;        // each fails with probability about 1/2
constexpr std::size_t k_grain = 256;         // points per TBB task: a task takes about 8 ms

static_assert(crypto_scalarmult_BYTES == sizeof(CurvePoint) && crypto_scalarmult_SCALARBYTES == 32);
static_assert(k_hash_key.size() >= crypto_generichash_KEYBYTES_MIN && k_tag_key.size() >= crypto_generichash_KEYBYTES_MIN);

const unsigned char* key_bytes(std::string_view key) { return reinterpret_cast<const unsigned char*>(key.data()); }

// GMP temporaries for the curve equation; one per thread, since GMP numbers are not thread-safe.
class CurveEquation {
 public:
  CurveEquation() {
    mpz_inits(m_p, m_u, m_g, nullptr);
    mpz_ui_pow_ui(m_p, 2, 255);
    mpz_sub_ui(m_p, m_p, 19);
  }
  ~CurveEquation() { mpz_clears(m_p, m_u, m_g, nullptr); }
  CurveEquation(const CurveEquation&) = delete;
  CurveEquation& operator=(const CurveEquation&) = delete;
  CurveEquation(CurveEquation&&) = delete;
  CurveEquation& operator=(CurveEquation&&) = delete;

  PointCheck check(const CurvePoint& point) {
    mpz_import(m_u, point.size(), -1, 1, 0, 0, point.data());
    if (mpz_cmp(m_u, m_p) >= 0) {
      return PointCheck::not_reduced;
    }
    // g = ((u + A) u + 1) u mod p; a point (u, v) with v != 0 exists exactly when g is a non-zero square.
    mpz_add_ui(m_g, m_u, k_curve_a);
    mpz_mul(m_g, m_g, m_u);
    mpz_add_ui(m_g, m_g, 1);
    mpz_mul(m_g, m_g, m_u);
    mpz_mod(m_g, m_g, m_p);
    return mpz_jacobi(m_g, m_p) == 1 ? PointCheck::valid : PointCheck::not_on_curve;
  }

  std::optional<CurvePoint> hash(std::string_view canonical) {
    for (int counter = 0; counter < k_max_candidates; ++counter) {
      const auto counter_byte = static_cast<unsigned char>(counter);
      crypto_generichash_state state;
      crypto_generichash_init(&state, key_bytes(k_hash_key), k_hash_key.size(), sizeof(CurvePoint));
      crypto_generichash_update(&state, &counter_byte, 1);
      crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
      CurvePoint candidate{};
      crypto_generichash_final(&state, candidate.data(), candidate.size());
      candidate[31] &= 0x7f;
      if (check(candidate) == PointCheck::valid) {
        return candidate;
      }
    }
    return std::nullopt;
  }

 private:
  mpz_t m_p;
  mpz_t m_u;
  mpz_t m_g;
};

// Runs work(i, curve) for every i in [0, count) on TBB's threads, with one CurveEquation per task;
// work returns false for a failure. Returns the smallest index that failed, if one did.
template <typename Work>
std::optional<std::size_t> parallel_for_each(std::size_t count, const Work& work) {
  std::atomic<std::size_t> first_failure = count;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, k_grain), [&](const tbb::blocked_range<std::size_t>& range) {
    CurveEquation curve;
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      if (!work(i, curve)) {
        std::size_t seen = first_failure.load();
        while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
        }
        return;
      }
    }
  });
  if (first_failure.load() == count) {
    return std::nullopt;
  }
  return first_failure.load();
}

std::string_view describe(PointCheck check) {
  switch (check) {
    case PointCheck::not_reduced:
      return "is not below 2^255 - 19";
    case PointCheck::not_on_curve:
      return "is not on Curve25519 (a point of its twist, or 0)";
    case PointCheck::valid:
      break;
  }
  return "has small order";
}

}  // namespace

Status ensure_sodium() {
  // sodium_init() is thread-safe and idempotent; it fails only without a source of randomness.
  static const int status = sodium_init();
  if (status < 0) {
    return internal_error("libsodium cannot initialise");
  }
  return {};
}

SecretScalar::SecretScalar() { randombytes_buf(m_bytes.data(), m_bytes.size()); }

SecretScalar::~SecretScalar() { sodium_memzero(m_bytes.data(), m_bytes.size()); }

PointCheck check_point(const CurvePoint& point) {
  CurveEquation curve;
  return curve.check(point);
}

Result<CurvePoint> hash_to_curve(std::string_view canonical_selector) {
  CurveEquation curve;
  std::optional<CurvePoint> point = curve.hash(canonical_selector);
  if (!point) {
    return internal_error("{}: no point of Curve25519 in {} hash candidates", canonical_selector, k_max_candidates);
  }
  return *point;
}

Result<std::vector<CurvePoint>> blind_selectors(std::span<const model::Selector> selectors,
                                                const SecretScalar& scalar) {
  std::vector<CurvePoint> blinded(selectors.size());
  const auto failed = parallel_for_each(selectors.size(), [&](std::size_t i, CurveEquation& curve) {
    const std::optional<CurvePoint> point = curve.hash(selectors[i].to_string());
    return point && crypto_scalarmult(blinded[i].data(), scalar.data(), point->data()) == 0;
  });
  if (failed) {
    return internal_error("selectors[{}] ({}) hashes to no point of large order", *failed,
                          selectors[*failed].to_string());
  }
  return blinded;
}

Result<std::vector<MatchTag>> blind_to_tags(std::span<const CurvePoint> points, const SecretScalar& scalar,
                                            std::string_view what) {
  std::vector<MatchTag> tags(points.size());
  const auto failed = parallel_for_each(points.size(), [&](std::size_t i, CurveEquation& curve) {
    CurvePoint product{};
    if (curve.check(points[i]) != PointCheck::valid ||
        crypto_scalarmult(product.data(), scalar.data(), points[i].data()) != 0) {
      return false;
    }
    tags[i] = match_tag(product);
    return true;
  });
  if (failed) {
    return invalid_argument("{}: point {} {}", what, *failed, describe(check_point(points[*failed])));
  }
  return tags;
}

MatchTag match_tag(const CurvePoint& doubly_blinded) {
  MatchTag tag{};
  crypto_generichash(tag.data(), tag.size(), doubly_blinded.data(), doubly_blinded.size(), key_bytes(k_tag_key),
                     k_tag_key.size());
  return tag;
}

std::optional<std::pair<std::size_t, std::size_t>> find_repeat(std::span<const CurvePoint> points) {
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a] != points[b] ? points[a] < points[b] : a < b;
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (points[order[k - 1]] == points[order[k]]) {
      return std::pair{order[k - 1], order[k]};
    }
  }
  return std::nullopt;
}

}  // namespace jala::share
