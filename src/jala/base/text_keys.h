// A map from texts to 64-bit keys for millions of entries (the selectors of a bulk load), where
// std::unordered_map costs a node, often a heap string, and three or four cache misses per lookup. Here
// the texts are packed one after another in one arena, and the slots (hash, where the text starts, key)
// lie in one open-addressing table, at most half full, in huge pages: a lookup reads one slot and, when
// the hashes agree, one text. Entries are never removed one by one; clear() forgets them all.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "jala/base/huge_pages.h"

namespace jala::base {

class TextKeys {
 public:
  // The key `text` was given, if any.
  std::optional<std::int64_t> find(std::string_view text) const;
  // Gives `text` its `key`. Precondition: find(text) is empty.
  void insert(std::string_view text, std::int64_t key);

  std::size_t size() const { return m_used; }
  // Forgets every entry and gives back the memory.
  void clear();

 private:
  struct Slot {
    std::uint64_t hash = 0;     // never 0 in a used slot
    std::uint64_t text_at = 0;  // in m_texts: the text's length (4 bytes), then the text
    std::int64_t key = 0;
  };

  std::string_view text_at(std::uint64_t at) const;
  // The first empty slot on `hash`'s probe sequence.
  std::size_t empty_slot_for(std::uint64_t hash) const;
  void rehash(std::size_t slots);

  HugePageVector<Slot> m_slots;
  HugePageString m_texts;
  std::size_t m_used = 0;
};

}  // namespace jala::base
