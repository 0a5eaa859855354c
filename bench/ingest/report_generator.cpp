#include "ingest/report_generator.h"

#include <array>
#include <string_view>

#include <fmt/core.h>

namespace jala::bench {
namespace {

constexpr std::array<std::string_view, 4> k_texts = {
    "Tôi được mời làm việc nhẹ lương cao ở Campuchia, họ hứa bao vé máy bay và visa, sau đó bắt tôi chuyển "
    "tiền đặt cọc qua tài khoản ngân hàng. Tôi đã mất toàn bộ tiền tiết kiệm.",
    "ฉันถูกชวนลงทุนคริปโตผ่านแอป มีคนแนะนำให้โอนเงินเข้าบัญชีและกระเป๋า USDT สุดท้ายถอนเงินไม่ได้",
    "I met someone on a dating app who introduced me to a trading platform. I deposited USDT several times "
    "and was then asked to pay a tax before any withdrawal.",
    "Lowongan kerja di luar negeri, gaji tinggi, tiket dan visa gratis. Hubungi rekruter lewat Telegram "
    "untuk wawancara. Setelah tiba paspor saya ditahan.",
};
constexpr std::array<std::string_view, 4> k_countries = {"VN", "TH", "GB", "ID"};
constexpr std::array<std::string_view, 6> k_kinds = {"victim_complaint", "victim_complaint", "lure_ad",
                                                     "chat_export", "suspicious_transaction_report", "other"};

}  // namespace

std::string ReportGenerator::next_line(std::uint64_t index) {
  const std::uint64_t pick = m_random.next();
  const std::size_t language = pick % k_texts.size();
  // Pools of 50,000 phones, 20,000 handles and 5,000 sites: each selector recurs in some 20-200 reports
  // per million, as shared selectors do.
  const std::uint64_t phone = 1'000'000 + m_random.next() % 50'000;
  const std::uint64_t handle = m_random.next() % 20'000;
  const std::uint64_t site = m_random.next() % 5'000;
  return fmt::format(
      R"({{"id":"R-{:09d}","source":"BENCH-{}","kind":"{}","country":"{}","reported_at":"2026-0{}-1{}T0{}:15:00+07:00",)"
      R"("text":"{}","loss":{{"amount":{},"currency":"USDT"}},"selectors":[{{"type":"phone","value":"+84 91 {} {:04d}"}},)"
      R"({{"type":"telegram","value":"@recruiter_{:05d}"}},{{"type":"url","value":"https://invest-{:04d}.example.com/join"}}]}})",
      index, pick % 7, k_kinds[pick % k_kinds.size()], k_countries[language], 1 + pick % 9, pick % 10, pick % 10,
      k_texts[language], 100 + pick % 10'000, phone / 10'000, phone % 10'000, handle, site);
}

}  // namespace jala::bench
