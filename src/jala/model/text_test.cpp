#include "jala/model/text.h"

#include <gtest/gtest.h>

namespace jala::model {
namespace {

TEST(Text, SplitsListsDroppingEmptyItems) {
  EXPECT_EQ(split_list("a,b,,c,", ','), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(split_list("", ',').empty());
  EXPECT_EQ(split_list("one", ','), (std::vector<std::string>{"one"}));
}

TEST(Text, FoldsOnlyAsciiCase) {
  EXPECT_EQ(ascii_lower("VN-MPS Đà"), "vn-mps Đà");
  EXPECT_EQ(ascii_upper("vn-mps đà"), "VN-MPS đà");
}

TEST(Text, ComparesWithTheAsciiCapitalsLowered) {
  EXPECT_TRUE(equals_ascii_lowered("Address", "address"));
  EXPECT_TRUE(equals_ascii_lowered("", ""));
  EXPECT_FALSE(equals_ascii_lowered("Addr", "address"));
  EXPECT_FALSE(equals_ascii_lowered("address", "Address"));  // the second side is already lower case
  EXPECT_FALSE(equals_ascii_lowered("ĐÀ", "đà"));            // ASCII only
}

TEST(Text, TrimsAsciiSpaceOnly) {
  EXPECT_EQ(trim_ascii_space(" \t abc \r\n"), "abc");
  EXPECT_EQ(trim_ascii_space("   "), "");
  EXPECT_EQ(trim_ascii_space("\u00a0x"), "\u00a0x");
}

// As libevent's evhttp_uridecode did for the server, which now uses this: a '%' that starts no escape is
// itself, and an escape of NUL is refused.
TEST(Text, PercentDecodesEscapesAndKeepsAStrayPercent) {
  EXPECT_EQ(percent_decoded("hr%40site.com"), "hr@site.com");
  EXPECT_EQ(percent_decoded("%e1%BA%A1"), "\xe1\xba\xa1");
  EXPECT_EQ(percent_decoded("100% sure %4"), "100% sure %4");
  EXPECT_EQ(percent_decoded("%zz%"), "%zz%");
  EXPECT_EQ(percent_decoded("a+b"), "a+b");
  EXPECT_EQ(percent_decoded("a+b", true), "a b");
  EXPECT_EQ(percent_decoded("%2B", true), "+");
  EXPECT_EQ(percent_decoded("x%00y"), std::nullopt);
  EXPECT_EQ(percent_decoded(""), "");
}

}  // namespace
}  // namespace jala::model
