// The analysts' JSON API (docs/formats/http-api.md) over arbitrary request lines: the path and query reach
// every route and its parameter parsers (selectors, report keys, network ids, counts, windows, countries,
// taint rules, times). Every answer must be a status the API documents, with a JSON body.
//
// Input: "METHOD PATH[?QUERY]" on the first line; the rest is ignored. The request comes from this
// machine (loopback, Host localhost), as the API requires.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/server/node_handler.h"
#include "jala/storage/memory/memory_store.h"
#include "request_line_fuzz.h"

namespace {

using jala::server::HttpRequest;

jala::model::Selector selector(std::string_view typed) {
  return jala::model::parse_selector(typed, jala::model::NormaliseContext{}).value();
}

// A store with two reports that share a wallet (one network) and a collector's money: a victim pays it,
// and it pays on within the hour, so the suspects, the freeze list and traces have something to say.
struct Node {
  jala::storage::MemoryStore store;
  jala::server::AnalysisCache analyses{std::make_shared<const jala::extract::WarningLists>()};

  Node() {
    const jala::Status ready = store.write([&](jala::storage::WriteTransaction& transaction) -> jala::Status {
      for (const char* id : {"r1", "r2"}) {
        jala::model::Report report;
        report.source = "PH-NBI";
        report.id = id;
        report.kind = jala::model::ReportKind::victim_complaint;
        report.country = "PH";
        report.text = "paid bank:MBTCPHMM:1234567890 then wallet";
        report.selectors = {{selector("bank:MBTCPHMM:1234567890"), "1234567890"},
                            {selector("phone:+639171234567"), "0917 123 4567"}};
        JALA_TRY_ASSIGN(const jala::storage::PutOutcome outcome, transaction.put_report(report));
        static_cast<void>(outcome);
      }
      const char* const accounts[] = {"bank:BNORPHMM:1111111111", "bank:MBTCPHMM:1234567890",
                                      "bank:BOPIPHMM:2222222222"};
      for (int i = 0; i < 2; ++i) {
        jala::model::Transaction payment;
        payment.source = "PH-AMLC";
        payment.id = "t" + std::to_string(i);
        payment.from = selector(accounts[i]);
        payment.to = selector(accounts[i + 1]);
        payment.amount = 500.0 - i;
        payment.currency = "USD";
        payment.at = jala::Timestamp{1'750'000'000'000'000 + i * 600'000'000LL};
        payment.channel = jala::model::Channel::bank;
        JALA_TRY_ASSIGN(const jala::storage::PutOutcome outcome, transaction.put_transaction(payment));
        static_cast<void>(outcome);
      }
      return {};
    });
    if (!ready.ok()) std::abort();
  }
};

HttpRequest parse(std::string_view input) {
  HttpRequest request;
  request.from_loopback = true;
  request.peer = "127.0.0.1";
  request.headers.emplace_back("host", "localhost:8080");
  read_request_line(input, request, "/api/v1/");
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Node node;
  const HttpRequest request = parse(std::string_view(reinterpret_cast<const char*>(data), size));
  const jala::server::HttpResponse response = jala::server::handle_api(request, node.store, node.analyses);
  const int status = response.status;
  if (status != 200 && status != 400 && status != 403 && status != 404 && status != 405) std::abort();
  if (!nlohmann::json::accept(response.body)) std::abort();
  return 0;
}
