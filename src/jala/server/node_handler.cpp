#include "jala/server/node_handler.h"

#include "jala/server/responses.h"

namespace jala::server {

Result<std::unique_ptr<RequestHandler>> NodeHandler::open(const NodeConfig& config,
                                                          std::shared_ptr<Authenticator> authenticator,
                                                          std::shared_ptr<AnalysisCache> analyses) {
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(config.store_location));
  return std::unique_ptr<RequestHandler>(
      new NodeHandler(config, std::move(store), std::move(authenticator), std::move(analyses)));
}

HttpResponse NodeHandler::handle(const HttpRequest& request) {
  if (request.path == "/taxii2" || request.path.starts_with("/taxii2/")) {
    return handle_taxii(request, m_config, *m_store, *m_authenticator);
  }
  if (request.path.starts_with("/api/v1/")) return handle_api(request, *m_store, *m_analyses);
  if (request.malformed_target) return json_error(400, k_malformed_target);
  if (request.path == "/psi/v1/overlap") return handle_overlap(request, *m_store, *m_authenticator);
  if (std::optional<HttpResponse> page = handle_web(request)) return std::move(*page);
  return json_error(404, "no such resource");
}

}  // namespace jala::server
