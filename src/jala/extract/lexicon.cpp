#include "jala/extract/lexicon.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>

#include "jala/extract/ascii.h"

namespace jala::extract {
namespace {

enum class Match { exact, any_case };

struct Keyword {
  std::string_view text;
  Cue cue;
  Match match = Match::any_case;
  std::string_view bank_key = {};
};

// Short upper-case words ("WA", "TG", "X", "SCB") match only as written, so that ordinary words do not
// trigger them; ASCII keywords match only as whole words. Keywords in scripts written without spaces
// match anywhere.
constexpr std::array k_keywords = std::to_array<Keyword>({
    {"telegram", Cue::telegram},
    {"tele", Cue::telegram},
    {"TG", Cue::telegram, Match::exact},
    {"飞机", Cue::telegram},
    {"纸飞机", Cue::telegram},
    {"เทเลแกรม", Cue::telegram},
    {"តេឡេក្រាម", Cue::telegram},
    {"ເທເລແກຣມ", Cue::telegram},
    {"တယ်လီဂရမ်", Cue::telegram},
    {"텔레그램", Cue::telegram},
    {"تيليجرام", Cue::telegram},
    {"تلغرام", Cue::telegram},
    {"टेलीग्राम", Cue::telegram},
    {"whatsapp", Cue::whatsapp},
    {"WA", Cue::whatsapp, Match::exact},
    {"واتساب", Cue::whatsapp},
    {"واتس اب", Cue::whatsapp},
    {"왓츠앱", Cue::whatsapp},
    {"व्हाट्सएप", Cue::whatsapp},
    {"वॉट्सऐप", Cue::whatsapp},
    {"zalo", Cue::zalo},
    {"LINE", Cue::line, Match::exact},
    {"Line", Cue::line, Match::exact},
    {"line id", Cue::line},
    {"ไลน์", Cue::line},
    {"ไลน์ไอดี", Cue::line},
    {"라인", Cue::line},
    {"wechat", Cue::wechat},
    {"微信", Cue::wechat},
    {"微信号", Cue::wechat},
    {"加V", Cue::wechat},
    {"vx", Cue::wechat},
    {"위챗", Cue::wechat},
    {"وي تشات", Cue::wechat},
    {"IG", Cue::instagram, Match::exact},
    {"instagram", Cue::instagram},
    {"인스타", Cue::instagram},
    {"tiktok", Cue::tiktok},
    {"틱톡", Cue::tiktok},
    {"X", Cue::x, Match::exact},
    {"twitter", Cue::x},
    {"엑스", Cue::x},
    {"إكس", Cue::x},
    {"facebook", Cue::facebook},
    {"FB", Cue::facebook, Match::exact},
    {"viber", Cue::phone_only},
    {"signal", Cue::phone_only},
    {"kakaotalk", Cue::phone_only},
    {"카카오톡", Cue::phone_only},
    {"微信同号", Cue::phone_only},
    {"gcash", Cue::phone_only},
    {"maya", Cue::phone_only},
    {"momo", Cue::phone_only},
    {"dana", Cue::phone_only},
    {"touch 'n go", Cue::phone_only},
    {"wing", Cue::phone_only},
    {"kbzpay", Cue::phone_only},
    {"wave money", Cue::phone_only},
    {"wavepay", Cue::phone_only},
    {"paytm", Cue::phone_only},
    {"alipay", Cue::phone_only},
    {"支付宝", Cue::phone_only},
    {"FPS", Cue::phone_only, Match::exact},
    {"solana", Cue::solana},
    {"솔라나", Cue::solana},
    {"سولانا", Cue::solana},
    {"โซลานา", Cue::solana},
    {"phone", Cue::phone_label},
    {"电话", Cue::phone_label},
    {"電話", Cue::phone_label},
    {"เบอร์", Cue::phone_label},
    {"ເບີ", Cue::phone_label},
    {"SĐT", Cue::phone_label, Match::exact},
    {"tel", Cue::phone_label},
    {"☎", Cue::phone_label},
    {"☏", Cue::phone_label},
    {"📞", Cue::phone_label},
    {"LH", Cue::phone_label, Match::exact},  // Vietnamese "liên hệ", contact
    {"liên hệ", Cue::phone_label},
    {"lien he", Cue::phone_label},
    // Hotlines: "tổng đài Vietcombank 1900 54 54 13" is the bank's number, not an account at it.
    {"hotline", Cue::phone_label},
    {"call centre", Cue::phone_label},
    {"call center", Cue::phone_label},
    {"tổng đài", Cue::phone_label},
    {"คอลเซ็นเตอร์", Cue::phone_label},
    {"客服热线", Cue::phone_label},
    {"콜센터", Cue::phone_label},
    {"OTP", Cue::code_label},
    {"验证码", Cue::code_label},
    {"인증번호", Cue::code_label},
    {"รหัส", Cue::code_label},
    {"order", Cue::code_label},
    {"tracking", Cue::code_label},
    {"invoice", Cue::code_label},
    {"passport", Cue::code_label},
    {"ISBN", Cue::code_label},
    {"QQ", Cue::code_label, Match::exact},
    {"tag", Cue::code_label},
    {"memo", Cue::code_label},
    {"kode", Cue::code_label},
    {"code", Cue::code_label},
    {"ref", Cue::code_label},
    {"reference", Cue::code_label},
    {"mã xác thực", Cue::code_label},
    {"ma xac thuc", Cue::code_label},
    {"STK", Cue::account_label, Match::exact},
    {"계좌", Cue::account_label},
    {"rekening", Cue::account_label},
    {"akaun", Cue::account_label},
    {"compte", Cue::account_label},
    {"账号", Cue::account_label},
    {"卡号", Cue::account_label},
    {"เลขบัญชี", Cue::account_label},
    // The bank gazetteer of tests/data/README.md: alias -> key.
    {"Vietcombank", Cue::bank, Match::any_case, "vietcombank"},
    {"VCB", Cue::bank, Match::exact, "vietcombank"},
    {"Techcombank", Cue::bank, Match::any_case, "techcombank"},
    {"TCB", Cue::bank, Match::exact, "techcombank"},
    {"MB Bank", Cue::bank, Match::any_case, "mbbank"},
    {"MBBank", Cue::bank, Match::any_case, "mbbank"},
    {"Sacombank", Cue::bank, Match::any_case, "sacombank"},
    {"BIDV", Cue::bank, Match::exact, "bidv"},
    {"Agribank", Cue::bank, Match::any_case, "agribank"},
    {"VietinBank", Cue::bank, Match::any_case, "vietinbank"},
    {"KBank", Cue::bank, Match::exact, "kasikornbank"},
    {"Kasikornbank", Cue::bank, Match::any_case, "kasikornbank"},
    {"กสิกร", Cue::bank, Match::exact, "kasikornbank"},
    {"กสิกรไทย", Cue::bank, Match::exact, "kasikornbank"},
    {"ธนาคารกสิกรไทย", Cue::bank, Match::exact, "kasikornbank"},
    {"ธนาคารไทยพาณิชย์", Cue::bank, Match::exact, "scb"},
    {"ធនាគារ ABA", Cue::bank, Match::exact, "aba"},
    {"ABA Bank", Cue::bank, Match::exact, "aba"},
    {"ACLEDA Bank", Cue::bank, Match::any_case, "acleda"},
    {"BCEL One", Cue::bank, Match::exact, "bcel"},
    {"KBZ Bank", Cue::bank, Match::exact, "kbzbank"},
    {"AYA Bank", Cue::bank, Match::exact, "ayabank"},
    {"CIMB Bank", Cue::bank, Match::exact, "cimb"},
    {"BDO Unibank", Cue::bank, Match::exact, "bdo"},
    {"中国工商银行", Cue::bank, Match::exact, "icbc"},
    {"中国建设银行", Cue::bank, Match::exact, "ccb"},
    {"HSBC Hong Kong", Cue::bank, Match::exact, "hsbc"},
    {"JPMorgan Chase", Cue::bank, Match::exact, "chase"},
    {"HDFC Bank", Cue::bank, Match::exact, "hdfcbank"},
    {"एचडीएफसी बैंक", Cue::bank, Match::exact, "hdfcbank"},
    {"DBS Bank", Cue::bank, Match::exact, "dbs"},
    {"OCBC Bank", Cue::bank, Match::exact, "ocbc"},
    {"مصرف الراجحي", Cue::bank, Match::exact, "alrajhibank"},
    {"Al Rajhi Bank", Cue::bank, Match::any_case, "alrajhibank"},
    {"SCB", Cue::bank, Match::exact, "scb"},
    {"ไทยพาณิชย์", Cue::bank, Match::exact, "scb"},
    {"Bangkok Bank", Cue::bank, Match::any_case, "bangkokbank"},
    {"ธนาคารกรุงเทพ", Cue::bank, Match::exact, "bangkokbank"},
    {"BBL", Cue::bank, Match::exact, "bangkokbank"},
    {"Krungthai", Cue::bank, Match::any_case, "krungthai"},
    {"กรุงไทย", Cue::bank, Match::exact, "krungthai"},
    {"KTB", Cue::bank, Match::exact, "krungthai"},
    {"ABA", Cue::bank, Match::exact, "aba"},
    {"ACLEDA", Cue::bank, Match::any_case, "acleda"},
    {"អេស៊ីលីដា", Cue::bank, Match::exact, "acleda"},
    {"BCEL", Cue::bank, Match::exact, "bcel"},
    {"ທະນາຄານການຄ້າຕ່າງປະເທດລາວ", Cue::bank, Match::exact, "bcel"},
    {"LDB", Cue::bank, Match::exact, "ldb"},
    {"ທະນາຄານພັດທະນາລາວ", Cue::bank, Match::exact, "ldb"},
    {"KBZ", Cue::bank, Match::exact, "kbzbank"},
    {"ကေဘီဇက်ဘဏ်", Cue::bank, Match::exact, "kbzbank"},
    {"AYA", Cue::bank, Match::exact, "ayabank"},
    {"ဧရာဝတီဘဏ်", Cue::bank, Match::exact, "ayabank"},
    {"BCA", Cue::bank, Match::exact, "bca"},
    {"BRI", Cue::bank, Match::exact, "bri"},
    {"Bank BCA", Cue::bank, Match::exact, "bca"},
    {"Bank BRI", Cue::bank, Match::exact, "bri"},
    {"Bank BNI", Cue::bank, Match::exact, "bni"},
    {"Bank Mandiri", Cue::bank, Match::any_case, "mandiri"},
    {"KB국민은행", Cue::bank, Match::exact, "kookminbank"},
    {"Mandiri", Cue::bank, Match::any_case, "mandiri"},
    {"BNI", Cue::bank, Match::exact, "bni"},
    {"Maybank", Cue::bank, Match::any_case, "maybank"},
    {"Maybank2u", Cue::bank, Match::any_case, "maybank"},
    {"CIMB", Cue::bank, Match::exact, "cimb"},
    {"Public Bank", Cue::bank, Match::any_case, "publicbank"},
    {"PBB", Cue::bank, Match::exact, "publicbank"},
    {"BDO", Cue::bank, Match::exact, "bdo"},
    {"BPI", Cue::bank, Match::exact, "bpi"},
    {"Metrobank", Cue::bank, Match::any_case, "metrobank"},
    {"ICBC", Cue::bank, Match::exact, "icbc"},
    {"工商银行", Cue::bank, Match::exact, "icbc"},
    {"CCB", Cue::bank, Match::exact, "ccb"},
    {"建设银行", Cue::bank, Match::exact, "ccb"},
    {"Bank of China", Cue::bank, Match::any_case, "bankofchina"},
    {"中国银行", Cue::bank, Match::exact, "bankofchina"},
    {"CTBC", Cue::bank, Match::exact, "ctbc"},
    {"中國信託", Cue::bank, Match::exact, "ctbc"},
    {"中信銀行", Cue::bank, Match::exact, "ctbc"},
    {"국민은행", Cue::bank, Match::exact, "kookminbank"},
    {"KB Kookmin Bank", Cue::bank, Match::any_case, "kookminbank"},
    {"신한은행", Cue::bank, Match::exact, "shinhanbank"},
    {"Shinhan", Cue::bank, Match::any_case, "shinhanbank"},
    {"우리은행", Cue::bank, Match::exact, "wooribank"},
    {"Woori", Cue::bank, Match::any_case, "wooribank"},
    {"DBS", Cue::bank, Match::exact, "dbs"},
    {"POSB", Cue::bank, Match::exact, "dbs"},
    {"OCBC", Cue::bank, Match::exact, "ocbc"},
    {"SBI", Cue::bank, Match::exact, "sbi"},
    {"State Bank of India", Cue::bank, Match::any_case, "sbi"},
    {"भारतीय स्टेट बैंक", Cue::bank, Match::exact, "sbi"},
    {"HDFC", Cue::bank, Match::exact, "hdfcbank"},
    {"एचडीएफसी", Cue::bank, Match::exact, "hdfcbank"},
    {"Barclays", Cue::bank, Match::any_case, "barclays"},
    {"Chase", Cue::bank, Match::exact, "chase"},
    {"BNP Paribas", Cue::bank, Match::any_case, "bnpparibas"},
    {"Société Générale", Cue::bank, Match::exact, "societegenerale"},
    {"HSBC", Cue::bank, Match::exact, "hsbc"},
    {"滙豐", Cue::bank, Match::exact, "hsbc"},
    {"Emirates NBD", Cue::bank, Match::any_case, "emiratesnbd"},
    {"بنك الإمارات دبي الوطني", Cue::bank, Match::exact, "emiratesnbd"},
    {"Al Rajhi", Cue::bank, Match::any_case, "alrajhibank"},
    {"الراجحي", Cue::bank, Match::exact, "alrajhibank"},
});

// The index in front of the keyword table, small enough to stay in cache. A keyword of three bytes or
// more is found by a prefix (ASCII lower-cased): its first six bytes, or three when it is shorter than
// six. Nearly every keyword in a non-Latin script has six bytes or more (two characters), so a Thai or
// Chinese character that merely begins a keyword ("เ" begins "เบอร์") does not bring up its keywords:
// the prefix must hold the next character too. Bit tests rule out most positions at once (a bit per first
// two bytes of the non-ASCII keywords, a bit per hashed three-byte start of any keyword, a bit per hashed
// six-byte prefix), and the keywords sorted by prefix give the few that share it. The one- and two-byte
// keywords ("X", "TG") are listed by first byte.
constexpr std::size_t k_prefix_bits = 1 << 16;
enum ByteRole : unsigned char {
  k_word_byte = 1,        // ASCII letters, digits and '_'
  k_begins_short = 2,     // the first byte of a keyword of one or two bytes
  k_begins_prefixed = 4,  // of a keyword of three to five bytes
  k_begins_long = 8,      // of a keyword of six bytes or more
  k_begins_keyword = k_begins_short | k_begins_prefixed | k_begins_long,
};
constexpr std::size_t k_long_prefix = 6;
constexpr std::size_t k_short_prefix = 3;

// Up to eight bytes from `i`, first byte lowest, with ASCII capitals lower-cased all at once.
std::uint64_t load_lowered(std::string_view text, std::size_t i) {
  std::uint64_t bytes = 0;
  if (text.size() - i >= 8) {
    std::memcpy(&bytes, text.data() + i, 8);  // one load
  } else {
    std::memcpy(&bytes, text.data() + i, text.size() - i);
  }
  constexpr std::uint64_t k_ones = 0x0101010101010101u;
  const std::uint64_t seven_bits = bytes & (0x7F * k_ones);
  const std::uint64_t from_a = seven_bits + (0x80 - 'A') * k_ones;      // high bit set from 'A' up
  const std::uint64_t past_z = seven_bits + (0x80 - 'Z' - 1) * k_ones;  // high bit set past 'Z'
  const std::uint64_t capitals = from_a & ~past_z & ~bytes & (0x80 * k_ones);
  return bytes | capitals >> 2;  // 0x80 >> 2 is the case bit 0x20
}

// The first `length` (3 or 6) bytes of a lowered load, tagged with the length.
std::uint64_t prefix_key(std::uint64_t lowered, std::size_t length) {
  return (lowered & ((std::uint64_t{1} << (8 * length)) - 1)) | std::uint64_t{length} << 56;
}

std::size_t prefix_hash(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15u) >> 48); }

std::size_t byte_pair(std::string_view text, std::size_t i) {
  return static_cast<std::size_t>(static_cast<unsigned char>(text[i])) << 8 | static_cast<unsigned char>(text[i + 1]);
}

// The hash of the first three bytes at `i` (ASCII lower-cased), for the quick test of a position.
inline std::size_t start_hash(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(lower(text[i + k])));
  };
  return ((byte(0) | byte(1) << 8 | byte(2) << 16) * 0x9E3779B1u) >> 16;
}

struct KeywordIndex {
  struct Prefixed {
    std::uint64_t key;
    const Keyword* keyword;
  };
  std::vector<Prefixed> by_prefix;  // keywords of three bytes or more, in order of key
  std::array<std::vector<const Keyword*>, 256> short_by_first_byte;
  std::array<unsigned char, 256> roles{};  // ByteRole flags of each byte; ASCII letters in either case
  std::bitset<k_prefix_bits> starts;       // the first three bytes of every keyword of three bytes or more
  // The first two bytes of every non-ASCII keyword, unhashed: a test of two loads that rules out most
  // characters of Chinese, Korean or Arabic text before any hashing (in Thai most characters pass).
  std::bitset<1 << 16> non_ascii_starts;
  std::bitset<k_prefix_bits> prefixes;  // the prefix of every keyword of six bytes or more

  KeywordIndex() {
    for (const Keyword& keyword : k_keywords) {
      const auto first = static_cast<unsigned char>(lower(keyword.text[0]));
      const unsigned char role = keyword.text.size() >= k_long_prefix    ? k_begins_long
                                 : keyword.text.size() >= k_short_prefix ? k_begins_prefixed
                                                                         : k_begins_short;
      roles[first] |= role;
      roles[static_cast<unsigned char>(upper(static_cast<char>(first)))] |= role;
      if (keyword.text.size() >= k_short_prefix) {
        const std::uint64_t key = prefix_key(load_lowered(keyword.text, 0),
                                             keyword.text.size() >= k_long_prefix ? k_long_prefix : k_short_prefix);
        by_prefix.push_back({key, &keyword});
        starts.set(start_hash(keyword.text, 0));
        if (first >= 0x80) non_ascii_starts.set(byte_pair(keyword.text, 0));
        if (keyword.text.size() >= k_long_prefix) prefixes.set(prefix_hash(key));
      } else {
        short_by_first_byte[first].push_back(&keyword);
      }
    }
    for (int c = 0; c < 0x80; ++c) {
      if (is_word(static_cast<char>(c))) roles[c] |= k_word_byte;
    }
    std::stable_sort(by_prefix.begin(), by_prefix.end(),
                     [](const Prefixed& a, const Prefixed& b) { return a.key < b.key; });
  }

  // Whether a keyword may start at `i`, whose byte has `role`, by a quick test: most positions fail it.
  // `word_length` is the length of the ASCII word at i (0 for none): the one- and two-byte keywords are
  // whole ASCII words, so only a word of their length can be one.
  bool may_start_at(std::string_view text, std::size_t i, unsigned char role, std::size_t word_length) const {
    if ((role & k_begins_short) != 0 && word_length <= 2) return true;
    return (role & (k_begins_prefixed | k_begins_long)) != 0 && text.size() - i >= k_short_prefix &&
           (static_cast<unsigned char>(text[i]) < 0x80 || non_ascii_starts.test(byte_pair(text, i))) &&
           starts.test(start_hash(text, i));
  }

  // The longest keyword that matches at `i`, or nullptr; arguments as for may_start_at(). Only the
  // kinds of keyword that begin with the byte at i are looked up.
  const Keyword* longest_match(std::string_view text, std::size_t i, unsigned char role, std::size_t word_length) const;

 private:
  const Keyword* longest_short(std::string_view text, std::size_t i) const;
  // Updates `best` with the keywords whose prefix is `key`.
  void match_listed(std::string_view text, std::size_t i, std::uint64_t key, const Keyword*& best) const;
};

bool matches_at(std::string_view text, std::size_t i, const Keyword& keyword) {
  if (text.size() - i < keyword.text.size()) return false;
  for (std::size_t k = 0; k < keyword.text.size(); ++k) {
    const char got = text[i + k];
    const char want = keyword.text[k];
    if (keyword.match == Match::exact ? got != want : lower(got) != lower(want)) return false;
  }
  if (static_cast<unsigned char>(keyword.text[0]) >= 0x80) return true;
  // An account number may be glued to its bank's name ("ICBC6222...").
  const std::size_t end = i + keyword.text.size();
  const bool glued_digit = keyword.cue == Cue::bank && end < text.size() && text[end] >= '0' && text[end] <= '9';
  return (i == 0 || !is_word(text[i - 1])) && (end == text.size() || !is_word(text[end]) || glued_digit);
}

const Keyword* KeywordIndex::longest_short(std::string_view text, std::size_t i) const {
  const Keyword* best = nullptr;
  for (const Keyword* keyword : short_by_first_byte[static_cast<unsigned char>(lower(text[i]))]) {
    if ((best == nullptr || keyword->text.size() > best->text.size()) && matches_at(text, i, *keyword)) best = keyword;
  }
  return best;
}

const Keyword* KeywordIndex::longest_match(std::string_view text, std::size_t i, unsigned char role,
                                           std::size_t word_length) const {
  const Keyword* best = (role & k_begins_short) != 0 && word_length <= 2 ? longest_short(text, i) : nullptr;
  if ((role & (k_begins_prefixed | k_begins_long)) == 0 || text.size() - i < k_short_prefix) return best;
  const std::uint64_t lowered = load_lowered(text, i);
  if ((role & k_begins_prefixed) != 0) match_listed(text, i, prefix_key(lowered, k_short_prefix), best);
  if ((role & k_begins_long) != 0 && text.size() - i >= k_long_prefix) {
    const std::uint64_t prefix = prefix_key(lowered, k_long_prefix);
    if (prefixes.test(prefix_hash(prefix))) match_listed(text, i, prefix, best);
  }
  return best;
}

void KeywordIndex::match_listed(std::string_view text, std::size_t i, std::uint64_t key, const Keyword*& best) const {
  auto it = std::lower_bound(by_prefix.begin(), by_prefix.end(), key,
                             [](const Prefixed& entry, std::uint64_t wanted) { return entry.key < wanted; });
  for (; it != by_prefix.end() && it->key == key; ++it) {
    const Keyword& keyword = *it->keyword;
    if ((best == nullptr || keyword.text.size() > best->text.size()) && matches_at(text, i, keyword)) best = &keyword;
  }
}

// A clause ends at a line break or a sentence end ('.', '!', '?' before a space, and their CJK forms).
bool has_clause_break(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == '\n' || c == ';' || c == '|') return true;
    // "no. 8647814756" is an abbreviation, not a sentence end.
    if ((c == '.' || c == '!' || c == '?') &&
        (i + 1 == text.size() ||
         (text[i + 1] == ' ' && !(i + 2 < text.size() && text[i + 2] >= '0' && text[i + 2] <= '9')))) {
      return true;
    }
    if (c == '\xE3' && text.substr(i, 3) == "。") return true;  // a lead byte test first: the compare is a call
  }
  return false;
}

bool is_wanted(Cue cue, std::initializer_list<Cue> wanted) {
  return std::find(wanted.begin(), wanted.end(), cue) != wanted.end();
}

}  // namespace

std::vector<CueHit> find_cues(std::string_view text) {
  static const KeywordIndex index;
  const auto role_of = [&](std::size_t at) { return index.roles[static_cast<unsigned char>(text[at])]; };
  std::vector<CueHit> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    // Keywords start at a code point, and ASCII ones at a word start: an ASCII word is looked up once,
    // as a whole, and a non-ASCII character only when its first byte begins some keyword. Runs of other
    // bytes (spaces, punctuation, the rest of each character) are skipped in a tight loop.
    while (i < text.size() && role_of(i) == 0) ++i;
    if (i == text.size()) break;
    const unsigned char role = role_of(i);
    const Keyword* best = nullptr;
    std::size_t next = i + 1;
    std::size_t word_length = 0;
    bool may_start = (role & k_begins_keyword) != 0;
    if ((role & k_word_byte) != 0) {
      while (next < text.size() && (role_of(next) & k_word_byte) != 0) ++next;
      word_length = next - i;
      may_start = may_start && (i == 0 || (role_of(i - 1) & k_word_byte) == 0);
    }
    if (may_start && index.may_start_at(text, i, role, word_length)) {
      best = index.longest_match(text, i, role, word_length);
    }
    if (best != nullptr) {
      hits.push_back({i, i + best->text.size(), best->cue, best->bank_key});
      next = i + best->text.size();
    }
    i = next;
  }
  return hits;
}

const CueHit* cue_before(const std::vector<CueHit>& cues, std::string_view text, std::size_t position,
                         std::size_t window, std::initializer_list<Cue> wanted) {
  auto it = std::lower_bound(cues.begin(), cues.end(), position,
                             [](const CueHit& hit, std::size_t at) { return hit.start < at; });
  while (it != cues.begin()) {
    --it;
    if (it->end > position) continue;
    if (position - it->end > window || has_clause_break(text, it->end, position)) return nullptr;
    if (is_wanted(it->cue, wanted)) return &*it;
  }
  return nullptr;
}

const CueHit* cue_after(const std::vector<CueHit>& cues, std::string_view text, std::size_t position,
                        std::size_t window, std::initializer_list<Cue> wanted) {
  auto it = std::lower_bound(cues.begin(), cues.end(), position,
                             [](const CueHit& hit, std::size_t at) { return hit.start < at; });
  for (; it != cues.end(); ++it) {
    if (it->start - position > window || has_clause_break(text, position, it->start)) return nullptr;
    if (is_wanted(it->cue, wanted)) return &*it;
  }
  return nullptr;
}

bool has_cue(const std::vector<CueHit>& cues, Cue cue) {
  return std::any_of(cues.begin(), cues.end(), [cue](const CueHit& hit) { return hit.cue == cue; });
}

}  // namespace jala::extract
