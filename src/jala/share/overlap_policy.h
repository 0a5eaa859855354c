// A partner's private-overlap sessions against its agreement (storage::Partner, ADR 0009): how large a
// set it may send in one session, and how many sessions it may start in any 24 hours. An initiator can
// put selectors it guesses into its set and learn which the node holds, so both limits bound what a
// partner can find out beyond what the protocol discloses. The times of a partner's recent sessions
// are kept in the store's named state (overlap_state_name). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/time.h"
#include "jala/storage/sharing.h"

namespace jala::share {

enum class OverlapRefusal { none, not_allowed, set_too_large, too_many_sessions };

struct OverlapVerdict {
  OverlapRefusal refusal = OverlapRefusal::none;
  std::string why;                       // a sentence for the partner, when refused
  std::int64_t retry_after_seconds = 0;  // when there were too many sessions: until the oldest leaves the window
  bool admitted() const { return refusal == OverlapRefusal::none; }
};

// The window the session limit counts in.
inline constexpr std::int64_t k_overlap_window_micros = std::int64_t{24} * 60 * 60 * 1'000'000;

// The name under which the store's named state keeps a partner's recent sessions.
std::string overlap_state_name(std::string_view partner);
// The session times a state value holds (start times in microseconds, comma-separated), keeping only
// those in the window before `now`, oldest first. Entries that are not numbers are dropped.
std::vector<Timestamp> recent_overlap_sessions(std::string_view state, Timestamp now);
std::string format_overlap_sessions(const std::vector<Timestamp>& sessions);

// Whether `partner` may start a session with a set of `set_size` selectors at `now`, given its recent
// sessions (recent_overlap_sessions). When admitted, `sessions` gains this one.
OverlapVerdict admit_overlap(const storage::Partner& partner, std::size_t set_size, std::vector<Timestamp>& sessions,
                             Timestamp now);

}  // namespace jala::share
