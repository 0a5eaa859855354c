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

// Found in review: `jala report show` printed a report's text with its terminal escapes (ESC [ …) and
// right-to-left overrides, which an attacker's report can use to rewrite what the analyst sees.
TEST(Utf8, EscapesForATerminalOnlyWhatHidesOrMovesText) {
  EXPECT_EQ(escape_for_terminal("plain\ttext"), "plain\ttext");
  EXPECT_EQ(escape_for_terminal("\x1b[31mred\r\n"), "\\x1b[31mred\\x0d\\x0a");
  EXPECT_EQ(escape_for_terminal("abc\u202Egnp.exe"), "abc\\u{202e}gnp.exe");
  EXPECT_EQ(escape_for_terminal("\xC2\x9B"
                                "2J"),
            "\\u{9b}2J");  // the C1 control sequence introducer
  EXPECT_EQ(escape_for_terminal("a\xFF"
                                "b\xE0\xA4"),
            "a\\x{ff}b\\x{e0}\\x{a4}");
  EXPECT_EQ(escape_for_terminal("\xED\xA0\x80"), "\\x{ed}\\x{a0}\\x{80}");  // a surrogate
  // Zero-width spaces and joiners are text in Khmer, Burmese and emoji: kept.
  const std::string_view khmer = "ខ្ញុំ\u200Bបាន 👩\u200D💻 Tiếng Việt";
  EXPECT_EQ(escape_for_terminal(khmer), khmer);
}

TEST(Utf8, QuotesUntrustedInputSafely) {
  EXPECT_EQ(quote_untrusted("VNM"), "'VNM'");
  EXPECT_EQ(quote_untrusted("a\nb"), "'a\\nb'");
  EXPECT_EQ(quote_untrusted(std::string(40, 'x')), "'" + std::string(32, 'x') + "...'");
  EXPECT_EQ(quote_untrusted(std::string(31, 'x') + "Đ"), "'" + std::string(31, 'x') + "...'");  // not cut mid-character
}

// Found in review: "%0A" in a request's path wrote a forged line into the request log.
TEST(Utf8, EscapesUntrustedInputWholeForALogLine) {
  const std::string path = "/taxii2/x\n10.0.0.9 pgreen GET /taxii2/ 200 0.1ms\r";
  const std::string escaped = escape_untrusted(path);
  EXPECT_EQ(escaped.find('\n'), std::string::npos);
  EXPECT_EQ(escaped.find('\r'), std::string::npos);
  EXPECT_EQ(escaped, "/taxii2/x\\n10.0.0.9 pgreen GET /taxii2/ 200 0.1ms\\r");
  EXPECT_TRUE(
      is_valid_utf8(escape_untrusted("a\xff"
                                     "b")));
  EXPECT_EQ(escape_untrusted(std::string(100, 'x')), std::string(100, 'x'));  // whole, not cut
}

// Found while fuzzing TAXII requests: a time that is not UTF-8 was quoted raw into its error.
TEST(Utf8, QuotesInvalidUtf8Escaped) {
  const std::string quoted = quote_untrusted(
      "2026-0\xf2"
      "1");
  EXPECT_TRUE(is_valid_utf8(quoted)) << quoted;
  EXPECT_NE(quoted.find("\\x"), std::string::npos) << quoted;
}

}  // namespace
}  // namespace jala
