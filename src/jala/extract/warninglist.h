// Warning lists: well-known, benign selectors (platform and bank domains, bank hotlines, documentation
// networks) that must never link unrelated cases. A list marks a selector; it does not remove it.
// The file format and the matching rules are those of data/warninglists/README.md.
//
// Immutable once loaded; thread-safe to read.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"
#include "jala/model/selector.h"

namespace jala::extract {

class WarningLists {
 public:
  struct Info {
    std::string name;
    std::string description;
    std::string version;  // YYYYMMDD
  };

  // Every NAME.txt in `directory`, in name order. An error names the file and line.
  static Result<WarningLists> load(const std::string& directory);
  // Adds one list from its text; `file_name` is NAME.txt. An error names the line.
  Status add(std::string_view file_name, std::string_view content);

  // The names of the lists that mark `selector` as benign, in load order; empty for a distinctive one.
  std::vector<std::string_view> match(const model::Selector& selector) const;
  const std::vector<Info>& lists() const { return m_lists; }

 private:
  struct Network {
    std::array<std::uint8_t, 16> address{};
    bool ipv6 = false;
    int prefix_bits = 0;
  };
  // One list's values by kind of match.
  struct Values {
    std::set<std::string, std::less<>> exact;   // "type:value"
    std::set<std::string, std::less<>> suffix;  // domains matched with every name under them
    std::vector<Network> networks;
    std::set<model::SelectorType> applies_to;
  };

  bool matches(const Values& values, std::string_view value_type, std::string_view part, bool part_is_ip) const;

  std::vector<Info> m_lists;
  std::vector<Values> m_values;  // parallel to m_lists
};

}  // namespace jala::extract
