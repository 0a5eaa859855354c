#include "jala/base/huge_pages.h"

#include <sys/mman.h>

#include <new>

namespace jala::base {
namespace {

constexpr std::align_val_t k_huge_page_alignment{k_huge_page_bytes};

std::size_t whole_huge_pages(std::size_t bytes) {
  const std::size_t pages = bytes / k_huge_page_bytes + (bytes % k_huge_page_bytes == 0 ? 0 : 1);
  return pages * k_huge_page_bytes;
}

}  // namespace

void* allocate_huge_pageable(std::size_t bytes) {
  if (bytes < k_huge_page_bytes) return ::operator new(bytes);
  const std::size_t rounded = whole_huge_pages(bytes);
  void* memory = ::operator new(rounded, k_huge_page_alignment);
  // Advice only: where the kernel has no huge pages, the memory works as usual.
  ::madvise(memory, rounded, MADV_HUGEPAGE);
  return memory;
}

void free_huge_pageable(void* memory, std::size_t bytes) noexcept {
  if (bytes < k_huge_page_bytes) {
    ::operator delete(memory);
  } else {
    ::operator delete(memory, k_huge_page_alignment);
  }
}

}  // namespace jala::base
