// The request line of a fuzz input: "METHOD PATH[?QUERY]" up to the first newline, read into `request`
// (the method, the path, and the query's name=value pairs as they stand). Shared by the TAXII and API fuzz
// targets; returns what follows the line.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "jala/server/http_server.h"

inline std::string_view read_request_line(std::string_view input, jala::server::HttpRequest& request) {
  const std::size_t line_end = std::min(input.find('\n'), input.size());
  const std::string_view line = input.substr(0, line_end);
  input.remove_prefix(std::min(line_end + 1, input.size()));
  const std::size_t space = std::min(line.find(' '), line.size());
  request.method = std::string(line.substr(0, space));
  const std::string_view target = line.substr(std::min(space + 1, line.size()));
  const std::size_t question = std::min(target.find('?'), target.size());
  request.path = std::string(target.substr(0, question));
  std::string_view query = target.substr(std::min(question + 1, target.size()));
  while (!query.empty()) {
    const std::size_t end = std::min(query.find('&'), query.size());
    const std::string_view pair = query.substr(0, end);
    query.remove_prefix(std::min(end + 1, query.size()));
    const std::size_t equals = std::min(pair.find('='), pair.size());
    request.query.emplace_back(pair.substr(0, equals), pair.substr(std::min(equals + 1, pair.size())));
  }
  return input;
}
