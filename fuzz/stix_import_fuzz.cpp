// The STIX 2.1 importer over arbitrary bytes (document_import_fuzz.h says what must hold).
#include "document_import_fuzz.h"
#include "jala/share/stix_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  import_every_report(jala::share::import_stix, data, size);
  return 0;
}
