// The request line of a fuzz input: "METHOD TARGET" up to the first newline, read into `request` as the
// server reads a request's (server::set_target: the path, its segments and the query decoded), the path
// after `path_prefix`. Shared by the TAXII and API fuzz targets; returns what follows the line.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "jala/server/http_server.h"

inline std::string_view read_request_line(std::string_view input, jala::server::HttpRequest& request,
                                          std::string_view path_prefix = "") {
  const std::size_t line_end = std::min(input.find('\n'), input.size());
  const std::string_view line = input.substr(0, line_end);
  input.remove_prefix(std::min(line_end + 1, input.size()));
  const std::size_t space = std::min(line.find(' '), line.size());
  request.method = std::string(line.substr(0, space));
  const std::string_view target = line.substr(std::min(space + 1, line.size()));
  const std::size_t question = target.find('?');
  const std::string path = std::string(path_prefix) + std::string(target.substr(0, question));
  jala::server::set_target(
      request, path,
      question == std::string_view::npos ? std::nullopt : std::optional<std::string_view>(target.substr(question + 1)));
  return input;
}
