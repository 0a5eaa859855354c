// A report: one complaint, lure ad, chat export, suspicious-transaction report or takedown, as an
// agency sent it, with the selectors it names. Identified by (source, id).
// Value type; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/base/sha256.h"
#include "jala/base/time.h"
#include "jala/model/assessment.h"
#include "jala/model/selector.h"
#include "jala/model/tlp.h"

namespace jala::model {

enum class ReportKind { victim_complaint, lure_ad, chat_export, suspicious_transaction_report, takedown, other };

std::string_view to_string(ReportKind kind);
Result<ReportKind> parse_report_kind(std::string_view text);

// Limits that keep one hostile record from exhausting memory. Intake rejects records beyond them.
inline constexpr std::size_t k_max_identifier_bytes = 256;    // source, id
inline constexpr std::size_t k_max_text_bytes = std::size_t{512} * 1024;   // report text
inline constexpr std::size_t k_max_selectors_per_report = 1000;

struct Money {
  double amount = 0;
  std::string currency;  // ISO 4217 or a crypto asset code (see currency.h)
  bool operator==(const Money&) const = default;
};

// A selector as the intake form gave it: `raw` is the value before normalisation.
struct ReportSelector {
  Selector selector;
  std::string raw;
  bool operator==(const ReportSelector&) const = default;
};

// A selector that extraction (jala::extract) found in the report's text: its UTF-8 byte span in
// `text` and how sure extraction is. Derived from the text, so not part of the intake form or the
// content hash.
struct TextSelector {
  Selector selector;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  double confidence = 0;
  bool operator==(const TextSelector&) const = default;
};

struct Report {
  std::string source;
  std::string id;
  ReportKind kind = ReportKind::other;
  std::string country;  // ISO 3166-1 alpha-2 of the reporting agency
  Timestamp reported_at;
  std::string text;
  std::string language;        // BCP 47, or empty
  std::string victim_country;  // ISO 3166-1 alpha-2, or empty
  std::optional<Money> loss;
  std::vector<ReportSelector> selectors;   // given by the intake form
  std::vector<TextSelector> text_selectors;  // found in `text` at intake
  std::optional<Assessment> assessment;      // the classifier's, at intake (assessment.h)
  Tlp tlp = k_default_tlp;
  // Withdrawn by its source (a STIX `revoked` version, or `"withdrawn": true` at intake): kept as a
  // record, with its text, but it names no selectors and is not assessed, so nothing links through it.
  bool withdrawn = false;

  bool operator==(const Report&) const = default;
};

// What the form's selectors imply, as extraction gives it beside what it finds in text: the domain:
// (or ip:) of each URL (url_host_selector), with that URL's raw value. Derived, so not part of the record
// as sent or of its content hash; stores keep them beside the form's selectors, for search and linking.
std::vector<ReportSelector> derived_selectors(const Report& report);
// How sure a derived selector is: it follows by rule from a value the form gave. Stores tell derived
// selectors from the form's own by it (form selectors have no confidence, text ones also a span).
inline constexpr double k_derived_confidence = 1.0;

// Every selector the report names, from the form, derived from the form, and from the text, in that
// order; may repeat.
std::vector<Selector> named_selectors(const Report& report);

// Checks what single-field parsing cannot: required fields, limits, "text or selectors".
// The message names the field ("country: ...").
Status validate(const Report& report);

// Checks the identifying pair shared by reports and transactions.
Status validate_identifier(std::string_view field, std::string_view value);

// Checks that free text holds no NUL character: PostgreSQL's text cannot hold one, and every backend takes
// the same records.
Status validate_no_nul(std::string_view field, std::string_view value);

// Checks that a record's time is plausible: not before the Unix epoch (a year 0 is a typing or export
// mistake) and not over a day ahead of this machine's clock (a day covers any time zone and clock skew).
// A date in the future would become the "now" of every later analysis of the store (the freeze list's
// "as of").
Status validate_record_time(std::string_view field, Timestamp at);

// SHA-256 over a canonical, length-prefixed encoding of every field: equal reports, and only equal
// reports, have equal hashes. The store uses it to tell "unchanged" from "updated". The encoding is
// versioned ("jala.report.v1"); changing it changes every stored hash.
Sha256Digest content_hash(const Report& report);

// The record in the intake JSON form of the interface spec, with canonical values. Deterministic:
// equal reports give byte-equal documents, so its hash identifies the content.
nlohmann::json to_json(const Report& report);

}  // namespace jala::model
