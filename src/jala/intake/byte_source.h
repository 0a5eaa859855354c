// Where intake reads bytes from. The interface keeps intake free of files and sockets: cli/ gives it
// a file or standard input, tests and fuzzers give it a string.
// A source is used by one thread at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::intake {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to buffer.size() bytes; 0 means the end of the input.
  virtual Result<std::size_t> read(std::span<char> buffer) = 0;
  // Total size when known in advance (for progress), else nullopt.
  virtual std::optional<std::size_t> size() const = 0;
};

// Reads from a string it does not own; the string must outlive the source.
class StringByteSource final : public ByteSource {
 public:
  explicit StringByteSource(std::string_view data) : m_data(data) {}
  Result<std::size_t> read(std::span<char> buffer) override;
  std::optional<std::size_t> size() const override { return m_data.size(); }

 private:
  std::string_view m_data;
};

}  // namespace jala::intake
