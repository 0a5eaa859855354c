#include "jala/server/this_machine.h"

#include <gtest/gtest.h>

namespace jala::server {
namespace {

HttpRequest local_request(std::string_view host) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/v1/networks";
  request.from_loopback = true;
  request.headers.emplace_back("host", std::string(host));
  return request;
}

TEST(ThisMachine, AcceptsLoopbackNamesWithOrWithoutAPort) {
  for (const char* host : {"localhost", "localhost:8080", "LOCALHOST:8080", "localhost.", "jala.localhost:1",
                           "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:80", "[::1]", "[::1]:8080"}) {
    EXPECT_EQ(why_not_from_this_machine(local_request(host)), std::nullopt) << host;
  }
}

// Found in review: with only the peer checked, a page of another site whose name resolves to 127.0.0.1
// (DNS rebinding) read the API from the analyst's browser.
TEST(ThisMachine, RefusesAHostThatIsNotALoopbackName) {
  for (const char* host : {"attacker.example", "attacker.example:8080", "localhost.attacker.example", "128.0.0.1",
                           "[::2]:8080", "[::1", "[::1]x", "::1", "127.0.0.1:80:80", "", "0.0.0.0"}) {
    EXPECT_EQ(why_not_from_this_machine(local_request(host)), "the request's Host is not this machine's loopback name")
        << host;
  }
  HttpRequest no_host = local_request("localhost");
  no_host.headers.clear();
  EXPECT_EQ(why_not_from_this_machine(no_host), "the request names no Host");
}

// Found in review: a TLS proxy on the same machine relayed the whole network's requests to the API.
TEST(ThisMachine, RefusesARequestAProxyRelayed) {
  for (const char* header : {"forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"}) {
    HttpRequest request = local_request("localhost:8080");
    request.headers.emplace_back(header, "198.51.100.7");
    EXPECT_EQ(why_not_from_this_machine(request), "the request came through a proxy") << header;
  }
}

TEST(ThisMachine, RefusesAnotherMachine) {
  HttpRequest request = local_request("localhost");
  request.from_loopback = false;
  EXPECT_EQ(why_not_from_this_machine(request), "the request comes from another machine");
}

}  // namespace
}  // namespace jala::server
