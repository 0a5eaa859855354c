#include "jala/base/utf8.h"

#include <gtest/gtest.h>

namespace jala {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Tuyển dụng việc nhẹ lương cao"));
  EXPECT_TRUE(is_valid_utf8("រកការងារ 高薪 งานง่าย"));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xE0\xA4"));       // truncated
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(Utf8, TruncatesOnASequenceBoundary) {
  const std::string_view text = "aĐb";  // 'Đ' is two bytes
  EXPECT_EQ(truncate_utf8(text, 2), "a");
  EXPECT_EQ(truncate_utf8(text, 3), "aĐ");
  EXPECT_EQ(truncate_utf8(text, 10), text);
}

}  // namespace
}  // namespace jala
