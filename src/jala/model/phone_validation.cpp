#include "jala/model/phone_validation.h"

#include <hs.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jala/model/phone_patterns.h"

namespace jala::model {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

struct DatabaseFree {
  void operator()(hs_database_t* database) const { hs_free_database(database); }
};
struct ScratchFree {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};

struct RegionPatterns {
  std::unique_ptr<hs_database_t, DatabaseFree> database;
  bool has_leading_digits = false;
  std::array<std::vector<int>, k_number_descriptions> possible_lengths;
};

// The regions of one calling code, in libphonenumber's order: the main country first, then the others as
// the metadata lists them. Empty when one of them has no database.
struct CallingCodePatterns {
  std::vector<RegionPatterns> regions;
};

std::optional<RegionPatterns> load(const PhoneMetadata& region) {
  static const std::unordered_map<std::string_view, std::string_view> serialised = [] {
    std::unordered_map<std::string_view, std::string_view> by_key;
    for (const SerialisedDatabase& database : phone_pattern_databases()) by_key.emplace(database.key, database.bytes);
    return by_key;
  }();
  const auto found = serialised.find(database_key(region.country_code(), region.id()));
  if (found == serialised.end()) return std::nullopt;
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(found->second.data(), found->second.size(), &database) != HS_SUCCESS) {
    return std::nullopt;
  }
  RegionPatterns patterns;
  patterns.database.reset(database);
  patterns.has_leading_digits = region.has_leading_digits();
  const std::vector<const PhoneNumberDesc*> descriptions = descriptions_of(region);
  for (std::size_t id = 0; id < descriptions.size(); ++id) {
    patterns.possible_lengths[id].assign(descriptions[id]->possible_length().begin(),
                                         descriptions[id]->possible_length().end());
  }
  return patterns;
}

CallingCodePatterns load_calling_code(int calling_code) {
  CallingCodePatterns code;
  const i18n::phonenumbers::PhoneMetadataCollection* collection = phone_metadata();
  if (collection == nullptr) return code;
  std::vector<const PhoneMetadata*> regions;
  for (const PhoneMetadata& region : collection->metadata()) {
    if (region.country_code() != calling_code || region.id() == "ZZ") continue;
    if (region.main_country_for_code()) {
      regions.insert(regions.begin(), &region);
    } else {
      regions.push_back(&region);
    }
  }
  for (const PhoneMetadata* region : regions) {
    std::optional<RegionPatterns> loaded = load(*region);
    if (!loaded) return {};
    code.regions.push_back(std::move(*loaded));
  }
  return code;
}

// Loaded when first asked for; shared by all threads.
const CallingCodePatterns& patterns_of(int calling_code) {
  static std::shared_mutex mutex;
  static std::unordered_map<int, std::unique_ptr<const CallingCodePatterns>> loaded;
  {
    const std::shared_lock lock(mutex);
    if (const auto found = loaded.find(calling_code); found != loaded.end()) return *found->second;
  }
  auto made = std::make_unique<const CallingCodePatterns>(load_calling_code(calling_code));
  const std::unique_lock lock(mutex);
  return *loaded.try_emplace(calling_code, std::move(made)).first->second;
}

// This thread's scratch space, large enough for `database`.
hs_scratch_t* scratch_for(const hs_database_t* database) {
  thread_local std::unique_ptr<hs_scratch_t, ScratchFree> scratch;
  thread_local std::unordered_set<const hs_database_t*> prepared;
  if (!prepared.contains(database)) {
    hs_scratch_t* space = scratch.release();
    if (hs_alloc_scratch(database, &space) != HS_SUCCESS) throw std::bad_alloc();
    scratch.reset(space);
    prepared.insert(database);
  }
  return scratch.get();
}

int note_match(unsigned id, unsigned long long /*from*/, unsigned long long /*to*/, unsigned /*flags*/, void* context) {
  *static_cast<unsigned*>(context) |= 1U << id;
  return 0;
}

// Which of a region's patterns `national_number` matches, descriptions with their possible lengths, as
// bits by pattern id.
unsigned matches_of(const RegionPatterns& region, std::string_view national_number) {
  unsigned matched = 0;
  if (hs_scan(region.database.get(), national_number.data(), static_cast<unsigned>(national_number.size()), 0,
              scratch_for(region.database.get()), note_match, &matched) != HS_SUCCESS) {
    return 0;
  }
  const int length = static_cast<int>(national_number.size());
  for (unsigned id = 0; id < k_number_descriptions; ++id) {
    const std::vector<int>& lengths = region.possible_lengths[id];
    if (!lengths.empty() && std::ranges::find(lengths, length) == lengths.end()) matched &= ~(1U << id);
  }
  return matched;
}

// GetNumberTypeHelper(...) != UNKNOWN: the general description and one of the types.
bool has_a_type(unsigned matched) {
  constexpr unsigned k_any_type = ((1U << k_number_types) - 1) << 1;
  return (matched & (1U << k_general_pattern)) != 0 && (matched & k_any_type) != 0;
}

}  // namespace

bool is_valid_number(const PhoneNumber& number) {
  const CallingCodePatterns& code = patterns_of(number.country_code());
  if (code.regions.empty()) return PhoneNumberUtil::GetInstance()->IsValidNumber(number);
  std::string national_number;
  PhoneNumberUtil::GetInstance()->GetNationalSignificantNumber(number, &national_number);
  if (code.regions.size() == 1) return has_a_type(matches_of(code.regions.front(), national_number));
  for (const RegionPatterns& region : code.regions) {
    const unsigned matched = matches_of(region, national_number);
    if (region.has_leading_digits ? (matched & (1U << k_leading_digits_pattern)) != 0 : has_a_type(matched)) {
      return has_a_type(matched);
    }
  }
  return false;
}

}  // namespace jala::model
