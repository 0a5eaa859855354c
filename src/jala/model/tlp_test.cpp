#include "jala/model/tlp.h"

#include <gtest/gtest.h>

namespace jala::model {
namespace {

TEST(Tlp, ParsesEveryLevelAndRoundTrips) {
  for (Tlp level : {Tlp::clear, Tlp::green, Tlp::amber, Tlp::amber_strict, Tlp::red}) {
    EXPECT_EQ(*parse_tlp(to_string(level)), level);
  }
  EXPECT_EQ(*parse_tlp("TLP:AMBER+STRICT"), Tlp::amber_strict);
  EXPECT_EQ(*parse_tlp("Red"), Tlp::red);
}

TEST(Tlp, OrderIsRestriction) {
  EXPECT_LT(Tlp::clear, Tlp::green);
  EXPECT_LT(Tlp::amber, Tlp::amber_strict);
  EXPECT_LT(Tlp::amber_strict, Tlp::red);
}

TEST(Tlp, RejectsTlp1Names) {
  const Result<Tlp> got = parse_tlp("white");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("not a TLP 2.0 level"), std::string::npos);
}

}  // namespace
}  // namespace jala::model
