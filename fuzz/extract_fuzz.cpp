// The extractor over arbitrary bytes: the first byte picks the default region, the rest is the text.
// Beyond memory and UB errors, it checks the contract of extract(): findings in order of start, spans
// inside the text with `raw` equal to the span, confidence in (0, 1], and every value canonical (it
// normalises to itself), so the store never holds two forms of one selector.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "jala/extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr std::string_view k_regions[] = {"", "VN", "TH", "KH", "PH", "CN", "KR", "GB"};
  const jala::extract::ExtractContext context{k_regions[data[0] % std::size(k_regions)]};
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::size_t previous_start = 0;
  for (const jala::extract::Finding& finding : jala::extract::extract(text, context)) {
    if (finding.start < previous_start || finding.start > finding.end || finding.end > text.size()) std::abort();
    if (text.substr(finding.start, finding.end - finding.start) != finding.raw) std::abort();
    if (!(finding.confidence > 0.0 && finding.confidence <= 1.0)) std::abort();
    const auto again = jala::model::normalise_selector(finding.selector.type, finding.selector.value,
                                                       jala::model::NormaliseContext{context.country});
    if (!again.ok() || again->value != finding.selector.value) std::abort();
    previous_start = finding.start;
  }
  return 0;
}
