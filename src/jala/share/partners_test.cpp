#include "jala/share/partners.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>

namespace jala::share {
namespace {

TEST(Partners, NamesAreShortLowerCaseWords) {
  EXPECT_TRUE(check_partner_name("ph-nbi_2").ok());
  EXPECT_FALSE(check_partner_name("").ok());
  EXPECT_FALSE(check_partner_name("PH").ok());
  EXPECT_FALSE(check_partner_name("a.b").ok());
  EXPECT_FALSE(check_partner_name(std::string(65, 'a')).ok());
}

TEST(Partners, TlpRedIsNeverAnAgreement) {
  EXPECT_EQ(parse_partner_tlp("amber").value(), model::Tlp::amber);
  EXPECT_EQ(parse_partner_tlp("TLP:AMBER+STRICT").value(), model::Tlp::amber_strict);
  const auto red = parse_partner_tlp("red");
  ASSERT_FALSE(red.ok());
  EXPECT_NE(red.error().message().find("never leaves"), std::string::npos);
}

TEST(Partners, NothingAboveAmberStrictIsShared) {
  EXPECT_EQ(highest_shared(model::Tlp::green), model::Tlp::green);
  EXPECT_EQ(highest_shared(model::Tlp::amber_strict), model::Tlp::amber_strict);
  EXPECT_EQ(highest_shared(model::Tlp::red), model::Tlp::amber_strict);
}

TEST(Partners, SecretsNameTheirPartnerAndOnlyTheirHashChecksThem) {
  const std::string secret = make_partner_secret("kh-police");
  EXPECT_EQ(partner_named_by(secret), "kh-police");
  EXPECT_EQ(secret.size(), std::string("kh-police.").size() + 43);
  EXPECT_NE(make_partner_secret("kh-police"), secret);  // random each time
  const std::string hash = hash_partner_secret(secret).value();
  EXPECT_TRUE(hash.starts_with("$jala-blake2b-256$"));
  EXPECT_EQ(hash.size(), std::string("$jala-blake2b-256$").size() + 43);
  EXPECT_EQ(hash_partner_secret(secret).value(), hash);  // no salt: the secret is random already
  EXPECT_EQ(hash.find(secret.substr(10)), std::string::npos);
  EXPECT_TRUE(secret_matches(hash, secret));
  EXPECT_FALSE(secret_matches(hash, secret + "x"));
  EXPECT_FALSE(secret_matches(hash, make_partner_secret("kh-police")));
  EXPECT_FALSE(partner_named_by("no-dot-here").has_value());
  EXPECT_FALSE(partner_named_by("Bad Name.abc").has_value());
}

// Agreements made before 2026-12-04 keep their Argon2id hashes, and their secrets still work.
TEST(Partners, ASecretHashedWithArgon2idBeforeStillMatches) {
  const std::string secret = make_partner_secret("vn-mps");
  std::array<char, crypto_pwhash_STRBYTES> argon2{};
  ASSERT_EQ(crypto_pwhash_str_alg(argon2.data(), secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13),
            0);
  const std::string stored(argon2.data());
  ASSERT_TRUE(stored.starts_with("$argon2id$"));
  EXPECT_TRUE(secret_matches(stored, secret));
  EXPECT_FALSE(secret_matches(stored, make_partner_secret("vn-mps")));
  EXPECT_FALSE(secret_matches("$jala-blake2b-256$", secret));  // a truncated fast hash matches nothing
  EXPECT_FALSE(secret_matches("", secret));
}

}  // namespace
}  // namespace jala::share
