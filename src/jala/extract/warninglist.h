// Warning lists: well-known, benign selectors (platform and bank domains, bank hotlines, documentation
// networks) that must never link unrelated cases. A list marks a selector; it does not remove it.
// The file format and the matching rules are those of data/warninglists/README.md.
//
// Immutable once loaded; thread-safe to read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/remembered.h"
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
  // Which lists hold a value: bit i is the list loaded i-th.
  using ListSet = std::uint64_t;
  static constexpr std::size_t k_max_lists = 64;
  struct Network {
    std::array<std::uint8_t, 16> address{};
    bool ipv6 = false;
    int prefix_bits = 0;
    ListSet lists = 0;
  };

  // The lists whose values match `part`, whatever they apply to.
  ListSet matching(std::string_view value_type, std::string_view part, bool part_is_ip) const;

  std::vector<Info> m_lists;
  // Every list's values in one index, so that a selector costs one lookup per kind of match (and per
  // parent of a domain), not one per list.
  TextMap<ListSet> m_exact;   // "type:value"
  TextMap<ListSet> m_suffix;  // domains matched with every name under them
  std::vector<Network> m_networks;
  std::array<ListSet, 64> m_applying_to{};  // by selector type (fewer than 64 of them)
};

}  // namespace jala::extract
