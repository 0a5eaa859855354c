#include "jala/server/responses.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jala/server/node_handler.h"
#include "jala/storage/memory/memory_store.h"

namespace jala::server {
namespace {

// Found by fuzz_api_request: an error that quotes a request's bytes that are not UTF-8 (an account in a
// trace's query) made the JSON writer throw, and the node answered 500 "see its log".
TEST(Responses, AnErrorQuotingBytesThatAreNotUtf8IsStillJson) {
  const HttpResponse response = json_error(400, "no account bank:BNORP\xA3\xCF here");
  EXPECT_EQ(response.status, 400);
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"], "no account bank:BNORP\xEF\xBF\xBD\xEF\xBF\xBD here");  // U+FFFD each
}

TEST(Responses, TheApiRefusesATraceOfAnAccountThatIsNotUtf8AsABadRequest) {
  storage::MemoryStore store;
  AnalysisCache analyses(std::make_shared<const extract::WarningLists>());
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/v1/trace";
  request.from_loopback = true;
  request.peer = "127.0.0.1";
  request.headers.emplace_back("host", "localhost:8080");
  request.query.emplace_back("from", "bank:BNORP\xA3\xCF\x16");
  const HttpResponse response = handle_api(request, store, analyses);
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_TRUE(nlohmann::json::accept(response.body)) << response.body;
}

}  // namespace
}  // namespace jala::server
