// The names a zip file's central directory lists (PKWARE APPNOTE 6.3: 4.3.12 and 4.3.16, with Zip64's
// 4.3.14 and 4.3.15), each checked against its entry's local header. A zip names every file twice, and
// readers disagree on which copy they trust: libarchive (what `jala evidence verify` reads with) takes
// the local header's name, while unzip, Windows and 7-Zip take the central directory's. A package whose
// two names differ could show a court one file while another was verified, so it is refused.
// Reads untrusted bytes; every offset and length is checked against the file's size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "jala/base/result.h"

namespace jala::evidence {

// Reads `size` bytes at `offset` of the zip file; fewer only at its end.
using ReadAt = std::function<Result<std::string>(std::uint64_t offset, std::size_t size)>;

// The central directory's names in its order. Fails (invalid_argument) when the file has no end of
// central directory record, when an entry's local header is missing or gives another name, when a folder
// entry (a name ending in '/') holds data, or when the directory holds more than `max_entries` entries.
Result<std::vector<std::string>> zip_entry_names(std::uint64_t file_size, const ReadAt& read_at,
                                                 std::size_t max_entries);

}  // namespace jala::evidence
