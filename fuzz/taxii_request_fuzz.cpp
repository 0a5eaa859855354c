// TAXII 2.1 requests as a partner could send them, over arbitrary bytes: the request line's path and
// query, headers and body reach the routes, the query parser, the envelope parser and the credential
// parser. Every answer must be a status TAXII names with a JSON body, and nothing above the partner's
// TLP (here green) may appear in a 200 answer.
//
// Input: "METHOD PATH[?QUERY]\n", then "name: value" header lines, a blank line, and the body. A
// valid partner credential is added unless the input brings its own Authorization header.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/server/node_handler.h"
#include "jala/server/publisher.h"
#include "jala/share/partners.h"
#include "jala/storage/memory/memory_store.h"
#include "request_line_fuzz.h"

namespace {

using jala::server::HttpRequest;

constexpr std::string_view k_secret = "fuzzer.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

struct Node {
  jala::storage::MemoryStore store;
  jala::server::NodeConfig config;
  jala::server::Authenticator authenticator;

  Node() {
    config.node.name = "FUZZ-NODE";
    config.node.country = "PH";
    config.max_body_bytes = 1 << 16;
    const jala::Status ready = store.write([&](jala::storage::WriteTransaction& transaction) -> jala::Status {
      jala::storage::Partner partner{"fuzzer", jala::share::hash_partner_secret(k_secret).value(),
                                     jala::model::Tlp::green, {}, jala::Timestamp{}, std::nullopt};
      JALA_TRY(transaction.put_partner(partner));
      for (const auto& [id, tlp] : {std::pair{"g", jala::model::Tlp::green}, std::pair{"a", jala::model::Tlp::amber}}) {
        jala::model::Report report;
        report.source = "PH-NBI";
        report.id = id;
        report.kind = jala::model::ReportKind::lure_ad;
        report.country = "PH";
        report.tlp = tlp;
        report.text = std::string("secret-") + id + " job offer via t.me/fuzzjob";
        JALA_TRY_ASSIGN(const jala::storage::PutOutcome outcome, transaction.put_report(report));
        static_cast<void>(outcome);
      }
      return {};
    });
    if (!ready.ok() || !jala::server::publish(store, config.node).ok()) std::abort();
  }
};

HttpRequest parse(std::string_view input) {
  HttpRequest request;
  request.from_loopback = false;
  request.peer = "192.0.2.1";
  input = read_request_line(input, request);
  while (!input.empty()) {
    const std::size_t end = std::min(input.find('\n'), input.size());
    const std::string_view header = input.substr(0, end);
    input.remove_prefix(std::min(end + 1, input.size()));
    if (header.empty()) break;
    const std::size_t colon = std::min(header.find(':'), header.size());
    std::string_view value = header.substr(std::min(colon + 1, header.size()));
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(header.substr(0, colon), value);
  }
  request.body = std::string(input);
  if (!request.header("authorization")) request.headers.emplace_back("authorization", "Bearer " + std::string(k_secret));
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Node node;
  const HttpRequest request = parse(std::string_view(reinterpret_cast<const char*>(data), size));
  const jala::server::HttpResponse response =
      jala::server::handle_taxii(request, node.config, node.store, node.authenticator);
  const int status = response.status;
  if (status != 200 && status != 202 && status != 400 && status != 401 && status != 403 && status != 404 &&
      status != 405 && status != 406 && status != 413 && status != 415 && status != 429) {  // 429: failed sign-ins
    std::abort();
  }
  if (!nlohmann::json::accept(response.body)) std::abort();
  if (status == 200 && response.body.find("secret-a") != std::string::npos) std::abort();  // amber, above green
  return 0;
}
