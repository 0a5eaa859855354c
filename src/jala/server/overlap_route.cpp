// POST /psi/v1/overlap: this node's side of private overlap (share/psi.h, ADR 0009) for a partner.
// The body is a serialised psi Request; the answer a serialised Response. This node's set is the
// selectors of its reports that the partner's agreement would let it see (TLP up to its tlp_max,
// never red), of the types the query names (`?types=phone,wallet`; none: every type): membership is
// information too, and is disclosed under the same limit as the reports.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "jala/server/node_handler.h"
#include "jala/share/psi.h"

namespace jala::server {
namespace {

HttpResponse json_error(int status, std::string_view message) {
  HttpResponse response;
  response.status = status;
  response.body = nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Result<std::vector<model::SelectorType>> parse_types(std::optional<std::string_view> text) {
  std::vector<model::SelectorType> types;
  while (text && !text->empty()) {
    const std::size_t comma = std::min(text->find(','), text->size());
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(text->substr(0, comma)));
    types.push_back(type);
    text->remove_prefix(std::min(comma + 1, text->size()));
  }
  return types;
}

}  // namespace

std::vector<model::Tlp> levels_up_to(model::Tlp highest) {
  std::vector<model::Tlp> levels;
  for (const model::Tlp level : {model::Tlp::clear, model::Tlp::green, model::Tlp::amber, model::Tlp::amber_strict}) {
    if (level <= highest) levels.push_back(level);
  }
  return levels;
}

std::vector<model::Selector> of_types(std::vector<model::Selector> selectors,
                                      const std::vector<model::SelectorType>& types) {
  if (types.empty()) return selectors;
  std::erase_if(selectors, [&](const model::Selector& selector) {
    return std::find(types.begin(), types.end(), selector.type) == types.end();
  });
  return selectors;
}

HttpResponse handle_overlap(const HttpRequest& request, storage::Store& store, Authenticator& authenticator) {
  const Result<std::optional<storage::Partner>> partner = authenticator.authenticate(store, request.header("authorization"));
  if (!partner.ok()) return json_error(http_status(partner.error().code()), "the node could not check credentials");
  if (!*partner) {
    HttpResponse response = json_error(401, "give a partner's name and secret (Basic) or its secret (Bearer)");
    response.headers.emplace_back("WWW-Authenticate", R"(Basic realm="jala", Bearer realm="jala")");
    return response;
  }
  HttpResponse response = [&] {
    if (request.method != "POST") return json_error(405, "post a private-overlap request");
    const Result<std::vector<model::SelectorType>> types = parse_types(request.query_value("types"));
    if (!types.ok()) return json_error(400, types.error().message());
    const Result<share::Request> asked = share::parse_request(request.body);
    if (!asked.ok()) return json_error(400, asked.error().message());
    std::vector<model::Selector> own;
    const Status read = store.read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(own, view.selectors_of_reports(levels_up_to((*partner)->tlp_max)));
      return {};
    });
    if (!read.ok()) return json_error(http_status(read.error().code()), read.error().message());
    const Result<share::Response> answer = share::respond(*asked, of_types(std::move(own), *types));
    if (!answer.ok()) return json_error(http_status(answer.error().code()), answer.error().message());
    HttpResponse ok;
    ok.content_type = "application/octet-stream";
    ok.body = share::serialise(*answer);
    return ok;
  }();
  response.who = (*partner)->name;
  return response;
}

}  // namespace jala::server
