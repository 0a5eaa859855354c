// Large arrays that are read at random (the ledger, the link input, the suspect scan) in transparent huge pages.
// With 4 KiB pages, a random read across a few hundred megabytes misses the TLB nearly every time, and
// filling such an array faults once per 4 KiB. Some systems (the machine of docs/performance.md among
// them) enable huge pages only for memory that asks for them (/sys/kernel/mm/transparent_hugepage/enabled
// = madvise). HugePageAllocator asks, for every allocation of 2 MiB or more, and leaves smaller ones to
// operator new. Measured in docs/performance.md (Money flow). Thread-safe, stateless.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace jala::base {

// Allocations of at least this size are aligned to it and advised for huge pages.
inline constexpr std::size_t k_huge_page_bytes = std::size_t{2} << 20;

// `bytes` of memory, aligned for any object, and from k_huge_page_bytes on aligned to a huge page and
// advised for huge pages. Throws std::bad_alloc.
void* allocate_huge_pageable(std::size_t bytes);
// Frees what allocate_huge_pageable(bytes) returned.
void free_huge_pageable(void* memory, std::size_t bytes) noexcept;

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  explicit(false) HugePageAllocator(const HugePageAllocator<U>& /*other*/) noexcept {}

  T* allocate(std::size_t count) { return static_cast<T*>(allocate_huge_pageable(count * sizeof(T))); }
  void deallocate(T* memory, std::size_t count) noexcept { free_huge_pageable(memory, count * sizeof(T)); }

  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const noexcept {
    return true;
  }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;
using HugePageString = std::basic_string<char, std::char_traits<char>, HugePageAllocator<char>>;

}  // namespace jala::base
