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

TEST(Text, TrimsAsciiSpaceOnly) {
  EXPECT_EQ(trim_ascii_space(" \t abc \r\n"), "abc");
  EXPECT_EQ(trim_ascii_space("   "), "");
  EXPECT_EQ(trim_ascii_space("\u00a0x"), "\u00a0x");
}

}  // namespace
}  // namespace jala::model
