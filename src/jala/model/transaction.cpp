#include "jala/model/transaction.h"

#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/model/currency.h"
#include "jala/model/report.h"

namespace jala::model {
namespace {

constexpr std::array<std::string_view, 6> k_channel_names = {"bank", "crypto", "ewallet", "card", "cash", "other"};

}  // namespace

std::string_view to_string(Channel channel) { return k_channel_names[static_cast<std::size_t>(channel)]; }

Result<Channel> parse_channel(std::string_view text) {
  for (std::size_t i = 0; i < k_channel_names.size(); ++i) {
    if (k_channel_names[i] == text) return static_cast<Channel>(i);
  }
  return invalid_argument("'{}' is not a channel (bank, crypto, ewallet, card, cash, other)", truncate_utf8(text, 40));
}

Status validate(const Transaction& transaction) {
  JALA_TRY(validate_identifier("source", transaction.source));
  JALA_TRY(validate_identifier("id", transaction.id));
  JALA_TRY(validate_record_time("at", transaction.at));
  if (transaction.from.value.empty()) return invalid_argument("from: is required");
  if (transaction.to.value.empty()) return invalid_argument("to: is required");
  if (!std::isfinite(transaction.amount) || transaction.amount <= 0 || transaction.amount > k_max_amount) {
    return invalid_argument("amount: must be a number greater than zero and at most {:g}", k_max_amount);
  }
  if (transaction.currency.empty()) return invalid_argument("currency: is required");
  if (transaction.reference.size() > k_max_reference_bytes) {
    return invalid_argument("reference: is {} bytes; the limit is {}", transaction.reference.size(),
                            k_max_reference_bytes);
  }
  if (!is_valid_utf8(transaction.reference)) return invalid_argument("reference: is not valid UTF-8");
  JALA_TRY(validate_no_nul("reference", transaction.reference));
  return {};
}

Sha256Digest content_hash(const Transaction& transaction) {
  Sha256 hash;
  hash.update_field("jala.transaction.v1").update_field(transaction.source).update_field(transaction.id);
  hash.update_field(transaction.from.to_string()).update_field(transaction.to.to_string());
  hash.update_field(fmt::format("{}", transaction.amount)).update_field(transaction.currency);
  hash.update_field(transaction.at.unix_micros).update_field(to_string(transaction.channel));
  hash.update_field(transaction.reference);
  return hash.finish();
}

nlohmann::json to_json(const Transaction& transaction) {
  nlohmann::json out = {
      {"record", "transaction"},
      {"source", transaction.source},
      {"id", transaction.id},
      {"from", transaction.from.to_string()},
      {"to", transaction.to.to_string()},
      {"amount", transaction.amount},
      {"currency", transaction.currency},
      {"at", format_rfc3339(transaction.at)},
      {"channel", to_string(transaction.channel)},
  };
  if (!transaction.reference.empty()) out["reference"] = transaction.reference;
  return out;
}

}  // namespace jala::model
