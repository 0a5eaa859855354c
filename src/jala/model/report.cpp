#include "jala/model/report.h"

#include <array>
#include <cmath>

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/model/currency.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

constexpr std::array<std::string_view, 6> k_report_kind_names = {
    "victim_complaint", "lure_ad", "chat_export", "suspicious_transaction_report", "takedown", "other"};

// Whether valid UTF-8 `text` shows anything: a character that is neither white space nor one that is
// invisible by default (zero-width spaces and joiners, bidirectional marks, a byte order mark).
bool shows_anything(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t at = 0; at < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(ReportKind kind) { return k_report_kind_names[static_cast<std::size_t>(kind)]; }

Result<ReportKind> parse_report_kind(std::string_view text) {
  for (std::size_t i = 0; i < k_report_kind_names.size(); ++i) {
    if (k_report_kind_names[i] == text) return static_cast<ReportKind>(i);
  }
  return invalid_argument(
      "'{}' is not a report kind (victim_complaint, lure_ad, chat_export, "
      "suspicious_transaction_report, takedown, other)",
      truncate_utf8(text, 40));
}

Status validate_identifier(std::string_view field, std::string_view value) {
  if (value.empty()) return invalid_argument("{}: is required and must not be empty", field);
  if (value.size() > k_max_identifier_bytes) {
    return invalid_argument("{}: is {} bytes; the limit is {}", field, value.size(), k_max_identifier_bytes);
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    // C0 and DEL, and the C1 controls U+0080 to U+009F (UTF-8 C2 80 to C2 9F), such as CSI (U+009B).
    const bool c1 = c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(value[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7f || c1) return invalid_argument("{}: contains a control character", field);
  }
  if (!is_valid_utf8(value)) return invalid_argument("{}: is not valid UTF-8", field);
  // Identifiers compare exactly: "X1 " would be a second record beside "X1", and count the same transfer twice.
  if (value.front() == ' ' || value.back() == ' ') {
    return invalid_argument("{}: '{}' has a space at its start or end; identifiers compare exactly", field, value);
  }
  // A browser resolves these as path segments, also when written %2E%2E, so the web UI could not open
  // the record.
  if (value == "." || value == "..") {
    return invalid_argument("{}: '{}' names a folder in a URL, not a record", field, value);
  }
  return {};
}

Status validate_no_nul(std::string_view field, std::string_view value) {
  if (value.find('\0') != std::string_view::npos) {
    return invalid_argument("{}: contains a NUL character (U+0000), which a PostgreSQL store cannot hold", field);
  }
  return {};
}

Status validate_record_time(std::string_view field, Timestamp at) {
  constexpr std::int64_t k_day_micros = 86'400'000'000;
  if (at.unix_micros < 0) return invalid_argument("{}: {} is before 1970", field, format_rfc3339(at));
  if (at.unix_micros > now().unix_micros + k_day_micros) {
    return invalid_argument("{}: {} is in the future", field, format_rfc3339(at));
  }
  return {};
}

Status validate(const Report& report) {
  JALA_TRY(validate_identifier("source", report.source));
  JALA_TRY(validate_identifier("id", report.id));
  JALA_TRY(validate_record_time("reported_at", report.reported_at));
  if (report.country.empty()) return invalid_argument("country: is required");
  if (report.text.size() > k_max_text_bytes) {
    return invalid_argument("text: is {} bytes; the limit is {}", report.text.size(), k_max_text_bytes);
  }
  if (!is_valid_utf8(report.text)) return invalid_argument("text: is not valid UTF-8");
  JALA_TRY(validate_no_nul("text", report.text));
  if (report.withdrawn && !report.selectors.empty()) {
    return invalid_argument("selectors: a withdrawn report names none, so that nothing links through it");
  }
  if (!shows_anything(report.text) && report.selectors.empty() && !report.withdrawn) {
    return invalid_argument("text: a report needs text or selectors, and has neither");
  }
  if (report.selectors.size() > k_max_selectors_per_report) {
    return invalid_argument("selectors: {} selectors; the limit is {}", report.selectors.size(),
                            k_max_selectors_per_report);
  }
  for (std::size_t i = 0; i < report.selectors.size(); ++i) {
    const std::string& raw = report.selectors[i].raw;
    if (raw.size() > k_max_selector_raw_bytes || !is_valid_utf8(raw)) {
      return invalid_argument("selectors[{}]: the raw value is not valid UTF-8 or is too long", i);
    }
    JALA_TRY(validate_no_nul(fmt::format("selectors[{}]", i), raw));
  }
  if (report.loss &&
      (!std::isfinite(report.loss->amount) || report.loss->amount < 0 || report.loss->amount > k_max_amount)) {
    return invalid_argument("loss.amount: must be a number from zero to {:g}", k_max_amount);
  }
  return {};
}

std::vector<ReportSelector> derived_selectors(const Report& report) {
  std::vector<ReportSelector> out;
  for (const ReportSelector& named : report.selectors) {
    if (named.selector.type != SelectorType::url) continue;
    if (std::optional<Selector> host = url_host_selector(named.selector)) out.push_back({std::move(*host), named.raw});
  }
  return out;
}

std::vector<Selector> named_selectors(const Report& report) {
  std::vector<Selector> out;
  out.reserve(report.selectors.size() + report.text_selectors.size());
  for (const ReportSelector& named : report.selectors) out.push_back(named.selector);
  for (ReportSelector& derived : derived_selectors(report)) out.push_back(std::move(derived.selector));
  for (const TextSelector& found : report.text_selectors) out.push_back(found.selector);
  return out;
}

Sha256Digest content_hash(const Report& report) {
  Sha256 hash;
  hash.update_field("jala.report.v1").update_field(report.source).update_field(report.id);
  hash.update_field(to_string(report.kind)).update_field(report.country).update_field(report.reported_at.unix_micros);
  hash.update_field(report.text).update_field(report.language).update_field(report.victim_country);
  hash.update_field(to_string(report.tlp));
  if (report.loss) {
    hash.update_field(fmt::format("{}", report.loss->amount)).update_field(report.loss->currency);
  } else {
    hash.update_field("no loss");
  }
  hash.update_field(static_cast<std::int64_t>(report.selectors.size()));
  for (const ReportSelector& entry : report.selectors) {
    hash.update_field(to_string(entry.selector.type)).update_field(entry.selector.value).update_field(entry.raw);
  }
  if (report.withdrawn) hash.update_field("withdrawn");  // after the counted selectors, so never ambiguous
  return hash.finish();
}

nlohmann::json to_json(const Report& report) {
  nlohmann::json out = {
      {"record", "report"},
      {"source", report.source},
      {"id", report.id},
      {"kind", to_string(report.kind)},
      {"country", report.country},
      {"reported_at", format_rfc3339(report.reported_at)},
      {"tlp", to_string(report.tlp)},
  };
  if (!report.text.empty()) out["text"] = report.text;
  if (!report.language.empty()) out["language"] = report.language;
  if (!report.victim_country.empty()) out["victim_country"] = report.victim_country;
  if (report.loss) out["loss"] = {{"amount", report.loss->amount}, {"currency", report.loss->currency}};
  if (report.withdrawn) out["withdrawn"] = true;
  if (!report.selectors.empty()) {
    nlohmann::json selectors = nlohmann::json::array();
    for (const ReportSelector& entry : report.selectors) {
      selectors.push_back({{"type", to_string(entry.selector.type)},
                           {"value", entry.selector.value},
                           {"raw", entry.raw}});
    }
    out["selectors"] = std::move(selectors);
  }
  return out;
}

}  // namespace jala::model
