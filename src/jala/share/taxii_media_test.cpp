#include "jala/share/taxii_media.h"

#include <gtest/gtest.h>

namespace jala::share {
namespace {

// Found in review: the content type was compared as a string, so a different case or a charset was
// refused with 415.
TEST(TaxiiMedia, ReadsAContentTypeByItsPartsInAnyCase) {
  for (const char* type : {"application/taxii+json;version=2.1", "application/taxii+json; version=2.1",
                           "Application/TAXII+json; Version=2.1", "application/taxii+json;version=\"2.1\"",
                           "application/taxii+json; charset=utf-8; version=2.1", "application/taxii+json"}) {
    EXPECT_TRUE(is_taxii_content_type(type)) << type;
  }
  for (const char* type : {"application/taxii+json;version=2.0", "application/json", "application/taxii+json;v",
                           "application/taxii+json2", "", "/"}) {
    EXPECT_FALSE(is_taxii_content_type(type)) << type;
  }
}

// Found in review: "version=2.0" was accepted, because any range naming TAXII JSON was.
TEST(TaxiiMedia, AcceptsTaxii21OrAnythingButRefusesOtherVersionsAndQZero) {
  EXPECT_TRUE(accepts_taxii(std::nullopt));
  for (const char* accept :
       {"application/taxii+json;version=2.1", "application/taxii+json", "*/*", "application/*",
        "text/html, application/taxii+json;version=2.1;q=0.5", "APPLICATION/TAXII+JSON;VERSION=2.1",
        "text/html,*/*;q=0.1", "*/*;q=0, application/taxii+json",
        "application/taxii+json;q=0, application/taxii+json;version=2.1"}) {
    EXPECT_TRUE(accepts_taxii(accept)) << accept;
  }
  for (const char* accept : {"application/taxii+json;version=2.0", "application/json", "text/html",
                             "application/taxii+json;version=2.1;q=0", "*/*;q=0.0", "", ",", "garbage",
                             // Found in review: the more specific range decides (RFC 9110 12.5.1), wherever it is.
                             "application/taxii+json;q=0, */*", "*/*, application/taxii+json;version=2.1;q=0",
                             "application/*, application/taxii+json;q=0.000"}) {
    EXPECT_FALSE(accepts_taxii(accept)) << accept;
  }
}

}  // namespace
}  // namespace jala::share
