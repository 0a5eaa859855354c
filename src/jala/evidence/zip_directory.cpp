#include "jala/evidence/zip_directory.h"

#include <optional>
#include <string_view>

#include "jala/base/utf8.h"

namespace jala::evidence {
namespace {

constexpr std::uint32_t k_end_signature = 0x06054b50;
constexpr std::uint32_t k_zip64_end_signature = 0x06064b50;
constexpr std::uint32_t k_zip64_locator_signature = 0x07064b50;
constexpr std::uint32_t k_central_signature = 0x02014b50;
constexpr std::uint32_t k_local_signature = 0x04034b50;
constexpr std::size_t k_end_bytes = 22;
constexpr std::size_t k_zip64_locator_bytes = 20;
constexpr std::size_t k_zip64_end_bytes = 56;
constexpr std::size_t k_central_bytes = 46;
constexpr std::size_t k_local_bytes = 30;
constexpr std::uint16_t k_zip64_extra_id = 0x0001;
constexpr std::uint32_t k_saturated32 = 0xffffffff;

// Little-endian fields of `bytes`, which the callers have checked are long enough.
std::uint64_t read_le(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = width; i-- > 0;) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}
std::uint16_t u16(std::string_view bytes, std::size_t at) { return static_cast<std::uint16_t>(read_le(bytes, at, 2)); }
std::uint32_t u32(std::string_view bytes, std::size_t at) { return static_cast<std::uint32_t>(read_le(bytes, at, 4)); }
std::uint64_t u64(std::string_view bytes, std::size_t at) { return read_le(bytes, at, 8); }

Result<std::string> read_exactly(const ReadAt& read_at, std::uint64_t offset, std::size_t size, std::string_view what) {
  JALA_TRY_ASSIGN(std::string bytes, read_at(offset, size));
  if (bytes.size() != size) return invalid_argument("the zip file is cut short in {}", what);
  return bytes;
}

struct Directory {
  std::uint64_t entries = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t end = 0;  // where the end records start: the directory must lie before them
};

// The end of central directory record closes the file, with no comment after it (Jala writes none).
// Readers find it differently (some take the last signature, some the one whose comment reaches the end),
// and a comment can hide a second record and directory that one reader takes and another does not; so a
// zip with a comment, or with the record's signature anywhere else in its last bytes, is refused.
Result<Directory> find_directory(std::uint64_t file_size, const ReadAt& read_at) {
  if (file_size < k_end_bytes) return invalid_argument("not a zip file: it is shorter than an end record");
  const std::uint64_t end = file_size - k_end_bytes;
  JALA_TRY_ASSIGN(const std::string record, read_exactly(read_at, end, k_end_bytes, "its end"));
  if (u32(record, 0) != k_end_signature || u16(record, 20) != 0) {
    return invalid_argument(
        "not a zip file as Jala reads one: it does not end with an end of central directory record (a comment, "
        "padding or other bytes follow it, or there is none)");
  }
  if (u16(record, 4) != 0 || u16(record, 6) != 0 || u16(record, 8) != u16(record, 10)) {
    return invalid_argument("the zip file spans several disks");
  }
  Directory directory{u16(record, 10), u32(record, 16), u32(record, 12), end};
  if (directory.end < k_zip64_locator_bytes) return directory;
  JALA_TRY_ASSIGN(const std::string locator, read_exactly(read_at, directory.end - k_zip64_locator_bytes,
                                                          k_zip64_locator_bytes, "its Zip64 locator"));
  if (u32(locator, 0) != k_zip64_locator_signature) return directory;
  const std::uint64_t zip64_end = u64(locator, 8);
  if (directory.end < k_zip64_locator_bytes + k_zip64_end_bytes ||
      zip64_end > directory.end - k_zip64_locator_bytes - k_zip64_end_bytes) {
    return invalid_argument("the zip file's Zip64 end record lies outside it");
  }
  JALA_TRY_ASSIGN(const std::string zip64, read_exactly(read_at, zip64_end, k_zip64_end_bytes, "its Zip64 end record"));
  if (u32(zip64, 0) != k_zip64_end_signature) return invalid_argument("the zip file's Zip64 end record is missing");
  return Directory{u64(zip64, 32), u64(zip64, 48), u64(zip64, 40), zip64_end};
}

// The Zip64 extended information in an extra field (APPNOTE 4.5.3), or nothing.
std::optional<std::string_view> zip64_field(std::string_view extra) {
  for (std::size_t at = 0; at + 4 <= extra.size();) {
    const std::size_t size = u16(extra, at + 2);
    if (at + 4 + size > extra.size()) break;
    if (u16(extra, at) == k_zip64_extra_id) return extra.substr(at + 4, size);
    at += 4 + size;
  }
  return std::nullopt;
}

// Whether sizes `compressed` and `uncompressed` (a header's fixed fields) are both zero, reading a saturated
// one in the Zip64 field of `extra`, where the uncompressed size comes first. `both_in_zip64`: a local
// header's Zip64 field holds both sizes whenever it holds one.
bool sizes_are_zero(std::uint32_t compressed, std::uint32_t uncompressed, std::string_view extra, bool both_in_zip64) {
  if (compressed != k_saturated32 && uncompressed != k_saturated32) return compressed == 0 && uncompressed == 0;
  const std::optional<std::string_view> zip64 = zip64_field(extra);
  if (!zip64) return false;
  const bool has_uncompressed = both_in_zip64 || uncompressed == k_saturated32;
  const bool has_compressed = both_in_zip64 || compressed == k_saturated32;
  if (zip64->size() < (has_uncompressed ? 8U : 0U) + (has_compressed ? 8U : 0U)) return false;
  const std::uint64_t real_uncompressed = has_uncompressed ? u64(*zip64, 0) : uncompressed;
  const std::uint64_t real_compressed = has_compressed ? u64(*zip64, has_uncompressed ? 8 : 0) : compressed;
  return real_uncompressed == 0 && real_compressed == 0;
}

// An entry's local header offset: the central directory's field, or its Zip64 extra field when saturated
// (4.5.3: the original sizes come first, each only where its own field is saturated).
Result<std::uint64_t> local_offset(std::string_view entry, std::string_view extra) {
  const std::uint64_t offset = u32(entry, 42);
  if (offset != k_saturated32) return offset;
  const std::size_t skip = (u32(entry, 24) == k_saturated32 ? 8 : 0) + (u32(entry, 20) == k_saturated32 ? 8 : 0);
  const std::optional<std::string_view> zip64 = zip64_field(extra);
  if (zip64 && skip + 8 <= zip64->size()) return u64(*zip64, skip);
  return invalid_argument("a zip entry's local header offset is missing from its Zip64 field");
}

}  // namespace

Result<std::vector<std::string>> zip_entry_names(std::uint64_t file_size, const ReadAt& read_at,
                                                 std::size_t max_entries) {
  JALA_TRY_ASSIGN(const Directory directory, find_directory(file_size, read_at));
  if (directory.entries > max_entries) {
    return invalid_argument("the zip file lists more than {} entries", max_entries);
  }
  if (directory.offset > directory.end || directory.size > directory.end - directory.offset) {
    return invalid_argument("the zip file's central directory lies outside it");
  }
  JALA_TRY_ASSIGN(const std::string listing,
                  read_exactly(read_at, directory.offset, static_cast<std::size_t>(directory.size), "its directory"));
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(directory.entries));
  std::size_t at = 0;
  for (std::uint64_t i = 0; i < directory.entries; ++i) {
    if (listing.size() - at < k_central_bytes || u32(listing, at) != k_central_signature) {
      return invalid_argument("the zip file's central directory is cut short at entry {}", i + 1);
    }
    const std::size_t name_size = u16(listing, at + 28);
    const std::size_t extra_size = u16(listing, at + 30);
    const std::size_t entry_size = k_central_bytes + name_size + extra_size + u16(listing, at + 32);
    if (listing.size() - at < entry_size) {
      return invalid_argument("the zip file's central directory is cut short at entry {}", i + 1);
    }
    const std::string_view entry = std::string_view(listing).substr(at, entry_size);
    std::string name(entry.substr(k_central_bytes, name_size));
    JALA_TRY_ASSIGN(const std::uint64_t local,
                    local_offset(entry, entry.substr(k_central_bytes + name_size, extra_size)));
    if (local >= directory.offset || directory.offset - local < k_local_bytes) {
      return invalid_argument("the zip entry {} has its local header outside the file's entries",
                              quote_untrusted(name));
    }
    JALA_TRY_ASSIGN(const std::string header, read_exactly(read_at, local, k_local_bytes, "a local header"));
    if (u32(header, 0) != k_local_signature) {
      return invalid_argument("the zip entry {} has no local header where the directory says", quote_untrusted(name));
    }
    const std::size_t local_name_size = u16(header, 26);
    if (directory.offset - local - k_local_bytes < local_name_size) {
      return invalid_argument("the zip entry {} has its local header outside the file's entries",
                              quote_untrusted(name));
    }
    JALA_TRY_ASSIGN(const std::string local_name,
                    read_exactly(read_at, local + k_local_bytes, local_name_size, "a local header"));
    if (local_name != name) {
      return invalid_argument(
          "the zip entry {} has a local header that names another file ({}): other tools would show other contents",
          quote_untrusted(name), quote_untrusted(local_name));
    }
    // A folder entry with contents, in either header (or sizes left to a data descriptor): tools show the
    // folder, and no one the contents.
    constexpr std::uint16_t k_sizes_after_data = 0x8;
    if (name.ends_with('/')) {
      const std::size_t local_extra_size = u16(header, 28);
      if (directory.offset - local - k_local_bytes - local_name_size < local_extra_size) {
        return invalid_argument("the zip entry {} has its local header outside the file's entries",
                                quote_untrusted(name));
      }
      JALA_TRY_ASSIGN(const std::string local_extra, read_exactly(read_at, local + k_local_bytes + local_name_size,
                                                                  local_extra_size, "a local header"));
      const std::string_view central_extra = entry.substr(k_central_bytes + name_size, extra_size);
      if (!sizes_are_zero(u32(entry, 20), u32(entry, 24), central_extra, false) ||
          !sizes_are_zero(u32(header, 18), u32(header, 22), local_extra, true) ||
          (u16(header, 6) & k_sizes_after_data) != 0) {
        return invalid_argument("the zip's folder entry {} holds data", quote_untrusted(name));
      }
    }
    names.push_back(std::move(name));
    at += entry_size;
  }
  return names;
}

}  // namespace jala::evidence
