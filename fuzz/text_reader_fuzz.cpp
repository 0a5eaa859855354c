#include "record_reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  read_every_record(jala::intake::Format::text, data, size, {"FUZZ", "VN"});
  return 0;
}
