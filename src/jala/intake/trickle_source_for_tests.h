// Test helper: a ByteSource that hands out a few bytes per read, as a pipe does, to exercise refills.
#pragma once

#include <algorithm>

#include "jala/intake/byte_source.h"

namespace jala::intake {

class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string_view data, std::size_t step) : m_data(data), m_step(step) {}
  Result<std::size_t> read(std::span<char> buffer) override {
    const std::size_t count = std::min({buffer.size(), m_data.size(), m_step});
    std::copy_n(m_data.data(), count, buffer.data());
    m_data.remove_prefix(count);
    return count;
  }
  std::optional<std::size_t> size() const override { return std::nullopt; }

 private:
  std::string_view m_data;
  std::size_t m_step;
};

}  // namespace jala::intake
