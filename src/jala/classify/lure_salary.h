// The salary a job lure promises (lure_facts.h), read from its folded text (lure_text::fold): the amount an
// ad names with a currency (or a number word only one currency uses, such as "15 triệu" or "3 juta"): the
// first with a pay period, else the first near a word for pay (with a month as its period); an amount with
// neither (a ransom, a fee, a loss) is no salary. A range gives its lower end.
#pragma once

#include <optional>
#include <string_view>

#include "jala/model/assessment.h"

namespace jala::classify {

// `original`: the text as written, whose language decides what 万, 千 and ¥ stand for (yen in Japanese, else
// yuan).
std::optional<model::Salary> find_salary(std::string_view folded_text, std::string_view original);

}  // namespace jala::classify
