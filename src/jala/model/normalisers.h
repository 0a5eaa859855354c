// The normaliser of each selector type, one function per canonical form of the interface spec. The
// selector table in selector.cpp is their only caller outside tests; use normalise_selector().
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "jala/base/result.h"
#include "jala/model/selector.h"

namespace jala::model {

Result<std::string> normalise_phone(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_email(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_url(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_domain(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_ip(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_bank(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_telegram(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_whatsapp(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_line(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_wechat(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_zalo(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_facebook(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_instagram(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_tiktok(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_x(std::string_view raw, const NormaliseContext& context);

// Whether `digits`, written in groups of `groups` digits, are a valid phone number of `region` (ISO 3166-1
// alpha-2) grouped as libphonenumber writes that region's numbers nationally: "02-111-1111" in TH is
// "02 111 1111". Extraction uses it to tell a bank's hotline after the bank's name from an account.
bool grouped_as_national_phone(std::string_view digits, std::span<const std::size_t> groups, std::string_view region);

// The country (ISO 3166-1 alpha-2) of an E.164 number, as libphonenumber places it; empty for a number it
// cannot place, or one of no country (+800, +882, …).
std::string phone_country(std::string_view e164);

// Adapters for the context-free normalisers of wallet.h and iban.h.
Result<std::string> normalise_wallet_selector(std::string_view raw, const NormaliseContext& context);
Result<std::string> normalise_iban_selector(std::string_view raw, const NormaliseContext& context);

}  // namespace jala::model
