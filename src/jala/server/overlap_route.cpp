// POST /psi/v1/overlap: this node's side of private overlap (share/psi.h, ADR 0009) for a partner.
// The body is a serialised psi Request; the answer a serialised Response. This node's set is the
// selectors of its reports that the partner's agreement would let it see (TLP up to its tlp_max,
// never red), of the types the query names (`?types=phone,wallet`; none: every type): membership is
// information too, and is disclosed under the same limit as the reports.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "jala/model/text.h"
#include "jala/server/node_handler.h"
#include "jala/server/responses.h"
#include "jala/share/partners.h"
#include "jala/share/psi.h"

namespace jala::server {
namespace {

Result<std::vector<model::SelectorType>> parse_types(std::optional<std::string_view> text) {
  std::vector<model::SelectorType> types;
  for (const std::string& name : model::split_list(text.value_or(""), ',')) {
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(name));
    types.push_back(type);
  }
  return types;
}

}  // namespace

std::vector<model::Tlp> levels_up_to(model::Tlp highest) {
  std::vector<model::Tlp> levels;
  for (const model::Tlp level : model::k_tlp_levels) {
    if (level <= share::highest_shared(highest)) levels.push_back(level);
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
  const Result<std::optional<storage::Partner>> partner =
      authenticator.authenticate(store, request.header("authorization"));
  if (!partner.ok()) return json_error(partner.error());
  if (!*partner) {
    HttpResponse response = json_error(401, "give a partner's name and secret (Basic) or its secret (Bearer)");
    ask_for_credentials(response);
    return response;
  }
  HttpResponse response = [&] {
    if (request.method != "POST") return json_error(405, "post a private-overlap request");
    const Result<std::vector<model::SelectorType>> types = parse_types(request.query_value("types"));
    if (!types.ok()) return json_error(types.error());
    const Result<share::Request> asked = share::parse_request(request.body);
    if (!asked.ok()) return json_error(asked.error());
    std::vector<model::Selector> own;
    const Status read = store.read([&](const storage::ReadView& view) -> Status {
      JALA_TRY_ASSIGN(own, view.selectors_of_reports(levels_up_to((*partner)->tlp_max)));
      return {};
    });
    if (!read.ok()) return json_error(read.error());
    const Result<share::Response> answer = share::respond(*asked, of_types(std::move(own), *types));
    if (!answer.ok()) return json_error(answer.error());
    HttpResponse ok;
    ok.content_type = "application/octet-stream";
    ok.body = share::serialise(*answer);
    return ok;
  }();
  response.who = (*partner)->name;
  return response;
}

}  // namespace jala::server
