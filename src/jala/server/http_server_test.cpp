#include "jala/server/http_server.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

#include "jala/server/http_client.h"

namespace jala::server {
namespace {

// Answers with what it was asked, so that tests see the request as a handler sees it.
class EchoHandler final : public RequestHandler {
 public:
  explicit EchoHandler(int worker) : m_worker(worker) {}
  HttpResponse handle(const HttpRequest& request) override {
    if (request.path == "/throw") throw std::runtime_error("a bug");
    nlohmann::json query = nlohmann::json::array();
    for (const auto& [name, value] : request.query) query.push_back({name, value});
    HttpResponse response;
    response.headers.emplace_back("X-Worker", std::to_string(m_worker));
    response.who = "tester";
    response.body = nlohmann::json{{"method", request.method},
                                   {"path", request.path},
                                   {"query", query},
                                   {"accept", request.header("accept").value_or("")},
                                   {"body", request.body},
                                   {"loopback", request.from_loopback}}
                        .dump();
    return response;
  }

 private:
  int m_worker;
};

struct Started {
  std::unique_ptr<HttpServer> server;
  std::shared_ptr<std::atomic<int>> handlers = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<std::vector<std::string>> log = std::make_shared<std::vector<std::string>>();
  std::shared_ptr<std::mutex> log_mutex = std::make_shared<std::mutex>();

  std::string url(std::string_view path, std::string_view scheme = "http") const {
    return fmt::format("{}://127.0.0.1:{}{}", scheme, server->port(), path);
  }
};

Result<Started> start(ServerOptions options) {
  Started started;
  options.port = 0;
  options.request_log = [log = started.log, mutex = started.log_mutex](std::string_view line) {
    const std::lock_guard lock(*mutex);
    log->emplace_back(line);
  };
  JALA_TRY_ASSIGN(started.server,
                  HttpServer::start(std::move(options), [handlers = started.handlers]() -> Result<std::unique_ptr<RequestHandler>> {
                    return std::make_unique<EchoHandler>(handlers->fetch_add(1));
                  }));
  return started;
}

TEST(HttpServer, DecodesThePathQueryHeadersAndBody) {
  auto started = start({});
  ASSERT_TRUE(started.ok()) << started.error().message();
  auto client = HttpClient::make().value();
  auto got = client.post(started->url("/taxii2/a%20b/?match%5Btype%5D=indicator,sighting&added_after=2026-01-01T00%3A00%3A00Z"),
                         {{"Accept", "application/taxii+json;version=2.1"}}, "the body");
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->header("content-type").value_or(""), "application/json");
  const auto echo = nlohmann::json::parse(got->body);
  EXPECT_EQ(echo["method"], "POST");
  EXPECT_EQ(echo["path"], "/taxii2/a b/");
  EXPECT_EQ(echo["query"], nlohmann::json::parse(R"([["match[type]","indicator,sighting"],
                                                      ["added_after","2026-01-01T00:00:00Z"]])"));
  EXPECT_EQ(echo["accept"], "application/taxii+json;version=2.1");
  EXPECT_EQ(echo["body"], "the body");
  EXPECT_EQ(echo["loopback"], true);
}

TEST(HttpServer, MakesOneHandlerPerWorkerAndLogsEveryRequest) {
  ServerOptions options;
  options.threads = 3;
  auto started = start(options);
  ASSERT_TRUE(started.ok()) << started.error().message();
  EXPECT_EQ(started->handlers->load(), 3);
  auto client = HttpClient::make().value();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(client.get(started->url("/ping"), {}).value().status, 200);
  started->server->stop();
  ASSERT_EQ(started->log->size(), 5U);
  EXPECT_NE(started->log->front().find("tester GET /ping 200 "), std::string::npos) << started->log->front();
}

TEST(HttpServer, RefusesABodyOverTheLimitWith413) {
  ServerOptions options;
  options.max_body_bytes = 1000;
  auto started = start(options);
  ASSERT_TRUE(started.ok()) << started.error().message();
  auto client = HttpClient::make().value();
  EXPECT_EQ(client.post(started->url("/in"), {}, std::string(1000, 'x')).value().status, 200);
  EXPECT_EQ(client.post(started->url("/in"), {}, std::string(1001, 'x')).value().status, 413);
}

// The status line the server answers `request` with, sent as it is over a new connection.
std::string status_line_of(std::uint16_t port, std::string_view request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockaddr API
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    std::array<char, 256> buffer{};
    const ssize_t got = recv(fd, buffer.data(), buffer.size(), 0);
    if (got > 0) answer.assign(buffer.data(), static_cast<std::size_t>(got));
  }
  close(fd);
  return answer.substr(0, answer.find("\r\n"));
}

// Found in review: PUT got libevent's HTML 501 instead of the routes' JSON 405. Every method a route may
// refuse now reaches the handler.
TEST(HttpServer, PassesPutPatchAndOptionsToTheHandler) {
  auto started = start({});
  ASSERT_TRUE(started.ok()) << started.error().message();
  for (const char* method : {"PUT", "PATCH", "OPTIONS"}) {
    EXPECT_EQ(status_line_of(started->server->port(),
                             fmt::format("{} /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n", method)),
              "HTTP/1.1 200 OK")
        << method;
  }
  started->server->stop();
  ASSERT_EQ(started->log->size(), 3U);
  EXPECT_NE(started->log->front().find("tester PUT /x 200 "), std::string::npos) << started->log->front();
}

TEST(HttpServer, AnswersABugWith500AndKeepsServing) {
  auto started = start({});
  ASSERT_TRUE(started.ok()) << started.error().message();
  auto client = HttpClient::make().value();
  EXPECT_EQ(client.get(started->url("/throw"), {}).value().status, 500);
  EXPECT_EQ(client.get(started->url("/ping"), {}).value().status, 200);
}

TEST(HttpServer, ServesPlainHttpOnlyOnLoopbackUnlessAskedTo) {
  ServerOptions options;
  options.host = "0.0.0.0";
  const auto refused = start(options);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::invalid_argument);
  EXPECT_NE(refused.error().message().find("TLS"), std::string::npos) << refused.error().message();
  options.plain_http = PlainHttp::anywhere;
  EXPECT_TRUE(start(options).ok());
}

TEST(HttpServer, ServesTlsWithTheGivenCertificate) {
  const std::filesystem::path directory = std::filesystem::path(::testing::TempDir()) / "jala_tls_test";
  std::filesystem::create_directories(directory);
  const std::string certificate = (directory / "cert.pem").string();
  const std::string key = (directory / "key.pem").string();
  const std::string make_certificate = fmt::format(
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=IP:127.0.0.1 -keyout {} -out {} 2>/dev/null",
      key, certificate);
  if (std::system(make_certificate.c_str()) != 0) GTEST_SKIP() << "the openssl command cannot make a test certificate";
  ServerOptions options;
  options.tls = TlsFiles{certificate, key};
  auto started = start(options);
  ASSERT_TRUE(started.ok()) << started.error().message();

  ClientOptions trust;
  trust.ca_file = certificate;
  auto trusting = HttpClient::make(trust).value();
  auto got = trusting.get(started->url("/secure", "https"), {});
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->status, 200);

  auto plain = HttpClient::make().value();
  EXPECT_FALSE(plain.get(started->url("/secure", "http"), {}).ok());
  auto not_trusting = HttpClient::make().value();
  EXPECT_FALSE(not_trusting.get(started->url("/secure", "https"), {}).ok());

  options.tls = TlsFiles{certificate, certificate};
  const auto bad_key = start(options);
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(bad_key.error().message().find("TLS key"), std::string::npos) << bad_key.error().message();
}

TEST(HttpClient, RefusesAResponseOverItsLimit) {
  auto started = start({});
  ASSERT_TRUE(started.ok()) << started.error().message();
  ClientOptions small;
  small.max_response_bytes = 10;
  auto client = HttpClient::make(small).value();
  const auto got = client.get(started->url("/a/long/path/to/echo"), {});
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message().find("larger than 10 bytes"), std::string::npos) << got.error().message();
}

TEST(HttpClient, BuildsBasicCredentials) {
  EXPECT_EQ(basic_authorization("Aladdin", "open sesame"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
}

}  // namespace
}  // namespace jala::server
