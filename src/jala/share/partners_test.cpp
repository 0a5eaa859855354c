#include "jala/share/partners.h"

#include <gtest/gtest.h>

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
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_EQ(hash.find(secret.substr(10)), std::string::npos);
  EXPECT_TRUE(secret_matches(hash, secret));
  EXPECT_FALSE(secret_matches(hash, secret + "x"));
  EXPECT_FALSE(secret_matches(hash, make_partner_secret("kh-police")));
  EXPECT_FALSE(partner_named_by("no-dot-here").has_value());
  EXPECT_FALSE(partner_named_by("Bad Name.abc").has_value());
}

}  // namespace
}  // namespace jala::share
