// The JSON API of the node's own analysts (docs/formats/http-api.md), answered only to loopback.
#include <charconv>

#include <nlohmann/json.hpp>

#include "jala/evidence/merkle.h"
#include "jala/server/node_handler.h"
#include "jala/server/responses.h"

namespace jala::server {
namespace {

constexpr std::size_t k_default_reports = 100;
constexpr std::size_t k_max_reports = 1000;

// GET /api/v1/selectors/TYPE:VALUE[?limit=N]: how many reports name the selector, and the first N
// (default 100, at most 1000) in the order they were stored. The value is normalised first, so any
// spelling of a phone number finds it.
HttpResponse lookup_selector(std::string_view text, const HttpRequest& request, storage::Store& store) {
  Result<model::Selector> selector = model::parse_selector(text, model::NormaliseContext{});
  if (!selector.ok()) return json_error(selector.error());
  std::size_t limit = k_default_reports;
  if (const std::optional<std::string_view> asked = request.query_value("limit")) {
    const auto [end, error] = std::from_chars(asked->data(), asked->data() + asked->size(), limit);
    if (error != std::errc() || end != asked->data() + asked->size() || limit == 0 || limit > k_max_reports) {
      return json_response(400, {{"error", fmt::format("limit takes 1 to {}", k_max_reports)}});
    }
  }
  storage::SelectorReports found;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(found, view.first_reports_with_selector(*selector, limit));
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  nlohmann::json reports = nlohmann::json::array();
  for (const storage::RecordKey& key : found.first) reports.push_back({{"source", key.source}, {"id", key.id}});
  return json_response(200, {{"selector", selector->to_string()},
                             {"count", found.count},
                             {"reports", std::move(reports)},
                             {"more", found.count > static_cast<std::int64_t>(found.first.size())}});
}

// GET /api/v1/reports/SOURCE/ID
HttpResponse show_report(std::string_view rest, storage::Store& store) {
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return json_response(404, {{"error", "ask for /api/v1/reports/SOURCE/ID"}});
  const storage::RecordKey key{std::string(rest.substr(0, slash)), std::string(rest.substr(slash + 1))};
  std::optional<model::Report> report;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(report, view.find_report(key));
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  if (!report) return json_response(404, {{"error", fmt::format("no report {} {}", key.source, key.id)}});
  return json_response(200, model::to_json(*report));
}

// GET /api/v1/evidence/head: the evidence log's size and root hash.
HttpResponse evidence_head(storage::Store& store) {
  nlohmann::json head;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(const std::uint64_t size, view.log_size());
    JALA_TRY_ASSIGN(const evidence::Hash root, evidence::root(storage::LogNodes(view), size));
    head = {{"tree_size", size}, {"root_hash", to_hex(root)}};
    return {};
  });
  if (!read.ok()) return json_error(read.error());
  return json_response(200, head);
}

}  // namespace

HttpResponse handle_api(const HttpRequest& request, storage::Store& store) {
  if (!request.from_loopback) {
    return json_response(403, {{"error", "the API answers only on this machine; partners use /taxii2/"}});
  }
  if (request.method != "GET") return json_response(405, {{"error", "the API only answers GET"}});
  const std::string_view path = std::string_view(request.path).substr(std::string_view("/api/v1/").size());
  if (path.starts_with("selectors/")) return lookup_selector(path.substr(10), request, store);
  if (path.starts_with("reports/")) return show_report(path.substr(8), store);
  if (path == "evidence/head") return evidence_head(store);
  return json_response(404, {{"error", "no such resource"}});
}

}  // namespace jala::server
