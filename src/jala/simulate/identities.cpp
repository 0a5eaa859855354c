#include "jala/simulate/identities.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "jala/base/sha256.h"
#include "jala/model/selector.h"
#include "jala/model/wallet_codecs.h"

namespace jala::simulate {
namespace {

// A plan that yields no valid number in this many draws is a mistake in world.cpp.
constexpr int k_max_phone_draws = 200;

constexpr std::string_view k_base58_alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

std::string base58_encode(const std::vector<std::uint8_t>& bytes) {
  std::vector<std::uint8_t> digits;  // base-58 digits, least significant first
  for (const std::uint8_t byte : bytes) {
    unsigned carry = byte;
    for (std::uint8_t& digit : digits) {
      carry += static_cast<unsigned>(digit) << 8U;
      digit = static_cast<std::uint8_t>(carry % 58);
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(static_cast<std::uint8_t>(carry % 58));
      carry /= 58;
    }
  }
  std::string text;
  for (std::size_t i = 0; i < bytes.size() && bytes[i] == 0; ++i) text += '1';
  for (auto digit = digits.rbegin(); digit != digits.rend(); ++digit) text += k_base58_alphabet[*digit];
  return text;
}

// Version byte, 20 random bytes, and the first four bytes of SHA-256(SHA-256(payload)).
std::string base58check_address(Random& random, std::uint8_t version) {
  std::vector<std::uint8_t> payload{version};
  for (int i = 0; i < 20; ++i) payload.push_back(static_cast<std::uint8_t>(random.below(256)));
  const Sha256Digest once = sha256(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()));
  const Sha256Digest twice = sha256(std::string_view(reinterpret_cast<const char*>(once.data()), once.size()));
  payload.insert(payload.end(), twice.begin(), twice.begin() + 4);
  return base58_encode(payload);
}

constexpr std::array<std::string_view, 16> k_investment_words = {
    "golden", "lotus", "dragon", "royal", "apex",   "crown",  "jade",  "phoenix",
    "lucky",  "star",  "nova",   "prime", "summit", "silver", "tiger", "orchid"};
constexpr std::array<std::string_view, 8> k_investment_suffixes = {"invest", "trade", "capital", "fx",
                                                                   "coin",   "vip",   "finance", "mining"};
constexpr std::array<std::string_view, 8> k_job_words = {"career",  "jobs",  "work",   "hr",
                                                         "recruit", "staff", "talent", "hiring"};
constexpr std::array<std::string_view, 8> k_job_places = {"asia",     "global", "mekong",  "pacific",
                                                          "overseas", "bright", "sunrise", "harbor"};
constexpr std::array<std::string_view, 7> k_site_suffixes = {"com", "net", "vip", "top", "xyz", "cc", "info"};

constexpr std::array<std::string_view, 12> k_handle_words = {"linh", "mai",  "anna",  "kevin", "support", "cs",
                                                             "hr",   "team", "lucky", "nana",  "admin",   "vip"};

}  // namespace

std::string make_phone(Random& random, const Country& country) {
  const model::NormaliseContext context{country.code};
  for (int draw = 0; draw < k_max_phone_draws; ++draw) {
    std::string national(random.pick(country.mobile_plans));
    for (char& c : national) {
      if (c == '#') c = random.digit();
    }
    Result<model::Selector> phone = model::normalise_selector(model::SelectorType::phone, national, context);
    if (phone.ok()) return phone->value;
  }
  throw std::logic_error("simulate: no valid mobile number from the plans of " + std::string(country.code));
}

BankAccount make_bank_account(Random& random, const Country& country) {
  BankAccount account{&random.pick(country.banks), &country, {}};
  account.digits += static_cast<char>('1' + random.below(9));  // no leading zero, so no digits are lost
  while (account.digits.size() < account.bank->account_digits) account.digits += random.digit();
  return account;
}

std::string make_wallet(Random& random, Chain chain) {
  switch (chain) {
    case Chain::tron: return "trx:" + base58check_address(random, 0x41);
    case Chain::bitcoin: return "btc:" + base58check_address(random, 0x00);
    case Chain::ethereum: {
      std::string address = "0x";
      constexpr std::string_view k_hex = "0123456789abcdef";
      for (int i = 0; i < 40; ++i) address += k_hex[random.below(16)];
      return "eth:" + address;
    }
  }
  throw std::logic_error("simulate: unknown chain");
}

std::string eip55_form(std::string_view lower_case_address) {
  const std::string_view hex = lower_case_address.substr(2);
  const model::Keccak256Digest hash = model::keccak_256(hex);
  std::string mixed = "0x";
  for (std::size_t i = 0; i < hex.size(); ++i) {
    const unsigned nibble = (i % 2 == 0) ? (hash[i / 2] >> 4U) : (hash[i / 2] & 0x0fU);
    const char c = hex[i];
    mixed += (c >= 'a' && c <= 'f' && nibble >= 8) ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return mixed;
}

std::string make_site_domain(Random& random, SiteTheme theme) {
  std::string name;
  // One draw per statement, last part first: the order GCC builds always drew them in (random.h).
  if (theme == SiteTheme::investment) {
    const std::string_view suffix = random.pick(k_investment_suffixes);
    const std::string_view second_word = random.pick(k_investment_words);
    const std::string_view first_word = random.pick(k_investment_words);
    name = std::string(first_word) + "-" + std::string(second_word) + "-" + std::string(suffix);
  } else {
    const std::string_view word = random.pick(k_job_words);
    const std::string_view place = random.pick(k_job_places);
    name = std::string(place) + "-" + std::string(word);
  }
  // Four digits make names distinct across tens of thousands of operations.
  for (int i = 0; i < 4; ++i) name += random.digit();
  return name + "." + std::string(random.pick(k_site_suffixes));
}

std::string make_handle(Random& random) {
  std::string handle(random.pick(k_handle_words));
  handle += '_';
  handle += random.pick(k_handle_words);
  handle += '_';
  // Two words of at most 7 letters, two underscores and 4 digits: at most 20 characters, within the
  // strictest platform's limit (LINE ids have 1 to 20).
  for (int i = 0; i < 4; ++i) handle += random.digit();
  return handle;
}

std::string full_width_digits(std::string_view text) {
  std::string wide;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      // U+FF10 + d is EF BC 90+d in UTF-8.
      wide += "\xEF\xBC";
      wide += static_cast<char>(0x90 + (c - '0'));
    } else {
      wide += c;
    }
  }
  return wide;
}

}  // namespace jala::simulate
