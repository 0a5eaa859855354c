// The JSON API of the node's own analysts (docs/formats/http-api.md), answered only on this machine
// (this_machine.h).
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jala/analysis/lures.h"
#include "jala/analysis/network_detail.h"
#include "jala/analysis/report_json.h"
#include "jala/analysis/trace_json.h"
#include "jala/evidence/merkle.h"
#include "jala/model/country.h"
#include "jala/server/node_handler.h"
#include "jala/server/responses.h"
#include "jala/server/this_machine.h"

namespace jala::server {
namespace {

constexpr std::size_t k_default_count = 100;
constexpr std::size_t k_max_count = 1000;
// The reports and selectors each entry of the networks list names: a network of a hundred thousand
// reports is one request of its own (GET /api/v1/networks/ID), not part of every list.
constexpr std::size_t k_members_listed = 100;
// Where a window on a long list may start (GET /api/v1/trace).
constexpr std::size_t k_max_offset = 1'000'000'000;

// The whole number a query parameter asks for, from `least` to `most`; `fallback` when absent.
template <typename Number>
Result<Number> number_asked(const HttpRequest& request, std::string_view parameter, Number fallback, Number least,
                            Number most) {
  Number number = fallback;
  if (const std::optional<std::string_view> asked = request.query_value(parameter)) {
    const auto [end, error] = std::from_chars(asked->data(), asked->data() + asked->size(), number);
    if (error != std::errc() || end != asked->data() + asked->size() || number < least || number > most) {
      return invalid_argument("{} takes {} to {}", parameter, least, most);
    }
  }
  return number;
}

// The count a query parameter asks for: 1 to 1,000, 100 when absent.
Result<std::size_t> count_asked(const HttpRequest& request, std::string_view parameter) {
  return number_asked<std::size_t>(request, parameter, k_default_count, 1, k_max_count);
}

// GET /api/v1/selectors/TYPE:VALUE[?limit=N]: how many reports name the selector, and the first N
// (default 100, at most 1000) in the order they were stored. The value is normalised first, so any
// spelling of a phone number finds it.
HttpResponse lookup_selector(std::string_view text, const HttpRequest& request, storage::Store& store) {
  Result<model::Selector> selector = model::parse_selector(text, model::NormaliseContext{});
  if (!selector.ok()) return json_error(selector.error());
  const Result<std::size_t> limit = count_asked(request, "limit");
  if (!limit.ok()) return json_error(limit.error());
  // The selector, then the other forms of its link (a URL under the other scheme).
  std::vector<model::Selector> forms{*selector};
  for (model::Selector& other : model::other_forms(*selector)) forms.push_back(std::move(other));
  std::vector<nlohmann::json> answers;
  for (const model::Selector& form : forms) {
    const Result<storage::SelectorReports> found = storage::read_value(
        store, [&](const storage::ReadView& view) { return view.first_reports_with_selector(form, *limit); });
    if (!found.ok()) return json_error(found.error());
    nlohmann::json reports = nlohmann::json::array();
    for (const storage::RecordKey& key : found->first) reports.push_back({{"source", key.source}, {"id", key.id}});
    answers.push_back({{"selector", form.to_string()},
                       {"count", found->count},
                       {"reports", std::move(reports)},
                       {"more", found->count > static_cast<std::int64_t>(found->first.size())}});
  }
  nlohmann::json answer = std::move(answers.front());
  if (answers.size() > 1) answer["other_forms"] = nlohmann::json(std::vector(answers.begin() + 1, answers.end()));
  return json_response(200, answer);
}

// GET /api/v1/reports/SOURCE/ID, each percent-encoded ("/" in a source as %2F); a "/" left plain belongs
// to the id.
HttpResponse show_report(const HttpRequest& request, storage::Store& store, const AnalysisCache& analyses) {
  constexpr std::size_t k_source_segment = 3;  // after "api", "v1", "reports"
  const std::vector<std::string>& segments = request.segments;
  if (segments.size() <= k_source_segment + 1) {
    return json_response(404, {{"error", "ask for /api/v1/reports/SOURCE/ID"}});
  }
  const storage::RecordKey key{
      segments[k_source_segment],
      fmt::format("{}", fmt::join(segments.begin() + k_source_segment + 1, segments.end(), "/"))};
  const Result<std::optional<model::Report>> report =
      storage::read_value(store, [&](const storage::ReadView& view) { return view.find_report(key); });
  if (!report.ok()) return json_error(report.error());
  if (!*report) return json_response(404, {{"error", fmt::format("no report {} {}", key.source, key.id)}});
  return json_response(200, analysis::report_json(**report, analyses.warning_lists()));
}

// GET /api/v1/evidence/head: the evidence log's size and root hash, as `jala evidence head` names them
// (unsigned: the command signs with the node's key).
HttpResponse evidence_head(storage::Store& store) {
  nlohmann::json head;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::uint64_t size, view.log_size());
    JALA_TRY_ASSIGN(const evidence::Hash root, evidence::root(storage::LogNodes(view), size));
    head = {{"size", size}, {"root", to_hex(root)}};
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  return json_response(200, head);
}

// GET /api/v1/networks[?top=N]: how many networks, and the first N (default 100, at most 1000) by rank,
// as `jala networks --json` gives each one but with at most 100 of its reports and of its selectors.
HttpResponse list_networks(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  const Result<std::shared_ptr<const analysis::LinkedStore>> linked =
      storage::read_value(store, [&](const storage::ReadView& view) { return analyses.linked(view); });
  if (!linked.ok()) return json_error(linked.error());
  const std::vector<graph::NetworkSummary>& ranked = (*linked)->ranked;
  nlohmann::ordered_json networks = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(*top, ranked.size()); ++i) {
    networks.push_back(analysis::summary_json(**linked, ranked[i], k_members_listed));
  }
  return json_response(200, nlohmann::ordered_json{{"count", ranked.size()}, {"networks", std::move(networks)}});
}

// GET /api/v1/networks/ID[?top=N]: the network explained, as `jala network show ID --json` gives it, but with
// each of its lists cut to N entries (default 100, at most 1000; analysis::detail_json says how).
HttpResponse show_network(std::string_view id, const HttpRequest& request, storage::Store& store,
                          AnalysisCache& analyses) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  nlohmann::ordered_json document;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::shared_ptr<const analysis::LinkedStore> linked, analyses.linked(view));
    JALA_TRY_ASSIGN(const graph::NetworkSummary* network, analysis::find_network(*linked, id));
    // The money from the suspects' whole ledger when it is at hand: reading the network's transactions
    // from the store took seconds for the largest networks.
    JALA_TRY_ASSIGN(const std::shared_ptr<const SuspectList> suspects, analyses.suspects_if_ready(view));
    std::shared_ptr<const flow::Ledger> whole_ledger;
    if (suspects) whole_ledger = std::shared_ptr<const flow::Ledger>(suspects, &suspects->money.ledger);
    JALA_TRY_ASSIGN(const analysis::NetworkDetail detail,
                    analysis::explain_network(view, *linked, *network, std::move(whole_ledger)));
    document = analysis::detail_json(*linked, *network, detail, *top);
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  return json_response(200, document);
}

// GET /api/v1/suspects[?top=N]: how many accounts move scam money, and the first N (default 100, at most
// 1000) by score, as `jala flow suspects --json` gives each one.
HttpResponse list_suspects(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  const Result<std::shared_ptr<const SuspectList>> suspects =
      storage::read_value(store, [&](const storage::ReadView& view) { return analyses.suspects(view); });
  if (!suspects.ok()) return json_error(suspects.error());
  const SuspectList& list = **suspects;
  nlohmann::ordered_json accounts = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(*top, list.accounts.size()); ++i) {
    accounts.push_back(analysis::suspect_json(list.money.ledger, list.accounts[i]));
  }
  return json_response(200, nlohmann::ordered_json{{"count", list.accounts.size()}, {"accounts", std::move(accounts)}});
}

// GET /api/v1/freeze-list[?country=CC][&top=N]: the suspect accounts still holding money, grouped by country
// and institution, as `jala flow freeze-list --json [--country CC]` gives them, but with each group's first N
// accounts (default 100, at most 1000) and its "accounts_total".
HttpResponse freeze_list(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  std::string country;
  if (const std::optional<std::string_view> asked = request.query_value("country")) {
    Result<std::string> parsed = model::parse_country(*asked);
    if (!parsed.ok()) return json_error(400, "country: " + parsed.error().message());
    country = std::move(parsed).value();
  }
  const Result<std::shared_ptr<const SuspectList>> suspects =
      storage::read_value(store, [&](const storage::ReadView& view) { return analyses.suspects(view); });
  if (!suspects.ok()) return json_error(suspects.error());
  const SuspectList& list = **suspects;
  const std::vector<flow::FreezeGroup> groups = flow::freeze_list(list.money.ledger, list.accounts, country);
  return json_response(200, analysis::freeze_list_json(list.money.ledger, groups, *top));
}

// The options of GET /api/v1/trace: rule, max_hops (1 to 64), since and until (RFC 3339).
Result<flow::TraceOptions> trace_options_asked(const HttpRequest& request) {
  constexpr std::uint32_t k_max_hops_asked = 64;
  flow::TraceOptions options;
  if (const std::optional<std::string_view> rule = request.query_value("rule")) {
    Result<flow::TaintRule> parsed = flow::parse_taint_rule(*rule);
    if (!parsed.ok()) return parsed.error().with_context("rule");
    options.rule = *parsed;
  }
  JALA_TRY_ASSIGN(options.max_hops, number_asked(request, "max_hops", options.max_hops, 1U, k_max_hops_asked));
  for (const auto& [name, bound] : {std::pair{"since", &options.since}, std::pair{"until", &options.until}}) {
    if (const std::optional<std::string_view> asked = request.query_value(name)) {
      Result<Timestamp> time = parse_rfc3339(*asked);
      if (!time.ok()) return time.error().with_context(name);
      *bound = *time;
    }
  }
  JALA_TRY(flow::check_window(options));
  return options;
}

// GET /api/v1/trace?from=ACCOUNT[&back=true][&rule=R][&max_hops=N][&since=T][&until=T][&offset=K][&limit=N]:
// where the account's money went, hop by hop, or with back=true the origin payments whose money reached it,
// as `jala trace --from ACCOUNT [--back] --json` prints them, but N at a time (default 100, at most 1000)
// from the K-th, with the totals. Traces read the ledger the node keeps with its suspects.
HttpResponse trace(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  const std::optional<std::string_view> from = request.query_value("from");
  if (!from) return json_error(400, "from: give the account to trace, as TYPE:VALUE");
  Result<model::Selector> account = model::parse_selector(*from, model::NormaliseContext{});
  if (!account.ok()) return json_error(account.error().with_context("from"));
  const std::optional<std::string_view> back = request.query_value("back");
  if (back && *back != "true" && *back != "false") return json_error(400, "back takes true or false");
  const Result<flow::TraceOptions> options = trace_options_asked(request);
  if (!options.ok()) return json_error(options.error());
  const Result<std::size_t> offset = number_asked<std::size_t>(request, "offset", 0, 0, k_max_offset);
  if (!offset.ok()) return json_error(offset.error());
  const Result<std::size_t> limit = count_asked(request, "limit");
  if (!limit.ok()) return json_error(limit.error());
  const analysis::ListWindow window{*offset, *limit};
  const Result<std::shared_ptr<const SuspectList>> suspects =
      storage::read_value(store, [&](const storage::ReadView& view) { return analyses.suspects(view); });
  if (!suspects.ok()) return json_error(suspects.error());
  const flow::Ledger& ledger = (*suspects)->money.ledger;
  const std::optional<flow::AccountId> found = ledger.find(*account);
  if (!found) return json_error(404, fmt::format("no transaction names {}", account->to_string()));
  if (back == "true") {
    return json_response(
        200, analysis::funding_json(ledger, *found, options->rule, flow::trace_back(ledger, *found, *options), window));
  }
  return json_response(200, analysis::trace_json(ledger, ledger.account(*found).to_string(), *options,
                                                 flow::trace_account(ledger, *found, *options), window));
}

// GET /api/v1/lures[?to=CC&min_usd=X&perk=P&top=N]: how many lures match, and the latest N (default 100,
// at most 1000), as `jala lures --json` gives them.
HttpResponse list_lures(const HttpRequest& request, storage::Store& store) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  analysis::LureFilter filter;
  if (const std::optional<std::string_view> to = request.query_value("to")) {
    Result<std::string> country = model::parse_country(*to);
    if (!country.ok()) return json_error(400, "to: " + country.error().message());
    filter.destination = std::move(country).value();
  }
  if (const std::optional<std::string_view> min_usd = request.query_value("min_usd")) {
    double value = 0;
    const auto [end, error] = std::from_chars(min_usd->data(), min_usd->data() + min_usd->size(), value);
    if (error != std::errc() || end != min_usd->data() + min_usd->size() || !(value >= 0) || !std::isfinite(value)) {
      return json_error(400, "min_usd takes a number, zero or more");
    }
    filter.min_usd_per_month = value;
  }
  if (const std::optional<std::string_view> perk = request.query_value("perk")) {
    if (*perk != "visa" && *perk != "flight" && *perk != "housing" && *perk != "meals") {
      return json_error(400, "perk takes visa, flight, housing or meals");
    }
    filter.perk = *perk;
  }
  Result<std::vector<storage::LureReport>> lures =
      storage::read_value(store, [](const storage::ReadView& view) { return view.lure_reports(); });
  if (!lures.ok()) return json_error(lures.error());
  std::vector<analysis::LureReport> matching = analysis::matching_lures(std::move(lures).value(), filter);
  nlohmann::ordered_json listed = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < std::min(*top, matching.size()); ++i) listed.push_back(analysis::lure_json(matching[i]));
  return json_response(200, nlohmann::ordered_json{{"count", matching.size()}, {"lures", std::move(listed)}});
}

// GET /api/v1/lures/accounts[?top=N]: how many accounts post lures, and the first N (default 100, at
// most 1000), as `jala lures accounts --json` gives them.
HttpResponse list_lure_accounts(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  const Result<std::size_t> top = count_asked(request, "top");
  if (!top.ok()) return json_error(top.error());
  nlohmann::ordered_json document;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::shared_ptr<const analysis::LinkedStore> linked, analyses.linked(view));
    JALA_TRY_ASSIGN(const std::vector<storage::LureReport> lures, view.lure_reports());
    const std::vector<analysis::LureAccount> accounts = analysis::rank_lure_accounts(*linked, lures);
    nlohmann::ordered_json listed = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < std::min(*top, accounts.size()); ++i) {
      listed.push_back(analysis::lure_account_json(*linked, accounts[i], analysis::k_lure_reports_listed));
    }
    document = {{"count", accounts.size()}, {"accounts", std::move(listed)}};
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  return json_response(200, document);
}

}  // namespace

HttpResponse handle_api(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses) {
  if (const std::optional<std::string_view> why = why_not_from_this_machine(request)) {
    return json_error(403, fmt::format("the API answers only on this machine ({}); partners use /taxii2/", *why));
  }
  if (request.malformed_target) return json_error(400, k_malformed_target);
  if (request.method != "GET") return allowing("GET", json_error(405, "the API only answers GET"));
  const std::string_view path = std::string_view(request.path).substr(std::string_view("/api/v1/").size());
  if (path.starts_with("selectors/")) return lookup_selector(path.substr(10), request, store);
  if (path.starts_with("reports/")) return show_report(request, store, analyses);
  if (path == "evidence/head") return evidence_head(store);
  if (path == "networks") return list_networks(request, store, analyses);
  if (path.starts_with("networks/")) return show_network(path.substr(9), request, store, analyses);
  if (path == "suspects") return list_suspects(request, store, analyses);
  if (path == "freeze-list") return freeze_list(request, store, analyses);
  if (path == "trace") return trace(request, store, analyses);
  if (path == "lures") return list_lures(request, store);
  if (path == "lures/accounts") return list_lure_accounts(request, store, analyses);
  return json_response(404, {{"error", "no such resource"}});
}

}  // namespace jala::server
