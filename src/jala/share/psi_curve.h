// The curve arithmetic of private overlap, internal to share/ (psi.h is the interface; ADR 0009 the
// reasons): hashing a canonical selector to a point of Curve25519, checking a peer's points, and
// multiplying points by a secret scalar with X25519 (libsodium), spread over TBB's threads.
//
// Hashing is try-and-increment. BLAKE2b keyed with "jala-psi-v1/hash-to-curve", over a counter byte
// and the canonical "type:value", gives 255 bits; the first candidate u below p = 2^255 - 19 for which
// u^3 + A u^2 + u is a non-zero square mod p is the point: the u-coordinate of a point of the curve,
// never of its twist, and never (0, 0). About two candidates are tried on average, so every such u is
// equally likely (a random oracle onto the curve's u-coordinates). X25519 clamps the scalar to a
// multiple of 8, so every product lands in the prime-order subgroup. The square test uses GMP's Jacobi
// symbol, which is not constant-time; ADR 0009 says why that is acceptable here.
//
// Thread safety: the functions are thread-safe; a SecretScalar is immutable after construction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/selector.h"
#include "jala/share/psi_message.h"

namespace jala::share {

// libsodium's one-time start-up; an error only when the system has no source of randomness.
Status ensure_sodium();

// 32 random bytes from libsodium's generator, wiped when destroyed. Call ensure_sodium() first.
class SecretScalar {
 public:
  SecretScalar();
  ~SecretScalar();
  SecretScalar(const SecretScalar&) = delete;
  SecretScalar& operator=(const SecretScalar&) = delete;
  SecretScalar(SecretScalar&&) = delete;
  SecretScalar& operator=(SecretScalar&&) = delete;

  const std::uint8_t* data() const { return m_bytes.data(); }

 private:
  std::array<std::uint8_t, 32> m_bytes{};
};

enum class PointCheck {
  valid,         // the u-coordinate of a curve point other than (0, 0)
  not_reduced,   // not below 2^255 - 19
  not_on_curve,  // the u-coordinate of a point of the twist, or 0
};
PointCheck check_point(const CurvePoint& point);

// H(selector): the point a canonical "type:value" hashes to. An error is as likely as 2^-128.
Result<CurvePoint> hash_to_curve(std::string_view canonical_selector);

// scalar * H(s) for each selector s, in order. An error is as unlikely as hash_to_curve's.
Result<std::vector<CurvePoint>> blind_selectors(std::span<const model::Selector> selectors,
                                                const SecretScalar& scalar);

// tag(scalar * P) for each of a peer's points P, in order. The first point that is not valid, or has
// small order (its product is the identity), is an invalid_argument error naming `what` and its index.
Result<std::vector<MatchTag>> blind_to_tags(std::span<const CurvePoint> points, const SecretScalar& scalar,
                                            std::string_view what);

// The keyed hash of a doubly blinded point that the initiator compares ("jala-psi-v1/match-tag").
MatchTag match_tag(const CurvePoint& doubly_blinded);

// Two indices i < j with points[i] == points[j] (the first repeat in sorted order), if there are any.
std::optional<std::pair<std::size_t, std::size_t>> find_repeat(std::span<const CurvePoint> points);

}  // namespace jala::share
