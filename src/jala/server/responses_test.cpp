#include "jala/server/responses.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "jala/server/node_handler.h"
#include "jala/storage/memory/memory_store.h"

namespace jala::server {
namespace {

// A request from this machine, as the API and web UI answer only those.
HttpRequest from_this_machine(std::string method, std::string path) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.from_loopback = true;
  request.peer = "127.0.0.1";
  request.headers.emplace_back("host", "localhost:8080");
  return request;
}

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
  HttpRequest request = from_this_machine("GET", "/api/v1/trace");
  request.query.emplace_back("from", "bank:BNORP\xA3\xCF\x16");
  const HttpResponse response = handle_api(request, store, analyses);
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_TRUE(nlohmann::json::accept(response.body)) << response.body;
}

// Found in review: HEAD on the web UI was a 405 (uptime checks saw it broken), and no 405 said what is
// allowed (RFC 9110 asks for Allow).
TEST(Responses, TheWebUiAnswersHeadAndA405SaysWhatIsAllowed) {
  HttpRequest request = from_this_machine("HEAD", "/");
  const std::optional<HttpResponse> head = handle_web(request);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  request.method = "DELETE";
  const std::optional<HttpResponse> refused = handle_web(request);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 405);
  EXPECT_NE(std::find(refused->headers.begin(), refused->headers.end(),
                      std::pair<std::string, std::string>("Allow", "GET, HEAD")),
            refused->headers.end());

  storage::MemoryStore store;
  AnalysisCache analyses(std::make_shared<const extract::WarningLists>());
  request.method = "POST";
  request.path = "/api/v1/networks";
  const HttpResponse api = handle_api(request, store, analyses);
  EXPECT_EQ(api.status, 405);
  EXPECT_NE(std::find(api.headers.begin(), api.headers.end(), std::pair<std::string, std::string>("Allow", "GET")),
            api.headers.end());
}

}  // namespace
}  // namespace jala::server
