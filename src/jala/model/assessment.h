// What the classifier (jala::classify) made of a report's text at intake: its label, scam category and
// score, and for a job lure the facts it promises (salary, destination, perks, employer), so that
// analysts can ask for "every lure promising Cambodia at more than 1,000 USD a month". Derived from
// the text, so not part of the intake form or the content hash. Value types; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::model {

enum class PayPeriod { hour, day, week, month, year };

std::string_view to_string(PayPeriod period);
Result<PayPeriod> parse_pay_period(std::string_view text);

// The pay a lure promises: the lower end of a range, in the currency the ad names (ISO 4217).
struct Salary {
  double amount = 0;
  std::string currency;
  PayPeriod period = PayPeriod::month;
  std::optional<double> usd_per_month;  // when the currency's rate is known (graph/usd_rates.h)
  bool operator==(const Salary&) const = default;
};

struct LureFacts {
  std::optional<Salary> salary;
  std::vector<std::string> destinations;  // ISO 3166-1 alpha-2, in order of first mention
  std::vector<std::string> perks;         // "visa", "flight", "housing", "meals", in that order
  std::string employer;                   // the company the ad claims, as written; may be empty
  bool operator==(const LureFacts&) const = default;
};

struct Assessment {
  std::string label;     // "benign", "spam" or "scam"
  std::string category;  // a scam's category ("job_lure", "investment", …); empty otherwise
  double scam_score = 0;
  std::optional<LureFacts> lure;  // for a job lure or a lure ad
  bool operator==(const Assessment&) const = default;
};

}  // namespace jala::model
