// The baseline of bench/serve: the same fixed JSON answer from Jala's HTTP server (libevent, one loop
// per worker) and from cpp-httplib (its thread pool), so that wrk measures the servers alone, without
// the store. ADR 0010 records the figures that chose libevent.
// Usage: bench_http_hello jala|httplib PORT THREADS   (serves until killed)
#include <httplib.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <string>
#include <string_view>

#include "jala/server/http_server.h"

namespace {

constexpr std::string_view k_answer = R"({"selector":"phone:+84912345678","reports":[{"source":"VN-MPS","id":"1"}]})";

class Hello final : public jala::server::RequestHandler {
 public:
  jala::server::HttpResponse handle(const jala::server::HttpRequest&) override {
    jala::server::HttpResponse response;
    response.body = k_answer;
    return response;
  }
};

int serve_jala(std::uint16_t port, int threads) {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  jala::server::ServerOptions options;
  options.port = port;
  options.threads = threads;
  auto server = jala::server::HttpServer::start(
      options, []() -> jala::Result<std::unique_ptr<jala::server::RequestHandler>> { return std::make_unique<Hello>(); });
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.error().message().c_str());
    return 1;
  }
  int signal = 0;
  sigwait(&stop, &signal);
  return 0;
}

int serve_httplib(std::uint16_t port, int threads) {
  httplib::Server server;
  // cpp-httplib's API takes ownership of a raw pointer here.
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));  // NOLINT(cppcoreguidelines-owning-memory)
  };
  server.Get("/hello", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(k_answer), "application/json");
  });
  return server.listen("127.0.0.1", port) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: bench_http_hello jala|httplib PORT THREADS\n");
    return 2;
  }
  const std::string_view server = argv[1];
  unsigned port = 0;
  int threads = 0;
  std::from_chars(argv[2], argv[2] + std::string_view(argv[2]).size(), port);
  std::from_chars(argv[3], argv[3] + std::string_view(argv[3]).size(), threads);
  if (server == "jala") return serve_jala(static_cast<std::uint16_t>(port), threads);
  if (server == "httplib") return serve_httplib(static_cast<std::uint16_t>(port), threads);
  std::fprintf(stderr, "unknown server %s\n", argv[1]);
  return 2;
}
