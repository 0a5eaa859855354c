// The web UI's files (web_assets.h), answered only on this machine (this_machine.h), as the JSON API they read.
#include <algorithm>

#include <fmt/format.h>

#include "jala/server/node_handler.h"
#include "jala/server/responses.h"
#include "jala/server/this_machine.h"
#include "jala/server/web_assets.h"

namespace jala::server {

std::optional<HttpResponse> handle_web(const HttpRequest& request) {
  const std::string_view path = request.path == "/index.html" ? "/" : std::string_view(request.path);
  const auto assets = web_assets();
  const auto asset = std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.path == path; });
  if (asset == assets.end()) return std::nullopt;
  if (const std::optional<std::string_view> why = why_not_from_this_machine(request)) {
    return json_error(403, fmt::format("the web UI answers only on this machine ({})", *why));
  }
  if (request.method != "GET" && request.method != "HEAD") {
    return allowing("GET, HEAD", json_error(405, "the web UI only answers GET and HEAD"));
  }
  HttpResponse response;
  response.content_type = std::string(asset->content_type);
  response.body = std::string(asset->body);
  // The page runs only its own script and reads only this node: a value from the store that looks like
  // markup stays text.
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

}  // namespace jala::server
