// The readers behind make_record_reader(), one per format. Internal to intake/.
#pragma once

#include <memory>

#include "jala/intake/record_reader.h"

namespace jala::intake {

std::unique_ptr<RecordReader> make_jsonl_reader(ByteSource& source);
std::unique_ptr<RecordReader> make_csv_reader(ByteSource& source);
// STIX and MISP documents (document_reader.cpp).
std::unique_ptr<RecordReader> make_document_reader(Format format, ByteSource& source, const DocumentDefaults& defaults);
// A plain text, one report (text_reader.cpp).
std::unique_ptr<RecordReader> make_text_reader(ByteSource& source, const DocumentDefaults& defaults);

}  // namespace jala::intake
