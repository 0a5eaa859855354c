#include "jala/evidence/zip_directory.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace jala::evidence {
namespace {

void put_le(std::string& out, std::uint64_t value, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

struct Entry {
  std::string local_name;
  std::string central_name;
  std::string data;
};

// A zip of stored entries, each with its own local and central name, as a forger would write it.
// With `zip64`, the end records are Zip64's, the offsets in the central directory are saturated, and the
// local headers' sizes too, as Info-ZIP's `zip -fz` writes them: the sizes are in their Zip64 field, where
// `local_zip64_size` (when set) replaces the true one.
std::string make_zip(const std::vector<Entry>& entries, bool zip64 = false, const std::string& comment = {},
                     std::optional<std::uint64_t> local_zip64_size = std::nullopt) {
  std::string zip;
  std::vector<std::uint64_t> offsets;
  for (const Entry& entry : entries) {
    offsets.push_back(zip.size());
    put_le(zip, 0x04034b50, 4);
    put_le(zip, 10, 2);  // version needed
    put_le(zip, 0, 2);   // flags
    put_le(zip, 0, 2);   // stored
    put_le(zip, 0, 4);   // time and date
    put_le(zip, 0, 4);   // CRC-32 (not checked here)
    std::string local_extra;
    if (zip64) {
      put_le(local_extra, 0x0001, 2);
      put_le(local_extra, 16, 2);
      put_le(local_extra, local_zip64_size.value_or(entry.data.size()), 8);
      put_le(local_extra, local_zip64_size.value_or(entry.data.size()), 8);
    }
    put_le(zip, zip64 ? 0xffffffff : entry.data.size(), 4);
    put_le(zip, zip64 ? 0xffffffff : entry.data.size(), 4);
    put_le(zip, entry.local_name.size(), 2);
    put_le(zip, local_extra.size(), 2);
    zip += entry.local_name;
    zip += local_extra;
    zip += entry.data;
  }
  const std::uint64_t directory_offset = zip.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    std::string extra;
    if (zip64) {
      put_le(extra, 0x0001, 2);
      put_le(extra, 8, 2);
      put_le(extra, offsets[i], 8);
    }
    put_le(zip, 0x02014b50, 4);
    put_le(zip, 45, 2);  // version made by
    put_le(zip, 45, 2);  // version needed
    put_le(zip, 0, 2);
    put_le(zip, 0, 2);
    put_le(zip, 0, 4);
    put_le(zip, 0, 4);
    put_le(zip, entry.data.size(), 4);
    put_le(zip, entry.data.size(), 4);
    put_le(zip, entry.central_name.size(), 2);
    put_le(zip, extra.size(), 2);
    put_le(zip, 0, 2);  // comment
    put_le(zip, 0, 2);  // disk
    put_le(zip, 0, 2);  // internal attributes
    put_le(zip, 0, 4);  // external attributes
    put_le(zip, zip64 ? 0xffffffff : offsets[i], 4);
    zip += entry.central_name;
    zip += extra;
  }
  const std::uint64_t directory_size = zip.size() - directory_offset;
  if (zip64) {
    const std::uint64_t zip64_end = zip.size();
    put_le(zip, 0x06064b50, 4);
    put_le(zip, 44, 8);
    put_le(zip, 45, 2);
    put_le(zip, 45, 2);
    put_le(zip, 0, 4);
    put_le(zip, 0, 4);
    put_le(zip, entries.size(), 8);
    put_le(zip, entries.size(), 8);
    put_le(zip, directory_size, 8);
    put_le(zip, directory_offset, 8);
    put_le(zip, 0x07064b50, 4);
    put_le(zip, 0, 4);
    put_le(zip, zip64_end, 8);
    put_le(zip, 1, 4);
  }
  put_le(zip, 0x06054b50, 4);
  put_le(zip, 0, 2);
  put_le(zip, 0, 2);
  put_le(zip, zip64 ? 0xffff : entries.size(), 2);
  put_le(zip, zip64 ? 0xffff : entries.size(), 2);
  put_le(zip, zip64 ? 0xffffffff : directory_size, 4);
  put_le(zip, zip64 ? 0xffffffff : directory_offset, 4);
  put_le(zip, comment.size(), 2);
  zip += comment;
  return zip;
}

Result<std::vector<std::string>> names_of(const std::string& zip, std::size_t max_entries = 100) {
  const ReadAt read_at = [&](std::uint64_t offset, std::size_t size) -> Result<std::string> {
    if (offset > zip.size()) return std::string();
    return zip.substr(static_cast<std::size_t>(offset), size);
  };
  return zip_entry_names(zip.size(), read_at, max_entries);
}

TEST(ZipDirectory, ListsTheCentralDirectorysNamesInItsOrder) {
  const std::string zip = make_zip({{"b.json", "b.json", "{}"}, {"items/", "items/", ""}, {"a.txt", "a.txt", "x"}});
  const Result<std::vector<std::string>> names = names_of(zip);
  ASSERT_TRUE(names.ok()) << names.error().message();
  EXPECT_EQ(*names, (std::vector<std::string>{"b.json", "items/", "a.txt"}));
}

// Found in review: a comment can hide a second directory, which libarchive and unzip took while the check
// read the first. Only an end record in the file's last 22 bytes, which every reader finds first from the
// end, is taken: a zip with a comment, or with bytes after its end record, is refused.
TEST(ZipDirectory, RefusesAZipWithACommentOrBytesAfterItsEndRecord) {
  EXPECT_NE(names_of(make_zip({{"real", "real", "1"}}, false, "a comment"))
                .error()
                .message()
                .find("does not end with an end of central directory record"),
            std::string::npos);
  EXPECT_FALSE(names_of(make_zip({{"real", "real", "1"}}) + "x").ok());
  // Entry counts that differ between "this disk" and in all.
  std::string counts = make_zip({{"a", "a", ""}});
  counts.replace(counts.size() - 14, 4, "PK\x05\x06");
  EXPECT_FALSE(names_of(counts).ok());
}

TEST(ZipDirectory, ReadsZip64EndRecordsAndOffsets) {
  const Result<std::vector<std::string>> names =
      names_of(make_zip({{"a", "a", "1"}, {"b", "b", "22"}, {"d/", "d/", ""}}, true));
  ASSERT_TRUE(names.ok()) << names.error().message();
  EXPECT_EQ(*names, (std::vector<std::string>{"a", "b", "d/"}));
  // Found in review: a folder whose local sizes are in its Zip64 field (zip -fz) was taken to hold data;
  // when that field does give it data, it is refused.
  EXPECT_NE(names_of(make_zip({{"d/", "d/", ""}}, true, {}, 26)).error().message().find("holds data"),
            std::string::npos);
}

TEST(ZipDirectory, RefusesAnEntryWhoseLocalHeaderNamesAnotherFile) {
  // The forgery: unzip would extract the fake bytes as the item, libarchive would read the real ones.
  const std::string zip =
      make_zip({{"items/000001.json", "aaa/", "{\"real\":1}"}, {"bbb/", "items/000001.json", "{\"FAKE\":1}"}});
  const Result<std::vector<std::string>> names = names_of(zip);
  ASSERT_FALSE(names.ok());
  EXPECT_EQ(names.error().code(), ErrorCode::invalid_argument);
  EXPECT_NE(names.error().message().find("'aaa/' has a local header that names another file ('items/000001.json')"),
            std::string::npos)
      << names.error().message();
  // A name of the same length that differs in one byte.
  EXPECT_FALSE(names_of(make_zip({{"a.json", "b.json", ""}})).ok());
}

TEST(ZipDirectory, RefusesWhatIsNotAWellFormedZip) {
  const std::string good = make_zip({{"a", "a", "1"}});
  EXPECT_NE(names_of("").error().message().find("not a zip file"), std::string::npos);
  EXPECT_NE(names_of("PK\x05\x06 too short").error().message().find("not a zip file"), std::string::npos);
  // Bytes after the end record (a comment longer than its length says).
  EXPECT_FALSE(names_of(good + "junk").ok());
  // Every prefix of a good zip fails cleanly.
  for (std::size_t size = 0; size < good.size(); ++size) EXPECT_FALSE(names_of(good.substr(0, size)).ok()) << size;
  // A local header offset past the directory.
  std::string moved = good;
  moved[good.size() - 22 - 2] = 0x7f;  // the high byte of the only entry's local header offset (its name is 1 byte)
  EXPECT_NE(names_of(moved).error().message().find("local header outside"), std::string::npos);
  // A folder entry that holds data, which extractors skip.
  EXPECT_NE(names_of(make_zip({{"hidden/", "hidden/", "26 bytes no one would see.."}}))
                .error()
                .message()
                .find("folder entry 'hidden/' holds data"),
            std::string::npos);
  // More entries than allowed.
  EXPECT_NE(names_of(make_zip({{"a", "a", ""}, {"b", "b", ""}}), 1).error().message().find("more than 1 entries"),
            std::string::npos);
}

}  // namespace
}  // namespace jala::evidence
