// POST /psi/v1/overlap: this node's side of private overlap (share/psi.h, ADR 0009) for a partner.
// The body is a serialised psi Request; the answer a serialised Response. This node's set is the
// selectors of its reports that the partner's agreement would let it see (TLP up to its tlp_max,
// never red), of the types the query names (`?types=phone,wallet`; none: every type): membership is
// information too, and is disclosed under the same limit as the reports. Each session must be within
// the partner's overlap limits (share/overlap_policy.h): a larger set is refused with 413, a session
// beyond the day's allowance with 429 and Retry-After, and an agreement without overlap with 403.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "jala/model/text.h"
#include "jala/server/node_handler.h"
#include "jala/server/publisher.h"
#include "jala/server/responses.h"
#include "jala/share/overlap_policy.h"
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

// Counts a session of `set_size` against the partner's limits, recording it when admitted.
Result<share::OverlapVerdict> admit(storage::Store& store, const storage::Partner& partner, std::size_t set_size) {
  share::OverlapVerdict verdict;
  const std::string state_name = share::overlap_state_name(partner.name);
  JALA_TRY(store.write([&](storage::WriteTransaction& transaction) -> Status {
    JALA_TRY_ASSIGN(const std::optional<std::string> state, transaction.share_state(state_name));
    const Timestamp started = now();
    std::vector<Timestamp> sessions = share::recent_overlap_sessions(state.value_or(""), started);
    verdict = share::admit_overlap(partner, set_size, sessions, started);
    if (!verdict.admitted()) return {};
    return transaction.set_share_state(state_name, share::format_overlap_sessions(sessions));
  }));
  return verdict;
}

HttpResponse refusal(const share::OverlapVerdict& verdict) {
  switch (verdict.refusal) {
    case share::OverlapRefusal::set_too_large: return json_error(413, verdict.why);
    case share::OverlapRefusal::too_many_sessions: {
      HttpResponse response = json_error(429, verdict.why);
      response.headers.emplace_back("Retry-After", std::to_string(verdict.retry_after_seconds));
      return response;
    }
    case share::OverlapRefusal::not_allowed:
    case share::OverlapRefusal::none: break;
  }
  return json_error(403, verdict.why);
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
  const Result<SignIn> checked = authenticator.authenticate(store, request.header("authorization"), request.peer);
  if (!checked.ok()) return json_error(checked.error());
  if (checked->retry_after) {
    HttpResponse response = json_error(429, "this address failed to sign in too often");
    ask_to_retry_after(response, *checked->retry_after);
    return response;
  }
  const std::optional<storage::Partner>& partner = checked->partner;
  if (!partner) {
    HttpResponse response = json_error(401, "give a partner's name and secret (Basic) or its secret (Bearer)");
    ask_for_credentials(response);
    return response;
  }
  HttpResponse response = [&] {
    if (request.method != "POST") return allowing("POST", json_error(405, "post a private-overlap request"));
    const Result<std::vector<model::SelectorType>> types = parse_types(request.query_value("types"));
    if (!types.ok()) return json_error(types.error());
    const Result<share::Request> asked = share::parse_request(request.body);
    if (!asked.ok()) return json_error(asked.error());
    const Result<share::OverlapVerdict> verdict = admit(store, *partner, asked->blinded.size());
    if (!verdict.ok()) return json_error(verdict.error());
    if (!verdict->admitted()) return refusal(*verdict);
    std::vector<model::Selector> own;
    const Status read = store.read([&](const storage::ReadView& view) -> Status {
      // The node's own reports only: what partners shared with it is theirs to disclose.
      JALA_TRY_ASSIGN(const std::vector<std::string> partners_sources, synced_sources(view));
      JALA_TRY_ASSIGN(own, view.selectors_of_reports(levels_up_to(partner->tlp_max), partners_sources));
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
  response.who = partner->name;
  return response;
}

}  // namespace jala::server
