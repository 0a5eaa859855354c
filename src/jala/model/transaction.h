// A transaction: money moving from one account selector to another, as a bank, exchange or FIU file
// reports it. Identified by (source, id). Value type; thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/base/sha256.h"
#include "jala/base/time.h"
#include "jala/model/selector.h"

namespace jala::model {

enum class Channel { bank, crypto, ewallet, card, cash, other };

std::string_view to_string(Channel channel);
Result<Channel> parse_channel(std::string_view text);

inline constexpr std::size_t k_max_reference_bytes = 1024;

struct Transaction {
  std::string source;
  std::string id;
  Selector from;
  Selector to;
  double amount = 0;
  std::string currency;
  Timestamp at;
  Channel channel = Channel::other;
  std::string reference;

  bool operator==(const Transaction&) const = default;
};

// Checks required fields and limits; the message names the field.
Status validate(const Transaction& transaction);

// SHA-256 over a canonical, length-prefixed encoding of every field ("jala.transaction.v1").
Sha256Digest content_hash(const Transaction& transaction);

// The record in the intake JSON form of the interface spec, with canonical values; deterministic.
nlohmann::json to_json(const Transaction& transaction);

}  // namespace jala::model
