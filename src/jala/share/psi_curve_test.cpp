#include "jala/share/psi_curve.h"

#include <gmp.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <string>
#include <vector>

namespace jala::share {
namespace {

CurvePoint from_hex(std::string_view hex) {
  CurvePoint point{};
  EXPECT_EQ(sodium_hex2bin(point.data(), point.size(), hex.data(), hex.size(), nullptr, nullptr, nullptr), 0);
  return point;
}

std::string to_hex(const CurvePoint& point) {
  std::string hex(2 * point.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), point.data(), point.size());
  hex.pop_back();
  return hex;
}

CurvePoint random_bytes() {
  CurvePoint point{};
  randombytes_buf(point.data(), point.size());
  return point;
}

// The naive verifier of check_point(): Euler's criterion, g^((p-1)/2) mod p, instead of the Jacobi symbol.
PointCheck check_by_euler(const CurvePoint& point) {
  mpz_t p, u, g, exponent;
  mpz_inits(p, u, g, exponent, nullptr);
  mpz_ui_pow_ui(p, 2, 255);
  mpz_sub_ui(p, p, 19);
  mpz_import(u, point.size(), -1, 1, 0, 0, point.data());
  PointCheck check = PointCheck::not_reduced;
  if (mpz_cmp(u, p) < 0) {
    mpz_t u_squared;
    mpz_init(u_squared);
    mpz_mul(u_squared, u, u);
    mpz_mul(g, u_squared, u);
    mpz_addmul_ui(g, u_squared, 486662);
    mpz_add(g, g, u);  // g = u^3 + A u^2 + u
    mpz_clear(u_squared);
    mpz_sub_ui(exponent, p, 1);
    mpz_fdiv_q_2exp(exponent, exponent, 1);
    mpz_powm(g, g, exponent, p);
    check = mpz_cmp_ui(g, 1) == 0 ? PointCheck::valid : PointCheck::not_on_curve;
  }
  mpz_clears(p, u, g, exponent, nullptr);
  return check;
}

class PsiCurve : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(ensure_sodium().ok()); }
};

TEST_F(PsiCurve, CheckPointAgreesWithEulersCriterion) {
  std::vector<CurvePoint> points;
  for (int i = 0; i < 3000; ++i) {
    points.push_back(random_bytes());
    points.back()[31] &= 0x7f;
  }
  points.push_back(from_hex("0000000000000000000000000000000000000000000000000000000000000000"));
  points.push_back(from_hex("0900000000000000000000000000000000000000000000000000000000000000"));  // the base point
  points.push_back(from_hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));  // p - 1
  points.push_back(from_hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));  // p
  points.push_back(from_hex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));  // 2^256 - 1
  int valid = 0;
  for (const CurvePoint& point : points) {
    const PointCheck got = check_point(point);
    EXPECT_EQ(got, check_by_euler(point)) << to_hex(point);
    valid += got == PointCheck::valid ? 1 : 0;
  }
  // About half of all u-coordinates are on the curve, the rest on its twist.
  EXPECT_GT(valid, 1300);
  EXPECT_LT(valid, 1700);
  EXPECT_EQ(check_point(points[3001]), PointCheck::valid);
  EXPECT_EQ(check_point(points[3000]), PointCheck::not_on_curve);
  EXPECT_EQ(check_point(points[3003]), PointCheck::not_reduced);
}

TEST_F(PsiCurve, PointsOfEd25519ConvertToValidPoints) {
  // libsodium's own Ed25519-to-X25519 map is an independent source of points that are on the curve.
  for (int i = 0; i < 200; ++i) {
    unsigned char edwards[crypto_core_ed25519_BYTES];
    crypto_core_ed25519_random(edwards);
    CurvePoint montgomery{};
    ASSERT_EQ(crypto_sign_ed25519_pk_to_curve25519(montgomery.data(), edwards), 0);
    EXPECT_EQ(check_point(montgomery), PointCheck::valid);
  }
}

TEST_F(PsiCurve, HashToCurveIsDeterministicOnTheCurveAndDomainSeparated) {
  const Result<CurvePoint> first = hash_to_curve("phone:+84912345678");
  const Result<CurvePoint> again = hash_to_curve("phone:+84912345678");
  const Result<CurvePoint> other = hash_to_curve("phone:+84912345679");
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_EQ(*first, *again);
  EXPECT_NE(*first, *other);
  EXPECT_EQ(check_point(*first), PointCheck::valid);
  // The first candidate is BLAKE2b keyed with the domain over counter 0 and the selector.
  const std::string message = std::string(1, '\0') + "phone:+84912345678";
  CurvePoint unkeyed{};
  crypto_generichash(unkeyed.data(), unkeyed.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), nullptr, 0);
  unkeyed[31] &= 0x7f;
  EXPECT_NE(*first, unkeyed);
  for (int i = 0; i < 500; ++i) {
    const Result<CurvePoint> point = hash_to_curve("telegram:user" + std::to_string(i));
    ASSERT_TRUE(point.ok());
    EXPECT_EQ(check_point(*point), PointCheck::valid);
  }
}

TEST_F(PsiCurve, BlindingCommutes) {
  std::vector<model::Selector> selectors;
  selectors.reserve(50);
  for (int i = 0; i < 50; ++i) {
    selectors.push_back({model::SelectorType::email, "user" + std::to_string(i) + "@example.com"});
  }
  const SecretScalar a;
  const SecretScalar b;
  const Result<std::vector<CurvePoint>> by_a = blind_selectors(selectors, a);
  const Result<std::vector<CurvePoint>> by_b = blind_selectors(selectors, b);
  ASSERT_TRUE(by_a.ok() && by_b.ok());
  const Result<std::vector<MatchTag>> ab = blind_to_tags(*by_a, b, "test");
  const Result<std::vector<MatchTag>> ba = blind_to_tags(*by_b, a, "test");
  ASSERT_TRUE(ab.ok() && ba.ok());
  EXPECT_EQ(*ab, *ba);
  EXPECT_NE(*by_a, *by_b);
  // Each blinded point is H(s) times the clamped scalar, as X25519 computes it.
  for (std::size_t i = 0; i < selectors.size(); ++i) {
    const Result<CurvePoint> plain = hash_to_curve(selectors[i].to_string());
    ASSERT_TRUE(plain.ok());
    CurvePoint want{};
    ASSERT_EQ(crypto_scalarmult(want.data(), a.data(), plain->data()), 0);
    EXPECT_EQ((*by_a)[i], want);
  }
}

TEST_F(PsiCurve, PeerPointsThatAreNotOfLargeOrderAreRejected) {
  const SecretScalar scalar;
  const Result<CurvePoint> good = hash_to_curve("domain:example.com");
  ASSERT_TRUE(good.ok());
  struct Case {
    std::string hex;
    std::string want;
  };
  // libsodium's list of the small-order u-coordinates and their non-reduced aliases, a twist point,
  // and a value above p.
  const std::vector<Case> cases = {
      {"0000000000000000000000000000000000000000000000000000000000000000", "is not on Curve25519 (a point of its twist, or 0)"},
      {"0100000000000000000000000000000000000000000000000000000000000000", "has small order"},
      {"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", "has small order"},
      {"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", "has small order"},
      {"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "is not on Curve25519 (a point of its twist, or 0)"},
      {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "is not below 2^255 - 19"},
      {"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "is not below 2^255 - 19"},
      {"0200000000000000000000000000000000000000000000000000000000000000", "is not on Curve25519 (a point of its twist, or 0)"},
      {"0900000000000000000000000000000000000000000000000000000000000080", "is not below 2^255 - 19"},
  };
  for (const Case& c : cases) {
    const std::vector<CurvePoint> points = {*good, *good, from_hex(c.hex)};
    const Result<std::vector<MatchTag>> got = blind_to_tags(points, scalar, "request");
    ASSERT_FALSE(got.ok()) << c.hex;
    EXPECT_EQ(got.error().message(), "request: point 2 " + c.want) << c.hex;
  }
}

TEST_F(PsiCurve, FindRepeatNamesBothIndices) {
  const CurvePoint one = from_hex("0900000000000000000000000000000000000000000000000000000000000000");
  const CurvePoint two = from_hex("0a00000000000000000000000000000000000000000000000000000000000000");
  const std::vector<CurvePoint> none = {one, two};
  EXPECT_EQ(find_repeat(none), std::nullopt);
  EXPECT_EQ(find_repeat(std::vector<CurvePoint>{}), std::nullopt);
  const std::vector<CurvePoint> repeated = {two, one, one, two};
  EXPECT_EQ(find_repeat(repeated), (std::pair<std::size_t, std::size_t>{1, 2}));
}

}  // namespace
}  // namespace jala::share
