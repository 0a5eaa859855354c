// Crypto wallet addresses: validation and the canonical `CHAIN:ADDRESS` value of the `wallet`
// selector. Only addresses whose checksum holds are accepted, so a value that normalises names a real,
// correctly typed address; Solana, which has no checksum, is accepted only when the chain is named.
//
// Chains and canonical forms: btc (base58check P2PKH/P2SH as typed, bech32/bech32m segwit in lower
// case), eth for every EVM chain (0x + lower-case hex; mixed case must pass EIP-55), trx, ltc, xrp,
// dot (SS58 with a one-byte network prefix) and sol, all base58 as typed.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "jala/base/result.h"

namespace jala::model {

// Longest input accepted after trimming surrounding whitespace (room for a payment URI with its
// parameters); longer text is rejected before any decoding.
inline constexpr std::size_t k_max_wallet_input_bytes = 512;

// Canonical wallet value without the "wallet:" prefix: "CHAIN:ADDRESS". `raw` is `CHAIN:ADDRESS`
// (the chain name is case-insensitive; bsc, polygon, arbitrum, base, optimism, avax and evm are
// aliases of eth), a payment URI (`bitcoin:ADDRESS?amount=…`, `ethereum:ADDRESS@1`, an EIP 681
// call of a token's contract, whose payee is its last `address=` parameter; `tron:`, `litecoin:`,
// `ripple:`, `solana:`)
// or a bare address whose chain is detected from its form. A bare `3...` address is
// btc, never ltc; a bare base58 text is never taken for sol. Errors name the precise reason.
Result<std::string> normalise_wallet(std::string_view raw);

// True when `raw` has the exact shape of a supported address (prefix, alphabet and length) but its
// checksum fails: most likely a mistyped or tampered address. Never true for sol, which has no checksum.
bool is_near_miss_wallet(std::string_view raw);

}  // namespace jala::model
