#include "jala/classify/lure_words.h"

#include <array>

namespace jala::classify::lure_words {
namespace {

// Folded forms: Vietnamese "tháng" is "thang", "triệu" is "trieu"; French "société" is "societe".
constexpr std::array<Term, 16> k_currencies_before{{
    {"us$", "USD"}, {"usd", "USD"}, {"$", "USD"}, {"rm", "MYR"}, {"rp", "IDR"}, {"idr", "IDR"},
    {"₱", "PHP"}, {"php", "PHP"}, {"฿", "THB"}, {"thb", "THB"}, {"€", "EUR"}, {"eur", "EUR"},
    {"¥", "CNY"}, {"rmb", "CNY"}, {"aed", "AED"}, {"sgd", "SGD"},
}};

constexpr std::array<Term, 53> k_currencies_after{{
    {"usdt", "USDT"},   {"usd", "USD"},   {"us$", "USD"},  {"$", "USD"},      {"dollars", "USD"}, {"dollar", "USD"},
    {"do la", "USD"},   {"do my", "USD"}, {"dola", "USD"}, {"ดอลลาร์", "USD"}, {"ដុល្លារ", "USD"},   {"ໂດລາ", "USD"},
    {"ဒေါ်လာ", "USD"},   {"美元", "USD"},  {"美金", "USD"}, {"刀", "USD"},     {"u", "USDT"},      {"vnd", "VND"},
    {"dong", "VND"},    {"₫", "VND"},     {"baht", "THB"}, {"บาท", "THB"},    {"thb", "THB"},     {"฿", "THB"},
    {"ringgit", "MYR"}, {"myr", "MYR"},   {"rm", "MYR"},   {"pesos", "PHP"},  {"peso", "PHP"},    {"php", "PHP"},
    {"rupiah", "IDR"},  {"idr", "IDR"},   {"yuan", "CNY"}, {"rmb", "CNY"},    {"cny", "CNY"},     {"元", "CNY"},
    {"块", "CNY"},      {"riel", "KHR"},  {"khr", "KHR"},  {"រៀល", "KHR"},    {"kyat", "MMK"},    {"mmk", "MMK"},
    {"ကျပ်", "MMK"},     {"kip", "LAK"},   {"lak", "LAK"},  {"ກີບ", "LAK"},     {"aed", "AED"},     {"dirham", "AED"},
    {"euros", "EUR"},   {"euro", "EUR"},  {"eur", "EUR"},  {"€", "EUR"},      {"人民币", "CNY"},
}};

// `means`: the factor, then "/" and the one currency the word implies, if any.
constexpr std::array<Term, 16> k_multipliers{{
    {"trieu", "1000000/VND"}, {"tr", "1000000/VND"}, {"ty", "1000000000/VND"}, {"juta", "1000000/IDR"},
    {"jt", "1000000/IDR"},    {"million", "1000000"}, {"mil", "1000000"},       {"m", "1000000"},
    {"k", "1000"},            {"ribu", "1000/IDR"},   {"rb", "1000/IDR"},       {"万", "10000/CNY"},
    {"萬", "10000/CNY"},       {"千", "1000/CNY"},      {"ล้าน", "1000000/THB"},   {"หมื่น", "10000/THB"},
}};

constexpr std::array<Term, 66> k_periods_after{{
    {"per month", "month"}, {"a month", "month"},     {"monthly", "month"},   {"each month", "month"},
    {"month", "month"},     {"mo", "month"},          {"moi thang", "month"}, {"mot thang", "month"},
    {"1 thang", "month"},   {"thang", "month"},       {"sebulan", "month"},   {"per bulan", "month"},
    {"tiap bulan", "month"},{"bulan", "month"},       {"kada buwan", "month"},{"bawat buwan", "month"},
    {"buwan", "month"},     {"par mois", "month"},    {"mois", "month"},      {"ต่อเดือน", "month"},
    {"เดือน", "month"},      {"每月", "month"},          {"一个月", "month"},       {"月", "month"},
    {"ក្នុងមួយខែ", "month"},     {"ខែ", "month"},           {"တစ်လ", "month"},        {"ຕໍ່ເດືອນ", "month"},
    {"ເດືອນ", "month"},      {"per day", "day"},       {"a day", "day"},       {"daily", "day"},
    {"day", "day"},         {"moi ngay", "day"},      {"ngay", "day"},        {"sehari", "day"},
    {"per hari", "day"},    {"hari", "day"},          {"kada araw", "day"},   {"araw", "day"},
    {"par jour", "day"},    {"jour", "day"},          {"ต่อวัน", "day"},        {"วัน", "day"},
    {"每天", "day"},          {"天", "day"},              {"日", "day"},           {"per week", "week"},
    {"a week", "week"},     {"weekly", "week"},       {"week", "week"},       {"tuan", "week"},
    {"minggu", "week"},     {"semaine", "week"},      {"per year", "year"},   {"a year", "year"},
    {"year", "year"},       {"tahun", "year"},        {"par an", "year"},     {"年", "year"},
    {"per hour", "hour"},   {"an hour", "hour"},      {"hour", "hour"},       {"gio", "hour"},
    {"jam", "hour"},        {"小时", "hour"},
}};

constexpr std::array<Term, 14> k_periods_before{{
    {"luong thang", "month"}, {"gaji bulanan", "month"}, {"monthly salary", "month"}, {"月薪", "month"},
    {"เงินเดือน", "month"},     {"เดือนละ", "month"},       {"ប្រាក់ខែ", "month"},         {"လစာ", "month"},
    {"ເງິນເດືອນ", "month"},     {"日薪", "day"},            {"วันละ", "day"},            {"daily wage", "day"},
    {"年薪", "year"},          {"时薪", "hour"},
}};

constexpr std::array<std::string_view, 26> k_pay_words{
    "salary", "pay",    "income", "earn",     "wage",    "luong",    "thu nhap", "gaji",   "upah",
    "pendapatan", "sahod", "kita", "salaire", "revenu", "เงินเดือน", "รายได้",     "ค่าจ้าง", "薪",
    "工资",     "收入",    "ប្រាក់ខែ", "ប្រាក់ចំណូល", "လစာ",     "ဝင်ငွေ",     "ເງິນເດືອນ", "ລາຍໄດ້"};

constexpr std::array<Term, 85> k_destinations{{
    {"cambodia", "KH"},
    {"campuchia", "KH"},
    {"cam pu chia", "KH"},
    {"kemboja", "KH"},
    {"kamboja", "KH"},
    {"cambodge", "KH"},
    {"kambodya", "KH"},
    {"phnom penh", "KH"},
    {"phnompenh", "KH"},
    {"sihanoukville", "KH"},
    {"sihanouk", "KH"},
    {"bavet", "KH"},
    {"poipet", "KH"},
    {"kampot", "KH"},
    {"กัมพูชา", "KH"},
    {"เขมร", "KH"},
    {"柬埔寨", "KH"},
    {"金边", "KH"},
    {"金邊", "KH"},
    {"西港", "KH"},
    {"កម្ពុជា", "KH"},
    {"ភ្នំពេញ", "KH"},
    {"ກຳປູເຈຍ", "KH"},
    {"ကမ္ဘောဒီးယား", "KH"},
    {"myanmar", "MM"},
    {"burma", "MM"},
    {"mien dien", "MM"},
    {"myawaddy", "MM"},
    {"shwekokko", "MM"},
    {"kokang", "MM"},
    {"tachileik", "MM"},
    {"พม่า", "MM"},
    {"เมียนมา", "MM"},
    {"缅甸", "MM"},
    {"緬甸", "MM"},
    {"缅北", "MM"},
    {"妙瓦底", "MM"},
    {"မြန်မာ", "MM"},
    {"ມຽນມາ", "MM"},
    {"laos", "LA"},
    {"nuoc lao", "LA"},
    {"sang lao", "LA"},
    {"golden triangle", "LA"},
    {"tam giac vang", "LA"},
    {"bokeo", "LA"},
    {"ลาว", "LA"},
    {"老挝", "LA"},
    {"金三角", "LA"},
    {"ລາວ", "LA"},
    {"philippines", "PH"},
    {"philippine", "PH"},
    {"pilipinas", "PH"},
    {"filipina", "PH"},
    {"manila", "PH"},
    {"pampanga", "PH"},
    {"菲律宾", "PH"},
    {"ฟิลิปปินส์", "PH"},
    {"thailand", "TH"},
    {"thai lan", "TH"},
    {"bangkok", "TH"},
    {"mae sot", "TH"},
    {"泰国", "TH"},
    {"dubai", "AE"},
    {"uae", "AE"},
    {"ดูไบ", "AE"},
    {"迪拜", "AE"},
    {"malaysia", "MY"},
    {"ma lai", "MY"},
    {"kuala lumpur", "MY"},
    {"มาเลเซีย", "MY"},
    {"马来西亚", "MY"},
    {"indonesia", "ID"},
    {"jakarta", "ID"},
    {"batam", "ID"},
    {"印尼", "ID"},
    {"vietnam", "VN"},
    {"viet nam", "VN"},
    {"越南", "VN"},
    {"เวียดนาม", "VN"},
    {"ປະເທດໄທ", "TH"},
    {"เมียวดี", "MM"},
    {"မြဝတီ", "MM"},
    {"ថៃ", "TH"},
    {"ထိုင်း", "TH"},
    {"แม่สอด", "TH"},
}};

constexpr std::array<Term, 58> k_perks{{
    {"visa", "visa"},         {"vi sa", "visa"},        {"thi thuc", "visa"},     {"work permit", "visa"},
    {"วีซ่า", "visa"},          {"签证", "visa"},           {"ទិដ្ឋាការ", "visa"},       {"ဗီဇာ", "visa"},
    {"ວີຊາ", "visa"},          {"flight", "flight"},     {"air ticket", "flight"}, {"plane ticket", "flight"},
    {"airfare", "flight"},    {"ve may bay", "flight"}, {"tiket pesawat", "flight"}, {"tiket", "flight"},
    {"pamasahe", "flight"},   {"billet d avion", "flight"}, {"billet", "flight"}, {"ตั๋วเครื่องบิน", "flight"},
    {"机票", "flight"},         {"សំបុត្រយន្តហោះ", "flight"},  {"လေယာဉ်လက်မှတ်", "flight"}, {"ປີ້ຍົນ", "flight"},
    {"accommodation", "housing"}, {"housing", "housing"}, {"dormitory", "housing"}, {"dorm", "housing"},
    {"free room", "housing"}, {"cho o", "housing"},    {"an o", "housing"},      {"penginapan", "housing"},
    {"asrama", "housing"},    {"tempat tinggal", "housing"}, {"tirahan", "housing"}, {"libreng bahay", "housing"},
    {"logement", "housing"},  {"loge", "housing"},     {"ที่พัก", "housing"},       {"包住", "housing"},
    {"包吃住", "housing"},      {"住宿", "housing"},       {"宿舍", "housing"},        {"កន្លែងស្នាក់នៅ", "housing"},
    {"နေရာထိုင်", "housing"},     {"ທີ່ພັກ", "housing"},       {"meals", "meals"},       {"food", "meals"},
    {"an uong", "meals"},     {"bao an", "meals"},     {"makan", "meals"},       {"pagkain", "meals"},
    {"repas", "meals"},       {"nourri", "meals"},     {"อาหาร", "meals"},        {"包吃", "meals"},
    {"អាហារ", "meals"},         {"ອາຫານ", "meals"},
}};

constexpr std::array<std::string_view, 32> k_negations_before{
    "khong ho tro", "ko ho tro", "khong bao gom",  "khong bao",    "ko bao",
    "khong co",     "ko co",     "khong",          "no",           "not including",
    "excluding",    "without",   "tidak termasuk", "tidak ada",    "tidak",
    "tanpa",        "tiada",     "walang",         "hindi kasama", "sans",
    "pas de",       "pas d",     "不包",           "不含",         "不提供",
    "不",           "无",        "没有",           "ไม่มี",          "ไม่รวม",
    "មិនមាន",        "ບໍ່ມີ"};

constexpr std::array<std::string_view, 12> k_negations_after{
    "tu tuc",      "tu tra", "not included", "not provided", "not covered", "tidak termasuk", "ditanggung sendiri",
    "non compris", "自理",   "自付",         "不报销",       "不包"};

constexpr std::array<std::string_view, 12> k_employer_prefixes{
    "cong ty", "cty", "tap doan", "pt", "perusahaan", "syarikat", "kompanya", "societe", "entreprise",
    "บริษัท",  "ក្រុមហ៊ុន", "ບໍລິສັດ"};

constexpr std::array<std::string_view, 14> k_employer_suffixes{
    "co., ltd", "co.,ltd", "co. ltd", "ltd", "limited", "inc", "corp", "corporation", "group", "company",
    "sdn bhd", "llc", "公司", "集团"};

}  // namespace

std::span<const Term> currencies_before() { return k_currencies_before; }
std::span<const Term> currencies_after() { return k_currencies_after; }
std::span<const Term> multipliers() { return k_multipliers; }
std::span<const Term> periods_after() { return k_periods_after; }
std::span<const Term> periods_before() { return k_periods_before; }
std::span<const std::string_view> pay_words() { return k_pay_words; }
std::span<const Term> destinations() { return k_destinations; }
std::span<const Term> perks() { return k_perks; }
std::span<const std::string_view> negations_before() { return k_negations_before; }
std::span<const std::string_view> negations_after() { return k_negations_after; }
std::span<const std::string_view> employer_prefixes() { return k_employer_prefixes; }
std::span<const std::string_view> employer_suffixes() { return k_employer_suffixes; }

}  // namespace jala::classify::lure_words
