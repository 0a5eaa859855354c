// The sentence templates simulated reports are written from, one phrasebook per language. They were
// written for the simulator (nothing is copied from any real report or data set). Each clause holds
// one `{}` where a selector's surface form goes, and names its platform or bank where the extractor
// needs that cue ("Telegram @name", "LINE ID: name").
//
// Constant data; thread-safe.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace jala::simulate {

enum class ClauseKind {
  phone,
  telegram,
  line,
  whatsapp,
  zalo,
  site,
  email,
  bank,
  wallet,
  hotline,
  exchange,
  help_desk,
};
inline constexpr std::size_t k_clause_kinds = 12;

struct Phrasebook {
  std::string_view language;                             // BCP 47
  std::array<std::string_view, 3> complaint_openers;     // victim_complaint
  std::string_view chat_opener;                          // chat_export
  std::string_view lure_opener;                          // lure_ad: a job offer
  std::string_view report_opener;                        // suspicious_transaction_report, takedown
  std::array<std::string_view, k_clause_kinds> clauses;  // indexed by ClauseKind
  std::string_view closer;
};

// The phrasebook of `language`, or the English one when there is none.
const Phrasebook& phrasebook(std::string_view language);

}  // namespace jala::simulate
