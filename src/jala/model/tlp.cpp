#include "jala/model/tlp.h"

#include <array>

#include "jala/base/utf8.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

struct TlpName {
  Tlp level;
  std::string_view name;
};

constexpr std::array<TlpName, 5> k_tlp_names = {{
    {Tlp::clear, "clear"},
    {Tlp::green, "green"},
    {Tlp::amber, "amber"},
    {Tlp::amber_strict, "amber+strict"},
    {Tlp::red, "red"},
}};

}  // namespace

std::string_view to_string(Tlp level) { return k_tlp_names[static_cast<std::size_t>(level)].name; }

Result<Tlp> parse_tlp(std::string_view text) {
  std::string lowered = ascii_lower(text);
  std::string_view name = lowered;
  if (name.starts_with("tlp:")) name.remove_prefix(4);
  for (const TlpName& entry : k_tlp_names) {
    if (entry.name == name) return entry.level;
  }
  return invalid_argument("'{}' is not a TLP 2.0 level (clear, green, amber, amber+strict, red)",
                          truncate_utf8(text, 40));
}

}  // namespace jala::model
