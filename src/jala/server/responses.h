// The JSON answers that the API and private-overlap routes share (TAXII's own error resource is
// share/taxii.h's error_json). Messages quote client input only through quote_untrusted (base/utf8.h),
// so every body is valid UTF-8.
#pragma once

#include <chrono>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "jala/base/result.h"
#include "jala/server/http_server.h"

namespace jala::server {

// `body` keeps its keys in the order given.
HttpResponse json_response(int status, const nlohmann::ordered_json& body);
// {"error": MESSAGE} with `status`.
HttpResponse json_error(int status, std::string_view message);

// `refused` (a 405) with the methods the resource answers, as RFC 9110 asks.
HttpResponse allowing(std::string_view methods, HttpResponse refused);

// Why a request whose target decodes to a NUL (HttpRequest::malformed_target) is refused.
inline constexpr std::string_view k_malformed_target = "a percent-escape in the request target decodes to NUL";
// The error's status and message; a server-side failure (5xx) is answered without its detail.
HttpResponse json_error(const Error& error);
// On a 401: the header that names the credentials a partner may give.
void ask_for_credentials(HttpResponse& response);
// On a 429, for an address that failed to sign in too often: when to come back.
void ask_to_retry_after(HttpResponse& response, std::chrono::seconds wait);

}  // namespace jala::server
