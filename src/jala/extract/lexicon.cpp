#include "jala/extract/lexicon.h"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include <hs.h>

#include "jala/extract/ascii.h"
#include "jala/extract/keywords.h"

namespace jala::extract {
namespace {

// Short upper-case words ("WA", "TG", "X", "SCB") match only as written, so that ordinary words do not
// trigger them; ASCII keywords match only as whole words. Keywords in scripts written without spaces
// match anywhere.
constexpr std::array k_fixed_keywords = std::to_array<Keyword>({
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
    {"تلجرام", Cue::telegram},
    {"تليجرام", Cue::telegram},
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
    {"sđt", Cue::phone_label},
    {"số điện thoại", Cue::phone_label},
    {"so dien thoai", Cue::phone_label},
    {"HP", Cue::phone_label, Match::exact},
    {"nombor telefon", Cue::phone_label},
    {"cellphone", Cue::phone_label},
    {"mobile", Cue::phone_label},
    {"tel", Cue::phone_label},
    {"tél", Cue::phone_label},
    {"cel", Cue::phone_label},  // Filipino "Cel. 0917…"
    {"call", Cue::phone_label},
    {"called", Cue::phone_label},
    {"hubungi", Cue::phone_label},
    {"telp", Cue::phone_label},
    {"telepon", Cue::phone_label},
    {"tawagan", Cue::phone_label},
    {"gọi", Cue::phone_label},
    {"โทร", Cue::phone_label},
    {"致电", Cue::phone_label},
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
    {"contact centre", Cue::phone_label},
    {"contact center", Cue::phone_label},
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
    // Order, parcel, invoice, voucher and identity-card numbers, labelled in the languages of the reports
    // (a Cambodian ID card's 9 digits read like a mobile number). Compound forms where the single word
    // also starts ordinary phrases ("untuk pesanan hubungi 0812…" gives its phone; "代办发票1343…", a
    // fake-invoice seller's ad, gives its phone).
    {"mã đơn hàng", Cue::code_label},
    {"ma don hang", Cue::code_label},
    {"mã vận đơn", Cue::code_label},
    {"ma van don", Cue::code_label},
    {"số hóa đơn", Cue::code_label},
    {"số hoá đơn", Cue::code_label},
    {"so hoa don", Cue::code_label},
    {"mã giảm giá", Cue::code_label},
    {"ma giam gia", Cue::code_label},
    {"คำสั่งซื้อ", Cue::code_label},
    {"เลขพัสดุ", Cue::code_label},
    {"หมายเลขพัสดุ", Cue::code_label},
    {"บัตรประชาชน", Cue::code_label},
    {"no resi", Cue::code_label},
    {"no. resi", Cue::code_label},
    {"nomor resi", Cue::code_label},
    {"no. pesanan", Cue::code_label},
    {"nomor pesanan", Cue::code_label},
    {"订单号", Cue::code_label},
    {"订单编号", Cue::code_label},
    {"運單號", Cue::code_label},
    {"运单号", Cue::code_label},
    {"快递单号", Cue::code_label},
    {"发票号", Cue::code_label},
    {"發票號", Cue::code_label},
    {"身份证号", Cue::code_label},
    {"身分證號", Cue::code_label},
    {"주문번호", Cue::code_label},
    {"송장번호", Cue::code_label},
    {"운송장", Cue::code_label},
    {"주민등록번호", Cue::code_label},
    {"commande n°", Cue::code_label},
    {"numéro de commande", Cue::code_label},
    {"facture n°", Cue::code_label},
    {"numéro de facture", Cue::code_label},
    {"លេខបញ្ជាទិញ", Cue::code_label},
    {"អត្តសញ្ញាណប័ណ្ណ", Cue::code_label},
    {"national id", Cue::code_label},
    {"ID no", Cue::code_label},
    // Company tax and registration numbers (lure ads copy a real company's), and Vietnamese and Indonesian
    // identity and tax numbers.
    {"MST", Cue::code_label, Match::exact},
    {"mã số thuế", Cue::code_label},
    {"ma so thue", Cue::code_label},
    {"mã số DN", Cue::code_label},
    {"mã số doanh nghiệp", Cue::code_label},
    {"MSDN", Cue::code_label, Match::exact},
    {"giấy phép kinh doanh", Cue::code_label},
    {"CCCD", Cue::code_label, Match::exact},
    {"CMND", Cue::code_label, Match::exact},
    {"NPWP", Cue::code_label, Match::exact},
    {"KTP", Cue::code_label, Match::exact},
    {"NIK", Cue::code_label, Match::exact},
    {"TIN", Cue::code_label, Match::exact},
    {"주민번호", Cue::code_label},
    {"身份证", Cue::code_label},
    {"TAC", Cue::code_label, Match::exact},
    {"mã giao dịch", Cue::code_label},
    {"ma giao dich", Cue::code_label},
    {"mã đơn", Cue::code_label},
    {"ID card", Cue::code_label},
    // A dotted number after these is a version ("app version 2.0.0.1", "版本 4.2.0.12"), not an IPv4 address.
    {"version", Cue::version_label},
    {"ver", Cue::version_label},
    {"firmware", Cue::version_label},
    {"build", Cue::version_label},
    {"phiên bản", Cue::version_label},
    {"phien ban", Cue::version_label},
    {"versi", Cue::version_label},
    {"bersyon", Cue::version_label},
    {"เวอร์ชัน", Cue::version_label},
    {"版本", Cue::version_label},
    {"버전", Cue::version_label},
    {"バージョン", Cue::version_label},
    {"STK", Cue::account_label, Match::exact},
    {"account number", Cue::account_label},
    {"account no", Cue::account_label},
    {"계좌", Cue::account_label},
    {"rekening", Cue::account_label},
    {"akaun", Cue::account_label},
    {"compte", Cue::account_label},
    {"账号", Cue::account_label},
    {"卡号", Cue::account_label},
    {"เลขบัญชี", Cue::account_label},
});

// The fixed keywords, then the banks' names (bank_keywords.cpp). Indexed by Hyperscan's ids.
const std::vector<Keyword>& keywords() {
  static const std::vector<Keyword> all = [] {
    std::vector<Keyword> made(k_fixed_keywords.begin(), k_fixed_keywords.end());
    const std::vector<Keyword> banks = bank_keywords(k_fixed_keywords);
    made.insert(made.end(), banks.begin(), banks.end());
    return made;
  }();
  return all;
}

// Every keyword in one Hyperscan literal database (case-insensitive for Match::any_case, which folds
// ASCII letters only, as Hyperscan does), compiled once per process. A scan reports every place a
// keyword's bytes occur (in its case rule); stands_as_keyword() then applies the word rules, and find_cues() keeps the
// leftmost, longest of overlapping ones. Hyperscan finds a few hundred literals several times faster than the
// hand-written index of prefixes and bit tests that it replaced (docs/performance.md, Extraction).
struct KeywordDatabase {
  struct Free {
    void operator()(hs_database_t* compiled) const { hs_free_database(compiled); }
    void operator()(hs_scratch_t* space) const { hs_free_scratch(space); }
  };
  std::unique_ptr<hs_database_t, Free> database;

  KeywordDatabase() {
    std::vector<const char*> texts;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    const std::vector<Keyword>& all = keywords();
    for (std::size_t i = 0; i < all.size(); ++i) {
      texts.push_back(all[i].text.data());
      lengths.push_back(all[i].text.size());
      flags.push_back(all[i].match == Match::any_case ? HS_FLAG_CASELESS : 0U);
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* compiled = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(texts.size()), HS_MODE_BLOCK, nullptr, &compiled,
                             &error) != HS_SUCCESS) {
      const std::string message = error != nullptr ? error->message : "unknown error";
      hs_free_compile_error(error);
      throw std::logic_error("extract: the keyword table does not compile: " + message);
    }
    database.reset(compiled);
  }

  // This thread's scratch space: a scan needs one that no other scan is using.
  hs_scratch_t* scratch() const {
    thread_local const std::unique_ptr<hs_scratch_t, Free> space = [this] {
      hs_scratch_t* allocated = nullptr;
      if (hs_alloc_scratch(database.get(), &allocated) != HS_SUCCESS) throw std::bad_alloc();
      return std::unique_ptr<hs_scratch_t, Free>(allocated);
    }();
    return space.get();
  }
};

struct KeywordOccurrence {
  std::size_t position;  // where the keyword ends, as Hyperscan reports it; then where it starts
  unsigned keyword;      // index in keywords()
};

int note_occurrence(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
                    void* context) {
  static_cast<std::vector<KeywordOccurrence>*>(context)->push_back({static_cast<std::size_t>(to), id});
  return 0;
}

// Whether the keyword that Hyperscan found at `i` stands there as a keyword: any non-ASCII one does; an
// ASCII one must be a whole word, except that an account number may be glued to a bank's name of four
// letters or more ("ICBC6222..."; "DBP07052024" is a date code after Điện Biên Phủ's initials).
bool stands_as_keyword(std::string_view text, std::size_t i, const Keyword& keyword) {
  if (static_cast<unsigned char>(keyword.text[0]) >= 0x80) return true;
  const std::size_t end = i + keyword.text.size();
  if (i > 0 && is_word(text[i - 1])) return false;
  if (end == text.size() || !is_word(text[end])) return true;
  return keyword.cue == Cue::bank && keyword.text.size() > 3 && text[end] >= '0' && text[end] <= '9';
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
  static const KeywordDatabase database;
  static const std::vector<Keyword>& all = keywords();
  if (text.size() > std::numeric_limits<unsigned>::max()) {
    throw std::length_error("extract: a text must be shorter than 4 GiB");
  }
  thread_local std::vector<KeywordOccurrence> occurrences;
  occurrences.clear();
  if (hs_scan(database.database.get(), text.data(), static_cast<unsigned>(text.size()), 0, database.scratch(),
              note_occurrence, &occurrences) != HS_SUCCESS) {
    throw std::logic_error("extract: the keyword scan failed");
  }
  for (KeywordOccurrence& occurrence : occurrences) occurrence.position -= all[occurrence.keyword].text.size();
  std::sort(occurrences.begin(), occurrences.end(), [](const KeywordOccurrence& a, const KeywordOccurrence& b) {
    return a.position != b.position ? a.position < b.position : all[a.keyword].text.size() > all[b.keyword].text.size();
  });
  std::vector<CueHit> hits;
  std::size_t taken_until = 0;  // a keyword inside a cue already found is not another
  for (const KeywordOccurrence& occurrence : occurrences) {
    const Keyword& keyword = all[occurrence.keyword];
    if (occurrence.position < taken_until || !stands_as_keyword(text, occurrence.position, keyword)) continue;
    taken_until = occurrence.position + keyword.text.size();
    hits.push_back({occurrence.position, taken_until, keyword.cue, keyword.bank_key});
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
