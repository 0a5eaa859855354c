// One selector found in a text, as `jala extract`, `jala report show` and the JSON API give it (docs/formats/cli.md):
// type, value, span, raw text, confidence, and the marks an analyst needs: the warning lists that call
// it benign, and whether its host is a look-alike of another name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "jala/extract/lookalike.h"
#include "jala/extract/warninglist.h"
#include "jala/model/selector.h"

namespace jala::analysis {

// Adds a selector's marks to its JSON object: "warning" (the lists that call it benign) and "lookalike".
// Json is nlohmann::json or nlohmann::ordered_json.
template <class Json>
void add_selector_marks(Json& json, const model::Selector& selector, const extract::WarningLists& warning_lists) {
  if (const std::vector<std::string_view> lists = warning_lists.match(selector); !lists.empty()) {
    json["warning"] = lists;
  }
  if (const std::string_view host = model::host_of(selector); !host.empty() && extract::is_lookalike_host(host)) {
    json["lookalike"] = true;
  }
}

template <class Json>
Json found_selector_json(const model::Selector& selector, std::uint64_t start, std::uint64_t end, std::string_view raw,
                         double confidence, const extract::WarningLists& warning_lists) {
  Json json = {{"type", model::to_string(selector.type)},
               {"value", selector.value},
               {"start", start},
               {"end", end},
               {"raw", raw},
               {"confidence", confidence}};
  add_selector_marks(json, selector, warning_lists);
  return json;
}

// The same object as JSON text appended to `out`, with its keys in the order above, for writers of many
// findings (`jala extract`): byte for byte what dumping found_selector_json<nlohmann::ordered_json> gives.
// `more_members` is JSON text of further members, each starting with ',' (e.g. `,"file":"a.txt"`).
void append_found_selector_json(std::string& out, const model::Selector& selector, std::uint64_t start,
                                std::uint64_t end, std::string_view raw, double confidence,
                                const extract::WarningLists& warning_lists, std::string_view more_members = {});

}  // namespace jala::analysis
