#include "jala/model/text.h"

#include <gtest/gtest.h>

namespace jala::model {
namespace {

TEST(Text, FoldsOnlyAsciiCase) {
  EXPECT_EQ(ascii_lower("VN-MPS Đà"), "vn-mps Đà");
  EXPECT_EQ(ascii_upper("vn-mps đà"), "VN-MPS đà");
}

TEST(Text, TrimsAsciiSpaceOnly) {
  EXPECT_EQ(trim_ascii_space(" \t abc \r\n"), "abc");
  EXPECT_EQ(trim_ascii_space("   "), "");
  EXPECT_EQ(trim_ascii_space("\u00a0x"), "\u00a0x");
}

TEST(Text, QuotesUntrustedInputSafely) {
  EXPECT_EQ(quote_untrusted("VNM"), "'VNM'");
  EXPECT_EQ(quote_untrusted("a\nb"), "'a\\nb'");
  EXPECT_EQ(quote_untrusted(std::string(40, 'x')), "'" + std::string(32, 'x') + "...'");
  EXPECT_EQ(quote_untrusted(std::string(31, 'x') + "Đ"), "'" + std::string(31, 'x') + "...'");  // not cut mid-character
}

}  // namespace
}  // namespace jala::model
