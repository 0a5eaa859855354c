// Private overlap: which of our selectors a partner also holds, without either side showing the other
// its selectors (`jala overlap`; docs/adr/0009-private-overlap.md has the protocol and its security).
// This is ECDH private set intersection over Curve25519: each side blinds its own hashed selectors with
// a secret scalar, the other side blinds them again, and the doubly blinded values, which are equal
// exactly for shared selectors, are compared. The steps are pure; the transport is the caller's:
//
//   auto initiator = Initiator::start(own, Mode::intersection);     // initiator: n multiplications
//   send(serialise(initiator->request()));
//   auto response = respond(*parse_request(received), own);          // responder: n + m
//   send(serialise(*response));
//   auto overlap = initiator->finish(*parse_response(received));     // initiator: m
//
// The initiator learns which of its own selectors the responder holds (Mode::intersection) or only how
// many (Mode::cardinality), and the size m of the responder's set; the responder learns only the size
// n of the initiator's set. Both sides are trusted to follow the protocol (semi-honest): a responder can
// still lie about its set, for example answer with selectors it does not hold (ADR 0009).
//
// Each step runs its scalar multiplications (X25519) on TBB's worker threads: every core unless the
// caller limits TBB (tbb::global_control or a task_arena). Selectors are given as canonical selectors
// and must be distinct on each side; each side holds at most k_max_set_size.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/selector.h"
#include "jala/share/psi_message.h"

namespace jala::share {

class SecretScalar;

// What the initiator learns.
struct Overlap {
  std::size_t own_count = 0;      // n, the initiator's selectors
  std::size_t partner_count = 0;  // m, the responder's selectors
  std::size_t shared_count = 0;   // selectors that both hold
  // Mode::intersection: the indices, ascending, into the selectors given to Initiator::start() that
  // the responder also holds. Mode::cardinality: empty.
  std::vector<std::size_t> shared;
  bool operator==(const Overlap&) const = default;
};

// One overlap session's initiating side: its secret scalar a and the request it sent. The scalar is
// random per session and wiped (sodium_memzero) when the Initiator is destroyed.
//
// Movable, not copyable. The const methods may run on any thread, also at the same time.
class Initiator {
 public:
  // Hashes each selector to the curve and blinds it with a fresh scalar. invalid_argument when a
  // selector repeats an earlier one or there are more than k_max_set_size.
  static Result<Initiator> start(std::span<const model::Selector> selectors, Mode mode);

  ~Initiator();
  Initiator(Initiator&& other) noexcept;
  Initiator& operator=(Initiator&& other) noexcept;
  Initiator(const Initiator&) = delete;
  Initiator& operator=(const Initiator&) = delete;

  // The message to send to the responder.
  const Request& request() const { return m_request; }

  // Blinds the responder's points with the scalar and compares. invalid_argument when the response
  // does not answer this request (mode, count), or holds a repeated point or one that is not a curve
  // point of large order.
  Result<Overlap> finish(const Response& response) const;

 private:
  Initiator(std::unique_ptr<const SecretScalar> scalar, Request request);

  std::unique_ptr<const SecretScalar> m_scalar;
  Request m_request;
};

// The responding side, in one call: blinds the request's points and its own selectors with a fresh
// scalar b, wiped before returning. In cardinality mode the initiator's tags come back sorted, so the
// initiator cannot tell which of its selectors matched. invalid_argument when the request holds a
// repeated point or one that is not a curve point of large order (naming the point), when `own` holds
// a selector twice, or when either set exceeds k_max_set_size. Thread-safe.
Result<Response> respond(const Request& request, std::span<const model::Selector> own);

}  // namespace jala::share
