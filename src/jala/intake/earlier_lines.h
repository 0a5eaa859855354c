// The line on which each record of one input first came, by its kind and (source, id), so that a record
// that comes again in the same input is named with the line it replaces (a store keeps the later one).
// A 64-bit fingerprint stands for each key: two different keys of one input share one with a chance of
// about n^2 / 2^65 (three in a million at ten million records), and that costs only a wrong warning.
// 16 bytes a record at most (an open-addressing table, at most three quarters full). Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "jala/intake/record_reader.h"

namespace jala::intake {

class EarlierLines {
 public:
  // The line on which `record`'s key came before, or nullopt when this is its first (now noted at `line`).
  std::optional<std::uint64_t> note(const Record& record, std::uint64_t line);

 private:
  struct Slot {
    std::uint64_t fingerprint = 0;  // 0: empty
    std::uint64_t line = 0;
  };
  void grow();

  std::vector<Slot> m_slots;
  std::size_t m_used = 0;
};

}  // namespace jala::intake
