// `jala serve`: serve until SIGINT or SIGTERM while publishing, on a thread of its own, what was logged
// before the start and again every few seconds, so that reports ingested meanwhile reach partners.
#include <charconv>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "jala/cli/background_publisher.h"
#include "jala/cli/data_files.h"
#include "jala/cli/share_commands.h"
#include "jala/server/node_handler.h"
#include "jala/server/publisher.h"

namespace jala::cli {
namespace {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};

Result<Endpoint> parse_listen(std::string_view listen) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos) return invalid_argument("--listen takes HOST:PORT, not '{}'", listen);
  std::string host(listen.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string_view port_text = listen.substr(colon + 1);
  unsigned port = 0;
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || error != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return invalid_argument("--listen takes HOST:PORT, not '{}'", listen);
  }
  return Endpoint{std::move(host), static_cast<std::uint16_t>(port)};
}

// The identity kept in the store; --agency sets it the first time and must agree afterwards, because
// every id the node has published derives from it.
Result<share::NodeIdentity> node_identity(storage::Store& store, const ServeArgs& args) {
  std::optional<share::NodeIdentity> identity;
  const Status read = store.read([&](const storage::ReadView& view) -> Status {
    JALA_TRY_ASSIGN(identity, server::stored_node_identity(view));
    return {};
  });
  if (!read.ok()) return read.error();
  if (identity) {
    if (!args.agency.empty() && args.agency != identity->name) {
      return failed_precondition("this node speaks for {}, not {}: its published ids derive from the name",
                                 identity->name, args.agency);
    }
    return *identity;
  }
  if (args.agency.empty()) return invalid_argument("give --agency NAME (and --country) the first time a node serves");
  share::NodeIdentity node;
  node.name = args.agency;
  node.country = args.country;
  node.created = now();
  JALA_TRY(store.write(
      [&](storage::WriteTransaction& transaction) { return server::store_node_identity(transaction, node); }));
  return node;
}

}  // namespace

Status serve_command(const Context& context, const ServeArgs& args) {
  JALA_TRY_ASSIGN(const Endpoint endpoint, parse_listen(args.listen));
  JALA_TRY_ASSIGN(std::unique_ptr<storage::Store> store, storage::open_store(context.db));
  JALA_TRY_ASSIGN(const share::NodeIdentity node, node_identity(*store, args));
  JALA_TRY_ASSIGN(extract::WarningLists warning_lists, load_warning_lists());
  auto analyses =
      std::make_shared<server::AnalysisCache>(std::make_shared<const extract::WarningLists>(std::move(warning_lists)));

  // The workers and the publisher inherit this mask, so only this thread takes the signals, in sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ServerOptions options;
  options.host = endpoint.host;
  options.port = endpoint.port;
  options.threads =
      args.threads > 0 ? args.threads : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  options.max_body_bytes = args.max_body_bytes;
  options.max_connections = args.max_connections;
  options.max_connections_per_address = args.max_connections_per_address;
  if (!args.tls_certificate.empty() || !args.tls_key.empty()) {
    options.tls = server::TlsFiles{args.tls_certificate, args.tls_key};
  }
  options.plain_http = args.plain_http_anywhere ? server::PlainHttp::anywhere : server::PlainHttp::loopback_only;
  if (!args.quiet) options.request_log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };
  const server::NodeConfig config{context.db, node, args.max_body_bytes};
  auto authenticator = std::make_shared<server::Authenticator>();
  JALA_TRY_ASSIGN(std::unique_ptr<server::HttpServer> http, server::HttpServer::start(options, [&] {
                    return server::NodeHandler::open(config, authenticator, analyses);
                  }));
  if (!args.port_file.empty()) {
    // Written whole and renamed into place, so that a script polling for it never reads half a number.
    const std::string partial = args.port_file + ".partial";
    std::ofstream(partial) << http->port() << '\n';
    std::error_code failed;
    std::filesystem::rename(partial, args.port_file, failed);
    if (failed) return unavailable("cannot write {}: {}", args.port_file, failed.message());
  }
  fmt::print(stderr, "jala: {} serving {}://{}:{} (TAXII at /taxii2/, API at /api/v1/); stop with Ctrl-C\n", node.name,
             options.tls ? "https" : "http", endpoint.host, http->port());
  if (options.tls && http->connection_cap() < args.max_connections) {
    fmt::print(stderr, "jala: the limit on open files (ulimit -n) allows {} TLS connections at once, not {}\n",
               http->connection_cap(), args.max_connections);
  }
  BackgroundPublisher publisher(*store, node, *analyses);
  int signal = 0;
  while (sigwait(&stop_signals, &signal) != 0) {
  }
  publisher.stop();
  http->stop();
  fmt::print(stderr, "jala: stopped\n");
  return {};
}

}  // namespace jala::cli
