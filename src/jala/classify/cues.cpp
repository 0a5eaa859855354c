#include "jala/classify/cues.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace jala::classify::cues {
namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

template <std::size_t N>
bool any_in(const std::array<std::string_view, N>& needles, std::string_view run) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view needle) { return run.find(needle) != std::string_view::npos; });
}

// Folded forms: Vietnamese "triệu" is "trieu", "lương" is "luong".
constexpr std::array<std::string_view, 31> k_money{
    "usd", "usdt", "dollar", "dollars", "vnd", "dong",   "trieu",  "baht", "thb",  "rm",  "ringgit",
    "myr", "peso", "pesos",  "php",     "rp",  "rupiah", "juta",   "idr",  "yuan", "rmb", "riel",
    "khr", "kyat", "mmk",    "kip",     "lak", "aed",    "dirham", "euro", "eur"};
constexpr std::array<std::string_view, 24> k_urgency{
    "urgent",  "urgently", "immediately", "now",     "today",     "hurry",   "gap",  "ngay",
    "segera",  "cepat",    "sekarang",    "agad",    "ngayon",    "madali",  "vite", "urgence",
    "limited", "last",     "expire",      "expires", "suspended", "blocked", "khoa", "verify"};
constexpr std::array<std::string_view, 26> k_perks{
    "visa",  "flight",     "ticket", "tickets", "accommodation", "housing", "dorm",     "meals", "food",
    "tiket", "penginapan", "makan",  "tirahan", "pagkain",       "billet",  "logement", "repas", "passport",
    "libre", "free",       "gratis", "percuma", "loge",          "nourri",  "bahay",    "kain"};
constexpr std::array<std::string_view, 29> k_destinations{
    "cambodia",      "campuchia", "kemboja", "kamboja", "cambodge", "cambodian", "myanmar",     "burma",
    "laos",          "lao",       "dubai",   "uae",     "thailand", "thai",      "philippines", "manila",
    "sihanoukville", "bavet",     "poipet",  "kokang",  "myawaddy", "shwekokko", "abroad",      "overseas",
    "etranger",      "ngoai",     "negara",  "negeri",  "asia"};
constexpr std::array<std::string_view, 24> k_jobs{
    "job",    "jobs",  "work",  "hiring",    "recruit",  "recruiting", "recruitment", "vacancy",
    "viec",   "tuyen", "kerja", "pekerjaan", "lowongan", "trabaho",    "emploi",      "travail",
    "salary", "luong", "gaji",  "sahod",     "salaire",  "kita",       "waitress",    "csr"};
constexpr std::array<std::string_view, 16> k_shorteners{
    "bit.ly", "tinyurl.com", "t.co",    "goo.gl", "cutt.ly", "s.id",      "rebrand.ly", "is.gd",
    "ow.ly",  "shorturl.at", "tiny.cc", "rb.gy",  "t.ly",    "bitly.com", "shorte.st",  "v.gd"};

// For scripts without spaces: Thai, Khmer, Lao, Burmese and Chinese forms.
constexpr std::array<std::string_view, 15> k_run_money{"บาท", "เงินเดือน", "ริงกิต", "元",   "美元", "万",   "萬", "泰铢",
                                                       "រៀល", "ដុល្លារ",   "ကျပ်",  "ដុល្លា", "ກີບ",   "ໂດລາ", "$"};
constexpr std::array<std::string_view, 8> k_run_urgency{"ด่วน", "ทันที", "紧急", "立即", "马上", "立刻", "បន្ទាន់", "အမြန်"};
constexpr std::array<std::string_view, 10> k_run_perks{"วีซ่า",    "ตั๋วเครื่องบิน", "ที่พัก",        "签证", "机票",
                                                       "包吃住", "ទិដ្ឋាការ",   "សំបុត្រយន្តហោះ", "ဗီဇာ",  "ວີຊາ"};
constexpr std::array<std::string_view, 24> k_run_destinations{
    "กัมพูชา", "เขมร",   "พม่า",   "ลาว",      "ดูไบ",    "ต่างประเทศ", "柬埔寨", "缅甸",
    "缅北",  "老挝",   "迪拜",  "菲律宾",   "东南亚", "海外",      "国外",   "金邊",
    "緬甸",  "東南亞", "កម្ពុជា", "ក្រៅប្រទេស", "မြန်မာ",  "နိုင်ငံခြား",   "ກຳປູເຈຍ", "ຕ່າງປະເທດ"};
constexpr std::array<std::string_view, 10> k_run_jobs{"งาน",    "รับสมัคร",  "工作", "招聘", "高薪",
                                                      "ការងារ", "ជ្រើសរើស", "အလုပ်",  "ວຽກ",  "ຮັບສະໝັກ"};

}  // namespace

WordCues word_cues(std::string_view word) {
  static const std::unordered_map<std::string_view, WordCues> cues_of = [] {
    std::unordered_map<std::string_view, WordCues> table;
    for (const std::string_view w : k_money) table[w].money = true;
    for (const std::string_view w : k_urgency) table[w].urgency = true;
    for (const std::string_view w : k_perks) table[w].perk = true;
    for (const std::string_view w : k_destinations) table[w].destination = true;
    for (const std::string_view w : k_jobs) table[w].job = true;
    return table;
  }();
  const auto found = cues_of.find(word);
  return found == cues_of.end() ? WordCues{} : found->second;
}
bool is_shortener_host(std::string_view host) { return contains(k_shorteners, host); }

bool run_has_money(std::string_view run) { return any_in(k_run_money, run); }
bool run_has_urgency(std::string_view run) { return any_in(k_run_urgency, run); }
bool run_has_perk(std::string_view run) { return any_in(k_run_perks, run); }
bool run_has_destination(std::string_view run) { return any_in(k_run_destinations, run); }
bool run_has_job(std::string_view run) { return any_in(k_run_jobs, run); }

}  // namespace jala::classify::cues
