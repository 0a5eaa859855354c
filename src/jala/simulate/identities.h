// Generators for the identifiers a simulated operation owns: mobile phones that libphonenumber accepts,
// bank accounts at real banks, checksum-valid TRON, Ethereum and Bitcoin addresses, invented domains
// and handles. Each returns the canonical selector value of the model's selector table (selector.h),
// so the generator and Jala's normalisers agree by construction; identities_test checks it.
//
// Pure functions of the Random passed in; thread-safe for distinct Randoms.
#pragma once

#include <string>

#include "jala/simulate/random.h"
#include "jala/simulate/world.h"

namespace jala::simulate {

// A mobile number of `country`, in E.164 ("+84912345678").
std::string make_phone(Random& random, const Country& country);

struct BankAccount {
  const Bank* bank = nullptr;
  const Country* country = nullptr;
  std::string digits;

  std::string canonical() const { return std::string(bank->bic8) + ":" + digits; }  // the bank selector value
};
BankAccount make_bank_account(Random& random, const Country& country);

enum class Chain { tron, ethereum, bitcoin };
// The canonical wallet selector value ("trx:T...", "eth:0x...", "btc:1...").
std::string make_wallet(Random& random, Chain chain);
// An Ethereum address "0x" + 40 lower-case hex digits written in its EIP-55 mixed-case form.
std::string eip55_form(std::string_view lower_case_address);

enum class SiteTheme { investment, job };
// A registrable domain such as "golden-lotus-invest.com" (lower case, public suffix list valid).
std::string make_site_domain(Random& random, SiteTheme theme);
// A messaging account name such as "linh_support_4821": two words and four digits, [a-z0-9_].
std::string make_handle(Random& random);

// `text` with each ASCII digit replaced by its full-width form (U+FF10..U+FF19).
std::string full_width_digits(std::string_view text);

}  // namespace jala::simulate
