// The requests of `jala serve` (docs/formats/taxii.md, docs/formats/http-api.md): TAXII 2.1 under
// /taxii2/ and private overlap under /psi/v1/ for partners, within their agreements; the JSON API under /api/v1/ for
// the node's own analysts, from loopback only. Each worker thread has its own NodeHandler with its own connection to
// the store; the Authenticator and the AnalysisCache are shared.
#pragma once

#include <memory>
#include <string>

#include "jala/server/analysis_cache.h"
#include "jala/server/authenticator.h"
#include "jala/server/http_server.h"
#include "jala/share/stix_export.h"
#include "jala/storage/store.h"

namespace jala::server {

struct NodeConfig {
  std::string store_location;
  share::NodeIdentity node;
  std::size_t max_body_bytes = std::size_t{16} << 20;
};

class NodeHandler final : public RequestHandler {
 public:
  static Result<std::unique_ptr<RequestHandler>> open(const NodeConfig& config,
                                                      std::shared_ptr<Authenticator> authenticator,
                                                      std::shared_ptr<AnalysisCache> analyses);
  HttpResponse handle(const HttpRequest& request) override;

 private:
  NodeHandler(const NodeConfig& config, std::unique_ptr<storage::Store> store,
              std::shared_ptr<Authenticator> authenticator, std::shared_ptr<AnalysisCache> analyses)
      : m_config(config),
        m_store(std::move(store)),
        m_authenticator(std::move(authenticator)),
        m_analyses(std::move(analyses)) {}

  NodeConfig m_config;
  std::unique_ptr<storage::Store> m_store;
  std::shared_ptr<Authenticator> m_authenticator;
  std::shared_ptr<AnalysisCache> m_analyses;
};

// The TAXII and API routes, each in its own file; `store` is the worker's connection.
HttpResponse handle_taxii(const HttpRequest& request, const NodeConfig& config, storage::Store& store,
                          Authenticator& authenticator);
HttpResponse handle_api(const HttpRequest& request, storage::Store& store, AnalysisCache& analyses);
HttpResponse handle_overlap(const HttpRequest& request, storage::Store& store, Authenticator& authenticator);
// One of the web UI's files (web_assets.h); nullopt when the path names none.
std::optional<HttpResponse> handle_web(const HttpRequest& request);

// Private overlap's sets (overlap_route.cpp): the TLP levels a partner agreed at `highest` receives
// (share::highest_shared), and the
// selectors of the given types (none: every type).
std::vector<model::Tlp> levels_up_to(model::Tlp highest);
std::vector<model::Selector> of_types(std::vector<model::Selector> selectors,
                                      const std::vector<model::SelectorType>& types);

}  // namespace jala::server
