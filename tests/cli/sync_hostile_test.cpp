// `jala sync` against a partner that does not play fair: a real HTTP server (server/http_server.h) whose
// handler answers as a hostile or broken TAXII server would, and records what it was asked.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "jala/server/http_server.h"
#include "run_jala.h"
#include "support/scratch_folder.h"

namespace jala::testing {
namespace {

constexpr std::string_view k_collection = "7b9f1a2c-3d4e-5f60-8a9b-0c1d2e3f4a5b";
constexpr std::string_view k_secret = "ph-nbi.c2VjcmV0LWZvci10aGUtaG9zdGlsZS1wYXJ0bmVyLXRlc3Q";

// How the partner answers a page of objects: the n-th request (from 0) and its query.
using ObjectsScript = std::function<server::HttpResponse(std::size_t, const server::HttpRequest&)>;

struct Partner {
  std::mutex mutex;
  std::vector<server::HttpRequest> requests;
  nlohmann::json discovery = {{"title", "hostile"}, {"api_roots", {"/taxii2/jala/"}}};
  ObjectsScript objects;
};

server::HttpResponse taxii(nlohmann::json body) {
  server::HttpResponse response;
  response.content_type = "application/taxii+json;version=2.1";
  response.body = body.dump();
  return response;
}

class ScriptedHandler final : public server::RequestHandler {
 public:
  explicit ScriptedHandler(std::shared_ptr<Partner> partner) : m_partner(std::move(partner)) {}
  server::HttpResponse handle(const server::HttpRequest& request) override {
    const std::lock_guard lock(m_partner->mutex);
    m_partner->requests.push_back(request);
    if (request.path == "/taxii2/") return taxii(m_partner->discovery);
    if (request.path == "/taxii2/jala/collections/") {
      return taxii({{"collections", {{{"id", k_collection}, {"title", "reports"}, {"can_read", true}}}}});
    }
    if (request.path == fmt::format("/taxii2/jala/collections/{}/objects/", k_collection)) {
      std::size_t asked = 0;
      for (const server::HttpRequest& earlier : m_partner->requests) asked += earlier.path == request.path ? 1 : 0;
      return m_partner->objects(asked - 1, request);
    }
    server::HttpResponse missing;
    missing.status = 404;
    return missing;
  }

 private:
  std::shared_ptr<Partner> m_partner;
};

nlohmann::json note(int n) {
  return {{"type", "note"},
          {"spec_version", "2.1"},
          {"id", fmt::format("note--00000000-0000-4000-8000-{:012}", n)},
          {"created", "2026-01-01T00:00:00.000Z"},
          {"modified", "2026-01-01T00:00:00.000Z"},
          {"content", "a note"},
          {"object_refs", nlohmann::json::array()}};
}

class SyncAgainstAHostilePartner : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options;
    options.port = 0;
    options.threads = 1;
    auto started =
        server::HttpServer::start(options, [partner = m_partner]() -> Result<std::unique_ptr<server::RequestHandler>> {
          return std::unique_ptr<server::RequestHandler>(new ScriptedHandler(partner));
        });
    ASSERT_TRUE(started.ok()) << started.error().message();
    m_server = std::move(*started);
  }

  JalaRun sync() {
    return run_jala(
        {"--db", m_db, "sync", "--from", fmt::format("http://127.0.0.1:{}", m_server->port()), "--partner", "ph-nbi"},
        "", {"JALA_PARTNER_SECRET=" + std::string(k_secret)});
  }

  std::vector<server::HttpRequest> requests() {
    const std::lock_guard lock(m_partner->mutex);
    return m_partner->requests;
  }

  const ScratchFolder m_scratch{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::string m_db = m_scratch.file("b.db");
  std::shared_ptr<Partner> m_partner = std::make_shared<Partner>();
  std::unique_ptr<server::HttpServer> m_server;
};

// Found in review: sync followed an absolute `default` API root to any host, and sent the secret there.
TEST_F(SyncAgainstAHostilePartner, RefusesAnApiRootOnAnotherOriginWithoutSendingTheSecret) {
  m_partner->discovery["default"] = "http://127.0.0.2:9/taxii2/jala/";
  const JalaRun run = sync();
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("names an API root elsewhere"), std::string::npos) << run.err;
  EXPECT_EQ(requests().size(), 1U);  // discovery only

  m_partner->discovery["default"] = "//127.0.0.2:9/taxii2/jala/";
  EXPECT_NE(sync().exit_code, 0);
  m_partner->discovery["default"] = 42;  // not a string: the default root
  m_partner->objects = [](std::size_t, const server::HttpRequest&) { return taxii({{"more", false}}); };
  const JalaRun fallback = sync();
  EXPECT_EQ(fallback.exit_code, 0) << fallback.err;
}

// Found in review: a page saying `more` with no objects would make sync ask again forever.
TEST_F(SyncAgainstAHostilePartner, StopsWhenAPageSaysMoreButSendsNothingNew) {
  m_partner->objects = [](std::size_t n, const server::HttpRequest&) {
    return taxii({{"more", true}, {"next", std::to_string(n)}, {"objects", nlohmann::json::array()}});
  };
  const JalaRun run = sync();
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("said there is more but sent nothing new"), std::string::npos) << run.err;
  EXPECT_EQ(requests().size(), 3U);  // discovery, collections, one page

  // The same `next` again, with the same objects, is refused too.
  m_partner->objects = [](std::size_t, const server::HttpRequest&) {
    return taxii({{"more", true}, {"next", "same"}, {"objects", {note(1)}}});
  };
  const JalaRun repeated = sync();
  EXPECT_NE(repeated.exit_code, 0);
  EXPECT_NE(repeated.err.find("sent nothing new"), std::string::npos) << repeated.err;
}

// Found in review: `next` and `added_after` went into the query as the partner wrote them, so "&" or "+"
// in them changed the query sync sent.
TEST_F(SyncAgainstAHostilePartner, PercentEncodesTheCursorsItSendsBack) {
  const std::string next = "a&b=c d+e";
  const std::string last_added = "2026-01-01T00:00:00.000+00:00";
  m_partner->objects = [&](std::size_t n, const server::HttpRequest&) {
    server::HttpResponse page = n == 0 ? taxii({{"more", true}, {"next", next}, {"objects", {note(1)}}})
                                       : taxii({{"more", false}, {"objects", {note(static_cast<int>(n) + 1)}}});
    page.headers.emplace_back("X-TAXII-Date-Added-Last", last_added);
    return page;
  };
  const JalaRun first = sync();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const JalaRun second = sync();
  ASSERT_EQ(second.exit_code, 0) << second.err;

  std::vector<server::HttpRequest> pages;
  for (const server::HttpRequest& request : requests()) {
    if (request.path.ends_with("/objects/")) pages.push_back(request);
  }
  ASSERT_EQ(pages.size(), 3U);  // two in the first sync, one in the second
  EXPECT_EQ(pages[1].query_value("next"), next);
  EXPECT_EQ(pages[1].query_value("b"), std::nullopt);
  EXPECT_EQ(pages[2].query_value("added_after"), last_added);
}

}  // namespace
}  // namespace jala::testing
