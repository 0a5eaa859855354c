#include "jala/model/selector.h"

#include <gtest/gtest.h>

#include "jala/base/utf8.h"
#include "jala/model/normalisers.h"

namespace jala::model {
namespace {

struct Case {
  std::string_view type;
  std::string_view raw;
  std::string_view region;
  std::string_view want;  // canonical value
};

TEST(Selector, NormalisesEachTypeToItsCanonicalForm) {
  const Case cases[] = {
      {"phone", "+84 91 234 5678", "", "+84912345678"},
      {"phone", "0912 345 678", "VN", "+84912345678"},
      {"phone", "0084-91-234-5678", "", "+84912345678"},
      {"phone", "(+855) 12 345 678", "", "+85512345678"},
      {"phone", "081 234 5678", "TH", "+66812345678"},
      {"phone", "+84\u00a091", "", ""},
      {"whatsapp", "https://wa.me/84912345678", "", "+84912345678"},
      {"whatsapp", "https://api.whatsapp.com/send/?phone=%2B84912345678&text", "", "+84912345678"},
      {"whatsapp", "whatsapp://send?text=hi&phone=84912345678", "", "+84912345678"},
      {"whatsapp", "+62 812-3456-7890", "", "+6281234567890"},
      {"email", "Recruit.HR@Golden-Lotus-Invest.COM", "", "recruit.hr@golden-lotus-invest.com"},
      {"email", "tuyendung@việclàm.vn", "", "tuyendung@xn--viclm-uqa6964c.vn"},
      // Mailto links (RFC 6068): the first address, percent-decoded, with the address in the path or in `to`.
      {"email", "mailto:HR@Golden-Lotus.com?subject=Apply%20now", "", "hr@golden-lotus.com"},
      {"email", "mailto:hr%40golden-lotus.com", "", "hr@golden-lotus.com"},
      {"email", "MAILTO:?subject=job&To=hr@golden-lotus.com,boss@golden-lotus.com", "", "hr@golden-lotus.com"},
      {"email", "mailto:a@lotus.net,b@lotus.net?to=c@lotus.net", "", "a@lotus.net"},
      {"url", "HTTPS://Golden-Lotus-Invest.com:443/register?ref=88#top", "",
       "https://golden-lotus-invest.com/register?ref=88"},
      {"url", "golden-lotus-invest.com", "", "http://golden-lotus-invest.com/"},
      {"url", "http://[2001:DB8::1]:8080/x", "", "http://[2001:db8::1]:8080/x"},
      {"url", "http://bücher.de/", "", "http://xn--bcher-kva.de/"},
      {"domain", "WWW.Shop.Example.CO.UK", "", "example.co.uk"},
      {"domain", "login.golden-lotus-invest.com.", "", "golden-lotus-invest.com"},
      {"ip", "203.0.113.7", "", "203.0.113.7"},
      {"ip", "2001:0DB8:0000:0000:0000:0000:0000:0001", "", "2001:db8::1"},
      {"bank", "Vietcombank 0123-456-789", "", "BFTVVNVX:0123456789"},
      {"bank", "BFTVVNVX123: 0071000123456", "", "BFTVVNVX:0071000123456"},
      {"bank", "VCB - Vietcombank: 0071000123456", "", "vcbvietcombank:0071000123456"},
      {"bank", "Bangkok Bank 123-4-56789-0", "", "BKKBTHBK:1234567890"},
      {"telegram", "@Golden_Lotus_HR", "", "golden_lotus_hr"},
      {"telegram", "https://t.me/golden_lotus_hr/12", "", "golden_lotus_hr"},
      {"line", "https://line.me/ti/p/~nong.mai88", "", "nong.mai88"},
      {"facebook", "https://www.facebook.com/Viec.Lam.Cambodia", "", "viec.lam.cambodia"},
      {"instagram", "@Rich.Life_2026", "", "rich.life_2026"},
      {"tiktok", "https://www.tiktok.com/@easy.job.kh", "", "easy.job.kh"},
      {"x", "https://twitter.com/CryptoMentor88", "", "cryptomentor88"},
      {"x", "@CryptoMentor88", "", "cryptomentor88"},
      {"zalo", "0912345678", "VN", "+84912345678"},
      {"wechat", "wxid_abc123", "", "wxid_abc123"},
      {"iban", "GB82 WEST 1234 5698 7654 32", "", "GB82WEST12345698765432"},
      {"wallet", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "", "trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"},
  };
  for (const Case& c : cases) {
    const Result<SelectorType> type = parse_selector_type(c.type);
    ASSERT_TRUE(type.ok()) << c.type;
    const Result<Selector> got = normalise_selector(*type, c.raw, {c.region});
    if (c.want.empty()) {
      EXPECT_FALSE(got.ok()) << c.type << " " << c.raw << " -> " << (got.ok() ? got->value : "");
      continue;
    }
    ASSERT_TRUE(got.ok()) << c.type << " " << c.raw << ": " << got.error().message();
    EXPECT_EQ(got->value, c.want) << c.type << " " << c.raw;
    // Canonical values are fixed points.
    const Result<Selector> again = normalise_selector(*type, got->value, {c.region});
    ASSERT_TRUE(again.ok()) << got->to_string() << ": " << again.error().message();
    EXPECT_EQ(again->value, got->value);
  }
}

TEST(Selector, RejectsInvalidValuesWithAReason) {
  const Case cases[] = {
      {"phone", "12345", "VN", "not a valid phone number"},
      {"phone", "0912 345 678", "", "no default region"},
      {"phone", "call me", "VN", "not a phone number"},
      {"email", "no-at-sign.example.com", "", "not an email address"},
      {"email", "a..b@example.com", "", "misplaced dots"},
      {"email", "mailto:?subject=job", "", "'mailto:?subject=job' is a mailto: link without an address"},
      {"email", "mailto:hr%00x@lotus.net", "", "a mailto: link without an address"},
      // Found in review: the escapes' bytes were quoted in the error, a line break or bytes that are not UTF-8.
      {"email", "mailto:a%0Ab@lotus.net", "", "'mailto:a%0Ab@lotus.net' is a mailto: link without an address"},
      {"email", "mailto:a@%FF.com", "", "'mailto:a@%FF.com' is a mailto: link without an address"},
      {"url", "ftp://files.example.com/", "", "only http and https"},
      {"url", "http://exa mple.com/", "", "white space"},
      {"url", "http://example.com:99999/", "", "port out of range"},
      // Found in review: read as a URL, an e-mail address was its provider's web site.
      {"url", "victim.person@gmail.com", "", "an e-mail address, not a URL"},
      {"domain", "co.uk", "", "no registrable domain"},
      {"domain", "-bad-.com", "", "starts or ends with '-'"},
      {"ip", "256.1.1.1", "", "not an IPv4 or IPv6"},
      {"ip", "01.2.3.4", "", "not an IPv4 or IPv6"},
      {"bank", "0123456789", "", "names no bank"},
      {"bank", "Vietcombank 12", "", "account digits"},
      {"telegram", "@abc", "", "5 to 32 characters"},
      {"telegram", "@bad-name", "", "'-' is not allowed"},
      {"wechat", "微信号_测试", "", "'微' is not allowed"},  // found in review: the character was cut in half
      {"x", "@this_name_is_far_too_long", "", "1 to 15 characters"},
  };
  for (const Case& c : cases) {
    const Result<Selector> got = normalise_selector(*parse_selector_type(c.type), c.raw, {c.region});
    ASSERT_FALSE(got.ok()) << c.type << " " << c.raw << " -> " << got->value;
    EXPECT_NE(got.error().message().find(c.want), std::string::npos) << got.error().message();
  }
}

TEST(Selector, RejectsOversizedAndEmptyValuesBeforeParsing) {
  const std::string huge(k_max_selector_raw_bytes + 1, '1');
  const Result<Selector> got = normalise_selector(SelectorType::phone, huge, {});
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("limit is 2048"), std::string::npos);
  EXPECT_FALSE(normalise_selector(SelectorType::email, "   ", {}).ok());
}

TEST(Selector, ParsesTypedForm) {
  const Result<Selector> got = parse_selector("phone:+84 91 234 5678", {});
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->to_string(), "phone:+84912345678");
  EXPECT_EQ(parse_selector("wallet:trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", {})->to_string(),
            "wallet:trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  EXPECT_EQ(parse_selector("twitter:@Abc", {})->to_string(), "x:abc");
  EXPECT_FALSE(parse_selector("pager:123", {}).ok());
  EXPECT_FALSE(parse_selector("no colon", {}).ok());
}

TEST(Selector, GuessesEveryReadingOfAnUntypedValue) {
  std::vector<std::string> got;
  for (const Selector& s : guess_selectors("+84 91 234 5678", {})) got.push_back(s.to_string());
  EXPECT_EQ(got, (std::vector<std::string>{"phone:+84912345678", "whatsapp:+84912345678"}));

  got.clear();
  for (const Selector& s : guess_selectors("golden-lotus-invest.com", {})) got.push_back(s.to_string());
  EXPECT_EQ(got, (std::vector<std::string>{"url:http://golden-lotus-invest.com/", "domain:golden-lotus-invest.com"}));

  EXPECT_TRUE(guess_selectors("hello", {}).empty());
}

TEST(Selector, TableCoversEveryTypeOnce) {
  std::size_t index = 0;
  for (const SelectorTypeInfo& entry : selector_types()) {
    EXPECT_EQ(static_cast<std::size_t>(entry.type), index++);
    EXPECT_EQ(*parse_selector_type(entry.name), entry.type);
  }
  EXPECT_EQ(index, 17u);
}

TEST(Selector, HostOfNamesTheHostOfDomainsUrlsAndEmails) {
  EXPECT_EQ(host_of({SelectorType::domain, "lotus-careers.net"}), "lotus-careers.net");
  EXPECT_EQ(host_of({SelectorType::url, "https://user@www.lotus.net:8443/a?b#c"}), "www.lotus.net");
  EXPECT_EQ(host_of({SelectorType::url, "http://[2001:db8::1]:8080/x"}), "2001:db8::1");
  EXPECT_EQ(host_of({SelectorType::email, "hr@lotus.net"}), "lotus.net");
  EXPECT_EQ(host_of({SelectorType::phone, "+84912345678"}), "");
}

TEST(Selector, AWebAddressUnderEitherSchemeIsOneLink) {
  const Selector bare = *parse_selector("url:bit.ly/3abcXYZ", {});
  const Selector secure = *parse_selector("url:HTTPS://Bit.ly:443/3abcXYZ", {});
  EXPECT_EQ(link_key(bare), "bit.ly/3abcXYZ");
  EXPECT_EQ(link_key(secure), "bit.ly/3abcXYZ");
  EXPECT_EQ(other_forms(bare), std::vector{secure});
  EXPECT_EQ(other_forms(secure), std::vector{bare});
  // Other schemes and types are links of one form: an FTP file is not the page of the same path.
  const Selector ftp{SelectorType::url, "ftp://bit.ly/3abcXYZ"};
  EXPECT_EQ(link_key(ftp), "");
  EXPECT_TRUE(other_forms(ftp).empty());
  EXPECT_EQ(link_key({SelectorType::domain, "bit.ly"}), "");
  EXPECT_TRUE(other_forms({SelectorType::telegram, "golden_lotus_hr"}).empty());
  // A port that is the other scheme's default gives no form under it (normalising would drop it).
  EXPECT_TRUE(other_forms(*parse_selector("url:http://bit.ly:443/3abcXYZ", {})).empty());
  EXPECT_TRUE(other_forms(*parse_selector("url:https://bit.ly:80/3abcXYZ", {})).empty());
  EXPECT_EQ(other_forms(*parse_selector("url:https://bit.ly:8443/x", {})),
            std::vector{(Selector{SelectorType::url, "http://bit.ly:8443/x"})});
  // The address keeps the path's case, as the canonical URL does.
  EXPECT_NE(link_key(bare), link_key(*parse_selector("url:bit.ly/3ABCxyz", {})));
}

// A phone number and the WhatsApp account on it stay apart: lure accounts and money are read by selector.
TEST(Selector, APhoneNumberAndItsWhatsAppAccountAreLinksOfOneFormEach) {
  EXPECT_EQ(link_key({SelectorType::phone, "+84912345678"}), "");
  EXPECT_TRUE(other_forms({SelectorType::whatsapp, "+84912345678"}).empty());
}

// The phone a selector names is what lure accounts and the freeze list count a messaging account under.
TEST(Selector, PhoneNamedByIsThePhoneOrTheNumberOfAWhatsAppOrZaloAccount) {
  EXPECT_EQ(phone_named_by({SelectorType::phone, "+84912345678"}), "+84912345678");
  EXPECT_EQ(phone_named_by({SelectorType::whatsapp, "+84912345678"}), "+84912345678");
  EXPECT_EQ(phone_named_by(*parse_selector("zalo:0912345678", {.default_region = "VN"})), "+84912345678");
  EXPECT_EQ(phone_named_by({SelectorType::zalo, "4839211067"}), std::nullopt);  // a Zalo id, not a number
  EXPECT_EQ(phone_named_by({SelectorType::telegram, "golden_lotus_hr"}), std::nullopt);
  EXPECT_EQ(phone_named_by({SelectorType::wallet, "trx:TXYZ"}), std::nullopt);
}

// Error messages quote a cut of the input; the cut never splits a character, so the message is valid
// UTF-8 and can go into JSON (`jala ingest --json` once aborted on such a message).
TEST(Selector, ErrorMessagesCutLongValuesOnCharacterBoundaries) {
  const std::string value = "Nhóm Telegram tuyển dụng việc làm Campuchia lương cao, bao ăn ở, vé máy bay miễn phí";
  for (const std::string_view typed : {"telegram:", "url:", "bank:", "bogus_type_ăăăăăăăăăăăăăăăăăăăăăăăăăăăăăă:"}) {
    const Result<Selector> parsed = parse_selector(std::string(typed) + value, {});
    ASSERT_FALSE(parsed.ok()) << typed;
    EXPECT_TRUE(is_valid_utf8(parsed.error().message())) << parsed.error().message();
  }
}

TEST(Phone, GroupedAsANationalPhoneComparesEveryGroup) {
  const std::size_t thai_landline[] = {2, 3, 4};
  const std::size_t thai_account[] = {3, 1, 5, 1};
  const std::size_t one_piece[] = {9};
  EXPECT_TRUE(grouped_as_national_phone("021111111", thai_landline, "TH"));
  EXPECT_TRUE(grouped_as_national_phone("021111111", thai_landline, "th"));
  EXPECT_FALSE(grouped_as_national_phone("021111111", one_piece, "TH"));
  EXPECT_FALSE(grouped_as_national_phone("0123456789", thai_account, "TH"));
  EXPECT_FALSE(grouped_as_national_phone("021111111", thai_landline, ""));
  EXPECT_FALSE(grouped_as_national_phone("021111111", thai_landline, "ZZ"));
  EXPECT_FALSE(grouped_as_national_phone("not digits", thai_landline, "TH"));
}

}  // namespace
}  // namespace jala::model
