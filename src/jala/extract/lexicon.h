// The words that give a nearby value its meaning: platform names (a "@name" is a Telegram account
// only after "Telegram"), bank names and aliases (an account number is a selector only with its bank),
// Solana (a base58 key is a wallet only when Solana is named), and the labels that mark a number as
// something other than a phone (OTP, order, tracking, account) or a dotted number as a version. One constexpr table; a
// document's cues are found in one pass and looked up by position.
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace jala::extract {

enum class Cue {
  telegram,
  whatsapp,
  zalo,
  line,
  wechat,
  instagram,
  tiktok,
  x,
  facebook,
  phone_only,  // a platform or e-wallet keyed by phone number with no selector type of its own
  solana,
  bank,           // `bank_key` is the bank's name, as model::normalise_bank resolves it
  code_label,     // OTP, verification code, order, tracking, invoice, reference, QQ: neither a phone nor an account
  account_label,  // "STK", "계좌", "rekening": the number that follows is not a phone
  phone_label,  // "phone", "电话", "เบอร์", "☎": the number that follows is a phone even near a bank name
  version_label,  // "version", "版本": the dotted number that follows is a version, not an IPv4 address
};

struct CueHit {
  std::size_t start;  // working-text offsets
  std::size_t end;
  Cue cue;
  std::string_view bank_key;  // for Cue::bank only
};

// Every cue in `text` (a working text), in order of start; at one position the longest match wins.
std::vector<CueHit> find_cues(std::string_view text);

// The last cue of one of `wanted` that ends at or before `position` and no further back than
// `window` bytes, with no clause break (newline, sentence end) between; nullptr when there is none.
const CueHit* cue_before(const std::vector<CueHit>& cues, std::string_view text, std::size_t position,
                         std::size_t window, std::initializer_list<Cue> wanted);
// The first cue of `wanted` that starts at or after `position` within `window` bytes, same clause.
const CueHit* cue_after(const std::vector<CueHit>& cues, std::string_view text, std::size_t position,
                        std::size_t window, std::initializer_list<Cue> wanted);

bool has_cue(const std::vector<CueHit>& cues, Cue cue);

}  // namespace jala::extract
