#include "jala/server/http_server.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <nlohmann/json.hpp>

#include "jala/server/connection_limit.h"
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

// A TCP connection to the server on loopback, closed when it goes.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) : m_fd(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockaddr API
    if (m_fd >= 0 && connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      close(m_fd);
      m_fd = -1;
    }
  }
  ~RawConnection() {
    if (m_fd >= 0) close(m_fd);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&&) = delete;
  RawConnection& operator=(RawConnection&&) = delete;

  int fd() const { return m_fd; }

  bool send_all(std::string_view bytes) const {
    return m_fd >= 0 && send(m_fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size());
  }
  // What the server sends first, waiting at most `wait`; empty on end of file, an error or a timeout.
  std::string receive(std::chrono::milliseconds wait) const {
    if (m_fd < 0 || !wait_for(wait)) return {};
    std::array<char, 256> buffer{};
    const ssize_t got = recv(m_fd, buffer.data(), buffer.size(), 0);
    return got > 0 ? std::string(buffer.data(), static_cast<std::size_t>(got)) : std::string();
  }
  // Whether the server closed the connection within `wait`: a read ends the file or fails, not times out.
  bool closed_by_server(std::chrono::milliseconds wait) const {
    if (m_fd < 0 || !wait_for(wait)) return false;
    char byte = 0;
    return recv(m_fd, &byte, 1, MSG_PEEK) <= 0;
  }

 private:
  bool wait_for(std::chrono::milliseconds wait) const {
    timeval limit{};
    limit.tv_sec = static_cast<time_t>(wait.count() / 1000);
    limit.tv_usec = static_cast<suseconds_t>(wait.count() % 1000 * 1000);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(m_fd, &readable);
    return select(m_fd + 1, &readable, nullptr, nullptr, &limit) == 1;
  }
  int m_fd;
};

// The status line the server answers `request` with, sent as it is over a new connection.
std::string status_line_of(std::uint16_t port, std::string_view request) {
  const RawConnection connection(port);
  const std::string answer = connection.send_all(request) ? connection.receive(std::chrono::seconds(30)) : "";
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

// A self-signed certificate for 127.0.0.1 and its key, made by the openssl command, in a folder of the
// test's own (tests that run at once must not overwrite each other's files), removed with it.
class TestCertificate {
 public:
  // Nothing when the openssl command cannot make one.
  static std::unique_ptr<TestCertificate> make() {
    auto made = std::unique_ptr<TestCertificate>(new TestCertificate(
        std::filesystem::path(::testing::TempDir()) /
        fmt::format("jala_tls_{}_{}", getpid(), ::testing::UnitTest::GetInstance()->current_test_info()->name())));
    const std::string command = fmt::format(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1 -keyout {} -out {} 2>/dev/null",
        made->files.private_key, made->files.certificate_chain);
    if (std::system(command.c_str()) != 0) return nullptr;
    return made;
  }
  ~TestCertificate() {
    std::error_code ignored;
    std::filesystem::remove_all(m_directory, ignored);
  }
  TestCertificate(const TestCertificate&) = delete;
  TestCertificate& operator=(const TestCertificate&) = delete;
  TestCertificate(TestCertificate&&) = delete;
  TestCertificate& operator=(TestCertificate&&) = delete;

  TlsFiles files;

 private:
  explicit TestCertificate(std::filesystem::path directory) : m_directory(std::move(directory)) {
    std::filesystem::create_directories(m_directory);
    files = {(m_directory / "cert.pem").string(), (m_directory / "key.pem").string()};
  }
  std::filesystem::path m_directory;
};

// Tests of the server on TLS, each with a test certificate of its own (skipped without the openssl command).
class TlsServer : public ::testing::Test {
 protected:
  void SetUp() override {
    m_certificate = TestCertificate::make();
    if (!m_certificate) GTEST_SKIP() << "the openssl command cannot make a test certificate";
  }
  const TlsFiles& files() const { return m_certificate->files; }
  // Starts the server with `options` on the test certificate.
  ::testing::AssertionResult serve(ServerOptions options) {
    options.tls = files();
    auto started = start(std::move(options));
    if (!started.ok()) return ::testing::AssertionFailure() << started.error().message();
    m_started = std::move(*started);
    return ::testing::AssertionSuccess();
  }
  HttpServer& server() { return *m_started.server; }
  std::uint16_t port() const { return m_started.server->port(); }
  // GET `path` over HTTPS from a client that trusts the test certificate.
  Result<ClientResponse> get(std::string_view path, std::chrono::seconds timeout = std::chrono::seconds(60)) const {
    ClientOptions trust;
    trust.ca_file = files().certificate_chain;
    trust.timeout = timeout;
    return HttpClient::make(trust).value().get(m_started.url(path, "https"), {});
  }
  std::string url(std::string_view path, std::string_view scheme) const { return m_started.url(path, scheme); }

 private:
  std::unique_ptr<TestCertificate> m_certificate;
  Started m_started;
};

TEST_F(TlsServer, ServesTlsWithTheGivenCertificate) {
  ASSERT_TRUE(serve({}));
  const auto got = get("/secure");
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->status, 200);

  EXPECT_FALSE(HttpClient::make().value().get(url("/secure", "http"), {}).ok());
  EXPECT_FALSE(HttpClient::make().value().get(url("/secure", "https"), {}).ok());  // trusts only the system's CAs

  ServerOptions options;
  options.tls = TlsFiles{files().certificate_chain, files().certificate_chain};
  const auto bad_key = start(options);
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(bad_key.error().message().find("TLS key"), std::string::npos) << bad_key.error().message();
}

// What a TLS client sends first, made by OpenSSL.
std::string client_hello() {
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(context.get()), SSL_free);
  BIO* sent = BIO_new(BIO_s_mem());
  SSL_set_bio(ssl.get(), BIO_new(BIO_s_mem()), sent);  // owned by `ssl` from here
  SSL_set_connect_state(ssl.get());
  SSL_do_handshake(ssl.get());  // stops for the server's answer, with the hello written
  char* bytes = nullptr;
  const long size = BIO_get_mem_data(sent, &bytes);  // NOLINT(google-runtime-int): OpenSSL's type
  return {bytes, static_cast<std::size_t>(size)};
}

// Found on 2026-12-05: a client that sent its hello and hung up ended `jala serve` (exit 141, SIGPIPE)
// within a few hundred tries, because the server's answer was written to a socket the client had closed.
TEST_F(TlsServer, OutlivesClientsThatHangUpAfterTheirHello) {
  ServerOptions options;
  options.max_connections_per_address = 100'000;  // the connections are many at once, and not the point here
  ASSERT_TRUE(serve(options));
  const std::string hello = client_hello();
  ASSERT_FALSE(hello.empty());
  for (int i = 0; i < 300; ++i) {
    const RawConnection connection(port());
    ASSERT_TRUE(connection.send_all(hello));
  }
  const auto got = get("/still-there");
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->status, 200);
}

// Found in review (2026-12-04): 20,000 connections that sent half a request made a partner's request
// time out. A TLS connection over its address's share is now closed as soon as it arrives.
TEST_F(TlsServer, ClosesConnectionsOverTheirAddressesShare) {
  ServerOptions options;
  options.threads = 1;
  options.max_connections_per_address = 3;
  ASSERT_TRUE(serve(options));
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawConnection>(port()));
  const RawConnection fourth(port());
  EXPECT_TRUE(fourth.closed_by_server(std::chrono::seconds(10)));
  for (const auto& connection : held) EXPECT_FALSE(connection->closed_by_server(std::chrono::milliseconds(300)));

  // One of the three goes, and its place is free again (once the server has seen it go).
  held.pop_back();
  bool served = false;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {
    const auto got = get("/after");
    served = got.ok() && got->status == 200;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(served);
}

// A TLS connection to the server on loopback with its handshake done, held until it goes (no request).
class HandshakenConnection {
 public:
  explicit HandshakenConnection(std::uint16_t port)
      : m_tcp(port), m_context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free), m_ssl(nullptr, SSL_free) {
    m_ssl.reset(SSL_new(m_context.get()));
    SSL_set_fd(m_ssl.get(), m_tcp.fd());
    m_done = SSL_connect(m_ssl.get()) == 1;  // the socket blocks; the certificate is not checked here
  }
  bool done() const { return m_done; }

 private:
  RawConnection m_tcp;
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> m_context;
  std::unique_ptr<SSL, decltype(&SSL_free)> m_ssl;
  bool m_done = false;
};

// At the cap, a connection that has not finished its TLS handshake makes room for a new one, the one
// that has waited longest first: a flood of idle connections from many addresses no longer keeps
// partners out until the read timeout.
TEST_F(TlsServer, AtTheCapClosesTheConnectionThatWaitedLongestForItsHandshake) {
  ServerOptions options;
  options.threads = 1;
  options.max_connections = 2;
  ASSERT_TRUE(serve(options));
  const RawConnection oldest(port());
  ASSERT_FALSE(oldest.closed_by_server(std::chrono::milliseconds(200)));  // accepted and counted first
  const RawConnection newer(port());
  const auto got = get("/in", std::chrono::seconds(10));
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->status, 200);
  EXPECT_TRUE(oldest.closed_by_server(std::chrono::seconds(5)));
  EXPECT_FALSE(newer.closed_by_server(std::chrono::milliseconds(200)));
}

TEST_F(TlsServer, StopsAcceptingWhileFullOfHandshakenConnectionsAndResumesWhenOneCloses) {
  ServerOptions options;
  options.threads = 1;
  options.max_connections = 2;
  ASSERT_TRUE(serve(options));
  auto first = std::make_unique<HandshakenConnection>(port());
  const HandshakenConnection second(port());
  ASSERT_TRUE(first->done());
  ASSERT_TRUE(second.done());
  EXPECT_FALSE(get("/full", std::chrono::seconds(1)).ok());

  first.reset();
  const auto after = get("/after", std::chrono::seconds(20));
  ASSERT_TRUE(after.ok()) << after.error().message();
  EXPECT_EQ(after->status, 200);
}

// Debian's soft limit of 1,024 open files let a flood meet the limit before any cap, and accept() then
// failed for partners too. The server raises the soft limit for its connections, or says it cannot.
TEST_F(TlsServer, RaisesTheOpenFileLimitForItsConnections) {
  rlimit before{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &before), 0);
  if (before.rlim_max != RLIM_INFINITY && before.rlim_max < 3000) GTEST_SKIP() << "the hard limit is too low";
  rlimit lowered = before;
  lowered.rlim_cur = 1024;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
  ServerOptions options;
  options.max_connections = 2000;
  const ::testing::AssertionResult served = serve(options);
  rlimit raised{};
  getrlimit(RLIMIT_NOFILE, &raised);
  setrlimit(RLIMIT_NOFILE, &before);
  ASSERT_TRUE(served);
  EXPECT_EQ(raised.rlim_cur, 2000 + k_reserved_descriptors);
  EXPECT_EQ(server().connection_cap(), 2000U);

  server().stop();          // no worker thread while forking
  lowered.rlim_max = 1024;  // a hard limit this test cannot raise again, so in a child process
  options.tls = files();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    setrlimit(RLIMIT_NOFILE, &lowered);
    auto capped = start(options);
    _exit(capped.ok() && capped->server->connection_cap() == 1024 - k_reserved_descriptors ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the cap under a hard limit of 1,024 is not 768";
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
