// The facts a job lure promises (model/assessment.h), read from its text: the salary with its
// currency and period (and in US dollars a month, when the rate is known), the destinations, the perks
// (visa, flight, housing, meals) and the employer the ad claims. Words come from lure_words.h, in the
// languages of docs/model.md; the contact handles are the report's selectors (extract/), not repeated
// here.
//
// The salary is the amount an ad names with a currency (or a number word only one currency uses, such
// as "15 triệu" or "3 juta"): the first with a pay period, else the first near a word for pay (with a
// month as its period); an amount with neither (a ransom, a fee, a loss) is no salary. A range gives its
// lower end.
//
// Pure function; thread-safe. Reads at most k_max_message_bytes (features.h) of the text.
#pragma once

#include <string_view>

#include "jala/model/assessment.h"

namespace jala::classify {

model::LureFacts lure_facts(std::string_view text);

}  // namespace jala::classify
