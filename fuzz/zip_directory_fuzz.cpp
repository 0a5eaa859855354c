// libFuzzer target: evidence::zip_entry_names, the reader of a zip's central directory and local headers
// in `jala evidence verify` (untrusted packages). The input is the zip file's bytes.
// Seeds: fuzz/seeds/zip_directory/.
#include <cstddef>
#include <cstdint>
#include <string>

#include "jala/evidence/zip_directory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string zip(reinterpret_cast<const char*>(data), size);
  const jala::evidence::ReadAt read_at = [&](std::uint64_t offset, std::size_t length) -> jala::Result<std::string> {
    if (offset > zip.size()) return std::string();
    return zip.substr(static_cast<std::size_t>(offset), length);
  };
  const auto names = jala::evidence::zip_entry_names(zip.size(), read_at, 1000);
  if (names.ok() && names->size() > 1000) __builtin_trap();
  return 0;
}
