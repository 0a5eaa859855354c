// The state of one extraction: the working text, its cues, which working bytes a finding already
// claims, and the findings so far. The scanners (internet_scanner.cpp, number_scanner.cpp) read and
// extend it; extract() owns it for the length of one call. Internal to jala::extract.
//
// Not thread-safe; one per call.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jala/extract/ascii.h"
#include "jala/extract/extract.h"
#include "jala/extract/lexicon.h"
#include "jala/extract/working_text.h"
#include "jala/model/selector.h"

namespace jala::extract {

// Confidence of each kind of evidence: checksums and strict formats leave little doubt; a value named
// only by a nearby keyword leaves more.
inline constexpr double k_checksum_confidence = 0.99;
inline constexpr double k_format_confidence = 0.95;
inline constexpr double k_phone_confidence = 0.9;
inline constexpr double k_keyword_confidence = 0.8;

// The shortest token read as a wallet address (scan_wallet); extract() skips shorter plain words.
inline constexpr std::size_t k_min_wallet_length = 25;
// The shortest first part of a wallet address wrapped at a line's end that is joined with the next line.
inline constexpr std::size_t k_min_wrapped_wallet_part = 8;

class Document {
 public:
  Document(std::string_view original, const ExtractContext& context);

  std::string_view text() const { return m_working.text(); }
  const std::vector<CueHit>& cues() const { return m_cues; }
  const model::NormaliseContext& normalise_context() const { return m_normalise_context; }
  std::string_view country() const { return m_normalise_context.default_region; }

  // Records a finding over the working span [start, end) and claims the span.
  void add(model::SelectorType type, std::string value, std::size_t start, std::size_t end, double confidence);
  // Claims a span without a finding (a near-miss wallet, a date), so no later scanner reads into it.
  void claim(std::size_t start, std::size_t end);
  bool is_claimed(std::size_t position) const;
  // The first end of a cue after `position`, or the text size: a number glued to a bank name
  // ("ICBC6222...") starts a token there.
  std::size_t next_cue_end(std::size_t position) const;
  // Whether a phone label ("Tel", "HP") ends at `end`.
  bool phone_label_ends_at(std::size_t end) const;

  // The findings in order of start, without duplicate (selector, start). Leaves the document empty.
  std::vector<Finding> take_findings();

 private:
  std::string_view m_original;
  WorkingText m_working;
  std::vector<CueHit> m_cues;
  model::NormaliseContext m_normalise_context;
  // The claimed working spans: disjoint, in order, merged as they are claimed. A text holds few findings,
  // so a short sorted list is smaller and faster than a flag per byte.
  struct Span {
    std::size_t start;
    std::size_t end;
  };
  std::vector<Span> m_claimed;
  std::vector<Finding> m_findings;
};

// Scanners: each is tried at a token start and returns the end of what it consumed, or 0 when the
// text at `start` is not its kind. The driver in extract.cpp calls them cheapest and most specific
// first.
std::size_t scan_url(Document& document, std::size_t start);
// A link of a platform whose links name an account (platform_link.cpp): adds the account's selectors over
// [start, end) and returns true; false, adding nothing, for any other link.
bool add_platform_link(Document& document, std::string_view url, std::size_t start, std::size_t end);
std::size_t scan_email(Document& document, std::size_t start);
// "tg://resolve?domain=NAME" and "whatsapp://send?phone=NUMBER" (scan_email tries it at "scheme:").
std::size_t scan_app_link(Document& document, std::size_t start);
std::size_t scan_host(Document& document, std::size_t start);
std::size_t scan_ip(Document& document, std::size_t start);
std::size_t scan_mention(Document& document, std::size_t start);
std::size_t scan_iban(Document& document, std::size_t start);
std::size_t scan_wallet(Document& document, std::size_t start);
// The wallet address at `start`, added; its end, or 0 (nothing claimed) when there is none.
std::size_t add_wallet(Document& document, std::size_t start);
std::size_t scan_number(Document& document, std::size_t start);
// After the main pass: bare names that follow a platform keyword ("Telegram: hr_james68").
void scan_bare_names(Document& document);

}  // namespace jala::extract
