// A ByteSource over a file or standard input ("-"). Owns its file descriptor.
// Not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "jala/intake/byte_source.h"

namespace jala::cli {

class FileSource final : public intake::ByteSource {
 public:
  static Result<std::unique_ptr<FileSource>> open(const std::string& path);
  ~FileSource() override;
  FileSource(int descriptor, bool owned, std::optional<std::size_t> size);

  Result<std::size_t> read(std::span<char> buffer) override;
  std::optional<std::size_t> size() const override { return m_size; }

 private:
  int m_descriptor;
  bool m_owned;
  std::optional<std::size_t> m_size;
};

}  // namespace jala::cli
