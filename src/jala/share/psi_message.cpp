#include "jala/share/psi_message.h"

#include <cstring>

namespace jala::share {
namespace {

constexpr std::string_view k_magic = "jala-psi";
constexpr std::uint8_t k_version = 1;
constexpr std::size_t k_request_header_bytes = 16;
constexpr std::size_t k_response_header_bytes = 20;

enum class Kind : std::uint8_t { request = 1, response = 2 };

std::string_view to_string(Kind kind) { return kind == Kind::request ? "request" : "response"; }

void append_u32(std::string& out, std::size_t value) {
  for (int shift = 0; shift < 32; shift += 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

std::size_t read_u32(std::string_view bytes, std::size_t offset) {
  std::size_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value |= std::size_t{static_cast<std::uint8_t>(bytes[offset + i])} << (8 * i);
  }
  return value;
}

template <std::size_t N>
void append_all(std::string& out, const std::vector<std::array<std::uint8_t, N>>& values) {
  for (const auto& value : values) {
    out.append(reinterpret_cast<const char*>(value.data()), N);
  }
}

template <std::size_t N>
std::vector<std::array<std::uint8_t, N>> read_all(std::string_view bytes, std::size_t offset, std::size_t count) {
  std::vector<std::array<std::uint8_t, N>> values(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::memcpy(values[i].data(), bytes.data() + offset + i * N, N);
  }
  return values;
}

void append_header(std::string& out, Kind kind, Mode mode, std::size_t count) {
  out.append(k_magic);
  out.push_back(static_cast<char>(k_version));
  out.push_back(static_cast<char>(kind));
  out.push_back(static_cast<char>(mode));
  out.push_back('\0');
  append_u32(out, count);
}

// Checks the 16 bytes every message starts with; returns the mode.
Result<Mode> parse_header(std::string_view bytes, Kind want, std::size_t header_bytes) {
  if (bytes.size() < header_bytes) {
    return invalid_argument("psi {}: {} bytes, shorter than its {}-byte header", to_string(want), bytes.size(),
                            header_bytes);
  }
  if (bytes.substr(0, k_magic.size()) != k_magic) {
    return invalid_argument("psi {}: not a Jala private-overlap message (no \"jala-psi\" magic)", to_string(want));
  }
  const auto version = static_cast<std::uint8_t>(bytes[8]);
  if (version != k_version) {
    return invalid_argument("psi {}: version {} is not supported (this build speaks {})", to_string(want), version,
                            k_version);
  }
  const auto kind = static_cast<std::uint8_t>(bytes[9]);
  if (kind != static_cast<std::uint8_t>(want)) {
    return invalid_argument("psi {}: the message is of kind {}, not {} ({})", to_string(want), kind,
                            static_cast<int>(want), to_string(want));
  }
  const auto mode = static_cast<std::uint8_t>(bytes[10]);
  if (mode != static_cast<std::uint8_t>(Mode::intersection) && mode != static_cast<std::uint8_t>(Mode::cardinality)) {
    return invalid_argument("psi {}: unknown mode {}", to_string(want), mode);
  }
  if (bytes[11] != '\0') {
    return invalid_argument("psi {}: byte 11 must be zero", to_string(want));
  }
  return static_cast<Mode>(mode);
}

Status check_count(std::string_view message, std::string_view what, std::size_t count) {
  if (count > k_max_set_size) {
    return invalid_argument("psi {}: {} {} exceed the limit of {}", message, count, what, k_max_set_size);
  }
  return {};
}

Status check_length(std::string_view message, std::string_view bytes, std::size_t want) {
  if (bytes.size() != want) {
    return invalid_argument("psi {}: {} bytes, but its counts make {}", message, bytes.size(), want);
  }
  return {};
}

}  // namespace

std::string_view to_string(Mode mode) { return mode == Mode::intersection ? "intersection" : "cardinality"; }

std::string serialise(const Request& request) {
  std::string out;
  out.reserve(k_request_header_bytes + request.blinded.size() * sizeof(CurvePoint));
  append_header(out, Kind::request, request.mode, request.blinded.size());
  append_all(out, request.blinded);
  return out;
}

std::string serialise(const Response& response) {
  std::string out;
  out.reserve(k_response_header_bytes + response.initiator_tags.size() * sizeof(MatchTag) +
              response.responder_blinded.size() * sizeof(CurvePoint));
  append_header(out, Kind::response, response.mode, response.initiator_tags.size());
  append_u32(out, response.responder_blinded.size());
  append_all(out, response.initiator_tags);
  append_all(out, response.responder_blinded);
  return out;
}

Result<Request> parse_request(std::string_view bytes) {
  Request request;
  JALA_TRY_ASSIGN(request.mode, parse_header(bytes, Kind::request, k_request_header_bytes));
  const std::size_t count = read_u32(bytes, 12);
  JALA_TRY(check_count("request", "points", count));
  JALA_TRY(check_length("request", bytes, k_request_header_bytes + count * sizeof(CurvePoint)));
  request.blinded = read_all<sizeof(CurvePoint)>(bytes, k_request_header_bytes, count);
  return request;
}

Result<Response> parse_response(std::string_view bytes) {
  Response response;
  JALA_TRY_ASSIGN(response.mode, parse_header(bytes, Kind::response, k_response_header_bytes));
  const std::size_t tags = read_u32(bytes, 12);
  const std::size_t points = read_u32(bytes, 16);
  JALA_TRY(check_count("response", "tags", tags));
  JALA_TRY(check_count("response", "points", points));
  JALA_TRY(check_length("response", bytes,
                        k_response_header_bytes + tags * sizeof(MatchTag) + points * sizeof(CurvePoint)));
  response.initiator_tags = read_all<sizeof(MatchTag)>(bytes, k_response_header_bytes, tags);
  response.responder_blinded =
      read_all<sizeof(CurvePoint)>(bytes, k_response_header_bytes + tags * sizeof(MatchTag), points);
  return response;
}

}  // namespace jala::share
