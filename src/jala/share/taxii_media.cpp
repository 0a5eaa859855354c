#include "jala/share/taxii_media.h"

#include <string>
#include <utility>
#include <vector>

#include "jala/model/text.h"

namespace jala::share {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

struct MediaRange {
  std::string type;  // "application/taxii+json", "application/*", "*/*", in lower case
  std::vector<std::pair<std::string, std::string>> parameters;  // names in lower case, values unquoted
};

// One media type or range, "type/subtype; name=value; name=\"value\"". Nothing when malformed.
std::optional<MediaRange> parse_media_range(std::string_view text) {
  MediaRange range;
  const std::size_t semicolon = text.find(';');
  range.type = model::ascii_lower(trim(text.substr(0, semicolon)));
  const std::size_t slash = range.type.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == range.type.size()) return std::nullopt;
  std::string_view rest = semicolon == std::string_view::npos ? std::string_view() : text.substr(semicolon + 1);
  while (!trim(rest).empty()) {
    const std::size_t next = rest.find(';');
    const std::string_view parameter = trim(rest.substr(0, next));
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    const std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos || equals == 0) return std::nullopt;
    std::string_view value = trim(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    range.parameters.emplace_back(model::ascii_lower(trim(parameter.substr(0, equals))), std::string(value));
  }
  return range;
}

std::optional<std::string_view> parameter(const MediaRange& range, std::string_view name) {
  for (const auto& [key, value] : range.parameters) {
    if (key == name) return value;
  }
  return std::nullopt;
}

bool is_taxii_21(const MediaRange& range) {
  if (range.type != "application/taxii+json") return false;
  const std::optional<std::string_view> version = parameter(range, "version");
  return !version || *version == "2.1";
}

// q=0 (0, 0.0, 0.00, 0.000) refuses a range (RFC 9110 section 12.4.2).
bool refused(const MediaRange& range) {
  const std::optional<std::string_view> q = parameter(range, "q");
  return q && !q->empty() && q->find_first_not_of("0.") == std::string_view::npos;
}

}  // namespace

bool is_taxii_content_type(std::string_view content_type) {
  const std::optional<MediaRange> range = parse_media_range(content_type);
  return range && is_taxii_21(*range);
}

// How specifically a range names TAXII 2.1 JSON (RFC 9110 section 12.5.1: the most specific range that
// matches decides its quality): 3 with its version, 2 without, 1 application/*, 0 */*; -1 not at all.
int taxii_specificity(const MediaRange& range) {
  if (is_taxii_21(range)) return parameter(range, "version") ? 3 : 2;
  if (range.type == "application/*") return 1;
  return range.type == "*/*" ? 0 : -1;
}

bool accepts_taxii(std::optional<std::string_view> accept) {
  if (!accept) return true;
  int deciding = -1;  // the specificity of the range that decides so far
  bool accepted = false;
  std::string_view rest = *accept;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::optional<MediaRange> range = parse_media_range(rest.substr(0, comma));
    if (range && taxii_specificity(*range) > deciding) {
      deciding = taxii_specificity(*range);
      accepted = !refused(*range);
    }
    if (comma == std::string_view::npos) return accepted;
    rest = rest.substr(comma + 1);
  }
}

}  // namespace jala::share
