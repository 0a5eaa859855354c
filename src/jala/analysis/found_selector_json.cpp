#include "jala/analysis/found_selector_json.h"

#include "jala/base/json_text.h"

namespace jala::analysis {

void append_found_selector_json(std::string& out, const model::Selector& selector, std::uint64_t start,
                                std::uint64_t end, std::string_view raw, double confidence,
                                const extract::WarningLists& warning_lists, std::string_view more_members) {
  out += "{\"type\":";
  append_json_string(out, model::to_string(selector.type));
  out += ",\"value\":";
  append_json_string(out, selector.value);
  out += ",\"start\":";
  append_json_number(out, start);
  out += ",\"end\":";
  append_json_number(out, end);
  out += ",\"raw\":";
  append_json_string(out, raw);
  out += ",\"confidence\":";
  append_json_number(out, confidence);
  if (const std::vector<std::string_view> lists = warning_lists.match(selector); !lists.empty()) {
    out += ",\"warning\":[";
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, lists[i]);
    }
    out += ']';
  }
  if (const std::string_view host = model::host_of(selector); !host.empty() && extract::is_lookalike_host(host)) {
    out += ",\"lookalike\":true";
  }
  out += more_members;
  out += '}';
}

}  // namespace jala::analysis
