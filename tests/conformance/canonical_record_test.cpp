// A transaction's canonical record is written directly (storage::canonical_record), not through
// nlohmann::json: it must be the same bytes as model::to_json(transaction).dump(), or the evidence log's
// hashes of records stored before and after would differ.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "jala/model/transaction.h"
#include "jala/storage/store.h"

namespace jala::storage {
namespace {

std::string random_text(std::mt19937_64& random) {
  // Bytes that need escaping, multi-byte UTF-8, and plain ASCII.
  static const std::vector<std::string> pieces = {"a",  "Z",  "0",    " ",      "\"",   "\\", "/",
                                                  "\t", "\n", "\x01", "\x1f",   "\x7f", "é",  "ß",
                                                  "ธ",  "中", "🔥",    "\u200b", "<",    "&",  "'"};
  std::string text;
  const std::size_t length = random() % 12;
  for (std::size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
  return text;
}

double random_amount(std::mt19937_64& random) {
  switch (random() % 5) {
    case 0: return static_cast<double>(random() % 1'000'000);
    case 1: return static_cast<double>(random() % 100'000'000) / 100;
    case 2: return std::uniform_real_distribution<double>(0, 1e9)(random);
    case 3: return std::ldexp(static_cast<double>(random() % 1'000'000), static_cast<int>(random() % 140) - 70);
    default: return -static_cast<double>(random() % 1000) / 7;
  }
}

TEST(CanonicalRecord, ATransactionsIsTheBytesNlohmannDumps) {
  std::mt19937_64 random(11);
  constexpr model::Channel k_channels[] = {model::Channel::bank, model::Channel::crypto, model::Channel::ewallet,
                                           model::Channel::card, model::Channel::cash,   model::Channel::other};
  for (int round = 0; round < 20'000; ++round) {
    model::Transaction transaction;
    transaction.source = random_text(random);
    transaction.id = random_text(random);
    transaction.from = {model::SelectorType::phone, random_text(random)};
    transaction.to = {model::SelectorType::bank, random_text(random)};
    transaction.amount = random_amount(random);
    transaction.currency = random_text(random);
    transaction.at = Timestamp{static_cast<std::int64_t>(random() % 4'000'000'000'000'000ULL)};
    transaction.channel = k_channels[random() % std::size(k_channels)];
    if (random() % 2 == 0) transaction.reference = random_text(random);
    ASSERT_EQ(canonical_record(transaction), model::to_json(transaction).dump()) << "round " << round;
  }
}

}  // namespace
}  // namespace jala::storage
