// Maps keyed by text that are searched by a std::string_view without building a string, and a thread's
// bounded memory of the outcomes of a pure function of a text (normalisers whose inputs recur: a
// campaign's wallet, phone number or domain in every report).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace jala {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// The outcome for `key` in `memory`, or `compute()`'s, remembered. At most `limit` outcomes are kept:
// when full, all are forgotten at once, which costs nothing per lookup and keeps a working set that fits.
// `memory` is the caller's, usually thread_local.
template <typename Value, typename Compute>
const Value& remembered(TextMap<Value>& memory, std::size_t limit, std::string_view key, Compute&& compute) {
  if (const auto found = memory.find(key); found != memory.end()) return found->second;
  if (memory.size() >= limit) memory.clear();
  return memory.emplace(std::string(key), std::forward<Compute>(compute)()).first->second;
}

}  // namespace jala
