#include "jala/model/country.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include <fmt/format.h>

#include "jala/base/utf8.h"
#include "jala/model/text.h"

namespace jala::model {
namespace {

using enum CountryAssignment;

// Source: Debian iso-codes 4.15.0 (/usr/share/iso-codes/json/iso_3166-1.json). The name is its
// "name" field, which follows the ISO 3166-1 English short name but drops some long forms
// ("United Kingdom", "United States"). Strictly sorted by alpha2: find_country binary-searches it.
constexpr auto k_countries = std::to_array<CountryInfo>({
    {"AD", "AND", "Andorra", official},
    {"AE", "ARE", "United Arab Emirates", official},
    {"AF", "AFG", "Afghanistan", official},
    {"AG", "ATG", "Antigua and Barbuda", official},
    {"AI", "AIA", "Anguilla", official},
    {"AL", "ALB", "Albania", official},
    {"AM", "ARM", "Armenia", official},
    {"AO", "AGO", "Angola", official},
    {"AQ", "ATA", "Antarctica", official},
    {"AR", "ARG", "Argentina", official},
    {"AS", "ASM", "American Samoa", official},
    {"AT", "AUT", "Austria", official},
    {"AU", "AUS", "Australia", official},
    {"AW", "ABW", "Aruba", official},
    {"AX", "ALA", "Åland Islands", official},
    {"AZ", "AZE", "Azerbaijan", official},
    {"BA", "BIH", "Bosnia and Herzegovina", official},
    {"BB", "BRB", "Barbados", official},
    {"BD", "BGD", "Bangladesh", official},
    {"BE", "BEL", "Belgium", official},
    {"BF", "BFA", "Burkina Faso", official},
    {"BG", "BGR", "Bulgaria", official},
    {"BH", "BHR", "Bahrain", official},
    {"BI", "BDI", "Burundi", official},
    {"BJ", "BEN", "Benin", official},
    {"BL", "BLM", "Saint Barthélemy", official},
    {"BM", "BMU", "Bermuda", official},
    {"BN", "BRN", "Brunei Darussalam", official},
    {"BO", "BOL", "Bolivia, Plurinational State of", official},
    {"BQ", "BES", "Bonaire, Sint Eustatius and Saba", official},
    {"BR", "BRA", "Brazil", official},
    {"BS", "BHS", "Bahamas", official},
    {"BT", "BTN", "Bhutan", official},
    {"BV", "BVT", "Bouvet Island", official},
    {"BW", "BWA", "Botswana", official},
    {"BY", "BLR", "Belarus", official},
    {"BZ", "BLZ", "Belize", official},
    {"CA", "CAN", "Canada", official},
    {"CC", "CCK", "Cocos (Keeling) Islands", official},
    {"CD", "COD", "Congo, The Democratic Republic of the", official},
    {"CF", "CAF", "Central African Republic", official},
    {"CG", "COG", "Congo", official},
    {"CH", "CHE", "Switzerland", official},
    {"CI", "CIV", "Côte d'Ivoire", official},
    {"CK", "COK", "Cook Islands", official},
    {"CL", "CHL", "Chile", official},
    {"CM", "CMR", "Cameroon", official},
    {"CN", "CHN", "China", official},
    {"CO", "COL", "Colombia", official},
    {"CR", "CRI", "Costa Rica", official},
    {"CU", "CUB", "Cuba", official},
    {"CV", "CPV", "Cabo Verde", official},
    {"CW", "CUW", "Curaçao", official},
    {"CX", "CXR", "Christmas Island", official},
    {"CY", "CYP", "Cyprus", official},
    {"CZ", "CZE", "Czechia", official},
    {"DE", "DEU", "Germany", official},
    {"DJ", "DJI", "Djibouti", official},
    {"DK", "DNK", "Denmark", official},
    {"DM", "DMA", "Dominica", official},
    {"DO", "DOM", "Dominican Republic", official},
    {"DZ", "DZA", "Algeria", official},
    {"EC", "ECU", "Ecuador", official},
    {"EE", "EST", "Estonia", official},
    {"EG", "EGY", "Egypt", official},
    {"EH", "ESH", "Western Sahara", official},
    {"ER", "ERI", "Eritrea", official},
    {"ES", "ESP", "Spain", official},
    {"ET", "ETH", "Ethiopia", official},
    {"FI", "FIN", "Finland", official},
    {"FJ", "FJI", "Fiji", official},
    {"FK", "FLK", "Falkland Islands (Malvinas)", official},
    {"FM", "FSM", "Micronesia, Federated States of", official},
    {"FO", "FRO", "Faroe Islands", official},
    {"FR", "FRA", "France", official},
    {"GA", "GAB", "Gabon", official},
    {"GB", "GBR", "United Kingdom", official},
    {"GD", "GRD", "Grenada", official},
    {"GE", "GEO", "Georgia", official},
    {"GF", "GUF", "French Guiana", official},
    {"GG", "GGY", "Guernsey", official},
    {"GH", "GHA", "Ghana", official},
    {"GI", "GIB", "Gibraltar", official},
    {"GL", "GRL", "Greenland", official},
    {"GM", "GMB", "Gambia", official},
    {"GN", "GIN", "Guinea", official},
    {"GP", "GLP", "Guadeloupe", official},
    {"GQ", "GNQ", "Equatorial Guinea", official},
    {"GR", "GRC", "Greece", official},
    {"GS", "SGS", "South Georgia and the South Sandwich Islands", official},
    {"GT", "GTM", "Guatemala", official},
    {"GU", "GUM", "Guam", official},
    {"GW", "GNB", "Guinea-Bissau", official},
    {"GY", "GUY", "Guyana", official},
    {"HK", "HKG", "Hong Kong", official},
    {"HM", "HMD", "Heard Island and McDonald Islands", official},
    {"HN", "HND", "Honduras", official},
    {"HR", "HRV", "Croatia", official},
    {"HT", "HTI", "Haiti", official},
    {"HU", "HUN", "Hungary", official},
    {"ID", "IDN", "Indonesia", official},
    {"IE", "IRL", "Ireland", official},
    {"IL", "ISR", "Israel", official},
    {"IM", "IMN", "Isle of Man", official},
    {"IN", "IND", "India", official},
    {"IO", "IOT", "British Indian Ocean Territory", official},
    {"IQ", "IRQ", "Iraq", official},
    {"IR", "IRN", "Iran, Islamic Republic of", official},
    {"IS", "ISL", "Iceland", official},
    {"IT", "ITA", "Italy", official},
    {"JE", "JEY", "Jersey", official},
    {"JM", "JAM", "Jamaica", official},
    {"JO", "JOR", "Jordan", official},
    {"JP", "JPN", "Japan", official},
    {"KE", "KEN", "Kenya", official},
    {"KG", "KGZ", "Kyrgyzstan", official},
    {"KH", "KHM", "Cambodia", official},
    {"KI", "KIR", "Kiribati", official},
    {"KM", "COM", "Comoros", official},
    {"KN", "KNA", "Saint Kitts and Nevis", official},
    {"KP", "PRK", "Korea, Democratic People's Republic of", official},
    {"KR", "KOR", "Korea, Republic of", official},
    {"KW", "KWT", "Kuwait", official},
    {"KY", "CYM", "Cayman Islands", official},
    {"KZ", "KAZ", "Kazakhstan", official},
    {"LA", "LAO", "Lao People's Democratic Republic", official},
    {"LB", "LBN", "Lebanon", official},
    {"LC", "LCA", "Saint Lucia", official},
    {"LI", "LIE", "Liechtenstein", official},
    {"LK", "LKA", "Sri Lanka", official},
    {"LR", "LBR", "Liberia", official},
    {"LS", "LSO", "Lesotho", official},
    {"LT", "LTU", "Lithuania", official},
    {"LU", "LUX", "Luxembourg", official},
    {"LV", "LVA", "Latvia", official},
    {"LY", "LBY", "Libya", official},
    {"MA", "MAR", "Morocco", official},
    {"MC", "MCO", "Monaco", official},
    {"MD", "MDA", "Moldova, Republic of", official},
    {"ME", "MNE", "Montenegro", official},
    {"MF", "MAF", "Saint Martin (French part)", official},
    {"MG", "MDG", "Madagascar", official},
    {"MH", "MHL", "Marshall Islands", official},
    {"MK", "MKD", "North Macedonia", official},
    {"ML", "MLI", "Mali", official},
    {"MM", "MMR", "Myanmar", official},
    {"MN", "MNG", "Mongolia", official},
    {"MO", "MAC", "Macao", official},
    {"MP", "MNP", "Northern Mariana Islands", official},
    {"MQ", "MTQ", "Martinique", official},
    {"MR", "MRT", "Mauritania", official},
    {"MS", "MSR", "Montserrat", official},
    {"MT", "MLT", "Malta", official},
    {"MU", "MUS", "Mauritius", official},
    {"MV", "MDV", "Maldives", official},
    {"MW", "MWI", "Malawi", official},
    {"MX", "MEX", "Mexico", official},
    {"MY", "MYS", "Malaysia", official},
    {"MZ", "MOZ", "Mozambique", official},
    {"NA", "NAM", "Namibia", official},
    {"NC", "NCL", "New Caledonia", official},
    {"NE", "NER", "Niger", official},
    {"NF", "NFK", "Norfolk Island", official},
    {"NG", "NGA", "Nigeria", official},
    {"NI", "NIC", "Nicaragua", official},
    {"NL", "NLD", "Netherlands", official},
    {"NO", "NOR", "Norway", official},
    {"NP", "NPL", "Nepal", official},
    {"NR", "NRU", "Nauru", official},
    {"NU", "NIU", "Niue", official},
    {"NZ", "NZL", "New Zealand", official},
    {"OM", "OMN", "Oman", official},
    {"PA", "PAN", "Panama", official},
    {"PE", "PER", "Peru", official},
    {"PF", "PYF", "French Polynesia", official},
    {"PG", "PNG", "Papua New Guinea", official},
    {"PH", "PHL", "Philippines", official},
    {"PK", "PAK", "Pakistan", official},
    {"PL", "POL", "Poland", official},
    {"PM", "SPM", "Saint Pierre and Miquelon", official},
    {"PN", "PCN", "Pitcairn", official},
    {"PR", "PRI", "Puerto Rico", official},
    {"PS", "PSE", "Palestine, State of", official},
    {"PT", "PRT", "Portugal", official},
    {"PW", "PLW", "Palau", official},
    {"PY", "PRY", "Paraguay", official},
    {"QA", "QAT", "Qatar", official},
    {"RE", "REU", "Réunion", official},
    {"RO", "ROU", "Romania", official},
    {"RS", "SRB", "Serbia", official},
    {"RU", "RUS", "Russian Federation", official},
    {"RW", "RWA", "Rwanda", official},
    {"SA", "SAU", "Saudi Arabia", official},
    {"SB", "SLB", "Solomon Islands", official},
    {"SC", "SYC", "Seychelles", official},
    {"SD", "SDN", "Sudan", official},
    {"SE", "SWE", "Sweden", official},
    {"SG", "SGP", "Singapore", official},
    {"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha", official},
    {"SI", "SVN", "Slovenia", official},
    {"SJ", "SJM", "Svalbard and Jan Mayen", official},
    {"SK", "SVK", "Slovakia", official},
    {"SL", "SLE", "Sierra Leone", official},
    {"SM", "SMR", "San Marino", official},
    {"SN", "SEN", "Senegal", official},
    {"SO", "SOM", "Somalia", official},
    {"SR", "SUR", "Suriname", official},
    {"SS", "SSD", "South Sudan", official},
    {"ST", "STP", "Sao Tome and Principe", official},
    {"SV", "SLV", "El Salvador", official},
    {"SX", "SXM", "Sint Maarten (Dutch part)", official},
    {"SY", "SYR", "Syrian Arab Republic", official},
    {"SZ", "SWZ", "Eswatini", official},
    {"TC", "TCA", "Turks and Caicos Islands", official},
    {"TD", "TCD", "Chad", official},
    {"TF", "ATF", "French Southern Territories", official},
    {"TG", "TGO", "Togo", official},
    {"TH", "THA", "Thailand", official},
    {"TJ", "TJK", "Tajikistan", official},
    {"TK", "TKL", "Tokelau", official},
    {"TL", "TLS", "Timor-Leste", official},
    {"TM", "TKM", "Turkmenistan", official},
    {"TN", "TUN", "Tunisia", official},
    {"TO", "TON", "Tonga", official},
    {"TR", "TUR", "Türkiye", official},
    {"TT", "TTO", "Trinidad and Tobago", official},
    {"TV", "TUV", "Tuvalu", official},
    {"TW", "TWN", "Taiwan, Province of China", official},
    {"TZ", "TZA", "Tanzania, United Republic of", official},
    {"UA", "UKR", "Ukraine", official},
    {"UG", "UGA", "Uganda", official},
    {"UM", "UMI", "United States Minor Outlying Islands", official},
    {"US", "USA", "United States", official},
    {"UY", "URY", "Uruguay", official},
    {"UZ", "UZB", "Uzbekistan", official},
    {"VA", "VAT", "Holy See (Vatican City State)", official},
    {"VC", "VCT", "Saint Vincent and the Grenadines", official},
    {"VE", "VEN", "Venezuela, Bolivarian Republic of", official},
    {"VG", "VGB", "Virgin Islands, British", official},
    {"VI", "VIR", "Virgin Islands, U.S.", official},
    {"VN", "VNM", "Viet Nam", official},
    {"VU", "VUT", "Vanuatu", official},
    {"WF", "WLF", "Wallis and Futuna", official},
    {"WS", "WSM", "Samoa", official},
    // Not assigned by ISO 3166-1; see country.h. XKX is the alpha-3 code the World Bank uses, and
    // likewise user-assigned.
    {"XK", "XKX", "Kosovo", user_assigned},
    {"YE", "YEM", "Yemen", official},
    {"YT", "MYT", "Mayotte", official},
    {"ZA", "ZAF", "South Africa", official},
    {"ZM", "ZMB", "Zambia", official},
    {"ZW", "ZWE", "Zimbabwe", official},
});

static_assert(std::ranges::adjacent_find(k_countries, std::ranges::greater_equal{},
                                         &CountryInfo::alpha2) == k_countries.end(),
              "k_countries must be strictly sorted by alpha2 for binary search");

// Longer input is neither a code nor a name, so it is rejected before any per-row work.
constexpr std::size_t k_longest_name_bytes =
    std::ranges::max(k_countries, {}, [](const CountryInfo& entry) { return entry.name.size(); })
        .name.size();


}  // namespace

Result<std::string> parse_country(std::string_view text) {
  if (text.empty()) {
    return invalid_argument("'' is empty; a country is two letters (ISO 3166-1 alpha-2)");
  }
  if (text.size() <= k_longest_name_bytes) {
    const std::string upper = ascii_upper(text);
    if (const auto country = find_country(upper)) return std::string(country->alpha2);
    // "UK" is the most common wrong code; ISO 3166-1 reserves it at the United Kingdom's request.
    if (upper == "UK") {
      return invalid_argument("{} is not the ISO 3166-1 code for the United Kingdom; use 'GB'",
                              quote_untrusted(text));
    }
    // A linear scan is fine here: it runs only for input that is already wrong.
    for (const CountryInfo& country : k_countries) {
      if (upper == country.alpha3) {
        return invalid_argument("{} is an ISO 3166-1 alpha-3 code; use the alpha-2 code '{}'",
                                quote_untrusted(text), country.alpha2);
      }
      if (upper.size() == country.name.size() && upper == ascii_upper(country.name)) {
        return invalid_argument("{} is a country name; use the alpha-2 code '{}'", quote_untrusted(text),
                                country.alpha2);
      }
    }
  }
  return invalid_argument("{} is not an ISO 3166-1 alpha-2 country code{}", quote_untrusted(text),
                          text.size() == 2 ? "" : "; a country is two letters");
}

bool is_country(std::string_view upper_alpha2) { return find_country(upper_alpha2).has_value(); }

std::optional<std::string_view> country_name(std::string_view upper_alpha2) {
  if (const auto country = find_country(upper_alpha2)) return country->name;
  return std::nullopt;
}

std::optional<CountryInfo> find_country(std::string_view upper_alpha2) {
  const auto found = std::ranges::lower_bound(k_countries, upper_alpha2, {}, &CountryInfo::alpha2);
  if (found == k_countries.end() || found->alpha2 != upper_alpha2) return std::nullopt;
  return *found;
}

std::span<const CountryInfo> all_countries() { return k_countries; }

}  // namespace jala::model
