#include "jala/server/responses.h"

#include <nlohmann/json.hpp>

namespace jala::server {

HttpResponse json_response(int status, const nlohmann::ordered_json& body) {
  HttpResponse response;
  response.status = status;
  // An error may quote the request, whose bytes need not be UTF-8: those are answered as U+FFFD.
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

HttpResponse json_error(int status, std::string_view message) { return json_response(status, {{"error", message}}); }

HttpResponse allowing(std::string_view methods, HttpResponse refused) {
  refused.headers.emplace_back("Allow", methods);
  return refused;
}

HttpResponse json_error(const Error& error) {
  const int status = http_status(error.code());
  return json_error(status,
                    status < 500 ? std::string_view(error.message()) : "the node could not answer; see its log");
}

void ask_for_credentials(HttpResponse& response) {
  response.headers.emplace_back("WWW-Authenticate", R"(Basic realm="jala", Bearer realm="jala")");
}

void ask_to_retry_after(HttpResponse& response, std::chrono::seconds wait) {
  response.headers.emplace_back("Retry-After", std::to_string(wait.count()));
}

}  // namespace jala::server
