#include "jala/extract/warninglist.h"

#include <gtest/gtest.h>

namespace jala::extract {
namespace {

constexpr std::string_view k_header = R"(# name: {}
# description: test list
# type: {}
# matching: {}
# applies-to: {}
# version: 20261201
# source: written for this test
)";

std::string list_text(std::string_view name, std::string_view type, std::string_view matching,
                      std::string_view applies_to, std::string_view values) {
  return fmt::format(fmt::runtime(k_header), name, type, matching, applies_to) + "\n" + std::string(values);
}

model::Selector selector(model::SelectorType type, std::string value) { return {type, std::move(value)}; }

TEST(WarningLists, ExactSuffixAndCidrMatchingFollowTheReadme) {
  WarningLists lists;
  ASSERT_TRUE(
      lists
          .add("platforms.txt", list_text("platforms", "domain", "exact", "domain", "facebook.com\nt.me\nweebly.com\n"))
          .ok());
  ASSERT_TRUE(
      lists.add("hotlines.txt", list_text("hotlines", "phone", "exact", "phone whatsapp", "+6628888888\n")).ok());
  ASSERT_TRUE(
      lists
          .add("documentation.txt",
               list_text("documentation", "ip-range domain", "ip-range=cidr domain=suffix", "ip url email domain",
                         "# RFC 5737\nip-range:192.0.2.0/24\nip-range:2001:db8::/32\ndomain:example.com\n"
                         "domain:*.test\n"))
          .ok());
  using T = model::SelectorType;
  EXPECT_EQ(lists.match(selector(T::domain, "facebook.com")), std::vector<std::string_view>{"platforms"});
  // Platform lists apply to bare domains only: a URL or an account on the platform stays distinctive.
  EXPECT_TRUE(lists.match(selector(T::url, "https://t.me/lotus_hr")).empty());
  // A URL that is only a listed domain's home page is as benign as the domain; a path or query that can
  // name an account (a referral code) keeps it distinctive.
  EXPECT_EQ(lists.match(selector(T::url, "https://www.facebook.com/en")), std::vector<std::string_view>{"platforms"});
  EXPECT_EQ(lists.match(selector(T::url, "https://facebook.com/")), std::vector<std::string_view>{"platforms"});
  EXPECT_TRUE(lists.match(selector(T::url, "https://facebook.com/?ref=2676")).empty());
  EXPECT_TRUE(lists.match(selector(T::url, "https://facebook.com/lotus.hr.88")).empty());
  EXPECT_EQ(lists.match(selector(T::url, "https://facebook.com/zh_CN")), std::vector<std::string_view>{"platforms"});
  // Found in review: five letters were taken for a language tag, and a site under a listed domain for the
  // platform's home page, so a Telegram account and a scam site on a site builder were benign.
  EXPECT_TRUE(lists.match(selector(T::url, "https://t.me/abcde")).empty());
  EXPECT_TRUE(lists.match(selector(T::url, "https://scam1.weebly.com/")).empty());
  EXPECT_TRUE(lists.match(selector(T::url, "https://scam1.weebly.com/vi")).empty());
  EXPECT_EQ(lists.match(selector(T::url, "https://www.weebly.com/")), std::vector<std::string_view>{"platforms"});
  EXPECT_TRUE(lists.match(selector(T::domain, "facebook-support.com")).empty());
  EXPECT_EQ(lists.match(selector(T::whatsapp, "+6628888888")), std::vector<std::string_view>{"hotlines"});
  EXPECT_EQ(lists.match(selector(T::ip, "192.0.2.77")), std::vector<std::string_view>{"documentation"});
  EXPECT_TRUE(lists.match(selector(T::ip, "192.0.3.1")).empty());
  // Found in review: an IPv4-mapped IPv6 address was compared with the IPv6 networks only.
  EXPECT_EQ(lists.match(selector(T::ip, "::ffff:192.0.2.77")), std::vector<std::string_view>{"documentation"});
  EXPECT_EQ(lists.match(selector(T::url, "http://[::ffff:192.0.2.77]/")),
            std::vector<std::string_view>{"documentation"});
  EXPECT_TRUE(lists.match(selector(T::ip, "::ffff:192.0.3.1")).empty());
  EXPECT_TRUE(lists.match(selector(T::ip, "::192.0.2.77")).empty());  // IPv4-compatible: deprecated, not mapped
  EXPECT_EQ(lists.match(selector(T::ip, "2001:db8:0:1::5")), std::vector<std::string_view>{"documentation"});
  EXPECT_EQ(lists.match(selector(T::url, "http://[2001:db8::1]:8080/x")),
            std::vector<std::string_view>{"documentation"});
  EXPECT_EQ(lists.match(selector(T::url, "https://www.example.com/form")),
            std::vector<std::string_view>{"documentation"});
  EXPECT_EQ(lists.match(selector(T::email, "hr@a.b.test")), std::vector<std::string_view>{"documentation"});
  EXPECT_TRUE(lists.match(selector(T::domain, "example.co")).empty());
  EXPECT_TRUE(lists.match(selector(T::phone, "+84912345678")).empty());
}

TEST(WarningLists, ErrorsNameTheProblemAndTheLine) {
  const auto error = [](std::string_view file, const std::string& text) {
    WarningLists lists;
    const Status status = lists.add(file, text);
    return status.ok() ? std::string("ok") : status.error().message();
  };
  EXPECT_NE(error("a.txt", "# name: a\n\nx.com\n").find("the header has no 'description'"), std::string::npos);
  EXPECT_NE(error("b.txt", list_text("a", "domain", "exact", "domain", "x.com\n")).find("does not match the file name"),
            std::string::npos);
  EXPECT_NE(error("a.txt", list_text("a", "domain", "fuzzy", "domain", "x.com\n")).find("not exact, suffix or cidr"),
            std::string::npos);
  EXPECT_NE(error("a.txt", list_text("a", "domain", "exact", "planet", "x.com\n")).find("planet"), std::string::npos);
  const std::string two_values = error("a.txt", list_text("a", "domain", "exact", "domain", "x.com\nbad value\n"));
  EXPECT_NE(two_values.find("line 10"), std::string::npos) << two_values;
  EXPECT_NE(error("a.txt", list_text("a", "ip-range", "cidr", "ip", "10.0.0.0/33\n")).find("CIDR"), std::string::npos);
  EXPECT_NE(error("a.txt", list_text("a", "ip-range domain", "ip-range=cidr domain=suffix", "ip", "x.com\n"))
                .find("no TYPE: prefix"),
            std::string::npos);
}

// The lists share one index: a value held by several lists is named by each, in load order, and only
// by those that apply to the selector's type. The index has room for 64 lists.
TEST(WarningLists, AValueInSeveralListsIsNamedByEachThatAppliesInLoadOrder) {
  WarningLists lists;
  std::vector<std::string> expected;
  const auto names = [&lists](const model::Selector& marked) {
    const std::vector<std::string_view> found = lists.match(marked);
    return std::vector<std::string>(found.begin(), found.end());
  };
  for (int i = 0; i < 64; ++i) {
    const std::string name = fmt::format("list{:02}", i);
    // Every third list applies to e-mail addresses only, whose domains it compares.
    const std::string_view applies_to = i % 3 == 0 ? "email" : "domain";
    ASSERT_TRUE(lists
                    .add(name + ".txt", list_text(name, "domain", i % 2 == 0 ? "exact" : "suffix", applies_to,
                                                  fmt::format("shared.com\nonly{}.com\n", i)))
                    .ok());
    if (i % 3 != 0) expected.push_back(name);
  }
  using T = model::SelectorType;
  EXPECT_EQ(names(selector(T::domain, "shared.com")), expected);
  EXPECT_EQ(lists.match(selector(T::domain, "only7.com")), std::vector<std::string_view>{"list07"});
  EXPECT_TRUE(lists.match(selector(T::domain, "only6.com")).empty());  // list06 applies to e-mail only
  EXPECT_EQ(lists.match(selector(T::email, "hr@only6.com")), std::vector<std::string_view>{"list06"});
  // Suffix lists (odd numbers) match names under their values; exact lists do not.
  EXPECT_EQ(lists.match(selector(T::domain, "a.only7.com")), std::vector<std::string_view>{"list07"});
  EXPECT_TRUE(lists.match(selector(T::domain, "a.only8.com")).empty());
  const Status one_more = lists.add("list64.txt", list_text("list64", "domain", "exact", "domain", "shared.com\n"));
  ASSERT_FALSE(one_more.ok());
  EXPECT_NE(one_more.error().message().find("more than 64 warning lists"), std::string::npos);
  EXPECT_EQ(lists.lists().size(), 64U);
  EXPECT_EQ(names(selector(T::domain, "shared.com")), expected);
}

// The lists shipped in data/warninglists load, and mark what their README says they mark.
TEST(WarningLists, TheShippedListsLoadAndMarkTheirExamples) {
  const Result<WarningLists> lists = WarningLists::load(JALA_SOURCE_DIR "/data/warninglists");
  ASSERT_TRUE(lists.ok()) << lists.error().message();
  EXPECT_EQ(lists->lists().size(), 10U);
  using T = model::SelectorType;
  EXPECT_FALSE(lists->match(selector(T::domain, "facebook.com")).empty());
  EXPECT_FALSE(lists->match(selector(T::domain, "bit.ly")).empty());
  EXPECT_FALSE(lists->match(selector(T::domain, "binance.com")).empty());
  EXPECT_FALSE(lists->match(selector(T::phone, "+6628888888")).empty());
  EXPECT_FALSE(lists->match(selector(T::bank, "BFTVVNVX:1900545413")).empty());  // Vietcombank's hotline
  EXPECT_TRUE(lists->match(selector(T::bank, "VTCBVNVX:1900545413")).empty());   // the digits at another bank
  EXPECT_FALSE(lists->match(selector(T::wallet, "trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).empty());  // USDT's contract
  EXPECT_FALSE(lists->match(selector(T::ip, "203.0.113.9")).empty());
  EXPECT_FALSE(lists->match(selector(T::ip, "10.1.2.3")).empty());
  EXPECT_FALSE(lists->match(selector(T::ip, "fe80::1")).empty());
  EXPECT_FALSE(lists->match(selector(T::ip, "::ffff:192.168.1.1")).empty());
  EXPECT_TRUE(lists->match(selector(T::ip, "103.21.244.10")).empty());
  EXPECT_TRUE(lists->match(selector(T::email, "someone@gmail.com")).empty());
  EXPECT_TRUE(lists->match(selector(T::url, "https://bit.ly/3abcXYZ")).empty());
  EXPECT_TRUE(lists->match(selector(T::domain, "vietcombank-hotro.com")).empty());
}

}  // namespace
}  // namespace jala::extract
