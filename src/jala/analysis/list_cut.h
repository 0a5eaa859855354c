// Cutting a long list for an answer of bounded size (the API's `top`, `limit` and `offset`): the first or
// last entries, at most so many. Internal to jala::analysis's JSON writers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <span>

namespace jala::analysis {

// The first `count` entries of `all`, or all of them when it has fewer.
template <typename T>
std::span<const T> first_at_most(std::span<const T> all, std::size_t count) {
  return all.first(std::min(count, all.size()));
}

// The last `count` entries of `all`, or all of them when it has fewer.
template <typename T>
std::span<const T> last_at_most(std::span<const T> all, std::size_t count) {
  return all.last(std::min(count, all.size()));
}

}  // namespace jala::analysis
