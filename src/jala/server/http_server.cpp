#include "jala/server/http_server.h"

#include <arpa/inet.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/thread.h>
#include <netdb.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/base/utf8.h"
#include "jala/model/text.h"
#include "jala/server/connection_limit.h"

namespace jala::server {

// Deleters of the library handles that Worker and HttpServer::Impl own (outside the anonymous namespace,
// as the types of those members must be).
struct EventBaseFree {
  void operator()(event_base* base) const { event_base_free(base); }
};
struct EvhttpFree {
  void operator()(evhttp* http) const { evhttp_free(http); }
};
struct SslContextFree {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};

namespace {

std::string_view method_name(evhttp_cmd_type command) {
  switch (command) {
    case EVHTTP_REQ_GET: return "GET";
    case EVHTTP_REQ_POST: return "POST";
    case EVHTTP_REQ_HEAD: return "HEAD";
    case EVHTTP_REQ_PUT: return "PUT";
    case EVHTTP_REQ_DELETE: return "DELETE";
    case EVHTTP_REQ_OPTIONS: return "OPTIONS";
    case EVHTTP_REQ_TRACE: return "TRACE";
    case EVHTTP_REQ_CONNECT: return "CONNECT";
    case EVHTTP_REQ_PATCH: return "PATCH";
  }
  return "UNKNOWN";
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status < 500 ? "Client Error" : "Server Error";
  }
}

bool is_loopback(const sockaddr* address) {
  if (address == nullptr) return false;
  if (address->sa_family == AF_INET) {
    const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(address);  // NOLINT: the sockaddr API
    return (ntohl(ipv4->sin_addr.s_addr) >> 24U) == 127U;
  }
  if (address->sa_family == AF_INET6) {
    const auto* ipv6 = reinterpret_cast<const sockaddr_in6*>(address);  // NOLINT: the sockaddr API
    // An IPv4 client of a dual-stack listener arrives as ::ffff:a.b.c.d.
    if (IN6_IS_ADDR_V4MAPPED(&ipv6->sin6_addr) != 0) return ipv6->sin6_addr.s6_addr[12] == 127U;
    return IN6_IS_ADDR_LOOPBACK(&ipv6->sin6_addr) != 0;
  }
  return false;
}

std::string openssl_errors() {
  std::string text;
  while (const unsigned long code = ERR_get_error()) {
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    if (!text.empty()) text += "; ";
    text += buffer.data();
  }
  return text.empty() ? "unknown OpenSSL error" : text;
}

Result<std::unique_ptr<SSL_CTX, SslContextFree>> tls_context(const TlsFiles& files) {
  std::unique_ptr<SSL_CTX, SslContextFree> context(SSL_CTX_new(TLS_server_method()));
  if (!context) return internal_error("cannot make a TLS context: {}", openssl_errors());
  SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(context.get(), files.certificate_chain.c_str()) != 1) {
    return invalid_argument("cannot use TLS certificate {}: {}", files.certificate_chain, openssl_errors());
  }
  if (SSL_CTX_use_PrivateKey_file(context.get(), files.private_key.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(context.get()) != 1) {
    return invalid_argument("cannot use TLS key {}: {}", files.private_key, openssl_errors());
  }
  return context;
}

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
};

Result<Address> resolve(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int failed = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); failed != 0) {
    return invalid_argument("cannot listen on {}: {}", host, gai_strerror(failed));
  }
  Address address;
  std::memcpy(&address.storage, found->ai_addr, found->ai_addrlen);
  address.length = found->ai_addrlen;
  freeaddrinfo(found);
  return address;
}

void set_port(Address& address, std::uint16_t port) {
  if (address.storage.ss_family == AF_INET) {
    reinterpret_cast<sockaddr_in*>(&address.storage)->sin_port = htons(port);  // NOLINT: the sockaddr API
  } else {
    reinterpret_cast<sockaddr_in6*>(&address.storage)->sin6_port = htons(port);  // NOLINT: the sockaddr API
  }
}

// A listening socket of its own for one worker; SO_REUSEPORT lets every worker bind the same port.
Result<int> listen_on(const Address& address) {
  const int fd = socket(address.storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return unavailable("cannot make a socket: {}", std::strerror(errno));
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
  if (bind(fd, reinterpret_cast<const sockaddr*>(&address.storage), address.length) != 0 ||  // NOLINT
      listen(fd, 1024) != 0) {
    const int error = errno;
    close(fd);
    return unavailable("cannot listen: {}", std::strerror(error));
  }
  return fd;
}

std::uint16_t bound_port(int fd) {
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length);  // NOLINT: the sockaddr API
  if (storage.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);  // NOLINT: the sockaddr API
  }
  return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);  // NOLINT: the sockaddr API
}

HeaderList lower_case_headers(const evkeyvalq* list) {
  HeaderList pairs;
  for (const evkeyval* pair = list->tqh_first; pair != nullptr; pair = pair->next.tqe_next) {
    pairs.emplace_back(model::ascii_lower(pair->key), pair->value);
  }
  return pairs;
}

// Splits "a=1&b=2" into decoded pairs ('+' is a space, as in forms). libevent's own parser leaves
// the names encoded, and TAXII's names ("match[type]") arrive encoded.
bool decode_query(std::string_view query, HeaderList& pairs) {
  auto decode = [](std::string_view text) { return model::percent_decoded(text, true); };
  for (const std::string& pair_text : model::split_list(query, '&')) {
    const std::string_view pair = pair_text;
    const std::size_t equals = std::min(pair.find('='), pair.size());
    std::optional<std::string> name = decode(pair.substr(0, equals));
    std::optional<std::string> value = decode(pair.substr(std::min(equals + 1, pair.size())));
    if (!name || !value) return false;
    pairs.emplace_back(std::move(*name), std::move(*value));
  }
  return true;
}

// Decodes the path, its segments and the query into `parsed`; false when an escape decodes to NUL.
bool decode_target(std::string_view path, std::optional<std::string_view> query, HttpRequest& parsed) {
  std::optional<std::string> decoded = model::percent_decoded(path);
  if (!decoded) return false;
  parsed.path = std::move(*decoded);
  std::string_view rest = path;
  if (rest.starts_with('/')) rest.remove_prefix(1);
  while (true) {  // every segment, empty ones too
    const std::size_t end = std::min(rest.find('/'), rest.size());
    std::optional<std::string> segment = model::percent_decoded(rest.substr(0, end));
    if (!segment) return false;
    parsed.segments.push_back(std::move(*segment));
    if (end == rest.size()) break;
    rest.remove_prefix(end + 1);
  }
  return !query || decode_query(*query, parsed.query);
}

// Fills `parsed` from libevent's request; false when it has no path.
bool read_request(evhttp_request* request, HttpRequest& parsed) {
  parsed.method = method_name(evhttp_request_get_command(request));
  const evhttp_uri* uri = evhttp_request_get_evhttp_uri(request);
  const char* path = uri == nullptr ? nullptr : evhttp_uri_get_path(uri);
  if (path == nullptr) return false;
  const char* query = evhttp_uri_get_query(uri);
  set_target(parsed, path, query == nullptr ? std::nullopt : std::optional<std::string_view>(query));
  parsed.headers = lower_case_headers(evhttp_request_get_input_headers(request));
  evbuffer* body = evhttp_request_get_input_buffer(request);
  parsed.body.resize(evbuffer_get_length(body));
  evbuffer_copyout(body, parsed.body.data(), parsed.body.size());
  evhttp_connection* connection = evhttp_request_get_connection(request);
  const sockaddr* peer = evhttp_connection_get_addr(connection);
  parsed.from_loopback = is_loopback(peer);
  char* peer_host = nullptr;
  ev_uint16_t peer_port = 0;
  evhttp_connection_get_peer(connection, &peer_host, &peer_port);
  parsed.peer = peer_host == nullptr ? "?" : peer_host;
  return true;
}

}  // namespace

void set_target(HttpRequest& request, std::string_view path, std::optional<std::string_view> query) {
  request.segments.clear();  // decode_target appends to both
  request.query.clear();
  request.malformed_target = !decode_target(path, query, request);
  if (request.malformed_target) {  // nothing half-decoded is left
    request.path = std::string(path);
    request.segments.clear();
    request.query.clear();
  }
}

std::optional<std::string_view> HttpRequest::header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) return value;
  }
  return std::nullopt;
}

std::optional<std::string_view> HttpRequest::query_value(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return 400;
    case ErrorCode::not_found: return 404;
    case ErrorCode::already_exists: return 409;
    case ErrorCode::failed_precondition: return 422;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::data_loss:
    case ErrorCode::internal: return 500;
  }
  return 500;
}

struct Worker {
  const ServerOptions* options = nullptr;
  SSL_CTX* tls = nullptr;
  std::unique_ptr<event_base, EventBaseFree> base;
  std::unique_ptr<ConnectionLimit> limit;  // declared before `http`, whose connections it counts as they close
  std::unique_ptr<evhttp, EvhttpFree> http;
  std::unique_ptr<RequestHandler> handler;
  std::uint16_t port = 0;
  std::thread thread;

  Worker() = default;
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  Worker(Worker&&) = delete;
  Worker& operator=(Worker&&) = delete;
  ~Worker() {
    if (limit) limit->stop_watching();  // freeing `http` frees the listener before the connections
  }
};

struct HttpServer::Impl {
  ServerOptions options;
  std::uint16_t port = 0;
  std::unique_ptr<SSL_CTX, SslContextFree> tls;
  std::size_t connections = 0;  // TLS connections at once: the option, or what the descriptor limit allows
  std::vector<std::unique_ptr<Worker>> workers;
  std::once_flag stopped;
};

namespace {

// Each TLS connection's bufferevent, counted by the worker's limit.
bufferevent* make_tls_bufferevent(event_base* base, void* argument) {
  auto& worker = *static_cast<Worker*>(argument);
  SSL* ssl = SSL_new(worker.tls);
  if (ssl == nullptr) return nullptr;
  worker.limit->opened(ssl);
  return bufferevent_openssl_socket_new(base, -1, ssl, BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);
}

// A share of `total` for each of `threads` workers, at least one.
std::size_t per_worker(std::size_t total, int threads) {
  const auto workers = static_cast<std::size_t>(threads);
  return std::max<std::size_t>(1, (total + workers - 1) / workers);
}

void answer(evhttp_request* request, const HttpResponse& response) {
  evkeyvalq* headers = evhttp_request_get_output_headers(request);
  if (!response.content_type.empty()) evhttp_add_header(headers, "Content-Type", response.content_type.c_str());
  for (const auto& [name, value] : response.headers) evhttp_add_header(headers, name.c_str(), value.c_str());
  evbuffer_add(evhttp_request_get_output_buffer(request), response.body.data(), response.body.size());
  evhttp_send_reply(request, response.status, reason_phrase(response.status), nullptr);
}

HttpResponse handle_safely(RequestHandler& handler, const HttpRequest& request) {
  try {
    return handler.handle(request);
  } catch (const std::exception& failure) {
    HttpResponse response;
    response.status = 500;
    // Not the exception's text: it is for the log, and need not be UTF-8.
    response.body = R"({"error":"the node could not answer; see its log"})";
    fmt::print(stderr, "jala: serve: {} {}: {}\n", escape_untrusted(request.method), escape_untrusted(request.path),
               failure.what());
    return response;
  }
}

void on_request(evhttp_request* request, void* argument) {
  const auto started = std::chrono::steady_clock::now();
  auto& worker = *static_cast<Worker*>(argument);
  HttpRequest parsed;
  HttpResponse response;
  if (read_request(request, parsed)) {
    response = handle_safely(*worker.handler, parsed);
  } else {
    response.status = 400;
    response.content_type = "text/plain";
    response.body = "malformed request target\n";
  }
  answer(request, response);
  if (worker.options->request_log) {
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // The method and path are the client's bytes: escaped, so that "%0A" in a path cannot forge a line.
    worker.options->request_log(fmt::format("{} {} {} {} {} {:.3f}ms", parsed.peer, response.who,
                                            escape_untrusted(parsed.method), escape_untrusted(parsed.path),
                                            response.status, milliseconds));
  }
}

Result<std::unique_ptr<Worker>> make_worker(const HttpServer::Impl& server, const Address& address,
                                            const HandlerFactory& make_handler) {
  auto worker = std::make_unique<Worker>();
  worker->options = &server.options;
  JALA_TRY_ASSIGN(worker->handler, make_handler());
  worker->base.reset(event_base_new());
  if (!worker->base) return internal_error("cannot make an event loop");
  worker->http.reset(evhttp_new(worker->base.get()));
  if (!worker->http) return internal_error("cannot make an HTTP server");
  evhttp* http = worker->http.get();
  evhttp_set_max_body_size(http, static_cast<ev_ssize_t>(server.options.max_body_bytes));
  evhttp_set_max_headers_size(http, static_cast<ev_ssize_t>(server.options.max_header_bytes));
  evhttp_set_timeout(http, static_cast<int>(server.options.timeout.count()));
  // Every method a route may answer or refuse with its own 405 (libevent answers the rest with an HTML 501).
  evhttp_set_allowed_methods(http, EVHTTP_REQ_GET | EVHTTP_REQ_POST | EVHTTP_REQ_HEAD | EVHTTP_REQ_DELETE |
                                       EVHTTP_REQ_PUT | EVHTTP_REQ_PATCH | EVHTTP_REQ_OPTIONS);
  evhttp_set_gencb(http, on_request, worker.get());
  if (server.tls) {
    worker->tls = server.tls.get();
    worker->limit = std::make_unique<ConnectionLimit>(
        worker->base.get(),
        ConnectionCaps{per_worker(server.connections, server.options.threads),
                       per_worker(server.options.max_connections_per_address, server.options.threads)});
    evhttp_set_bevcb(http, make_tls_bufferevent, worker.get());
  }
  JALA_TRY_ASSIGN(const int fd, listen_on(address));
  worker->port = bound_port(fd);
  evhttp_bound_socket* bound = evhttp_accept_socket_with_handle(http, fd);
  if (bound == nullptr) {
    close(fd);
    return internal_error("cannot accept on the listening socket");
  }
  if (worker->limit) worker->limit->watch(evhttp_bound_socket_get_listener(bound));
  return worker;
}

}  // namespace

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpServer::~HttpServer() { stop(); }

std::uint16_t HttpServer::port() const { return m_impl->port; }

std::size_t HttpServer::connection_cap() const { return m_impl->connections; }

Result<std::unique_ptr<HttpServer>> HttpServer::start(ServerOptions options, const HandlerFactory& make_handler) {
  static std::once_flag threads_ready;
  std::call_once(threads_ready, [] {
    evthread_use_pthreads();
    // A write to a connection whose client has gone must fail with EPIPE, not end the process: libevent
    // and OpenSSL write with plain write(2), so any client could stop the server by hanging up.
    std::signal(SIGPIPE, SIG_IGN);  // NOLINT(cert-err33-c): it cannot fail for SIGPIPE
  });
  if (options.threads < 1) return invalid_argument("the server needs at least one thread");
  JALA_TRY_ASSIGN(Address address, resolve(options.host, options.port));
  if (!options.tls && options.plain_http == PlainHttp::loopback_only &&
      !is_loopback(reinterpret_cast<const sockaddr*>(&address.storage))) {  // NOLINT: the sockaddr API
    return invalid_argument("plain HTTP is served only on loopback; give a TLS certificate and key to listen on {}",
                            options.host);
  }
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  if (impl->options.tls) {
    JALA_TRY_ASSIGN(impl->tls, tls_context(*impl->options.tls));
    impl->connections = fit_descriptor_limit(impl->options.max_connections);
  }
  for (int i = 0; i < impl->options.threads; ++i) {
    JALA_TRY_ASSIGN(std::unique_ptr<Worker> worker, make_worker(*impl, address, make_handler));
    if (i == 0) {  // the others bind the port the first one got, which matters when asked for port 0
      impl->port = worker->port;
      set_port(address, impl->port);
    }
    impl->workers.push_back(std::move(worker));
  }
  for (auto& worker : impl->workers) {
    worker->thread = std::thread([base = worker->base.get()] { event_base_dispatch(base); });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

void HttpServer::stop() {
  if (!m_impl) return;
  std::call_once(m_impl->stopped, [this] {
    // loopexit, unlike loopbreak, is an event: it is not lost when a worker has not started its loop yet.
    for (auto& worker : m_impl->workers) event_base_loopexit(worker->base.get(), nullptr);
    for (auto& worker : m_impl->workers) {
      if (worker->thread.joinable()) worker->thread.join();
    }
    m_impl->workers.clear();  // frees each evhttp (closing its socket and connections) before its base
  });
}

}  // namespace jala::server
