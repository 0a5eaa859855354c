#include "jala/simulate/world.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace jala::simulate {
namespace {

using Plans = std::string_view;

constexpr std::array<Plans, 4> k_vn_plans = {"090#######", "091#######", "097#######", "098#######"};
constexpr std::array<Plans, 3> k_th_plans = {"081#######", "089#######", "062#######"};
constexpr std::array<Plans, 3> k_kh_plans = {"012######", "092######", "097#######"};
constexpr std::array<Plans, 2> k_id_plans = {"0812########", "0857########"};
constexpr std::array<Plans, 2> k_my_plans = {"012#######", "017#######"};
constexpr std::array<Plans, 2> k_ph_plans = {"0917#######", "0918#######"};
constexpr std::array<Plans, 2> k_cn_plans = {"138########", "139########"};
constexpr std::array<Plans, 1> k_kr_plans = {"010########"};
constexpr std::array<Plans, 2> k_sg_plans = {"9#######", "8#######"};
constexpr std::array<Plans, 2> k_gb_plans = {"07911######", "07400######"};
constexpr std::array<Plans, 2> k_fr_plans = {"06########", "07########"};
constexpr std::array<Plans, 2> k_us_plans = {"21272#####", "41532#####"};

constexpr std::array<Bank, 6> k_vn_banks = {{{"BFTVVNVX", "Vietcombank", 13},
                                             {"VTCBVNVX", "Techcombank", 14},
                                             {"MSCBVNVX", "MB Bank", 12},
                                             {"SGTTVNVX", "Sacombank", 12},
                                             {"VBAAVNVX", "Agribank", 13},
                                             {"ICBVVNVX", "VietinBank", 12}}};
constexpr std::array<Bank, 2> k_th_banks = {{{"KASITHBK", "Kasikornbank", 10}, {"BKKBTHBK", "Bangkok Bank", 10}}};
constexpr std::array<Bank, 1> k_kh_banks = {{{"ACLBKHPP", "ACLEDA", 12}}};
constexpr std::array<Bank, 4> k_id_banks = {
    {{"CENAIDJA", "BCA", 10}, {"BRINIDJA", "BRI", 15}, {"BMRIIDJA", "Mandiri", 13}, {"BNINIDJA", "BNI", 10}}};
constexpr std::array<Bank, 3> k_my_banks = {
    {{"MBBEMYKL", "Maybank", 12}, {"CIBBMYKL", "CIMB", 10}, {"PBBEMYKL", "Public Bank", 10}}};
constexpr std::array<Bank, 2> k_ph_banks = {{{"BNORPHMM", "BDO", 12}, {"MBTCPHMM", "Metrobank", 13}}};
constexpr std::array<Bank, 1> k_cn_banks = {{{"BKCHCNBJ", "Bank of China", 16}}};
constexpr std::array<Bank, 2> k_kr_banks = {{{"SHBKKRSE", "Shinhan Bank", 12}, {"HVBKKRSE", "Woori Bank", 13}}};
constexpr std::array<Bank, 2> k_sg_banks = {{{"DBSSSGSG", "DBS", 10}, {"OCBCSGSG", "OCBC", 10}}};
constexpr std::array<Bank, 1> k_gb_banks = {{{"BARCGB22", "Barclays", 8}}};
constexpr std::array<Bank, 2> k_fr_banks = {{{"BNPAFRPP", "BNP Paribas", 11}, {"SOGEFRPP", "Société Générale", 11}}};
constexpr std::array<Bank, 1> k_us_banks = {{{"CHASUS33", "JPMorgan Chase Bank", 10}}};

// Victims' countries, weighted by order (earlier ones report more; see economy.cpp).
constexpr std::array<Country, 12> k_countries = {{
    {"VN", "vi", "VN-MPS", "VND", 0.00004, "+07:00", "84", "0", k_vn_plans, k_vn_banks},
    {"TH", "th", "TH-CCIB", "THB", 0.028, "+07:00", "66", "0", k_th_plans, k_th_banks},
    {"ID", "id", "ID-POLRI", "IDR", 0.000062, "+07:00", "62", "0", k_id_plans, k_id_banks},
    {"PH", "tl", "PH-PNP", "PHP", 0.0175, "+08:00", "63", "0", k_ph_plans, k_ph_banks},
    {"MY", "ms", "MY-PDRM", "MYR", 0.21, "+08:00", "60", "0", k_my_plans, k_my_banks},
    {"KH", "km", "KH-MOI", "USD", 1.0, "+07:00", "855", "0", k_kh_plans, k_kh_banks},
    {"CN", "zh", "CN-MPS", "CNY", 0.14, "+08:00", "86", "", k_cn_plans, k_cn_banks},
    {"KR", "ko", "KR-KNPA", "KRW", 0.00073, "+09:00", "82", "0", k_kr_plans, k_kr_banks},
    {"SG", "en", "SG-SPF", "SGD", 0.74, "+08:00", "65", "", k_sg_plans, k_sg_banks},
    {"GB", "en", "GB-AF", "GBP", 1.27, "Z", "44", "0", k_gb_plans, k_gb_banks},
    {"FR", "fr", "FR-PHAROS", "EUR", 1.08, "+01:00", "33", "0", k_fr_plans, k_fr_banks},
    {"US", "en", "US-IC3", "USD", 1.0, "-05:00", "1", "", k_us_plans, k_us_banks},
}};

constexpr std::array<std::string_view, 4> k_compound_countries = {"KH", "PH", "TH", "VN"};

// A few of each list's numbers and domains; hub_test checks that every one is on its list.
constexpr std::array<std::string_view, 6> k_hotline_phones = {"+6628888888",   "+841900545413", "+8215889999",
                                                              "+601300886688", "+63288700700",  "+6626455555"};
constexpr std::array<std::string_view, 4> k_exchange_domains = {"binance.com", "okx.com", "bybit.com", "coinbase.com"};

constexpr Hubs k_hubs = {k_hotline_phones, k_exchange_domains, "+6562215500", "DBSSSGSG:0720118833"};

}  // namespace

std::span<const Country> countries() { return k_countries; }

const Country& country(std::string_view code) {
  const auto* found =
      std::find_if(k_countries.begin(), k_countries.end(), [&](const Country& each) { return each.code == code; });
  if (found == k_countries.end()) throw std::logic_error("simulate: no country " + std::string(code));
  return *found;
}

std::span<const std::string_view> compound_countries() { return k_compound_countries; }

const Hubs& hubs() { return k_hubs; }

}  // namespace jala::simulate
