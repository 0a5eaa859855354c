// `jala overlap`: private overlap with a partner (share/psi.h, ADR 0009). This node initiates: it
// learns which of its own selectors the partner also holds (or, with --count-only, how many), and the
// partner learns only how many selectors it asked about. This node's set is every selector its
// reports name, of the types asked; nothing of it leaves the node unblinded.
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "jala/base/json_input.h"
#include "jala/cli/share_commands.h"
#include "jala/server/http_client.h"
#include "jala/server/node_handler.h"
#include "jala/share/psi.h"
#include "jala/storage/store.h"

namespace jala::cli {
namespace {

// The sentence of a partner's JSON error ({"error": "…"}), else its body as it came.
std::string refusal_reason(const std::string& body) {
  const Result<nlohmann::json> parsed = parse_untrusted_json(body, {});
  if (parsed.ok() && parsed->is_object() && parsed->contains("error") && parsed->at("error").is_string()) {
    return parsed->at("error").get<std::string>();
  }
  return body;
}

}  // namespace

Status overlap_command(const Context& context, const OverlapArgs& args) {
  std::vector<model::SelectorType> types;
  for (const std::string& name : args.types) {
    JALA_TRY_ASSIGN(const model::SelectorType type, model::parse_selector_type(name));
    types.push_back(type);
  }
  JALA_TRY_ASSIGN(const std::string secret, partner_secret(args.secret_file));
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, open_existing_store(context));
  std::vector<model::Selector> own;
  Status read = store->read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(own, view.selectors_of_reports(model::k_tlp_levels, {}));
    return {};
  });
  if (!read.ok()) return read;
  own = server::of_types(std::move(own), types);

  JALA_TRY_ASSIGN(const share::Initiator initiator,
                  share::Initiator::start(own, args.count_only ? share::Mode::cardinality : share::Mode::intersection));
  server::ClientOptions options;
  options.ca_file = args.ca_file;
  JALA_TRY_ASSIGN(server::HttpClient client, server::HttpClient::make(options));
  const std::string base = args.with.ends_with('/') ? args.with.substr(0, args.with.size() - 1) : args.with;
  std::string url = base + "/psi/v1/overlap";
  if (!args.types.empty()) url += fmt::format("?types={}", fmt::join(args.types, ","));
  JALA_TRY_ASSIGN(
      const server::ClientResponse response,
      client.post(url, {{"Content-Type", "application/octet-stream"}, {"Authorization", "Bearer " + secret}},
                  share::serialise(initiator.request())));
  if (response.status == 401) return invalid_argument("{} refused this node's secret (401)", args.with);
  if (response.status == 403 || response.status == 413 || response.status == 429) {
    const std::optional<std::string_view> retry_after = response.header("retry-after");
    return failed_precondition("{} refused the overlap ({}): {}{}", args.with, response.status,
                               refusal_reason(response.body),
                               retry_after ? fmt::format("; retry in {} s", *retry_after) : std::string());
  }
  if (response.status != 200) return unavailable("{} answered {}: {}", url, response.status, response.body);
  JALA_TRY_ASSIGN(const share::Response answer, share::parse_response(response.body));
  JALA_TRY_ASSIGN(const share::Overlap overlap, initiator.finish(answer));

  if (args.output == Output::json) {
    nlohmann::json shared = nlohmann::json::array();
    for (const std::size_t index : overlap.shared) shared.push_back(own[index].to_string());
    nlohmann::json out = {{"partner", args.partner},
                          {"own", overlap.own_count},
                          {"partner_count", overlap.partner_count},
                          {"shared_count", overlap.shared_count}};
    if (!args.count_only) out["shared"] = std::move(shared);
    fmt::print("{}\n", out.dump());
    return {};
  }
  fmt::print("{} of this node's {} selectors are also held by {} (which holds {})\n", overlap.shared_count,
             overlap.own_count, args.partner, overlap.partner_count);
  for (const std::size_t index : overlap.shared) fmt::print("  {}\n", own[index].to_string());
  return {};
}

}  // namespace jala::cli
