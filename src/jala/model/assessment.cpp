#include "jala/model/assessment.h"

#include <array>
#include "jala/base/utf8.h"

namespace jala::model {
namespace {

constexpr std::array<std::string_view, 5> k_pay_period_names = {"hour", "day", "week", "month", "year"};

}  // namespace

std::string_view to_string(PayPeriod period) { return k_pay_period_names[static_cast<std::size_t>(period)]; }

Result<PayPeriod> parse_pay_period(std::string_view text) {
  for (std::size_t i = 0; i < k_pay_period_names.size(); ++i) {
    if (k_pay_period_names[i] == text) return static_cast<PayPeriod>(i);
  }
  return invalid_argument("'{}' is not a pay period (hour, day, week, month, year)", truncate_utf8(text, 40));
}

}  // namespace jala::model
