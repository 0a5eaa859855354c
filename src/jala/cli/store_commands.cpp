// The commands that read the store: stats, report show, search.
#include <nlohmann/json.hpp>

#include <algorithm>

#include <fmt/ranges.h>

#include "jala/analysis/lures.h"
#include "jala/analysis/report_json.h"
#include "jala/base/utf8.h"
#include "jala/cli/commands.h"
#include "jala/cli/data_files.h"
#include "jala/extract/extract.h"
#include "jala/extract/lookalike.h"
#include "jala/model/text.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

nlohmann::ordered_json counts_json(const storage::Counts& counts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [name, count] : counts) out[name] = count;
  return out;
}

void print_counts(std::string_view title, const storage::Counts& counts) {
  fmt::print("\n{}\n", title);
  std::size_t width = 0;
  for (const auto& entry : counts) width = std::max(width, entry.first.size());
  for (const auto& [name, count] : counts) fmt::print("  {:<{}}  {:>8}\n", name, width, count);
}

// True when `query` reads as a phone number written the national way ("091 234 5678"), which only a
// country makes a selector.
bool is_national_number(std::string_view query) {
  std::size_t digits = 0;
  for (const char c : query) {
    if (model::is_ascii_digit(c)) {
      ++digits;
    } else if (std::string_view(" .-()").find(c) == std::string_view::npos) {
      return false;
    }
  }
  const std::size_t first = query.find_first_not_of(" (");
  return digits >= 6 && digits <= 15 && first != std::string_view::npos && !query.substr(first).starts_with("00");
}

// What an analyst must see beside a selector: "  benign: LIST" when a warning list marks it, and
// "  look-alike host" when its host imitates another name; else nothing.
std::string marks_note(const extract::WarningLists& warning_lists, const model::Selector& selector) {
  std::string note;
  if (const std::vector<std::string_view> lists = warning_lists.match(selector); !lists.empty()) {
    note += fmt::format("  benign: {}", fmt::join(lists, ", "));
  }
  if (const std::string_view host = model::host_of(selector); !host.empty() && extract::is_lookalike_host(host)) {
    note += "  look-alike host";
  }
  return note;
}

}  // namespace

Status stats_command(const Context& context, Output output) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  storage::StoreStats stats;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(stats, view.stats());
    return {};
  }));
  if (output == Output::json) {
    const nlohmann::ordered_json document = {
        {"reports", stats.reports},
        {"transactions", stats.transactions},
        {"selectors", stats.selectors},
        {"reports_by_kind", counts_json(stats.reports_by_kind)},
        {"reports_by_country", counts_json(stats.reports_by_country)},
        {"reports_by_source", counts_json(stats.reports_by_source)},
        {"selectors_by_type", counts_json(stats.selectors_by_type)},
    };
    fmt::print("{}\n", document.dump());
    return {};
  }
  fmt::print("reports       {:>8}\ntransactions  {:>8}\nselectors     {:>8}\n", stats.reports, stats.transactions,
             stats.selectors);
  print_counts("reports by kind", stats.reports_by_kind);
  print_counts("reports by country", stats.reports_by_country);
  print_counts("reports by source", stats.reports_by_source);
  print_counts("selectors by type", stats.selectors_by_type);
  return {};
}

Status report_show_command(const Context& context, const ReportShowArgs& args) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::optional<model::Report> report;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(report, view.find_report({args.source, args.id}));
    return {};
  }));
  if (!report) return not_found("no report {} {} in the store", args.source, args.id);
  JALA_TRY_ASSIGN(const extract::WarningLists warning_lists, load_warning_lists());
  const auto raw_text = [&](const model::TextSelector& found) {
    return std::string_view(report->text).substr(found.start, found.end - found.start);
  };
  if (args.output == Output::json) {
    fmt::print("{}\n", analysis::report_json(*report, warning_lists).dump());
    return {};
  }
  // The report's own bytes are shown escaped where a terminal would act on them (base/utf8.h).
  const auto shown = [](std::string_view text) { return escape_for_terminal(text); };
  fmt::print("{} {}\n", shown(report->source), shown(report->id));
  fmt::print("  kind         {}\n", model::to_string(report->kind));
  fmt::print("  country      {}\n", report->country);
  fmt::print("  reported at  {}\n", format_rfc3339(report->reported_at));
  fmt::print("  tlp          {}\n", model::to_string(report->tlp));
  if (report->withdrawn) {
    fmt::print("  withdrawn    by its source: it names no selectors, so nothing links through it\n");
  }
  if (!report->language.empty()) fmt::print("  language     {}\n", shown(report->language));
  if (!report->victim_country.empty()) fmt::print("  victim in    {}\n", report->victim_country);
  if (report->loss) fmt::print("  loss         {} {}\n", report->loss->amount, shown(report->loss->currency));
  if (!report->selectors.empty()) {
    fmt::print("  selectors\n");
    for (const model::ReportSelector& named : report->selectors) {
      fmt::print("    {:<40}  (given as \"{}\"){}\n", shown(named.selector.to_string()), shown(named.raw),
                 marks_note(warning_lists, named.selector));
    }
  }
  if (!report->text_selectors.empty()) {
    fmt::print("  found in text\n");
    for (const model::TextSelector& found : report->text_selectors) {
      fmt::print("    {:<40}  bytes {}-{} \"{}\" ({:.2f}){}\n", shown(found.selector.to_string()), found.start,
                 found.end, shown(raw_text(found)), found.confidence, marks_note(warning_lists, found.selector));
    }
  }
  if (report->assessment) {
    const model::Assessment& assessment = *report->assessment;
    fmt::print("  assessed as  {}{} (scam score {:.2f})\n", assessment.label,
               assessment.category.empty() ? "" : ", " + assessment.category, assessment.scam_score);
    if (assessment.lure) fmt::print("  lure facts   {}\n", analysis::lure_facts_json(*assessment.lure).dump());
  }
  if (!report->text.empty()) {
    fmt::print("  text\n");
    std::string_view rest = report->text;
    while (!rest.empty()) {  // line by line, blank lines kept, each indented
      const std::size_t end = std::min(rest.find('\n'), rest.size());
      fmt::print("    {}\n", shown(rest.substr(0, end)));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  return {};
}

Status search_command(const Context& context, const SearchArgs& args) {
  const model::NormaliseContext normalise{args.country};
  std::vector<model::Selector> readings;
  const std::size_t colon = args.query.find(':');
  if (colon != std::string::npos && model::parse_selector_type(args.query.substr(0, colon)).ok()) {
    // TYPE:VALUE is read as that type only, its value refanged if need be; its failure is the answer.
    Result<model::Selector> typed = model::parse_selector(args.query, normalise);
    if (!typed.ok()) {
      Result<model::Selector> refanged = model::parse_selector(extract::refang(args.query), normalise);
      if (!refanged.ok()) return typed.error();
      typed = std::move(refanged);
    }
    readings.push_back(std::move(typed).value());
  } else {
    readings = model::guess_selectors(args.query, normalise);
    if (readings.empty()) readings = model::guess_selectors(extract::refang(args.query), normalise);
    // And what ingest stores for the whole query written in a report: a t.me link is a Telegram handle
    // there, a wa.me link a WhatsApp number. Not a URL's domain (a search for one page is not one for every
    // page of its site), nor a selector inside longer text.
    const std::size_t first = args.query.find_first_not_of(' ');
    const std::size_t last = args.query.find_last_not_of(' ');
    for (extract::Finding& finding : extract::extract(args.query, extract::ExtractContext{args.country})) {
      const bool whole = first != std::string::npos && finding.start == first && finding.end == last + 1;
      if (whole && finding.selector.type != model::SelectorType::domain &&
          std::find(readings.begin(), readings.end(), finding.selector) == readings.end()) {
        readings.push_back(std::move(finding.selector));
      }
    }
  }
  // And the other forms of each reading's link (graph::LinkInput::link_of): a URL under the other scheme.
  const std::size_t asked = readings.size();
  for (std::size_t i = 0; i < asked; ++i) {
    for (model::Selector& other : model::other_forms(readings[i])) {
      if (std::find(readings.begin(), readings.end(), other) == readings.end()) readings.push_back(std::move(other));
    }
  }
  if (readings.empty()) {
    if (args.country.empty() && is_national_number(args.query)) {
      return invalid_argument(
          "'{}' is not a selector of any type: a phone number written without its country"
          " code needs --country (e.g. --country VN) or the form phone:+CC…; an account number needs its"
          " bank, bank:BANK:NUMBER",
          args.query);
    }
    return invalid_argument("'{}' is not a selector of any type; write TYPE:VALUE (e.g. phone:+84912345678)",
                            args.query);
  }

  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::vector<std::pair<model::Selector, std::vector<storage::RecordKey>>> hits;
  JALA_TRY(store->read([&](const storage::ReadView& view) -> Status {
    for (const model::Selector& selector : readings) {
      JALA_TRY_ASSIGN(std::vector<storage::RecordKey> keys, view.reports_with_selector(selector));
      hits.emplace_back(selector, std::move(keys));
    }
    return {};
  }));

  if (args.output == Output::json) {
    nlohmann::ordered_json selectors = nlohmann::ordered_json::array();
    nlohmann::ordered_json reports = nlohmann::ordered_json::array();
    for (const auto& [selector, keys] : hits) {
      selectors.push_back(selector.to_string());
      for (const storage::RecordKey& key : keys) {
        reports.push_back({{"source", key.source}, {"id", key.id}, {"selector", selector.to_string()}});
      }
    }
    // The query is the user's bytes: invalid UTF-8 is printed replaced, never thrown on.
    fmt::print("{}\n",
               nlohmann::ordered_json{{"query", args.query}, {"selectors", selectors}, {"reports", reports}}.dump(
                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
    return {};
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& [selector, keys] = hits[i];
    if (i >= asked && keys.empty()) continue;  // another form of a link asked for, which no report writes
    fmt::print("{}: {} report{}\n", escape_for_terminal(selector.to_string()), keys.size(),
               keys.size() == 1 ? "" : "s");
    for (const storage::RecordKey& key : keys) {
      fmt::print("  {} {}\n", escape_for_terminal(key.source), escape_for_terminal(key.id));
    }
  }
  return {};
}

}  // namespace jala::cli
