// Run by the build: compiles every region's phone number patterns (phone_patterns.h) with Hyperscan, for
// any x86-64 processor, and writes the serialised databases as a C++ source defining
// phone_pattern_databases(). A region whose patterns do not compile is left out; phone_validation.cpp then
// asks libphonenumber about its calling code.
//
//   compile_phone_patterns OUT_CPP
#include <fmt/core.h>
#include <hs.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "jala/model/generated_source.h"
#include "jala/model/phone_patterns.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: compile_phone_patterns OUT_CPP\n";
    return 2;
  }
  const i18n::phonenumbers::PhoneMetadataCollection* collection = jala::model::phone_metadata();
  if (collection == nullptr) {
    std::cerr << "compile_phone_patterns: libphonenumber's metadata cannot be read\n";
    return 1;
  }
  const hs_platform_info_t any_x86_64{
      .tune = HS_TUNE_FAMILY_GENERIC, .cpu_features = 0, .reserved1 = 0, .reserved2 = 0};
  std::string entries;
  int compiled = 0;
  for (const i18n::phonenumbers::PhoneMetadata& region : collection->metadata()) {
    std::vector<const char*> texts;
    std::vector<unsigned> ids;
    const std::vector<jala::model::PatternExpression> expressions = jala::model::expressions_of(region);
    for (const jala::model::PatternExpression& expression : expressions) {
      texts.push_back(expression.expression.c_str());
      ids.push_back(expression.id);
    }
    const std::vector<unsigned> flags(texts.size(), HS_FLAG_SINGLEMATCH);
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (texts.empty() || hs_compile_multi(texts.data(), flags.data(), ids.data(), static_cast<unsigned>(texts.size()),
                                          HS_MODE_BLOCK, &any_x86_64, &database, &error) != HS_SUCCESS) {
      std::cerr << "compile_phone_patterns: " << region.id() << " left to libphonenumber"
                << (error != nullptr ? std::string(": ") + error->message : std::string()) << "\n";
      hs_free_compile_error(error);
      continue;
    }
    char* bytes = nullptr;
    std::size_t size = 0;
    const bool serialised = hs_serialize_database(database, &bytes, &size) == HS_SUCCESS;
    hs_free_database(database);
    if (!serialised) return 1;
    entries +=
        fmt::format("      {{\"{}\", {{{}, {}}}}},\n", jala::model::database_key(region.country_code(), region.id()),
                    jala::model::cpp_string_literal(std::string_view(bytes, size)), size);
    // hs_serialize_database allocates with malloc.
    std::free(bytes);  // NOLINT(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
    ++compiled;
  }
  std::cerr << "compile_phone_patterns: " << compiled << " regions\n";
  return jala::model::write_generated_table(argv[1], "compile_phone_patterns", "jala/model/phone_patterns.h",
                                            "std::span<const SerialisedDatabase> phone_pattern_databases()",
                                            "SerialisedDatabase", entries);
}
