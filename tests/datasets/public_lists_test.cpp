// Real public scam lists as extraction tests: every address, URL, domain and phone number that a list
// holds and the model's own normaliser accepts must extract to exactly its canonical selector, with
// the span of the value, alone and inside short sentences in several languages.
//
// The lists live in ../shared/datasets (SOURCE.txt gives origin and licence), never in the project: a
// fresh machine has none, so each test skips naming the missing folder. Entries the normaliser rejects
// are counted, not failed. Large lists are sampled (every k-th distinct entry) to bound the run time.
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "jala/extract/extract.h"
#include "jala/model/selector.h"
#include "jala/model/text.h"

namespace jala::extract {
namespace {

using model::Selector;
using model::SelectorType;

// Enough entries per list to meet every surface form, few enough for a Debian ASan build.
constexpr std::size_t k_max_sampled_entries = 2500;
constexpr std::size_t k_max_printed_failures = 20;

// A sentence around the value: before + value + after.
struct Frame {
  std::string_view before;
  std::string_view after;
};

constexpr Frame k_wallet_frames[] = {
    {"", ""}, {"Chuyển USDT vào ví ", " ngay"}, {"请转账到 ", " 谢谢"}, {"Send to ", " now"}};
// Solana has no checksum, so a key is a selector only where the text names the chain (rule 15).
constexpr Frame k_solana_frames[] = {{"Solana ", ""},
                                     {"Chuyển SOL vào ví Solana ", " ngay"},
                                     {"请转账到 Solana 钱包 ", " 谢谢"},
                                     {"Send to my Solana wallet ", " now"}};
constexpr Frame k_link_frames[] = {{"", ""}, {"Đăng nhập tại ", " ngay"}, {"请访问 ", " 谢谢"}, {"Log in at ", " now"}};
constexpr Frame k_phone_frames[] = {{"", ""}, {"Gọi ", " ngay"}, {"请致电 ", " 谢谢"}, {"Call ", " now"}};

// One listed value as it is written, and what extraction must give for it.
struct Case {
  std::string value;
  std::vector<Selector> want;  // sorted; every one with the span [0, length) of `value`
  std::span<const Frame> frames;
  std::string country;
  std::size_t length = value.size();  // shorter when `value` ends in sentence punctuation (rule 12)
};

// One entry of a list: the value and what the list says about it (a coin, a region).
struct Entry {
  std::string value;
  std::string tag;
};

struct Tally {
  std::size_t read = 0;       // distinct entries in the list
  std::size_t sampled = 0;    // entries checked
  std::size_t valid = 0;      // sampled entries the normaliser accepts
  std::size_t correct = 0;    // valid entries extracted exactly, in every frame
  std::size_t by_design = 0;  // valid but not a selector of their own kind (profile links, rule 8)
  std::size_t trimmed = 0;    // valid, ending in sentence punctuation that the selector leaves out (rule 12)
  std::vector<std::string> failures;
};

// nullopt: the normaliser rejects the entry. A Case with no `want`: a value the rules exclude.
using Expect = std::function<std::optional<Case>(const Entry&)>;

std::filesystem::path dataset(std::string_view folder) {
  return std::filesystem::path(JALA_SHARED_DIR) / "datasets" / folder;
}

std::string missing(const std::filesystem::path& folder) {
  return fmt::format("dataset folder {} is missing: the public lists are not part of the project", folder.string());
}

// The whole file; an empty optional when it cannot be read.
std::optional<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string trimmed(std::string_view text, std::string_view junk = " \t\"'") {
  const std::size_t first = text.find_first_not_of(junk);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(junk) - first + 1));
}

// The fields of one CSV line (RFC 4180 quoting, no line breaks inside fields).
std::vector<std::string> csv_fields(std::string_view line, char separator = ',') {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == separator && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<Entry> json_strings(const nlohmann::json& array, std::string_view tag = {}) {
  std::vector<Entry> entries;
  for (const nlohmann::json& item : array) entries.push_back({item.get<std::string>(), std::string(tag)});
  return entries;
}

std::optional<Selector> normalised(SelectorType type, std::string_view raw, std::string_view region = {}) {
  Result<Selector> selector = model::normalise_selector(type, raw, {region});
  if (!selector.ok()) return std::nullopt;
  return std::move(selector).value();
}

// ---- expectations per kind of value ---------------------------------------------------------------

// A wallet: the chain follows from the address form, except Solana, which must be named (rule 15).
std::optional<Case> expect_wallet(const Entry& entry) {
  const bool solana = entry.tag == "SOL";
  std::optional<Selector> wallet = normalised(SelectorType::wallet, solana ? "sol:" + entry.value : entry.value);
  if (!wallet) return std::nullopt;
  return Case{entry.value, {*wallet}, solana ? std::span<const Frame>(k_solana_frames) : k_wallet_frames, "VN"};
}

// A URL or host in text ends before trailing sentence punctuation (rule 12): a listed "x.xyz." or
// "https://a.tg/login.html..." reads as the value without it, followed by a full stop.
std::string_view without_trailing_punctuation(std::string_view value) {
  constexpr std::string_view k_sentence_punctuation = ".,;:!?)]}";
  while (!value.empty() && k_sentence_punctuation.find(value.back()) != std::string_view::npos) value.remove_suffix(1);
  return value;
}

// A URL gives url: and, for its host, domain: (registrable domain) or ip: (rule 10). A profile link
// gives an account instead (rule 8): valid, but no URL selector, so it is counted apart.
std::optional<Case> expect_url(const Entry& entry) {
  const std::string_view core = without_trailing_punctuation(entry.value);
  std::optional<Selector> url = normalised(SelectorType::url, core);
  if (!url) return std::nullopt;
  Case result{entry.value, {*url}, k_link_frames, "VN", core.size()};
  std::string host = url->value.substr(url->value.find("://") + 3);
  host = host.substr(0, host.find('/'));
  host = host.starts_with('[') ? host.substr(1, host.find(']') - 1) : host.substr(0, host.find(':'));
  constexpr std::string_view k_profile_hosts[] = {
      "t.me",   "telegram.me",      "telegram.dog", "line.me", "facebook.com", "m.facebook.com",
      "fb.com", "instagram.com",    "tiktok.com",   "x.com",   "twitter.com",  "mobile.twitter.com",
      "wa.me",  "api.whatsapp.com", "zalo.me"};
  const std::string bare_host = host.starts_with("www.") ? host.substr(4) : host;
  if (std::find(std::begin(k_profile_hosts), std::end(k_profile_hosts), bare_host) != std::end(k_profile_hosts)) {
    result.want.clear();
    return result;
  }
  if (std::optional<Selector> ip = normalised(SelectorType::ip, host)) {
    result.want.push_back(*ip);
  } else if (std::optional<Selector> domain = normalised(SelectorType::domain, host)) {
    result.want.push_back(*domain);
  }
  std::sort(result.want.begin(), result.want.end());
  return result;
}

// A bare host gives domain: only (rule 11); one starting with "www." is a URL (rule 10).
std::optional<Case> expect_domain(const Entry& entry) {
  if (entry.value.size() > 4 && model::ascii_lower(entry.value.substr(0, 4)) == "www.") return expect_url(entry);
  const std::string_view core = without_trailing_punctuation(entry.value);
  std::optional<Selector> domain = normalised(SelectorType::domain, core);
  if (!domain) return std::nullopt;
  return Case{entry.value, {*domain}, k_link_frames, "VN", core.size()};
}

// ---- running a list -------------------------------------------------------------------------------

std::string describe(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& finding : findings) {
    text +=
        fmt::format("{}{}@[{},{})", text.empty() ? "" : " ", finding.selector.to_string(), finding.start, finding.end);
  }
  return text.empty() ? "nothing" : text;
}

// Empty when every frame gives exactly `want`, each with the span of the value; else what went wrong.
std::string check(const Case& c) {
  for (const Frame& frame : c.frames) {
    const std::string text = fmt::format("{}{}{}", frame.before, c.value, frame.after);
    const std::vector<Finding> findings = extract(text, ExtractContext{c.country});
    std::vector<Selector> got;
    bool spans_right = true;
    for (const Finding& finding : findings) {
      got.push_back(finding.selector);
      spans_right = spans_right && finding.start == frame.before.size() &&
                    finding.end == frame.before.size() + c.length && finding.raw == c.value.substr(0, c.length);
    }
    std::sort(got.begin(), got.end());
    if (got != c.want || !spans_right) {
      std::string want;
      for (const Selector& selector : c.want) want += (want.empty() ? "" : " ") + selector.to_string();
      return fmt::format("{:?} [{}]: want {}@[{},{}), got {}", text, c.country, want, frame.before.size(),
                         frame.before.size() + c.length, describe(findings));
    }
  }
  return {};
}

double rate(const Tally& tally) {
  return static_cast<double>(tally.correct) /
         static_cast<double>(std::max<std::size_t>(1, tally.valid - tally.by_design));
}

// Samples every k-th distinct entry, checks the valid ones and prints the tally and the first failures.
Tally run(std::string_view name, std::vector<Entry> entries, const Expect& expect,
          std::size_t max_sampled = k_max_sampled_entries) {
  Tally tally;
  std::unordered_set<std::string> seen;
  for (Entry& entry : entries) entry.value = trimmed(entry.value, " \t");  // the list's padding, not the value's
  std::erase_if(entries, [&](const Entry& entry) { return entry.value.empty() || !seen.insert(entry.value).second; });
  tally.read = entries.size();
  const std::size_t step = std::max<std::size_t>(1, (entries.size() + max_sampled - 1) / max_sampled);
  for (std::size_t i = 0; i < entries.size(); i += step) {
    ++tally.sampled;
    const std::optional<Case> c = expect(entries[i]);
    if (!c) continue;
    ++tally.valid;
    tally.trimmed += c->length != c->value.size();
    if (c->want.empty()) {
      ++tally.by_design;
      continue;
    }
    if (std::string failure = check(*c); failure.empty()) {
      ++tally.correct;
    } else {
      tally.failures.push_back(std::move(failure));
    }
  }
  std::cout << fmt::format(
      "[ lists   ] {}: read {}, sampled {}, valid {} ({} ending in punctuation), profile links "
      "{}, extracted correctly {} ({:.2f}% of the rest)\n",
      name, tally.read, tally.sampled, tally.valid, tally.trimmed, tally.by_design, tally.correct, 100.0 * rate(tally));
  for (std::size_t i = 0; i < tally.failures.size() && i < k_max_printed_failures; ++i) {
    std::cout << "[ failure ]   " << tally.failures[i] << '\n';
  }
  return tally;
}

// Every valid entry extracts correctly: the bar for checksummed wallets and for plain domain lists.
void expect_all_correct(const Tally& tally) {
  EXPECT_GT(tally.valid, 0u) << "no valid entry: the list format may have changed";
  EXPECT_EQ(tally.correct + tally.by_design, tally.valid) << tally.failures.size() << " failures, printed above";
}

// A list with known gaps: at least the measured share extracts correctly (the caller names the gaps).
void expect_rate_at_least(const Tally& tally, double measured) {
  EXPECT_GT(tally.valid, 0u) << "no valid entry: the list format may have changed";
  EXPECT_GE(rate(tally), measured) << tally.failures.size() << " failures, printed above";
}

// ---- wallets --------------------------------------------------------------------------------------

TEST(PublicLists, BitcoinAbuseAddresses) {
  const auto folder = dataset("bitcoinabuse-addresses");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> text = read_text(folder / "accounts_bit.csv");
  ASSERT_TRUE(text) << "cannot read " << (folder / "accounts_bit.csv");
  std::vector<Entry> entries;
  for (const std::string& line : lines_of(*text)) {
    const std::vector<std::string> fields = csv_fields(line);
    if (fields.size() > 2 && fields[2] != "address") entries.push_back({fields[2], "BTC"});
  }
  const Tally tally = run("bitcoinabuse-addresses", entries, expect_wallet);
  expect_all_correct(tally);
}

// urls.yaml: "- name:" starts an entry; "  url: X"; "  addresses:" then "    COIN:" and "    - ADDRESS".
struct CryptoScamDb {
  std::vector<Entry> urls;
  std::vector<Entry> addresses;
};

CryptoScamDb read_cryptoscamdb(const std::string& yaml) {
  CryptoScamDb db;
  bool in_addresses = false;
  std::string coin;
  for (const std::string& line : lines_of(yaml)) {
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::string rest = trimmed(line.substr(indent), " \t");
    if (indent <= 2) {  // "- name: ..." or another field of the entry
      in_addresses = rest == "addresses:";
      if (rest.starts_with("url:")) db.urls.push_back({trimmed(rest.substr(4)), ""});
    } else if (in_addresses && rest.starts_with("- ")) {  // items are indented 4 or 6
      const std::string address = trimmed(rest.substr(2));
      if (address.find(' ') == std::string::npos) db.addresses.push_back({address, coin});
    } else if (in_addresses && rest.ends_with(':')) {
      coin = rest.substr(0, rest.size() - 1);
    }
  }
  return db;
}

TEST(PublicLists, CryptoScamDbAddresses) {
  const auto folder = dataset("cryptoscamdb");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> yaml = read_text(folder / "urls.yaml");
  ASSERT_TRUE(yaml) << "cannot read " << (folder / "urls.yaml");
  // All of them: the list is small, and its lone Solana key must meet the Solana frames.
  const Tally tally = run("cryptoscamdb addresses", read_cryptoscamdb(*yaml).addresses, expect_wallet, 5000);
  expect_all_correct(tally);
}

TEST(PublicLists, MewDarklistAddresses) {
  const auto folder = dataset("mew-ethereum-lists-darklist");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> json = read_text(folder / "addresses-darklist.json");
  ASSERT_TRUE(json) << "cannot read " << (folder / "addresses-darklist.json");
  std::vector<Entry> entries;
  for (const nlohmann::json& item : nlohmann::json::parse(*json)) entries.push_back({item.at("address"), "ETH"});
  const Tally tally = run("mew darklist addresses", entries, expect_wallet);
  expect_all_correct(tally);
}

TEST(PublicLists, ScamSnifferAddresses) {
  const auto folder = dataset("scamsniffer-web3");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> addresses = read_text(folder / "address.json");
  const std::optional<std::string> combined = read_text(folder / "combined.json");
  ASSERT_TRUE(addresses && combined) << "cannot read address.json and combined.json in " << folder;
  std::vector<Entry> entries = json_strings(nlohmann::json::parse(*addresses), "ETH");
  const nlohmann::json by_domain = nlohmann::json::parse(*combined);
  for (const auto& [domain, list] : by_domain.items()) {
    std::ranges::move(json_strings(list, "ETH"), std::back_inserter(entries));
  }
  const Tally tally = run("scamsniffer addresses", entries, expect_wallet);
  expect_all_correct(tally);
}

TEST(PublicLists, PolkadotPhishingAddresses) {
  const auto folder = dataset("polkadot-phishing");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> json = read_text(folder / "address.json");
  ASSERT_TRUE(json) << "cannot read " << (folder / "address.json");
  std::vector<Entry> entries;
  const nlohmann::json by_site = nlohmann::json::parse(*json);
  for (const auto& [site, list] : by_site.items()) {
    std::ranges::move(json_strings(list, "DOT"), std::back_inserter(entries));
  }
  const Tally tally = run("polkadot-phishing addresses", entries, expect_wallet);
  expect_all_correct(tally);
}

// ---- URLs and domains -----------------------------------------------------------------------------

TEST(PublicLists, PhishTankUrls) {
  const auto folder = dataset("phishtank-2021-03-14");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> text = read_text(folder / "verified_online_2021-03-14.csv");
  ASSERT_TRUE(text) << "cannot read the csv in " << folder;
  std::vector<Entry> entries;
  for (const std::string& line : lines_of(*text)) {
    const std::vector<std::string> fields = csv_fields(line);
    if (fields.size() > 1 && fields[1] != "url") entries.push_back({fields[1], ""});
  }
  const Tally tally = run("phishtank urls", entries, expect_url);
  // Measured 2252 of 2259. Hard cases left: a backtick ends a URL ("hm=uk`1d72fj2b2vi"), and mojibake
  // ("[emailÃ¯Â¿Â½protected]") splits one.
  expect_rate_at_least(tally, 0.9965);
}

TEST(PublicLists, CryptoScamDbUrls) {
  const auto folder = dataset("cryptoscamdb");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> yaml = read_text(folder / "urls.yaml");
  ASSERT_TRUE(yaml) << "cannot read " << (folder / "urls.yaml");
  const Tally tally = run("cryptoscamdb urls", read_cryptoscamdb(*yaml).urls, expect_url);
  // Measured 2440 of 2440, including a host with a hidden soft hyphen ("walletsconnect\u00ad.net").
  expect_rate_at_least(tally, 1.0);
}

TEST(PublicLists, MewDarklistDomains) {
  const auto folder = dataset("mew-ethereum-lists-darklist");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> json = read_text(folder / "urls-darklist.json");
  ASSERT_TRUE(json) << "cannot read " << (folder / "urls-darklist.json");
  std::vector<Entry> entries;
  for (const nlohmann::json& item : nlohmann::json::parse(*json)) entries.push_back({item.at("id"), ""});
  const Tally tally = run("mew darklist domains", entries, expect_domain);
  // Measured 2247 of 2247: every homoglyph host (Greek, Cyrillic, Armenian, Cherokee, IPA letters, at
  // the start too: "мyvaporwallet.com") is read whole.
  expect_rate_at_least(tally, 1.0);
}

TEST(PublicLists, ScamSnifferDomains) {
  const auto folder = dataset("scamsniffer-web3");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> json = read_text(folder / "domains_2024-03-30.json");
  ASSERT_TRUE(json) << "cannot read " << (folder / "domains_2024-03-30.json");
  const Tally tally = run("scamsniffer domains", json_strings(nlohmann::json::parse(*json)), expect_domain);
  expect_all_correct(tally);
}

TEST(PublicLists, PolkadotPhishingDomains) {
  const auto folder = dataset("polkadot-phishing");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> json = read_text(folder / "all.json");
  ASSERT_TRUE(json) << "cannot read " << (folder / "all.json");
  const Tally tally =
      run("polkadot-phishing deny", json_strings(nlohmann::json::parse(*json).at("deny")), expect_domain);
  expect_all_correct(tally);
}

TEST(PublicLists, JarelllamaScamDomains) {
  const auto folder = dataset("scam-blocklist-jarelllama");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> text = read_text(folder / "scams_light.txt");
  ASSERT_TRUE(text) << "cannot read " << (folder / "scams_light.txt");
  std::vector<Entry> entries;
  for (const std::string& line : lines_of(*text)) {
    if (!line.starts_with('#')) entries.push_back({trimmed(line), ""});
  }
  const Tally tally = run("jarelllama scams_light", entries, expect_domain);
  expect_all_correct(tally);
}

// ---- phones ---------------------------------------------------------------------------------------

// metadata_examples_all.csv: "CC ; REGION ; TYPE ; \"NATIONAL SIGNIFICANT NUMBER\"". Each example is
// written twice: compact ("+84912345678") and as libphonenumber formats it for people
// ("+84 91 234 56 78"); both must give the E.164 form, read in the example's own region.
TEST(PublicLists, LibphonenumberExampleNumbers) {
  const auto folder = dataset("libphonenumber");
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << missing(folder);
  const std::optional<std::string> text = read_text(folder / "metadata_examples_all.csv");
  ASSERT_TRUE(text) << "cannot read " << (folder / "metadata_examples_all.csv");
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::vector<Entry> entries;
  for (const std::string& line : lines_of(*text)) {
    const std::vector<std::string> fields = csv_fields(line, ';');
    if (fields.size() != 4 || trimmed(fields[0]) == "Calling Code") continue;
    const std::string compact = "+" + trimmed(fields[0]) + trimmed(fields[3]);
    const std::string region = trimmed(fields[1]);
    entries.push_back({compact, region});
    i18n::phonenumbers::PhoneNumber number;
    if (util.Parse(compact, "ZZ", &number) == PhoneNumberUtil::NO_PARSING_ERROR) {
      std::string international;
      util.Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
      entries.push_back({international, region});
    }
  }
  const Tally tally = run("libphonenumber examples", entries, [](const Entry& entry) -> std::optional<Case> {
    // Non-geographic entities ("001": +800, +870, ...) have no region to report from.
    const std::string country = entry.tag == "001" ? "VN" : entry.tag;
    std::optional<Selector> phone = normalised(SelectorType::phone, entry.value, country);
    if (!phone) return std::nullopt;
    return Case{entry.value, {*phone}, k_phone_frames, country};
  });
  // Measured 1984 of 1986. Known gap, by design: numbers of fewer than 7 digits with the country code
  // are not read as phones (Iran's UAN example "+98 9601").
  expect_rate_at_least(tally, 0.998);
}

}  // namespace
}  // namespace jala::extract
