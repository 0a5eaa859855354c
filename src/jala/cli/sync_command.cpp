// `jala sync`: pull a partner's readable TAXII collections since the last sync over HTTPS (or loopback
// HTTP), with the secret the partner gave this node; the work itself is server::sync_from.
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "jala/cli/commands.h"
#include "jala/cli/share_commands.h"
#include "jala/server/http_client.h"
#include "jala/server/sync_session.h"
#include "jala/share/partners.h"
#include "jala/share/taxii.h"

namespace jala::cli {

Result<std::string> partner_secret(const std::string& file) {
  std::string secret;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return unavailable("cannot read {}", file);
    std::getline(in, secret);
  } else if (const char* from_environment = std::getenv("JALA_PARTNER_SECRET"); from_environment != nullptr) {
    secret = from_environment;
  }
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ' || secret.back() == '\n')) secret.pop_back();
  if (secret.empty()) return invalid_argument("give the partner's secret with --secret-file or $JALA_PARTNER_SECRET");
  return secret;
}

Status sync_command(const Context& context, const SyncArgs& args) {
  JALA_TRY(share::check_partner_name(args.partner));
  JALA_TRY_ASSIGN(const std::string secret, partner_secret(args.secret_file));
  JALA_TRY_ASSIGN(const classify::Model classifier,
                  classify::Model::load(args.model.empty() ? default_model_path() : args.model));
  server::ClientOptions options;
  options.ca_file = args.ca_file;
  JALA_TRY_ASSIGN(server::HttpClient client, server::HttpClient::make(options));
  const server::PartnerGet get = [&](const std::string& url) {
    return client.get(url, {{"Accept", std::string(share::k_taxii_media_type)}, {"Authorization", "Bearer " + secret}});
  };
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  JALA_TRY_ASSIGN(const server::SyncCounts counts,
                  server::sync_from(get, args.from, args.partner, *store, classifier,
                                    [](std::string_view warning) { fmt::print(stderr, "jala: sync: {}\n", warning); }));
  if (args.output == Output::json) {
    fmt::print("{}\n", nlohmann::json{{"partner", args.partner},
                                      {"objects", counts.objects},
                                      {"reports", counts.reports},
                                      {"failed", counts.failed},
                                      {"invalid_objects", counts.invalid_objects},
                                      {"withdrawn", counts.withdrawn},
                                      {"skipped", counts.skipped}}
                           .dump());
  } else {
    fmt::print(
        "synced from {}: {} new objects, {} new or changed reports, {} reports could not be read, {} objects"
        " were not STIX objects, {} reports withdrawn by the partner, {} objects skipped\n",
        args.partner, counts.objects, counts.reports, counts.failed, counts.invalid_objects, counts.withdrawn,
        counts.skipped);
  }
  return {};
}

}  // namespace jala::cli
