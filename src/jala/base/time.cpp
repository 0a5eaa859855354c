#include "jala/base/time.h"

#include <chrono>
#include <cstdio>

#include "jala/base/utf8.h"

namespace jala {
namespace {

constexpr std::int64_t k_micros_per_second = 1'000'000;

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<std::int64_t>(year - era * 400);
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct CivilDate {
  int year;
  int month;
  int day;
};

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const auto month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const auto year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

// Reads exactly `count` ASCII digits at `position`, advancing it.
bool read_digits(std::string_view text, std::size_t& position, std::size_t count, int& out) {
  if (position + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[position + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  position += count;
  out = value;
  return true;
}

bool expect(std::string_view text, std::size_t& position, std::string_view allowed) {
  if (position >= text.size() || allowed.find(text[position]) == std::string_view::npos) return false;
  ++position;
  return true;
}

Error bad_time(std::string_view text, std::string_view why) {
  return invalid_argument("{} is not an RFC 3339 date-time ({})", quote_untrusted(text), why);
}

// ".ffffff" without its trailing zeros, for 0 < micros < 1,000,000.
std::string fraction_of(std::int64_t micros) {
  std::string fraction = ".000000";
  for (std::size_t i = 6; i >= 1; --i, micros /= 10) fraction[i] = static_cast<char>('0' + micros % 10);
  while (fraction.back() == '0') fraction.pop_back();
  return fraction;
}

}  // namespace

Result<Timestamp> parse_rfc3339(std::string_view text) {
  std::size_t at = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, at, 4, year) || !expect(text, at, "-") || !read_digits(text, at, 2, month) ||
      !expect(text, at, "-") || !read_digits(text, at, 2, day)) {
    return bad_time(text, "expected a date YYYY-MM-DD");
  }
  if (!expect(text, at, "Tt ")) return bad_time(text, "expected 'T' between date and time");
  if (!read_digits(text, at, 2, hour) || !expect(text, at, ":") || !read_digits(text, at, 2, minute) ||
      !expect(text, at, ":") || !read_digits(text, at, 2, second)) {
    return bad_time(text, "expected a time hh:mm:ss");
  }
  if (month < 1 || month > 12) return bad_time(text, "month out of range");
  if (day < 1 || day > days_in_month(year, month)) return bad_time(text, "day out of range for the month");
  if (hour > 23 || minute > 59 || second > 60) return bad_time(text, "time of day out of range");

  // Times are kept to the microsecond: a finer fraction would be cut, and two events nanoseconds apart
  // would become one instant, so it is refused. Zeros after the sixth digit (a nanosecond clock's export of
  // a whole microsecond) cut nothing.
  std::int64_t micros = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    std::size_t digits = 0;
    bool finer = false;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (digits < 6) micros = micros * 10 + (text[at] - '0');
      finer = finer || (digits >= 6 && text[at] != '0');
      ++digits;
      ++at;
    }
    if (digits == 0) return bad_time(text, "expected digits after '.'");
    if (digits > 9) return bad_time(text, "more than 9 fractional digits");
    if (finer) return bad_time(text, "a fraction finer than a microsecond; times are kept to 6 decimals");
    for (std::size_t i = digits; i < 6; ++i) micros *= 10;
  }

  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    int offset_hours = 0, offset_mins = 0;
    if (!read_digits(text, at, 2, offset_hours) || !expect(text, at, ":") ||
        !read_digits(text, at, 2, offset_mins) || offset_hours > 23 || offset_mins > 59) {
      return bad_time(text, "bad UTC offset; expected +hh:mm");
    }
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  } else {
    return bad_time(text, "missing UTC offset ('Z' or +hh:mm)");
  }
  if (at != text.size()) return bad_time(text, "unexpected text after the offset");

  const std::int64_t seconds = days_from_civil(year, month, day) * 86400 + std::int64_t{hour} * 3600 +
                               std::int64_t{minute} * 60 +
                               second - static_cast<std::int64_t>(offset_minutes) * 60;
  // A second 60 is a leap second, which UTC inserts only as 23:59:60 at the end of a month (ITU-R TF.460;
  // RFC 3339, 5.7): folded into the next second, it is midnight UTC on the first of a month. In any other
  // minute, 60 seconds is a mistake, not the next minute.
  if (second == 60) {
    constexpr std::int64_t k_seconds_per_day = 86400;
    const std::int64_t second_of_day = (seconds % k_seconds_per_day + k_seconds_per_day) % k_seconds_per_day;
    const std::int64_t day_after = (seconds - second_of_day) / k_seconds_per_day;
    if (second_of_day != 0 || civil_from_days(day_after).day != 1) {
      return bad_time(text, "a second of 60 is a leap second, only at 23:59:60 UTC on the last day of a month");
    }
  }
  return Timestamp{seconds * k_micros_per_second + micros};
}

std::string format_rfc3339(Timestamp time) {
  std::int64_t seconds = time.unix_micros / k_micros_per_second;
  std::int64_t micros = time.unix_micros % k_micros_per_second;
  if (micros < 0) {
    micros += k_micros_per_second;
    --seconds;
  }
  std::int64_t days = seconds / 86400;
  std::int64_t second_of_day = seconds % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    --days;
  }
  const CivilDate date = civil_from_days(days);
  if (date.year < 0 || date.year > 9999) {
    return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}Z", date.year, date.month, date.day,
                       second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60,
                       micros == 0 ? std::string() : fraction_of(micros));
  }
  // Written digit by digit: every stored record and log entry formats a time.
  std::string out = "0000-00-00T00:00:00";
  const auto put = [&out](std::size_t end, std::int64_t value, std::size_t digits) {
    for (std::size_t at = end; at > end - digits; --at, value /= 10) {
      out[at - 1] = static_cast<char>('0' + value % 10);
    }
  };
  put(4, date.year, 4);
  put(7, date.month, 2);
  put(10, date.day, 2);
  put(13, second_of_day / 3600, 2);
  put(16, second_of_day / 60 % 60, 2);
  put(19, second_of_day % 60, 2);
  if (micros != 0) out += fraction_of(micros);
  out += 'Z';
  return out;
}

Timestamp now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
}

}  // namespace jala
