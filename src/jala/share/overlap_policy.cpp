#include "jala/share/overlap_policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "jala/model/text.h"

namespace jala::share {

std::string overlap_state_name(std::string_view partner) { return fmt::format("overlap-sessions:{}", partner); }

std::vector<Timestamp> recent_overlap_sessions(std::string_view state, Timestamp now) {
  std::vector<Timestamp> sessions;
  for (const std::string& item : model::split_list(state, ',')) {
    std::int64_t micros = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), micros);
    if (error != std::errc() || end != item.data() + item.size()) continue;
    if (micros > now.unix_micros - k_overlap_window_micros && micros <= now.unix_micros) {
      sessions.push_back(Timestamp{micros});
    }
  }
  std::sort(sessions.begin(), sessions.end());
  return sessions;
}

std::string format_overlap_sessions(const std::vector<Timestamp>& sessions) {
  std::string state;
  for (const Timestamp& session : sessions) {
    fmt::format_to(std::back_inserter(state), "{}{}", state.empty() ? "" : ",", session.unix_micros);
  }
  return state;
}

OverlapVerdict admit_overlap(const storage::Partner& partner, std::size_t set_size, std::vector<Timestamp>& sessions,
                             Timestamp now) {
  if (partner.overlap_sessions_per_day == 0) {
    return {OverlapRefusal::not_allowed,
            fmt::format("the agreement with {} does not allow private overlap", partner.name), 0};
  }
  // The overlap tests the selectors of the node's reports: a partner that may not read them may not test them.
  const std::vector<std::string>& agreed = partner.collections;
  if (!agreed.empty() && std::find(agreed.begin(), agreed.end(), "reports") == agreed.end()) {
    return {OverlapRefusal::not_allowed,
            fmt::format("the agreement with {} does not include the reports collection, whose selectors private "
                        "overlap tests",
                        partner.name),
            0};
  }
  if (set_size > partner.overlap_max_set) {
    return {OverlapRefusal::set_too_large,
            fmt::format("the agreement with {} allows sets of at most {} selectors a session; this one holds {}",
                        partner.name, partner.overlap_max_set, set_size),
            0};
  }
  if (sessions.size() >= partner.overlap_sessions_per_day) {
    // The session that frees a place is the one this many places before the end.
    const Timestamp frees = sessions[sessions.size() - partner.overlap_sessions_per_day];
    const std::int64_t wait_micros = frees.unix_micros + k_overlap_window_micros - now.unix_micros;
    return {OverlapRefusal::too_many_sessions,
            fmt::format("{} has started {} private overlaps in the last 24 hours, as many as its agreement allows",
                        partner.name, sessions.size()),
            std::max<std::int64_t>(1, (wait_micros + 999'999) / 1'000'000)};
  }
  sessions.push_back(now);
  return {};
}

}  // namespace jala::share
