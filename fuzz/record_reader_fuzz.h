// Drives a record reader over fuzzer input until the end, as ingest does. Shared by the JSON Lines, CSV
// and plain-text fuzz targets so that all exercise the same path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "jala/intake/record_reader.h"

inline void read_every_record(jala::intake::Format format, const std::uint8_t* data, std::size_t size,
                              const jala::intake::DocumentDefaults& defaults = {}) {
  jala::intake::StringByteSource source(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto reader = jala::intake::make_record_reader(format, source, defaults);
  while (true) {
    auto next = reader->next();
    if (!next.ok() || !*next) break;
    if ((*next)->record.ok()) {
      // Rendering the canonical form walks every normalised field once more.
      const auto& record = *(*next)->record;
      if (const auto* report = std::get_if<jala::model::Report>(&record)) (void)jala::model::to_json(*report).dump();
    }
  }
}
