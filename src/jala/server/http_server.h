// The HTTP server under `jala serve`: HTTP/1.1 with keep-alive on libevent, one event loop per worker
// thread, each with its own listening socket on the same port (SO_REUSEPORT), so that the kernel
// spreads connections over the workers and a request never crosses threads. TLS (OpenSSL) when given
// a certificate and key; plain HTTP is refused on anything but a loopback address unless asked for.
// Bodies, headers and idle connections are bounded: a body over the limit gets 413 before it is read;
// so are the TLS connections open at once, in all and per client address.
// ADR 0010 says why libevent and not cpp-httplib, with the measurements.
//
// Ownership and threads: HttpServer owns its worker threads and sockets; stop() (or the destructor)
// ends them. Each worker thread owns one RequestHandler made by the factory, which is therefore
// called once per worker and only ever used from that worker's thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jala/base/result.h"

namespace jala::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-decoded, without the query
  // The path's segments, each percent-decoded on its own, so that an encoded "/" (%2F) stays inside its
  // segment: {"api", "v1", "reports", "PH/NBI", "C-1"}.
  std::vector<std::string> segments;
  // The target held a percent-escape that decodes to NUL: `path` is then the target as sent, and
  // `segments` and `query` are empty. Each route answers it with a 400 of its own kind.
  bool malformed_target = false;
  HeaderList query;    // percent-decoded name/value pairs, in order
  HeaderList headers;  // names in lower case
  std::string body;
  std::string peer;  // the client's address
  bool from_loopback = false;

  std::optional<std::string_view> header(std::string_view lower_case_name) const;
  std::optional<std::string_view> query_value(std::string_view name) const;  // the first one
};

// Sets `request`'s path, segments and query from a request target's path and query as sent
// (percent-encoded), as the server does for every request; an escape that decodes to NUL sets
// `malformed_target` instead. Tests and fuzz targets build their requests with it too.
void set_target(HttpRequest& request, std::string_view path, std::optional<std::string_view> query);

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  HeaderList headers;
  std::string body;
  std::string who = "-";  // the authenticated caller, for the request log
};

// Handles the requests of one worker thread. Implementations may keep per-thread state (a store
// connection) and need not be thread-safe.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual HttpResponse handle(const HttpRequest& request) = 0;
};

using HandlerFactory = std::function<Result<std::unique_ptr<RequestHandler>>()>;

enum class PlainHttp { loopback_only, anywhere };

struct TlsFiles {
  std::string certificate_chain;  // PEM
  std::string private_key;        // PEM
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; port() tells which
  int threads = 2;
  std::size_t max_body_bytes = std::size_t{16} << 20;
  std::size_t max_header_bytes = std::size_t{32} << 10;
  std::chrono::seconds timeout{30};  // for reading a request and for idle keep-alive connections
  // TLS connections open at once, in all and from one client address (connection_limit.h); each worker
  // holds its share. At the cap the server stops accepting until one closes; one over its address's
  // share is closed.
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 64;
  std::optional<TlsFiles> tls;
  PlainHttp plain_http = PlainHttp::loopback_only;
  // Receives one line per request (who, method, path, status, latency). Called from worker threads
  // concurrently; must be thread-safe. Empty: no request log.
  std::function<void(std::string_view line)> request_log;
};

class HttpServer {
 public:
  // Binds, makes one handler per worker and starts serving. Fails on a bad address, a port in use,
  // unreadable TLS files, or plain HTTP on a public address without PlainHttp::anywhere.
  static Result<std::unique_ptr<HttpServer>> start(ServerOptions options, const HandlerFactory& make_handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const;
  // TLS connections open at once: max_connections, or fewer if the descriptor limit allows fewer.
  std::size_t connection_cap() const;
  // Stops accepting, ends the workers and waits for them. Safe to call more than once, from any
  // thread but a worker's.
  void stop();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// The one mapping from error codes to HTTP statuses.
int http_status(ErrorCode code);

}  // namespace jala::server
