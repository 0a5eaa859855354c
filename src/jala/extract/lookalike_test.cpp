#include "jala/extract/lookalike.h"

#include <gtest/gtest.h>

namespace jala::extract {
namespace {

TEST(Lookalike, LettersOfTheLookalikeScriptsOnly) {
  EXPECT_TRUE(is_lookalike_script_letter(U'\u0435'));   // Cyrillic е
  EXPECT_TRUE(is_lookalike_script_letter(U'\u03C4'));   // Greek τ
  EXPECT_TRUE(is_lookalike_script_letter(U'\u0251'));   // Latin ɑ
  EXPECT_TRUE(is_lookalike_script_letter(U'\u13C2'));   // Cherokee Ꮒ
  EXPECT_FALSE(is_lookalike_script_letter(U'\u037E'));  // Greek question mark: not a letter
  EXPECT_FALSE(is_lookalike_script_letter(U'\u0E01'));  // Thai ก
  EXPECT_FALSE(is_lookalike_script_letter(U'\u4E2D'));  // 中
  EXPECT_FALSE(is_lookalike_script_letter(U'e'));
}

TEST(Lookalike, FlagsMixedScriptAndWholeScriptImitations) {
  EXPECT_TRUE(is_lookalike_host("xn--mytherwallet-tck.com"));  // my + Cyrillic е + therwallet
  EXPECT_TRUE(is_lookalike_host("xn--80ak6aa92e.com"));        // аррӏе, all Cyrillic, reads "apple"
  EXPECT_TRUE(is_lookalike_host("p\u0430ypal.com"));           // Unicode input is read too
  EXPECT_FALSE(is_lookalike_host("paypal.com"));
  EXPECT_FALSE(is_lookalike_host("xn--viclm-uqa6964c.vn"));  // việclàm.vn: Vietnamese, one script
  EXPECT_FALSE(is_lookalike_host("xn--o3cw4h.com"));         // ไทย.com
  EXPECT_FALSE(is_lookalike_host("xn--fiq228c.cn"));         // 中文.cn
  EXPECT_FALSE(is_lookalike_host("xn--broken"));             // not valid punycode: no verdict
}

}  // namespace
}  // namespace jala::extract
