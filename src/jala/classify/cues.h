// The cross-language word lists behind the classifier's cue features (features.h), over folded text
// (lower case, Latin letters without diacritics). Internal to classify/.
#pragma once

#include <string_view>

namespace jala::classify::cues {

// What a whole folded word is a cue of.
struct WordCues {
  bool money = false;
  bool urgency = false;
  bool perk = false;         // visa, flight, housing, meals…
  bool destination = false;  // where compounds are: Cambodia, Myanmar, Laos…
  bool job = false;
};
// One lookup for all the word lists.
WordCues word_cues(std::string_view word);
bool is_shortener_host(std::string_view host);

// Substrings that count in runs of scripts without spaces.
bool run_has_money(std::string_view run);
bool run_has_urgency(std::string_view run);
bool run_has_perk(std::string_view run);
bool run_has_destination(std::string_view run);
bool run_has_job(std::string_view run);

}  // namespace jala::classify::cues
