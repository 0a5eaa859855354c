// The keywords of the cue scan (lexicon.h): each one's text, the cue it gives and its case rule.
//
// Pure; thread-safe.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "jala/extract/lexicon.h"

namespace jala::extract {

enum class Match { exact, any_case };

struct Keyword {
  std::string_view text;
  Cue cue;
  Match match = Match::any_case;
  std::string_view bank_key = {};  // for Cue::bank: the name model::normalise_bank resolves
};

// The bank names of the cue scan: the names and aliases of the bank table (model/bank_table.h) of a row
// that is a bank (it has a BIC8, or "bank" in its name; not an e-wallet, whose number is a phone),
// and its ambiguous aliases, each unless it could be an ordinary word (bank_keywords.cpp says which); and the
// few written forms the table lacks. None whose text `other_keywords` already
// has in any case: "MoMo" stays the e-wallet keyed by phone number that the fixed table makes it. Each
// bank_key is the key the bank table folded for the name when it was built (model::WrittenName).
std::vector<Keyword> bank_keywords(std::span<const Keyword> other_keywords);

}  // namespace jala::extract
