// The two messages of private overlap (`jala overlap`, docs/adr/0009-private-overlap.md), as plain
// values, and their byte format. The transport carries the bytes; psi.h makes and consumes the values.
//
//   request   initiator -> responder   the initiator's selectors, each blinded by its secret scalar a
//   response  responder -> initiator   the tags of those points blinded again by b, and the
//                                      responder's own selectors blinded by b
//
// Byte format, integers little-endian:
//   offset 0   8 bytes  "jala-psi"
//          8   1        version, 1
//          9   1        kind: 1 request, 2 response
//         10   1        mode: 1 intersection, 2 cardinality
//         11   1        zero
//         12   4        request: the count n of points; response: the count n of tags
//   request:  16 + n * 32 bytes of points
//   response: 16   4    the count m of points
//             20 + n * 16 bytes of tags, then m * 32 bytes of points
// A point is an X25519 u-coordinate (32 bytes, RFC 7748); a tag is 16 bytes of BLAKE2b.
//
// The parsers take untrusted bytes and check the framing only: magic, version, kind, mode, counts
// (at most k_max_set_size) and the exact length. The points themselves are checked by the step that
// multiplies them (respond(), Initiator::finish()), which rejects every value that is not the
// u-coordinate of a curve point of large order, and repeated points.
//
// Pure functions over values; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::share {

// What the initiator learns: which of its own selectors the responder holds, or only how many.
enum class Mode : std::uint8_t { intersection = 1, cardinality = 2 };
std::string_view to_string(Mode mode);

// The u-coordinate of a point of Curve25519, little-endian.
using CurvePoint = std::array<std::uint8_t, 32>;
// The first 16 bytes of a keyed BLAKE2b hash of a doubly blinded point: what the initiator compares.
using MatchTag = std::array<std::uint8_t, 16>;

// The largest set either side may send or hold: 2^22 selectors, a request of 128 MiB.
inline constexpr std::size_t k_max_set_size = std::size_t{1} << 22;

struct Request {
  Mode mode = Mode::intersection;
  std::vector<CurvePoint> blinded;  // a * H(x) for each of the initiator's selectors x, in its order
  bool operator==(const Request&) const = default;
};

struct Response {
  Mode mode = Mode::intersection;
  // tag(b * a * H(x)) for each point of the request: in the request's order in intersection mode,
  // sorted by value in cardinality mode (so their order says nothing of the request's).
  std::vector<MatchTag> initiator_tags;
  // b * H(y) for each of the responder's selectors y, sorted by value.
  std::vector<CurvePoint> responder_blinded;
  bool operator==(const Response&) const = default;
};

std::string serialise(const Request& request);
std::string serialise(const Response& response);
// An error (invalid_argument) says what is wrong with the framing.
Result<Request> parse_request(std::string_view bytes);
Result<Response> parse_response(std::string_view bytes);

}  // namespace jala::share
