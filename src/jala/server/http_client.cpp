#include "jala/server/http_client.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <mutex>

#include <fmt/core.h>

#include "jala/model/text.h"

namespace jala::server {

// The deleter of the handle that HttpClient::Impl owns (outside the anonymous namespace, as the type of
// that member must be).
struct CurlFree {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

namespace {

struct HeaderListFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Received {
  ClientResponse response;
  std::size_t limit = 0;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& received = *static_cast<Received*>(user);
  const std::size_t bytes = size * count;
  if (received.response.body.size() + bytes > received.limit) {
    received.too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  received.response.body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& received = *static_cast<Received*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    received.response.headers.clear();  // a new response (after 100 Continue)
    return line.size();
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return line.size();
  std::string name = model::ascii_lower(line.substr(0, colon));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  received.response.headers.emplace_back(std::move(name), std::string(value));
  return line.size();
}

}  // namespace

struct HttpClient::Impl {
  ClientOptions options;
  std::unique_ptr<CURL, CurlFree> handle;
};

std::optional<std::string_view> ClientResponse::header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) return value;
  }
  return std::nullopt;
}

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;
HttpClient::~HttpClient() = default;

Result<HttpClient> HttpClient::make(ClientOptions options) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->handle.reset(curl_easy_init());
  if (!impl->handle) return internal_error("cannot make an HTTP client");
  return HttpClient(std::move(impl));
}

Result<ClientResponse> HttpClient::get(const std::string& url, const HeaderList& headers) {
  return perform(url, headers, nullptr);
}

Result<ClientResponse> HttpClient::post(const std::string& url, const HeaderList& headers, std::string_view body) {
  return perform(url, headers, &body);
}

Result<ClientResponse> HttpClient::perform(const std::string& url, const HeaderList& headers,
                                           const std::string_view* body) {
  CURL* handle = m_impl->handle.get();
  curl_easy_reset(handle);
  Received received;
  received.limit = m_impl->options.max_response_bytes;
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) {
    const std::string line = fmt::format("{}: {}", name, value);
    curl_slist* grown = curl_slist_append(list, line.c_str());
    if (grown == nullptr) {
      curl_slist_free_all(list);
      return internal_error("out of memory for request headers");
    }
    list = grown;
  }
  const std::unique_ptr<curl_slist, HeaderListFree> header_list(list);
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(m_impl->options.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &received);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &received);
  if (!m_impl->options.ca_file.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, m_impl->options.ca_file.c_str());
  if (body != nullptr) {
    curl_easy_setopt(handle, CURLOPT_POST, 1L);
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  }
  const CURLcode outcome = curl_easy_perform(handle);
  if (received.too_large) {
    return unavailable("the response from {} is larger than {} bytes", url, received.limit);
  }
  if (outcome != CURLE_OK) return unavailable("cannot reach {}: {}", url, curl_easy_strerror(outcome));
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  received.response.status = static_cast<int>(status);
  return std::move(received.response);
}

std::string basic_authorization(std::string_view name, std::string_view secret) {
  std::string credentials(name);
  credentials += ':';
  credentials += secret;
  std::string encoded(sodium_base64_ENCODED_LEN(credentials.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(credentials.data()),
                    credentials.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return "Basic " + encoded;
}

}  // namespace jala::server
