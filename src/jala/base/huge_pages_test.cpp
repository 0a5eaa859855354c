#include "jala/base/huge_pages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

namespace jala::base {
namespace {

// The VmFlags of the mapping in /proc/self/smaps that holds `address`; empty when there is none.
std::string vm_flags_of(const void* address) {
  const auto wanted = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= wanted && wanted < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return {};
}

TEST(HugePages, LargeArraysAreAlignedToAHugePageAndAdvisedForHugePages) {
  HugePageVector<std::uint64_t> values(3 * k_huge_page_bytes / sizeof(std::uint64_t));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(values.data()) % k_huge_page_bytes, 0U);
  if (!std::ifstream("/proc/self/smaps")) GTEST_SKIP() << "no /proc/self/smaps to read the advice from";
  // "hg": the mapping is advised MADV_HUGEPAGE.
  EXPECT_NE(vm_flags_of(values.data()).find(" hg"), std::string::npos) << vm_flags_of(values.data());
}

TEST(HugePages, VectorsAndStringsKeepTheirContentsAsTheyGrowFromTheHeapIntoHugePages) {
  HugePageVector<std::uint32_t> numbers;
  HugePageString text;
  const std::size_t count = k_huge_page_bytes;  // 8 MiB of numbers, 2 MiB of text
  for (std::size_t i = 0; i < count; ++i) {
    numbers.push_back(static_cast<std::uint32_t>(i));
    text += static_cast<char>('a' + i % 26);
  }
  std::vector<std::uint32_t> expected(count);
  std::iota(expected.begin(), expected.end(), 0U);
  EXPECT_TRUE(std::equal(numbers.begin(), numbers.end(), expected.begin(), expected.end()));
  EXPECT_EQ(text.size(), count);
  EXPECT_EQ(std::string_view(text).substr(count - 3), "pqr");  // 2,097,149 = 26 * 80,659 + 15
}

}  // namespace
}  // namespace jala::base
