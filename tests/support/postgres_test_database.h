// A test's way to the throwaway PostgreSQL server of tests/support/postgres_test_server.sh: the server's
// libpq URL, read from the `url` file in the folder that $JALA_TEST_POSTGRES_DIR names, and a fresh,
// empty schema of the test's own on it, so that suites running side by side never see each other's
// tables. Without the server (no postgresql package), the test skips with the reason:
//
//   std::string why_not;
//   std::optional<std::string> url = jala::testing::postgres_test_url(why_not);
//   if (!url) GTEST_SKIP() << why_not;
//   std::optional<std::string> schema_url = jala::testing::fresh_postgres_schema(*url, "store_basics", why_not);
//   ASSERT_TRUE(schema_url) << why_not;
//
// Tests include it as "support/postgres_test_database.h" and link jala::storage.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "jala/storage/postgres/connection.h"

namespace jala::testing {

// The URL of the test server, or nothing with the reason in why_not.
inline std::optional<std::string> postgres_test_url(std::string& why_not) {
  const char* dir = std::getenv("JALA_TEST_POSTGRES_DIR");
  if (dir == nullptr || *dir == '\0') {
    why_not = "JALA_TEST_POSTGRES_DIR is not set";
    return std::nullopt;
  }
  const std::filesystem::path url_file = std::filesystem::path(dir) / "url";
  std::ifstream in(url_file);
  if (!in) {
    why_not =
        "no PostgreSQL test server: " + url_file.string() + " is missing (the postgresql package is not installed)";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string url = text.str();
  url.erase(url.find_last_not_of(" \t\r\n") + 1);  // npos + 1 == 0 empties an all-blank file
  if (url.empty()) {
    why_not = "no PostgreSQL test server: " + url_file.string() + " is empty";
    return std::nullopt;
  }
  return url;
}

// Makes `schema` fresh and empty on the server at `url` (dropping any left from an earlier run), and
// returns `url` with the schema as the search_path of every connection opened with it; or nothing with
// the reason in why_not. Tests name their schemas: lowercase letters, digits and '_', not starting
// with a digit, at most 63 characters.
inline std::optional<std::string> fresh_postgres_schema(const std::string& url, const std::string& schema,
                                                        std::string& why_not) {
  const bool plain_name = !schema.empty() && schema.size() <= 63 && !(schema.front() >= '0' && schema.front() <= '9') &&
                          std::all_of(schema.begin(), schema.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                          });
  if (!plain_name) {
    why_not = "bad schema name '" + schema + "': use [a-z_][a-z0-9_]*, at most 63 characters";
    return std::nullopt;
  }

  Result<storage::postgres::Connection> connection = storage::postgres::Connection::open(url);
  if (!connection.ok()) {
    why_not = connection.error().message();
    return std::nullopt;
  }
  const Status made = connection->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  if (!made.ok()) {
    why_not = "cannot make schema " + schema + " fresh: " + made.error().message();
    return std::nullopt;
  }

  // libpq decodes the option to -csearch_path=<schema>, a setting of the session.
  const char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace jala::testing
