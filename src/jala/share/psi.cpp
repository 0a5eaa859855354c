#include "jala/share/psi.h"

#include <algorithm>

#include "jala/share/psi_curve.h"

namespace jala::share {
namespace {

Status check_size(std::string_view what, std::size_t size) {
  if (size > k_max_set_size) {
    return invalid_argument("{}: {} selectors exceed the limit of {}", what, size, k_max_set_size);
  }
  return {};
}

// Blinds a side's own selectors, which must be distinct: a repeat would show the peer a repeated point.
Result<std::vector<CurvePoint>> blind_own(std::string_view what, std::span<const model::Selector> selectors,
                                          const SecretScalar& scalar) {
  JALA_TRY(check_size(what, selectors.size()));
  JALA_TRY_ASSIGN(std::vector<CurvePoint> blinded, blind_selectors(selectors, scalar));
  if (const auto repeat = find_repeat(blinded)) {
    return invalid_argument("{}: selectors[{}] repeats selectors[{}] ({})", what, repeat->second, repeat->first,
                            selectors[repeat->second].to_string());
  }
  return blinded;
}

// Checks the peer's points for repeats (an honest peer never sends one) and blinds them to tags.
Result<std::vector<MatchTag>> blind_peer(std::string_view what, std::span<const CurvePoint> points,
                                         const SecretScalar& scalar) {
  if (const auto repeat = find_repeat(points)) {
    return invalid_argument("{}: point {} repeats point {}", what, repeat->second, repeat->first);
  }
  return blind_to_tags(points, scalar, what);
}

}  // namespace

Initiator::Initiator(std::unique_ptr<const SecretScalar> scalar, Request request)
    : m_scalar(std::move(scalar)), m_request(std::move(request)) {}

Initiator::~Initiator() = default;
Initiator::Initiator(Initiator&& other) noexcept = default;
Initiator& Initiator::operator=(Initiator&& other) noexcept = default;

Result<Initiator> Initiator::start(std::span<const model::Selector> selectors, Mode mode) {
  JALA_TRY(ensure_sodium());
  auto scalar = std::make_unique<const SecretScalar>();
  JALA_TRY_ASSIGN(std::vector<CurvePoint> blinded, blind_own("initiator", selectors, *scalar));
  return Initiator(std::move(scalar), Request{mode, std::move(blinded)});
}

Result<Overlap> Initiator::finish(const Response& response) const {
  if (response.mode != m_request.mode) {
    return invalid_argument("response: mode {} answers a request in mode {}", to_string(response.mode),
                            to_string(m_request.mode));
  }
  if (response.initiator_tags.size() != m_request.blinded.size()) {
    return invalid_argument("response: {} tags answer a request of {} points", response.initiator_tags.size(),
                            m_request.blinded.size());
  }
  JALA_TRY(check_size("response", response.responder_blinded.size()));
  JALA_TRY_ASSIGN(std::vector<MatchTag> partner_tags,
                  blind_peer("response", response.responder_blinded, *m_scalar));
  std::sort(partner_tags.begin(), partner_tags.end());

  Overlap overlap;
  overlap.own_count = m_request.blinded.size();
  overlap.partner_count = partner_tags.size();
  for (std::size_t i = 0; i < response.initiator_tags.size(); ++i) {
    if (std::binary_search(partner_tags.begin(), partner_tags.end(), response.initiator_tags[i])) {
      ++overlap.shared_count;
      if (m_request.mode == Mode::intersection) {
        overlap.shared.push_back(i);
      }
    }
  }
  return overlap;
}

Result<Response> respond(const Request& request, std::span<const model::Selector> own) {
  JALA_TRY(ensure_sodium());
  JALA_TRY(check_size("request", request.blinded.size()));
  const auto scalar = std::make_unique<const SecretScalar>();
  Response response;
  response.mode = request.mode;
  JALA_TRY_ASSIGN(response.initiator_tags, blind_peer("request", request.blinded, *scalar));
  if (request.mode == Mode::cardinality) {
    std::sort(response.initiator_tags.begin(), response.initiator_tags.end());
  }
  JALA_TRY_ASSIGN(response.responder_blinded, blind_own("responder", own, *scalar));
  std::sort(response.responder_blinded.begin(), response.responder_blinded.end());
  return response;
}

}  // namespace jala::share
