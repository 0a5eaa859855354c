// A small blocking HTTP(S) client on libcurl, for pulling from partner nodes (`jala sync`,
// `jala overlap`) and for tests that talk to `jala serve`. Responses are bounded in size and time;
// redirects are not followed, and only http and https URLs are accepted.
//
// Ownership and threads: an HttpClient owns one curl handle, which keeps connections alive between
// requests; use it from one thread at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/server/http_server.h"

namespace jala::server {

struct ClientOptions {
  std::chrono::seconds timeout{60};
  std::size_t max_response_bytes = std::size_t{256} << 20;
  std::string ca_file;  // PEM bundle that signs the server's certificate; empty: the system's
};

struct ClientResponse {
  int status = 0;
  HeaderList headers;  // names in lower case
  std::string body;

  std::optional<std::string_view> header(std::string_view lower_case_name) const;
};

class HttpClient {
 public:
  static Result<HttpClient> make(ClientOptions options = {});
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  ~HttpClient();

  // Any status is a response; only a failure to get one (refused, timed out, too large) is an error.
  Result<ClientResponse> get(const std::string& url, const HeaderList& headers);
  Result<ClientResponse> post(const std::string& url, const HeaderList& headers, std::string_view body);

  struct Impl;

 private:
  explicit HttpClient(std::unique_ptr<Impl> impl);
  Result<ClientResponse> perform(const std::string& url, const HeaderList& headers, const std::string_view* body);
  std::unique_ptr<Impl> m_impl;
};

// "Basic base64(name:secret)", for an Authorization header.
std::string basic_authorization(std::string_view name, std::string_view secret);

}  // namespace jala::server
