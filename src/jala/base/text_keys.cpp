#include "jala/base/text_keys.h"

#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>

namespace jala::base {
namespace {

constexpr std::size_t k_first_slots = 1024;

// libstdc++'s hash of a string view (MurmurHash2 over the bytes), never 0: 0 marks an empty slot.
std::uint64_t hash_of(std::string_view text) {
  const std::uint64_t hash = std::hash<std::string_view>{}(text);
  return hash == 0 ? 1 : hash;
}

}  // namespace

std::optional<std::int64_t> TextKeys::find(std::string_view text) const {
  if (m_slots.empty()) return std::nullopt;
  const std::uint64_t hash = hash_of(text);
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = m_slots[at];
    if (slot.hash == 0) return std::nullopt;
    if (slot.hash == hash && text_at(slot.text_at) == text) return slot.key;
  }
}

void TextKeys::insert(std::string_view text, std::int64_t key) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("TextKeys: text too long");
  if ((m_used + 1) * 2 > m_slots.size()) rehash(m_slots.empty() ? k_first_slots : m_slots.size() * 2);
  const auto length = static_cast<std::uint32_t>(text.size());
  const std::uint64_t text_at = m_texts.size();
  m_texts.append(reinterpret_cast<const char*>(&length), sizeof length);
  m_texts.append(text);
  const std::uint64_t hash = hash_of(text);
  m_slots[empty_slot_for(hash)] = {hash, text_at, key};
  ++m_used;
}

void TextKeys::clear() {
  HugePageVector<Slot>().swap(m_slots);
  HugePageString().swap(m_texts);
  m_used = 0;
}

std::string_view TextKeys::text_at(std::uint64_t at) const {
  std::uint32_t length = 0;
  std::memcpy(&length, m_texts.data() + at, sizeof length);
  return {m_texts.data() + at + sizeof length, length};
}

std::size_t TextKeys::empty_slot_for(std::uint64_t hash) const {
  const std::size_t mask = m_slots.size() - 1;
  std::size_t at = hash & mask;
  while (m_slots[at].hash != 0) at = (at + 1) & mask;
  return at;
}

void TextKeys::rehash(std::size_t slots) {
  HugePageVector<Slot> old(slots);
  old.swap(m_slots);
  for (const Slot& slot : old) {
    if (slot.hash != 0) m_slots[empty_slot_for(slot.hash)] = slot;
  }
}

}  // namespace jala::base
