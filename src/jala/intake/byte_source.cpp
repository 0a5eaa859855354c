#include "jala/intake/byte_source.h"

#include <algorithm>
#include <cstring>

namespace jala::intake {

Result<std::size_t> StringByteSource::read(std::span<char> buffer) {
  const std::size_t count = std::min(buffer.size(), m_data.size());
  std::memcpy(buffer.data(), m_data.data(), count);
  m_data.remove_prefix(count);
  return count;
}

}  // namespace jala::intake
