#include "extract/corpus_generator.h"

#include <array>
#include <stdexcept>
#include <string_view>

#include <fmt/core.h>

#include "jala/base/sha256.h"
#include "jala/model/iban.h"
#include "jala/model/normalisers.h"
#include "jala/model/wallet.h"
#include "jala/model/wallet_codecs.h"

namespace jala::bench {
namespace {

// Placeholders: {P} phone, {E} e-mail, {U} URL, {W} wallet, {I} IBAN, {H} Telegram handle, and the hard
// negatives {D} date, {A} amount, {O} order number.
struct Language {
  std::string_view country;
  std::string_view separator;          // between sentences
  char32_t digit_zero;                 // the script's own digits, used for some phones; 0 for none
  std::string_view national_prefixes;  // '|'-separated; each phone is a prefix and random digits
  std::size_t national_digits;         // with the trunk prefix
  std::array<std::string_view, 7> sentences;
};

// One row per language: its reporting country, sentence separator, digits, mobile prefixes, and
// sentences. Laid out by hand (clang-format cannot measure the width of Thai or Khmer lines).
// clang-format off
constexpr std::array<Language, 13> k_languages = {{
    {"VN", " ", 0, "090|091|093|094|096|097|098", 10,
     {"Tôi được một người tự xưng là nhân viên tuyển dụng liên hệ qua Zalo {P}, hứa hẹn việc nhẹ lương cao ở Campuchia.",
      "Họ yêu cầu tôi chuyển {A} vào tài khoản để làm thủ tục, hạn chót là ngày {D}.",
      "Sau đó họ gửi đường link {U} và bảo tôi đăng nhập để nhận thưởng.",
      "Liên hệ Telegram {H} hoặc email {E} để được hỗ trợ rút tiền.",
      "Mã đơn hàng của tôi là {O}, nhưng tôi không nhận được gì cả.",
      "Tôi đã chuyển USDT tới ví {W} và mất liên lạc từ đó.",
      "Gia đình tôi rất lo lắng vì không liên lạc được với em trai từ tháng trước."}},
    {"TH", " ", 0x0E50, "081|082|084|086|089|092|095", 10,
     {"มีคนติดต่อมาทางไลน์ ชวนลงทุนคริปโต ให้โทรกลับเบอร์ {P} ภายในวันที่ {D}",
      "ฉันโอนเงินไปแล้ว {A} เข้าบัญชีที่เขาให้ แต่ถอนเงินไม่ได้",
      "เขาส่งลิงก์ {U} มาให้กรอกข้อมูลส่วนตัวและรหัสผ่าน",
      "ติดต่อเทเลแกรม {H} หรืออีเมล {E} เพื่อรับเงินคืน",
      "หมายเลขพัสดุ {O} ไม่มีอยู่ในระบบขนส่ง",
      "โอน USDT ไปที่กระเป๋า {W} แล้วเขาก็บล็อกฉัน",
      "แม่ของฉันเสียเงินเก็บทั้งหมดไปกับแอปลงทุนปลอมนี้"}},
    {"KH", " ", 0x17E0, "012|017|092|077", 9,
     {"ខ្ញុំត្រូវបានគេបោកប្រាស់តាមរយៈការផ្តល់ការងារនៅបរទេស សូមទាក់ទងលេខ {P}",
      "ពួកគេបានស្នើឱ្យខ្ញុំផ្ទេរប្រាក់ {A} នៅថ្ងៃទី {D}",
      "តំណភ្ជាប់ {U} គឺជាគេហទំព័រក្លែងក្លាយ",
      "Telegram {H} និងអ៊ីមែល {E} ត្រូវបានប្រើដើម្បីទាក់ទង",
      "លេខបញ្ជាទិញ {O} មិនមានទេ",
      "ខ្ញុំបានផ្ញើ USDT ទៅកាបូប {W}",
      "ប្អូនប្រុសរបស់ខ្ញុំបាត់ខ្លួនតាំងពីខែមុនមក"}},
    {"LA", " ", 0x0ED0, "0202|0205|0207|0209", 11,
     {"ມີຄົນໂທຫາຂ້ອຍຈາກເບີ {P} ບອກວ່າເປັນພະນັກງານທະນາຄານ",
      "ເຂົາເຈົ້າຂໍໃຫ້ໂອນເງິນ {A} ກ່ອນວັນທີ {D}",
      "ເວັບໄຊ {U} ແມ່ນເວັບປອມ ຢ່າເຂົ້າໄປ",
      "ຕິດຕໍ່ທາງ Telegram {H} ຫຼື ອີເມວ {E}",
      "ເລກທີ່ສັ່ງຊື້ {O} ບໍ່ມີໃນລະບົບ",
      "ຂ້ອຍໂອນ USDT ໄປທີ່ກະເປົາ {W}",
      "ຄອບຄົວຂອງຂ້ອຍເປັນຫ່ວງຫຼາຍ"}},
    {"MM", " ", 0x1040, "094|096|097|099", 11,
     {"အလုပ်ခေါ်စာကို ဖုန်း {P} မှ ပို့ခဲ့သည်။",
      "ငွေ {A} ကို {D} နေ့တွင် လွှဲပေးရန် တောင်းဆိုခဲ့သည်။",
      "ဝက်ဘ်ဆိုက် {U} သည် လိမ်လည်မှုဖြစ်သည်။",
      "Telegram {H} နှင့် အီးမေးလ် {E} ဖြင့် ဆက်သွယ်ခဲ့သည်။",
      "အော်ဒါနံပါတ် {O} မရှိပါ။",
      "USDT ကို {W} သို့ ပို့ခဲ့သည်။",
      "ကျွန်ုပ်၏ အစ်ကို ပျောက်ဆုံးနေသည်။"}},
    {"ID", " ", 0, "0812|0813|0821|0822|0857|0878", 12,
     {"Saya dihubungi lewat WhatsApp {P} untuk lowongan kerja di luar negeri dengan gaji tinggi.",
      "Mereka meminta transfer {A} sebelum tanggal {D} untuk biaya visa.",
      "Silakan daftar di {U} dan kirim bukti ke {E}.",
      "Nomor pesanan {O} tidak pernah dikirim.",
      "Hubungi admin di Telegram {H} untuk penarikan dana.",
      "Saya sudah kirim USDT ke dompet {W} tapi saldo tidak masuk.",
      "Setelah tiba di sana paspor saya ditahan oleh perusahaan."}},
    {"MY", " ", 0, "012|013|016|017|019", 10,
     {"Saya menerima panggilan daripada {P} yang mengaku pegawai bank.",
      "Mereka minta saya pindahkan {A} sebelum {D}.",
      "Laman web {U} meminta nombor kad dan kata laluan saya.",
      "Hantar resit ke {E} atau Telegram {H}.",
      "Nombor pesanan {O} tidak wujud.",
      "Saya hantar USDT ke alamat {W}.",
      "Ibu saya kehilangan semua simpanannya."}},
    {"PH", " ", 0, "0917|0918|0920|0927|0939|0961", 11,
     {"May nag-text sa akin mula sa {P} na nanalo daw ako ng premyo.",
      "Kailangan ko raw magbayad ng {A} bago ang {D} para makuha ito.",
      "Pinapunta nila ako sa {U} at pinapadala ang resibo sa {E}.",
      "Kausapin daw ang ahente sa Telegram {H}.",
      "Ang order number na {O} ay peke.",
      "Nagpadala ako ng USDT sa {W}.",
      "Hindi ko na ma-contact ang kapatid ko mula noong isang buwan."}},
    {"CN", "", 0, "138|139|150|158|186|188", 11,
     {"对方自称是客服，让我加微信并拨打电话{P}。",
      "他们要求我在{D}之前转账{A}到指定账户。",
      "请访问{U}下载投资软件，或者发邮件到{E}。",
      "充值USDT到钱包地址{W}后就联系不上了。",
      "订单号{O}根本不存在。",
      "客服让我用纸飞机联系{H}。",
      "我妈妈的积蓄全部被骗走了。"}},
    {"KR", " ", 0, "010", 11,
     {"검찰청 직원이라며 {P} 번호로 전화가 왔습니다.",
      "{D}까지 {A}을 안전계좌로 이체하라고 했습니다.",
      "링크 {U} 에 접속해서 앱을 설치하라고 했어요.",
      "텔레그램 {H} 으로 연락하라고 했습니다.",
      "주문번호 {O} 는 존재하지 않습니다.",
      "USDT를 지갑 {W} 로 보냈습니다.",
      "어머니가 노후 자금을 모두 잃으셨습니다."}},
    {"GB", " ", 0, "074|075|077|078|079", 11,
     {"A recruiter contacted me on WhatsApp {P} offering a remote job with high pay.",
      "I was asked to deposit {A} on {D} to unlock my earnings.",
      "The platform {U} showed profits, but withdrawals needed a fee sent to {W}.",
      "Their support desk uses {E} and Telegram {H}.",
      "Your parcel is held, pay the customs fee online (order {O}).",
      "Transfer to IBAN {I} to release the funds.",
      "I stopped replying after my bank warned me about the payment."}},
    {"FR", " ", 0, "061|062|065|067|072|075", 10,
     {"J'ai été contacté par un conseiller au {P} qui proposait un placement garanti.",
      "Il m'a demandé de virer {A} le {D} sur l'IBAN {I}.",
      "Le site {U} affichait de faux gains, il fallait écrire à {E}.",
      "Le colis {O} n'a jamais été expédié.",
      "Le conseiller répondait aussi sur Telegram {H}.",
      "J'ai envoyé des USDT à l'adresse {W}.",
      "Ma mère a perdu toutes ses économies."}},
    {"AE", " ", 0x0660, "050|052|055|056", 10,
     {"تواصل معي شخص عبر واتساب {P} وعرض علي وظيفة براتب مرتفع.",
      "طلبوا مني تحويل {A} قبل {D} إلى الحساب {I}.",
      "الموقع {U} مزيف، وتواصلوا عبر البريد {E}.",
      "رقم الطلب {O} غير موجود.",
      "تواصلوا معي على تيليجرام {H}.",
      "أرسلت USDT إلى المحفظة {W}.",
      "فقدت أمي كل مدخراتها."}},
}};
// clang-format on

constexpr std::array<std::string_view, 12> k_names = {"linh.nguyen", "somchai", "dara",  "minh.anh", "budi",   "aisyah",
                                                      "maria",       "wei",     "jiwoo", "james",    "claire", "omar"};
constexpr std::array<std::string_view, 8> k_mail_hosts = {"gmail.com", "yahoo.com", "outlook.com", "proton.me",
                                                          "163.com",   "naver.com", "hotmail.fr",  "support-desk.net"};
constexpr std::array<std::string_view, 8> k_site_words = {"invest", "vieclam", "thai-gold", "crypto-earn",
                                                          "job",    "parcel",  "bonus",     "secure-login"};
constexpr std::array<std::string_view, 8> k_tlds = {"com", "top", "xyz", "net", "club", "vip", "shop", "co.uk"};
constexpr std::array<std::string_view, 10> k_amounts = {"1.200.000 VND", "$1,500", "฿25,000",  "Rp 2.500.000",
                                                        "300만원",       "€2 400", "RM 3,200", "₱15,000",
                                                        "5000 USDT",     "850 USD"};
constexpr std::array<std::string_view, 4> k_iban_countries = {"GB", "FR", "DE", "AE"};
constexpr std::size_t k_phones_per_language = 1500;
constexpr std::size_t k_wallet_pool = 2000;
constexpr std::size_t k_iban_pool = 2000;

std::string utf8(char32_t code_point) {
  std::string out;
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return out;
}

std::string random_digits(DeterministicRandom& random, std::size_t count) {
  std::string digits;
  for (std::size_t i = 0; i < count; ++i) digits += static_cast<char>('0' + random.below(10));
  return digits;
}

std::string base58(std::string_view bytes) {
  constexpr std::string_view k_alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  std::vector<unsigned> digits;  // base 58, least significant first
  for (unsigned char byte : bytes) {
    unsigned carry = byte;
    for (unsigned& digit : digits) {
      carry += digit << 8;
      digit = carry % 58;
      carry /= 58;
    }
    for (; carry > 0; carry /= 58) digits.push_back(carry % 58);
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && bytes[i] == 0; ++i) out += '1';
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out += k_alphabet[*it];
  return out;
}

// An Ethereum address with its EIP-55 mixed-case checksum.
std::string ethereum_address(DeterministicRandom& random) {
  std::string hex;
  for (int i = 0; i < 40; ++i) hex += "0123456789abcdef"[random.below(16)];
  const model::Keccak256Digest hash = model::keccak_256(hex);
  std::string address = "0x";
  for (std::size_t i = 0; i < hex.size(); ++i) {
    const unsigned nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
    address += nibble >= 8 && hex[i] >= 'a' ? static_cast<char>(hex[i] - 'a' + 'A') : hex[i];
  }
  return address;
}

// A TRON address: base58check of 0x41 and a 20-byte account.
std::string tron_address(DeterministicRandom& random) {
  std::string payload(1, '\x41');
  for (int i = 0; i < 20; ++i) payload += static_cast<char>(random.below(256));
  const Sha256Digest once = sha256(payload);
  const Sha256Digest twice = sha256(std::string_view(reinterpret_cast<const char*>(once.data()), once.size()));
  payload.append(reinterpret_cast<const char*>(twice.data()), 4);
  return base58(payload);
}

// An IBAN with valid mod-97 check digits and a digit-only BBAN, in groups of four.
std::string iban_for(DeterministicRandom& random, std::string_view country) {
  const std::size_t length = *model::iban_length(country);
  const std::string bban = random_digits(random, length - 4);
  // Check digits: 98 - (BBAN, country letters as 10..35, "00") mod 97.
  unsigned remainder = 0;
  const std::string rearranged =
      bban + std::to_string(country[0] - 'A' + 10) + std::to_string(country[1] - 'A' + 10) + "00";
  for (char c : rearranged) remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  const std::string compact = fmt::format("{}{:02d}{}", country, 98 - remainder, bban);
  std::string grouped;
  for (std::size_t i = 0; i < compact.size(); i += 4) grouped += (i > 0 ? " " : "") + compact.substr(i, 4);
  return grouped;
}

std::string check_valid(std::string value, bool valid) {
  if (!valid) throw std::logic_error("corpus generator made an invalid selector: " + value);
  return value;
}

}  // namespace

ExtractCorpusGenerator::ExtractCorpusGenerator(std::uint64_t seed, Selectors selectors)
    : m_random(seed), m_selectors(selectors) {
  for (const Language& language : k_languages) {
    std::vector<std::string_view> prefixes;
    for (std::string_view rest = language.national_prefixes; !rest.empty();) {
      const std::size_t bar = rest.find('|');
      prefixes.push_back(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    auto& national = m_national_phones.emplace_back();
    auto& e164 = m_e164_phones.emplace_back();
    const model::NormaliseContext context{language.country};
    // Random numbers of the country's mobile shape, kept only when libphonenumber accepts them.
    while (national.size() < k_phones_per_language) {
      const std::string_view prefix = prefixes[m_random.below(prefixes.size())];
      const std::string number =
          std::string(prefix) + random_digits(m_random, language.national_digits - prefix.size());
      Result<std::string> canonical = model::normalise_phone(number, context);
      if (!canonical.ok()) continue;
      national.push_back(number);
      e164.push_back(std::move(canonical).value());
    }
  }
  for (std::size_t i = 0; i < k_wallet_pool; ++i) {
    std::string address = i % 2 == 0 ? ethereum_address(m_random) : tron_address(m_random);
    const bool valid = model::normalise_wallet(address).ok();
    m_wallets.push_back(check_valid(std::move(address), valid));
  }
  for (std::size_t i = 0; i < k_iban_pool; ++i) {
    std::string grouped = iban_for(m_random, k_iban_countries[i % k_iban_countries.size()]);
    const bool valid = model::normalise_iban(grouped).ok();
    m_ibans.push_back(check_valid(std::move(grouped), valid));
  }
}

std::string ExtractCorpusGenerator::phone(std::size_t language) {
  const std::size_t pick = m_random.below(k_phones_per_language);
  const std::string& national = m_national_phones[language][pick];
  const std::string& e164 = m_e164_phones[language][pick];
  // The national significant number: without the trunk prefix where the country has one.
  const bool has_trunk = national.front() == '0';
  const std::string significant = has_trunk ? national.substr(1) : national;
  const std::string country_code = e164.substr(1, e164.size() - 1 - significant.size());
  // Groups of three or four digits, the longer ones last: "0912 345 678" -> "091 234 5678".
  const auto grouped = [](std::string_view digits, char separator) {
    const std::size_t groups = (digits.size() + 3) / 4;
    std::string out;
    for (std::size_t group = 0, at = 0; group < groups; ++group) {
      const std::size_t length = digits.size() / groups + (group >= groups - digits.size() % groups ? 1 : 0);
      if (group > 0) out += separator;
      out += digits.substr(at, length);
      at += length;
    }
    return out;
  };
  switch (m_random.below(8)) {
    case 0: return grouped(national, ' ');
    case 1: return grouped(national, '-');
    case 2: return grouped(national, '.');
    case 3: return "+" + country_code + " " + grouped(significant, ' ');
    case 4: return "00" + country_code + significant;
    case 5: return "(+" + country_code + ") " + grouped(significant, ' ');
    case 6:
      if (k_languages[language].digit_zero != 0) {
        std::string native;
        for (char digit : national)
          native += utf8(k_languages[language].digit_zero + static_cast<char32_t>(digit - '0'));
        return native;
      }
      return national;
    default: return national;
  }
}

std::string ExtractCorpusGenerator::email() {
  const std::string_view name = k_names[m_random.below(k_names.size())];
  const std::string_view host = k_mail_hosts[m_random.below(k_mail_hosts.size())];
  const std::uint64_t number = m_random.below(1000);
  switch (m_random.below(4)) {
    case 0: return fmt::format("{}{}[at]{}", name, number, host);
    case 1: {
      std::string defanged(host);
      defanged.replace(defanged.rfind('.'), 1, " (dot) ");
      return fmt::format("{}{} (at) {}", name, number, defanged);
    }
    default: return fmt::format("{}{}@{}", name, number, host);
  }
}

std::string ExtractCorpusGenerator::url() {
  const std::string host = fmt::format("{}-{:04d}.{}", k_site_words[m_random.below(k_site_words.size())],
                                       m_random.below(5000), k_tlds[m_random.below(k_tlds.size())]);
  switch (m_random.below(5)) {
    case 0:
      return fmt::format("hxxps://{}/login", host.substr(0, host.find('.')) + "[.]" + host.substr(host.find('.') + 1));
    case 1: return host;
    case 2:
      return fmt::format("https://t.me/{}_{:05d}", k_site_words[m_random.below(k_site_words.size())],
                         m_random.below(20000));
    default: return fmt::format("https://{}/join?ref={:06d}", host, m_random.below(1000000));
  }
}

std::string ExtractCorpusGenerator::wallet() { return m_wallets[m_random.below(m_wallets.size())]; }
std::string ExtractCorpusGenerator::iban() { return m_ibans[m_random.below(m_ibans.size())]; }

std::string ExtractCorpusGenerator::handle() {
  const std::string_view name = k_names[m_random.below(k_names.size())];
  std::string account;
  for (char c : name) account += c == '.' ? '_' : c;
  return fmt::format("@{}_{:04d}", account, m_random.below(20000));
}

std::string ExtractCorpusGenerator::date() {
  const std::uint64_t day = 1 + m_random.below(28);
  const std::uint64_t month = 1 + m_random.below(12);
  switch (m_random.below(3)) {
    case 0: return fmt::format("{:02d}/{:02d}/2026", day, month);
    case 1: return fmt::format("2026-{:02d}-{:02d}", month, day);
    default: return fmt::format("{}.{}.2569", day, month);
  }
}

std::string ExtractCorpusGenerator::amount() { return std::string(k_amounts[m_random.below(k_amounts.size())]); }

std::string ExtractCorpusGenerator::order_number() {
  switch (m_random.below(3)) {
    case 0: return fmt::format("INV-2026-{:05d}", m_random.below(100000));
    case 1: return fmt::format("#{}", 10'000'000 + m_random.below(90'000'000));
    default: return fmt::format("VN{:010d}", m_random.below(10'000'000'000));
  }
}

std::string ExtractCorpusGenerator::fill(std::string_view sentence, std::size_t language) {
  std::string out;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (sentence[i] != '{' || i + 2 >= sentence.size() || sentence[i + 2] != '}') {
      out += sentence[i];
      continue;
    }
    if (m_selectors == Selectors::none) {
      i += 2;
      continue;
    }
    switch (sentence[i + 1]) {
      case 'P': out += phone(language); break;
      case 'E': out += email(); break;
      case 'U': out += url(); break;
      case 'W': out += wallet(); break;
      case 'I': out += iban(); break;
      case 'H': out += handle(); break;
      case 'D': out += date(); break;
      case 'A': out += amount(); break;
      default: out += order_number(); break;
    }
    i += 2;
  }
  return out;
}

CorpusRecord ExtractCorpusGenerator::next_record() {
  const std::size_t language = m_random.below(k_languages.size());
  const Language& chosen = k_languages[language];
  CorpusRecord record{fmt::format("E-{:09d}", m_count++), "", std::string(chosen.country)};
  // Two to five sentences of the same language, as a report or a short chat.
  const std::size_t sentences = 2 + m_random.below(4);
  for (std::size_t i = 0; i < sentences; ++i) {
    if (i > 0) record.text += chosen.separator;
    record.text += fill(chosen.sentences[m_random.below(chosen.sentences.size())], language);
  }
  return record;
}

std::vector<CorpusRecord> generate_corpus(std::uint64_t seed, std::size_t text_bytes, Selectors selectors) {
  ExtractCorpusGenerator generator(seed, selectors);
  std::vector<CorpusRecord> records;
  std::size_t bytes = 0;
  while (bytes < text_bytes) {
    records.push_back(generator.next_record());
    bytes += records.back().text.size();
  }
  return records;
}

}  // namespace jala::bench
