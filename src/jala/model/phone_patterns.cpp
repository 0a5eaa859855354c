#include "jala/model/phone_patterns.h"

#include <fmt/core.h>

#include <memory>

namespace i18n::phonenumbers {
// libphonenumber's compiled-in metadata, a serialised PhoneMetadataCollection (declared in its metadata.h,
// which Debian does not install).
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace jala::model {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumberDesc;

const i18n::phonenumbers::PhoneMetadataCollection* phone_metadata() {
  static const std::unique_ptr<i18n::phonenumbers::PhoneMetadataCollection> collection = [] {
    auto parsed = std::make_unique<i18n::phonenumbers::PhoneMetadataCollection>();
    if (!parsed->ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size())) {
      parsed.reset();
    }
    return parsed;
  }();
  return collection.get();
}

std::vector<const PhoneNumberDesc*> descriptions_of(const PhoneMetadata& region) {
  return {&region.general_desc(), &region.premium_rate(),    &region.toll_free(), &region.shared_cost(),
          &region.voip(),         &region.personal_number(), &region.pager(),     &region.uan(),
          &region.voicemail(),    &region.fixed_line(),      &region.mobile()};
}

std::vector<PatternExpression> expressions_of(const PhoneMetadata& region) {
  std::vector<PatternExpression> expressions;
  const std::vector<const PhoneNumberDesc*> descriptions = descriptions_of(region);
  for (unsigned id = 0; id < descriptions.size(); ++id) {
    const std::string& pattern = descriptions[id]->national_number_pattern();
    if (!pattern.empty()) expressions.push_back({"^(?:" + pattern + ")$", id});
  }
  if (region.has_leading_digits()) {
    expressions.push_back({"^(?:" + region.leading_digits() + ")", k_leading_digits_pattern});
  }
  return expressions;
}

std::string database_key(int calling_code, std::string_view region_id) {
  return fmt::format("{}:{}", calling_code, region_id);
}

}  // namespace jala::model
