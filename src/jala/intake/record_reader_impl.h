// The readers behind make_record_reader(), one per format. Internal to intake/.
#pragma once

#include <memory>

#include "jala/intake/record_reader.h"

namespace jala::intake {

std::unique_ptr<RecordReader> make_jsonl_reader(ByteSource& source);
std::unique_ptr<RecordReader> make_csv_reader(ByteSource& source);

}  // namespace jala::intake
