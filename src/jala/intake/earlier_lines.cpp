#include "jala/intake/earlier_lines.h"

#include <functional>
#include <string_view>
#include <type_traits>
#include <variant>

namespace jala::intake {
namespace {

// SplitMix64's finaliser: spreads the combined hashes over every bit, which linear probing needs.
std::uint64_t mixed(std::uint64_t value) {
  value = (value ^ (value >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27U)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31U);
}

std::uint64_t fingerprint_of(const Record& record) {
  return std::visit(
      [](const auto& kept) {
        const std::hash<std::string_view> hash;
        const std::uint64_t kind = std::is_same_v<std::decay_t<decltype(kept)>, model::Report> ? 1 : 2;
        const std::uint64_t fingerprint = mixed(mixed(hash(kept.source) + kind) ^ hash(kept.id));
        return fingerprint == 0 ? std::uint64_t{1} : fingerprint;
      },
      record);
}

}  // namespace

std::optional<std::uint64_t> EarlierLines::note(const Record& record, std::uint64_t line) {
  if ((m_used + 1) * 4 > m_slots.size() * 3) grow();
  const std::uint64_t fingerprint = fingerprint_of(record);
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t at = fingerprint & mask;; at = (at + 1) & mask) {
    Slot& slot = m_slots[at];
    if (slot.fingerprint == fingerprint) return slot.line;
    if (slot.fingerprint == 0) {
      slot = {fingerprint, line};
      ++m_used;
      return std::nullopt;
    }
  }
}

void EarlierLines::grow() {
  std::vector<Slot> old = std::move(m_slots);
  m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = m_slots.size() - 1;
  for (const Slot& slot : old) {
    if (slot.fingerprint == 0) continue;
    std::size_t at = slot.fingerprint & mask;
    while (m_slots[at].fingerprint != 0) at = (at + 1) & mask;
    m_slots[at] = slot;
  }
}

}  // namespace jala::intake
