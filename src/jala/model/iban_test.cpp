#include "jala/model/iban.h"

#include <gtest/gtest.h>

#include <utility>

#include "support/text_expectations.h"

namespace jala::model {
namespace {

using testing::value_or_error;

TEST(Iban, NormalisesSpacedLowerCaseAndPrefixedInput) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"},
      {"gb82west12345698765432", "GB82WEST12345698765432"},
      {"  IBAN GB82 WEST 1234 5698 7654 32\n", "GB82WEST12345698765432"},
      {"iban: gb82 west 1234 5698 7654 32", "GB82WEST12345698765432"},
      {"DE89370400440532013000", "DE89370400440532013000"},
      {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000"},
      {"FR1420041010050500013M02606", "FR1420041010050500013M02606"},
      {"fr14 2004 1010 0505 0001 3m02 606", "FR1420041010050500013M02606"},
      {"NL91ABNA0417164300", "NL91ABNA0417164300"},
  };
  for (const auto& [raw, want] : cases) EXPECT_EQ(value_or_error(normalise_iban(raw)), want) << raw;
}

// The example IBAN of each of the 89 countries in the SWIFT IBAN registry. Each also fixes that
// country's length in the table: a wrong length would reject its example.
TEST(Iban, AcceptsTheRegistryExampleOfEveryCountry) {
  const std::string_view examples[] = {
      "AD1200012030200359100100",
      "AE070331234567890123456",
      "AL47212110090000000235698741",
      "AT611904300234573201",
      "AZ21NABZ00000000137010001944",
      "BA391290079401028494",
      "BE68539007547034",
      "BG80BNBG96611020345678",
      "BH67BMAG00001299123456",
      "BI4210000100010000332045181",
      "BR1800360305000010009795493C1",
      "BY13NBRB3600900000002Z00AB00",
      "CH9300762011623852957",
      "CR05015202001026284066",
      "CY17002001280000001200527600",
      "CZ6508000000192000145399",
      "DE89370400440532013000",
      "DJ2100010000000154000100186",
      "DK5000400440116243",
      "DO28BAGR00000001212453611324",
      "EE382200221020145685",
      "EG380019000500000000263180002",
      "ES9121000418450200051332",
      "FI2112345600000785",
      "FK88SC123456789012",
      "FO6264600001631634",
      "FR1420041010050500013M02606",
      "GB29NWBK60161331926819",
      "GE29NB0000000101904917",
      "GI75NWBK000000007099453",
      "GL8964710001000206",
      "GR1601101250000000012300695",
      "GT82TRAJ01020000001210029690",
      "HN88CABF00000000000250005469",
      "HR1210010051863000160",
      "HU42117730161111101800000000",
      "IE29AIBK93115212345678",
      "IL620108000000099999999",
      "IQ98NBIQ850123456789012",
      "IS140159260076545510730339",
      "IT60X0542811101000000123456",
      "JO94CBJO0010000000000131000302",
      "KW81CBKU0000000000001234560101",
      "KZ86125KZT5004100100",
      "LB62099900000001001901229114",
      "LC55HEMM000100010012001200023015",
      "LI21088100002324013AA",
      "LT121000011101001000",
      "LU280019400644750000",
      "LV80BANK0000435195001",
      "LY83002048000020100120361",
      "MC5811222000010123456789030",
      "MD24AG000225100013104168",
      "ME25505000012345678951",
      "MK07250120000058984",
      "MN121234123456789123",
      "MR1300020001010000123456753",
      "MT84MALT011000012345MTLCAST001S",
      "MU17BOMM0101101030300200000MUR",
      "NI45BAPR00000013000003558124",
      "NL91ABNA0417164300",
      "NO9386011117947",
      "OM810180000001299123456",
      "PK36SCBL0000001123456702",
      "PL61109010140000071219812874",
      "PS92PALS000000000400123456702",
      "PT50000201231234567890154",
      "QA58DOHB00001234567890ABCDEFG",
      "RO49AAAA1B31007593840000",
      "RS35260005601001611379",
      "RU0304452522540817810538091310419",
      "SA0380000000608010167519",
      "SC18SSCB11010000000000001497USD",
      "SD2129010501234001",
      "SE4550000000058398257466",
      "SI56263300012039086",
      "SK3112000000198742637541",
      "SM86U0322509800000000270100",
      "SO211000001001000100141",
      "ST68000100010051845310112",
      "SV62CENR00000000000000700025",
      "TL380080012345678910157",
      "TN5910006035183598478831",
      "TR330006100519786457841326",
      "UA213223130000026007233566001",
      "VA59001123000012345678",
      "VG96VPVG0000012345678901",
      "XK051212012345678906",
      "YE15CBYE0001018861234567891234",
  };
  EXPECT_EQ(std::size(examples), 89u);
  for (const std::string_view example : examples) {
    EXPECT_EQ(value_or_error(normalise_iban(example)), example);
    EXPECT_EQ(iban_length(example.substr(0, 2)), example.size()) << example;
  }
}

// The bank codes of registry examples whose banks are known: their lengths differ by country, and Italy's
// and San Marino's follow a check letter. Found in review: every bank code was read as four characters,
// so French banks 30003 and 30004 were one group of a freeze list.
TEST(Iban, ReadsTheNationalBankCodeWhereTheRegistryPlacesIt) {
  EXPECT_EQ(iban_bank_code("FR1420041010050500013M02606"), "20041");
  EXPECT_EQ(iban_bank_code("FR7630004000010001234567830"), "30004");
  EXPECT_EQ(iban_bank_code("DE89370400440532013000"), "37040044");
  EXPECT_EQ(iban_bank_code("IT60X0542811101000000123456"), "05428");
  EXPECT_EQ(iban_bank_code("SM86U0322509800000000270100"), "03225");
  EXPECT_EQ(iban_bank_code("LT121000011101001000"), "10000");
  EXPECT_EQ(iban_bank_code("GB82WEST12345698765432"), "WEST");
  EXPECT_EQ(iban_bank_code("NL91ABNA0417164300"), "ABNA");
  EXPECT_EQ(iban_bank_code("BE68539007547034"), "539");
  EXPECT_EQ(iban_bank_code("RU0204452560040702810412345678901"), "044525600");
  EXPECT_EQ(iban_bank_code("AT611904300234573201"), "19043");
  // Not a canonical IBAN of a registry country: no bank code.
  EXPECT_EQ(iban_bank_code("US12345"), "");
  EXPECT_EQ(iban_bank_code("FR76300040000100012345678"), "");
  EXPECT_EQ(iban_bank_code(""), "");
}

TEST(Iban, KnowsOnlyRegistryCountries) {
  EXPECT_EQ(iban_length("DE"), 22u);
  EXPECT_EQ(iban_length("NO"), 15u);
  EXPECT_EQ(iban_length("LC"), 32u);
  EXPECT_EQ(iban_length("RU"), 33u);
  for (const std::string_view code : {"US", "CA", "AU", "XX", "de", "", "GBR"}) {
    EXPECT_EQ(iban_length(code), std::nullopt) << code;
  }
}

TEST(Iban, RejectsEachRuleWithAPreciseReason) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"GB82WEST1234569876543", "iban: 'GB82WEST1234569876543' has 21 characters; GB IBANs have 22"},
      {"GB82WEST123456987654321", "iban: 'GB82WEST123456987654321' has 23 characters; GB IBANs have 22"},
      {"GB00WEST12345698765432", "iban: 'GB00WEST12345698765432' fails the mod-97 check"},
      {"GB82WEST12345698765433", "iban: 'GB82WEST12345698765433' fails the mod-97 check"},
      {"GB82WSET12345698765432", "iban: 'GB82WSET12345698765432' fails the mod-97 check"},
      {"XX82WEST12345698765432", "iban: 'XX82WEST12345698765432': XX is not an IBAN country"},
      {"US12345678901234567890", "iban: 'US12345678901234567890': US is not an IBAN country"},
      {"12WEST12345698765432", "iban: '12WEST12345698765432' does not start with a two-letter country code"},
      {"GBAAWEST12345698765432",
       "iban: 'GBAAWEST12345698765432' has check digits 'AA', which are not two digits"},
      {"GB82-WEST-1234-5698-7654-32",
       "iban: 'GB82-WEST-1234-5698-7654-32' has character '-' at position 5, which is not a letter or digit"},
      {"GB82\tWEST12345698765432", "iban: byte 0x09 at offset 4 is not printable ASCII"},
      {"   ", "iban: input is empty"},
      {"IBAN", "iban: input is empty"},
      // 00, 01 and 99 pass mod-97 as aliases of 97, 98 and 02, but no issuer uses them.
      {"GB00WEST12345698760021",
       "iban: 'GB00WEST12345698760021' has check digits 00, outside the range 02 to 98"},
      {"GB01WEST12345698760003",
       "iban: 'GB01WEST12345698760003' has check digits 01, outside the range 02 to 98"},
      {"GB99WEST12345698760082",
       "iban: 'GB99WEST12345698760082' has check digits 99, outside the range 02 to 98"},
  };
  for (const auto& [raw, want] : cases) {
    EXPECT_EQ(value_or_error(normalise_iban(raw)), "error: " + std::string(want)) << raw;
  }
}

TEST(Iban, AcceptsTheProperCheckDigitsBesideTheirAliases) {
  EXPECT_EQ(value_or_error(normalise_iban("GB97WEST12345698760021")), "GB97WEST12345698760021");
  EXPECT_EQ(value_or_error(normalise_iban("GB98WEST12345698760003")), "GB98WEST12345698760003");
  EXPECT_EQ(value_or_error(normalise_iban("GB02WEST12345698760082")), "GB02WEST12345698760082");
}

// ISO 7064 mod 97-10 detects every single-character substitution.
TEST(Iban, RejectsEverySingleDigitSubstitution) {
  const std::string valid = "DE89370400440532013000";
  for (std::size_t i = 2; i < valid.size(); ++i) {
    std::string typo = valid;
    typo[i] = static_cast<char>('0' + (typo[i] - '0' + 1) % 10);
    EXPECT_FALSE(normalise_iban(typo).ok()) << typo;
  }
}

TEST(Iban, RejectsOversizeInputBeforeParsing) {
  const std::string oversize = "GB82 " + std::string(k_max_iban_input_bytes, '1');
  EXPECT_EQ(value_or_error(normalise_iban(oversize)),
            "error: iban: input has 133 bytes; the longest accepted is 128");
}

}  // namespace
}  // namespace jala::model
