// Decoding primitives behind the wallet-address normaliser (wallet.h): base58 with the Bitcoin and
// Ripple alphabets, base58check, bech32 and bech32m with the segwit program rules (BIP-173, BIP-350),
// Keccak-256 for Ethereum's EIP-55 checksum, and BLAKE2b-512 for Polkadot's SS58 checksum. They decode
// and verify; nothing here encodes. Checksums are reported rather than enforced where a caller must
// tell a mistyped address (right shape, wrong checksum) from text that is no address at all.
//
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jala/base/result.h"

namespace jala::model {

enum class Base58Alphabet {
  bitcoin,  // 123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz (also TRON, Polkadot, Solana)
  ripple,   // rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz (XRP Ledger)
};

// Decodes base58 text to bytes; each leading zero digit ('1', or 'r' for Ripple) is one leading zero
// byte. Fails on a character outside the alphabet. The cost is quadratic in the length, so callers
// bound untrusted input first.
Result<std::vector<std::uint8_t>> decode_base58(std::string_view text, Base58Alphabet alphabet);

// True when `decoded` is a payload followed by the first four bytes of SHA-256(SHA-256(payload)).
// False for fewer than five bytes.
bool has_valid_base58check(std::span<const std::uint8_t> decoded);

enum class Bech32Variant {
  bech32,   // BIP-173: checksum constant 1
  bech32m,  // BIP-350: checksum constant 0x2bc830a3
};

struct Bech32Decoding {
  std::string hrp;                        // human-readable part, lower case
  std::vector<std::uint8_t> data;         // 5-bit values, without the six checksum values
  std::optional<Bech32Variant> checksum;  // the variant whose checksum matches; absent for neither
};

// Parses bech32 or bech32m text: at most 90 characters of printable ASCII in a single case, a
// non-empty human-readable part, the last '1' as separator, and at least six data characters from the
// bech32 alphabet. The checksum is reported in the result, not enforced.
Result<Bech32Decoding> decode_bech32(std::string_view text);

struct SegwitAddress {
  int version = 0;                        // witness version, 0 to 16
  std::vector<std::uint8_t> program;      // witness program, 2 to 40 bytes; 20 or 32 for version 0
  std::optional<Bech32Variant> checksum;  // as decoded

  // True when the checksum is the variant BIP-350 requires: bech32 for version 0, bech32m above.
  bool has_valid_checksum() const;
};

// Decodes a segwit address whose human-readable part must be `expected_hrp` (lower case, e.g. "bc"),
// applying every structural rule of BIP-173 and BIP-350: witness version at most 16, at most four
// zero bits of padding in the 5-to-8-bit regrouping, program length. The checksum is reported in the
// result (see has_valid_checksum), not enforced.
Result<SegwitAddress> decode_segwit_address(std::string_view expected_hrp, std::string_view text);

// Keccak-256 with the original Keccak padding (0x01), as Ethereum uses; not SHA3-256 (padding 0x06).
using Keccak256Digest = std::array<std::uint8_t, 32>;
Keccak256Digest keccak_256(std::string_view data);

// BLAKE2b with a 64-byte output and no key, through libsodium's crypto_generichash.
using Blake2b512Digest = std::array<std::uint8_t, 64>;
Blake2b512Digest blake2b_512(std::string_view data);

}  // namespace jala::model
