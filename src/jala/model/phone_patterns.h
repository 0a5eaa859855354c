// What phone validation (phone_validation.cpp) and its build step (compile_phone_patterns.cpp) share:
// libphonenumber's metadata, and each region's patterns as Hyperscan expressions.
#pragma once

#include <phonenumbers/phonemetadata.pb.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jala::model {

// libphonenumber's compiled-in metadata, read once; nullptr if it cannot be read.
const i18n::phonenumbers::PhoneMetadataCollection* phone_metadata();

// Pattern ids in a region's database: its general description, then its ten number types, then its
// leading digits (matched as a prefix).
inline constexpr unsigned k_general_pattern = 0;
inline constexpr unsigned k_number_types = 10;
inline constexpr unsigned k_leading_digits_pattern = k_number_types + 1;
inline constexpr std::size_t k_number_descriptions = k_number_types + 1;

// A region's general description, then its number types, in pattern id order.
std::vector<const i18n::phonenumbers::PhoneNumberDesc*> descriptions_of(
    const i18n::phonenumbers::PhoneMetadata& region);

struct PatternExpression {
  std::string expression;
  unsigned id;
};
// The region's patterns as Hyperscan expressions: each description's anchored at both ends (libphonenumber
// matches the whole national number), the leading digits at the start only.
std::vector<PatternExpression> expressions_of(const i18n::phonenumbers::PhoneMetadata& region);

// The name a region's database is stored under: its calling code and id ("84:VN"; the global networks all
// have the id "001").
std::string database_key(int calling_code, std::string_view region_id);

// The databases compiled when Jala was built (for any x86-64 processor), serialised, by database_key().
struct SerialisedDatabase {
  std::string_view key;
  std::string_view bytes;
};
std::span<const SerialisedDatabase> phone_pattern_databases();

}  // namespace jala::model
