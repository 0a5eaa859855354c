// libFuzzer target: evidence::verify_package, the parser and checker of untrusted evidence packages
// (tree heads, manifests, signatures, proofs). The input is a package as NUL-separated path and
// content pairs: "PATH\0BYTES\0PATH\0BYTES...". Seeds: fuzz/seeds/evidence_package/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jala/evidence/package.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  jala::evidence::PackageFiles files;
  while (!input.empty()) {
    const std::size_t path_end = input.find('\0');
    if (path_end == std::string_view::npos) break;
    const std::string_view path = input.substr(0, path_end);
    input.remove_prefix(path_end + 1);
    const std::size_t bytes_end = std::min(input.find('\0'), input.size());
    files[std::string(path)] = std::string(input.substr(0, bytes_end));
    input.remove_prefix(std::min(bytes_end + 1, input.size()));
  }
  const jala::evidence::Verification verified = jala::evidence::verify_package(files);
  if (verified.items_verified > verified.items) __builtin_trap();
  return 0;
}
