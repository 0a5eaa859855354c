// Deterministic multilingual input for the extraction benchmark: short texts in the style of scam
// reports and chats (Vietnamese, Thai, Khmer, Lao, Myanmar, Indonesian, Malay, Tagalog, Chinese, Korean,
// English, French, Arabic), each with the selectors such texts carry in their raw surface forms (phones
// in national, international, spaced and native-digit forms; e-mails, plain and defanged; URLs, plain,
// defanged and bare; Ethereum and TRON wallets and IBANs with valid checksums; Telegram handles) and the
// hard negatives around them (dates, amounts, order numbers). Selectors are drawn from pools so that they
// recur across texts, as shared selectors do in real data.
//
// Not thread-safe; one generator per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "deterministic_random.h"

namespace jala::bench {

// Whether the texts carry selectors and hard negatives, or only the prose around them (which measures
// the scanning alone, without the confirmations).
enum class Selectors { realistic, none };

struct CorpusRecord {
  std::string id;
  std::string text;
  std::string country;  // ISO 3166-1 alpha-2: the default region for national phone numbers
};

class ExtractCorpusGenerator {
 public:
  explicit ExtractCorpusGenerator(std::uint64_t seed, Selectors selectors = Selectors::realistic);
  CorpusRecord next_record();

 private:
  std::string phone(std::size_t language);
  std::string email();
  std::string url();
  std::string wallet();
  std::string iban();
  std::string handle();
  std::string date();
  std::string amount();
  std::string order_number();
  std::string fill(std::string_view sentence, std::size_t language);

  DeterministicRandom m_random;
  Selectors m_selectors;
  std::uint64_t m_count = 0;
  // Per language: national numbers that libphonenumber accepts, and their E.164 forms.
  std::vector<std::vector<std::string>> m_national_phones;
  std::vector<std::vector<std::string>> m_e164_phones;
  std::vector<std::string> m_wallets;
  std::vector<std::string> m_ibans;
};

// Records from `seed` until their texts hold at least `text_bytes` bytes.
std::vector<CorpusRecord> generate_corpus(std::uint64_t seed, std::size_t text_bytes,
                                          Selectors selectors = Selectors::realistic);

}  // namespace jala::bench
