// Realistic values for the sharing tests (STIX, MISP): a node, and a report naming a selector of every type. Test-only.
#pragma once

#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/time.h"
#include "jala/model/report.h"
#include "jala/share/stix_export.h"

namespace jala::share::testing {

inline NodeIdentity test_node() {
  NodeIdentity node;
  node.name = "VN-MPS";
  node.country = "VN";
  node.description = "Ministry of Public Security of Viet Nam, cybercrime department";
  node.contact_information = "cti@example.gov.vn";
  node.created = *parse_rfc3339("2026-01-05T00:00:00Z");
  return node;
}

inline model::Selector selector(std::string_view typed) { return *model::parse_selector(typed, {"VN"}); }

// The distinct selectors a report names.
inline std::set<model::Selector> selectors_of(const model::Report& report) {
  std::set<model::Selector> selectors;
  for (const model::ReportSelector& entry : report.selectors) {
    selectors.insert(entry.selector);
  }
  return selectors;
}

// One raw value of every selector type, with the canonical selector it gives.
inline std::vector<std::pair<std::string_view, std::string_view>> every_selector_type() {
  return {
      {"phone", "+84 91 234 5678"},
      {"email", "Scam.Desk@Example.com"},
      {"url", "https://example.com/job?id=7&ref='x'"},
      {"domain", "lucky-jobs.example.com"},
      {"ip", "203.0.113.5"},
      {"ip", "2001:db8::1"},
      {"wallet", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"},
      {"wallet", "0x52908400098527886E0F7030069857D2E4169EE7"},
      {"iban", "GB82 WEST 1234 5698 7654 32"},
      {"bank", "Vietcombank 0123456789"},
      {"bank", "Some Bank 12345678"},
      {"telegram", "@Lucky_Job"},
      {"whatsapp", "+84 91 234 5679"},
      {"line", "lucky.line"},
      {"wechat", "luckywechat"},
      {"zalo", "+84 91 234 5670"},
      {"facebook", "lucky.job.vn"},
      {"instagram", "lucky_job"},
      {"tiktok", "@lucky_job"},
      {"x", "@lucky_job"},
  };
}

inline model::Report test_report(model::Tlp tlp = model::Tlp::amber) {
  model::Report report;
  report.source = "VN-MPS";
  report.id = "2026-0001";
  report.kind = model::ReportKind::victim_complaint;
  report.country = "VN";
  report.reported_at = *parse_rfc3339("2026-03-01T08:15:00.250+07:00");
  report.text = "Tôi bị lừa đảo việc làm online, liên hệ qua Telegram.";
  report.language = "vi";
  report.victim_country = "VN";
  report.loss = model::Money{1500, "USD"};
  report.tlp = tlp;
  for (const auto& [type, raw] : every_selector_type()) {
    const model::SelectorType selector_type = *model::parse_selector_type(type);
    report.selectors.push_back({*model::normalise_selector(selector_type, raw, {"VN"}), std::string(raw)});
  }
  return report;
}

}  // namespace jala::share::testing
