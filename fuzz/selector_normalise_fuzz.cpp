// Every selector normaliser over arbitrary text: the first byte picks the type and the region, the rest
// is the raw value. A canonical value must normalise to itself (a fixed point), or the store would
// hold two forms of one selector.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "jala/model/selector.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto types = jala::model::selector_types();
  const auto& type = types[data[0] % types.size()];
  constexpr std::string_view k_regions[] = {"", "VN", "TH", "KH", "GB"};
  const jala::model::NormaliseContext context{k_regions[(data[0] / types.size()) % 5]};
  const std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);

  const auto got = jala::model::normalise_selector(type.type, raw, context);
  if (got.ok()) {
    const auto again = jala::model::normalise_selector(type.type, got->value, context);
    if (!again.ok() || again->value != got->value) std::abort();
  }
  (void)jala::model::guess_selectors(raw, context);
  return 0;
}
