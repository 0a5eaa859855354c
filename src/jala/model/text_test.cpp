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

}  // namespace
}  // namespace jala::model
