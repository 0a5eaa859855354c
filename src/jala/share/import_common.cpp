#include "jala/share/import_common.h"

#include "jala/base/utf8.h"
#include "jala/model/country.h"
#include "jala/model/text.h"

namespace jala::share {

void SelectorCollector::add(Result<model::ReportSelector> selector) {
  if (!selector.ok()) {
    ++m_counts.invalid_selectors;
    if (m_counts.left_out.size() < k_max_listed_left_out) {
      m_counts.left_out.push_back(selector.error().with_context(m_origin).message());
    }
    return;
  }
  if (m_seen.contains(selector->selector)) {
    return;
  }
  if (m_selectors.size() >= model::k_max_selectors_per_report) {
    ++m_counts.dropped_selectors;
    return;
  }
  m_seen.insert(selector->selector);
  model::ReportSelector& kept = m_selectors.emplace_back(std::move(selector).value());
  kept.raw = std::string(truncate_utf8(kept.raw, model::k_max_selector_raw_bytes));
}

Result<model::ReportSelector> normalise_report_selector(model::SelectorType type, std::string_view raw,
                                                        const model::NormaliseContext& context) {
  JALA_TRY_ASSIGN(model::Selector selector, model::normalise_selector(type, raw, context));
  return model::ReportSelector{std::move(selector), std::string(raw)};
}

void append_text(std::string& text, std::string_view paragraph) {
  paragraph = model::trim_ascii_space(paragraph);
  if (paragraph.empty() || !is_valid_utf8(paragraph)) {
    return;
  }
  std::string joined = text.empty() ? std::string(paragraph) : text + "\n\n" + std::string(paragraph);
  text = std::string(truncate_utf8(joined, model::k_max_text_bytes));
}

Result<std::string> import_country(std::optional<std::string_view> stated, const ImportOptions& options) {
  if (stated) {
    Result<std::string> country = model::parse_country(model::trim_ascii_space(*stated));
    if (country.ok()) {
      return country;
    }
  }
  if (options.default_country.empty()) {
    return invalid_argument(
        "country: the document does not say which country reported it; give one (jala ingest --country CC)");
  }
  Result<std::string> country = model::parse_country(options.default_country);
  if (!country.ok()) {
    return country.error().with_context("country");
  }
  return country;
}

std::string import_source(std::optional<std::string_view> stated, const ImportOptions& options,
                          std::string_view fallback) {
  std::string_view source = stated ? model::trim_ascii_space(*stated) : std::string_view();
  if (source.empty()) {
    source = options.default_source.empty() ? fallback : std::string_view(options.default_source);
  }
  return std::string(truncate_utf8(source, model::k_max_identifier_bytes));
}

}  // namespace jala::share
