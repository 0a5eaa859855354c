// The MISP event importer over arbitrary bytes (document_import_fuzz.h says what must hold).
#include "document_import_fuzz.h"
#include "jala/share/misp_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  import_every_report(jala::share::import_misp, data, size);
  return 0;
}
