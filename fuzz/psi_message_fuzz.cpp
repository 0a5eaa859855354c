// libFuzzer target: share::parse_request and share::parse_response, the parsers of the private-overlap
// messages a partner sends, and the steps that check and multiply the parsed points (respond,
// Initiator::finish). The first byte picks the message: 0 a request, anything else a response to a
// three-selector request. Seeds: fuzz/seeds/psi_message/.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jala/share/psi.h"

namespace {

const std::vector<jala::model::Selector>& own_selectors() {
  static const std::vector<jala::model::Selector> selectors = {
      {jala::model::SelectorType::phone, "+84912345678"},
      {jala::model::SelectorType::email, "payments@example.org"},
      {jala::model::SelectorType::telegram, "support_desk"},
  };
  return selectors;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view message(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 0) {
    const auto request = jala::share::parse_request(message);
    if (request.ok()) {
      const auto response = jala::share::respond(*request, own_selectors());
      if (response.ok() && response->initiator_tags.size() != request->blinded.size()) {
        __builtin_trap();
      }
    }
    return 0;
  }
  static const auto initiator = jala::share::Initiator::start(own_selectors(), jala::share::Mode::intersection);
  const auto response = jala::share::parse_response(message);
  if (initiator.ok() && response.ok()) {
    const auto overlap = initiator->finish(*response);
    if (overlap.ok() && overlap->shared_count > own_selectors().size()) {
      __builtin_trap();
    }
  }
  return 0;
}
