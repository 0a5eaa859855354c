// The cross-language word lists behind the classifier's cue features (features.h), over folded text
// (lower case, Latin letters without diacritics). Internal to classify/.
#pragma once

#include <string_view>

namespace jala::classify::cues {

// Whole folded words, or for scripts without spaces (Thai, Khmer, Lao, Burmese, Chinese) substrings.
bool is_money_word(std::string_view word);
bool is_urgency_word(std::string_view word);
bool is_perk_word(std::string_view word);         // visa, flight, housing, meals…
bool is_destination_word(std::string_view word);  // where compounds are: Cambodia, Myanmar, Laos…
bool is_job_word(std::string_view word);
bool is_shortener_host(std::string_view host);

// Substrings that count in runs of scripts without spaces.
bool run_has_money(std::string_view run);
bool run_has_urgency(std::string_view run);
bool run_has_perk(std::string_view run);
bool run_has_destination(std::string_view run);
bool run_has_job(std::string_view run);

}  // namespace jala::classify::cues
