// Sixteen bytes at a time, with GCC's vector extensions (SSE2 on x86-64, NEON on ARM): the scans that skip
// long runs of text use them to look at a block at once. Internal to jala::extract.
//
// Pure functions; thread-safe.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace jala::extract {

using Bytes16 = unsigned char __attribute__((vector_size(16)));
constexpr std::size_t k_block = sizeof(Bytes16);

inline Bytes16 load16(const char* p) {
  Bytes16 bytes;
  std::memcpy(&bytes, p, sizeof bytes);
  return bytes;
}

// The offset of the first lane of a comparison's result that is set; k_block when none is.
template <typename Mask>
std::size_t first_set_lane(const Mask& mask) {
  static_assert(sizeof(Mask) == k_block);
  std::uint64_t halves[2];
  std::memcpy(halves, &mask, sizeof halves);
  if (halves[0] != 0) return static_cast<std::size_t>(std::countr_zero(halves[0])) / 8;
  if (halves[1] != 0) return 8 + static_cast<std::size_t>(std::countr_zero(halves[1])) / 8;
  return k_block;
}

}  // namespace jala::extract
