#include "jala/extract/lookalike.h"

#include <idn2.h>
#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <string>

#include "jala/model/text.h"

namespace jala::extract {
namespace {

// The blocks whose letters are the usual stand-ins for Latin letters.
struct Block {
  char32_t first;
  char32_t last;
};
constexpr std::array<Block, 7> k_lookalike_blocks = {{
    {0x0180, 0x024F},  // Latin Extended-B
    {0x0250, 0x02AF},  // IPA Extensions
    {0x0370, 0x03FF},  // Greek
    {0x0400, 0x052F},  // Cyrillic and its supplement
    {0x0530, 0x058F},  // Armenian
    {0x13A0, 0x13FF},  // Cherokee
    {0x1D00, 0x1DBF},  // Phonetic Extensions
}};

struct SpoofCheckerDeleter {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};
using SpoofChecker = std::unique_ptr<USpoofChecker, SpoofCheckerDeleter>;

// One checker per thread, set to UTS #39's moderately restrictive level (Latin with one other script,
// but never with Cyrillic or Greek) and to invisible characters.
const USpoofChecker* checker() {
  thread_local const SpoofChecker made = [] {
    UErrorCode status = U_ZERO_ERROR;
    SpoofChecker opened(uspoof_open(&status));
    if (U_FAILURE(status)) std::abort();  // ICU's data is part of the installation
    uspoof_setChecks(opened.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE, &status);
    uspoof_setRestrictionLevel(opened.get(), USPOOF_MODERATELY_RESTRICTIVE);
    if (U_FAILURE(status)) std::abort();
    return opened;
  }();
  return made.get();
}

std::string skeleton(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t length = uspoof_getSkeletonUTF8(checker(), 0, text.data(), static_cast<int32_t>(text.size()),
                                                out.data(), static_cast<int32_t>(out.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(length));
  return out;
}

using model::is_ascii;

bool is_lookalike_label(std::string_view label) {
  if (is_ascii(label)) return false;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t failed =
      uspoof_checkUTF8(checker(), label.data(), static_cast<int32_t>(label.size()), nullptr, &status);
  if (U_SUCCESS(status) && failed != 0) return true;
  const std::string read_as = skeleton(label);
  return std::all_of(read_as.begin(), read_as.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\0'; }) &&
         !read_as.empty();
}

}  // namespace

bool is_lookalike_script_letter(char32_t code_point) {
  return std::any_of(k_lookalike_blocks.begin(), k_lookalike_blocks.end(),
                     [&](const Block& block) { return code_point >= block.first && code_point <= block.last; }) &&
         u_isalpha(static_cast<UChar32>(code_point)) != 0;
}

bool is_lookalike_host(std::string_view host) {
  if (host.find("xn--") == std::string_view::npos && is_ascii(host)) return false;
  std::string unicode(host);
  if (!is_ascii(host) || host.find("xn--") != std::string_view::npos) {
    char* decoded = nullptr;
    if (idn2_to_unicode_8z8z(std::string(host).c_str(), &decoded, 0) != IDN2_OK) return false;
    unicode = decoded;
    idn2_free(decoded);
  }
  std::size_t start = 0;
  while (start <= unicode.size()) {
    const std::size_t end = std::min(unicode.find('.', start), unicode.size());
    if (is_lookalike_label(std::string_view(unicode).substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace jala::extract
