#include "jala/model/wallet_codecs.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "jala/base/sha256.h"

namespace jala::model {
namespace {

// ---- base58 ------------------------------------------------------------------------------------

constexpr std::string_view k_bitcoin_alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr std::string_view k_ripple_alphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";

// Digit value of each ASCII character, or -1 when the character is not in the alphabet.
using DigitTable = std::array<int, 128>;  // a digit's value, or -1

constexpr DigitTable make_digit_table(std::string_view alphabet) {
  DigitTable table{};
  table.fill(-1);
  for (std::size_t digit = 0; digit < alphabet.size(); ++digit) {
    table[static_cast<unsigned char>(alphabet[digit])] = static_cast<int>(digit);
  }
  return table;
}

constexpr DigitTable k_bitcoin_digits = make_digit_table(k_bitcoin_alphabet);
constexpr DigitTable k_ripple_digits = make_digit_table(k_ripple_alphabet);

// "character 'x'" for a visible character, "byte 0x20" otherwise, for error messages.
std::string describe_character(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte > 0x20 && byte < 0x7f) return fmt::format("character '{}'", c);
  return fmt::format("byte 0x{:02x}", byte);
}

// ---- bech32 ------------------------------------------------------------------------------------

constexpr std::size_t k_bech32_max_length = 90;
constexpr std::size_t k_bech32_checksum_length = 6;
constexpr std::uint32_t k_bech32_constant = 1;
constexpr std::uint32_t k_bech32m_constant = 0x2bc830a3;
constexpr std::string_view k_bech32_alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr DigitTable k_bech32_digits = make_digit_table(k_bech32_alphabet);

// One step of the BCH checksum of BIP-173: multiplies the running checksum by x and adds `value`.
std::uint32_t bech32_polymod_step(std::uint32_t checksum, std::uint8_t value) {
  constexpr std::array<std::uint32_t, 5> k_generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                        0x2a1462b3};
  const std::uint32_t top = checksum >> 25;
  checksum = ((checksum & 0x1ffffff) << 5) ^ value;
  for (std::size_t bit = 0; bit < k_generator.size(); ++bit) {
    if ((top >> bit) & 1) checksum ^= k_generator[bit];
  }
  return checksum;
}

// Regroups 5-bit values into bytes; fails on more than four bits of padding or non-zero padding.
Result<std::vector<std::uint8_t>> regroup_to_bytes(std::span<const std::uint8_t> values) {
  std::vector<std::uint8_t> bytes;
  bytes.reserve(values.size() * 5 / 8);
  std::uint32_t accumulator = 0;
  int bits = 0;
  for (const std::uint8_t value : values) {
    accumulator = ((accumulator << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<std::uint8_t>(accumulator >> bits));
      accumulator &= (1u << bits) - 1;
    }
  }
  if (bits > 4) {
    return invalid_argument("witness program has {} bits of padding; at most 4 are allowed", bits);
  }
  if (accumulator != 0) return invalid_argument("witness program has non-zero padding bits");
  return bytes;
}

// ---- Keccak ------------------------------------------------------------------------------------

constexpr std::size_t k_keccak_256_rate = 136;  // bytes absorbed per permutation: (1600 - 2*256) / 8

constexpr std::array<std::uint64_t, 24> k_keccak_round_constants = {
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000, 0x000000000000808b,
    0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008a, 0x0000000000000088,
    0x0000000080008009, 0x000000008000000a, 0x000000008000808b, 0x800000000000008b, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008};

// The rho rotations and pi lane order, walked together along the pi cycle that starts at lane 1.
constexpr std::array<int, 24> k_keccak_rotations = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                                    27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr std::array<std::size_t, 24> k_keccak_pi_lanes = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                                                           15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

using KeccakState = std::array<std::uint64_t, 25>;

std::uint64_t rotate_left(std::uint64_t value, int shift) {
  return (value << shift) | (value >> (64 - shift));
}

void keccak_f1600(KeccakState& lanes) {
  for (const std::uint64_t round_constant : k_keccak_round_constants) {
    std::array<std::uint64_t, 5> columns{};
    for (std::size_t x = 0; x < 5; ++x) {  // theta
      columns[x] = lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20];
    }
    for (std::size_t x = 0; x < 5; ++x) {
      const std::uint64_t mix = columns[(x + 4) % 5] ^ rotate_left(columns[(x + 1) % 5], 1);
      for (std::size_t y = 0; y < 25; y += 5) lanes[y + x] ^= mix;
    }
    std::uint64_t carried = lanes[1];  // rho and pi
    for (std::size_t step = 0; step < k_keccak_pi_lanes.size(); ++step) {
      const std::size_t lane = k_keccak_pi_lanes[step];
      const std::uint64_t next = lanes[lane];
      lanes[lane] = rotate_left(carried, k_keccak_rotations[step]);
      carried = next;
    }
    for (std::size_t y = 0; y < 25; y += 5) {  // chi
      const std::array<std::uint64_t, 5> row = {lanes[y], lanes[y + 1], lanes[y + 2], lanes[y + 3],
                                                lanes[y + 4]};
      for (std::size_t x = 0; x < 5; ++x) lanes[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
    }
    lanes[0] ^= round_constant;  // iota
  }
}

// XORs one byte into the state at byte offset `offset` (lanes are little-endian).
void absorb_byte(KeccakState& lanes, std::size_t offset, std::uint8_t byte) {
  lanes[offset / 8] ^= static_cast<std::uint64_t>(byte) << (8 * (offset % 8));
}

// ---- libsodium -----------------------------------------------------------------------------------

void ensure_sodium_initialised() {
  // sodium_init() is thread-safe and idempotent; the static runs it once. It fails only when the
  // system offers no entropy source, which leaves the process unusable: a fatal start-up error.
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

Result<std::vector<std::uint8_t>> decode_base58(std::string_view text, Base58Alphabet alphabet) {
  const bool bitcoin = alphabet == Base58Alphabet::bitcoin;
  const DigitTable& digits = bitcoin ? k_bitcoin_digits : k_ripple_digits;
  const char zero_digit = bitcoin ? k_bitcoin_alphabet[0] : k_ripple_alphabet[0];

  const std::size_t leading_zeros = static_cast<std::size_t>(
      std::find_if(text.begin(), text.end(), [&](char c) { return c != zero_digit; }) - text.begin());
  // A base58 digit carries log(58)/log(256) < 0.733 bytes, so this buffer always suffices. The number
  // is accumulated big-endian in its tail; `used` counts the significant bytes so far.
  std::vector<std::uint8_t> number(text.size() * 733 / 1000 + 1);
  std::size_t used = 0;
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    const int digit = byte < digits.size() ? digits[byte] : -1;
    if (digit < 0) {
      return invalid_argument("{} at offset {} is not in the base58 alphabet",
                              describe_character(text[offset]), offset);
    }
    auto carry = static_cast<std::uint32_t>(digit);
    std::size_t written = 0;
    for (auto it = number.rbegin(); carry != 0 || written < used; ++it, ++written) {
      carry += 58u * *it;
      *it = static_cast<std::uint8_t>(carry & 0xff);
      carry >>= 8;
    }
    used = written;
  }
  std::vector<std::uint8_t> decoded(leading_zeros, 0);
  decoded.insert(decoded.end(), number.end() - static_cast<std::ptrdiff_t>(used), number.end());
  return decoded;
}

bool has_valid_base58check(std::span<const std::uint8_t> decoded) {
  constexpr std::size_t k_checksum_length = 4;
  if (decoded.size() <= k_checksum_length) return false;
  const std::size_t payload_length = decoded.size() - k_checksum_length;
  const Sha256Digest first =
      sha256(std::string_view(reinterpret_cast<const char*>(decoded.data()), payload_length));
  const Sha256Digest second =
      sha256(std::string_view(reinterpret_cast<const char*>(first.data()), first.size()));
  return std::equal(second.begin(), second.begin() + k_checksum_length,
                    decoded.begin() + static_cast<std::ptrdiff_t>(payload_length));
}

Result<Bech32Decoding> decode_bech32(std::string_view text) {
  if (text.size() > k_bech32_max_length) {
    return invalid_argument("has {} characters; bech32 allows at most {}", text.size(), k_bech32_max_length);
  }
  bool has_lower = false;
  bool has_upper = false;
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    const char c = text[offset];
    if (c < 0x21 || c > 0x7e) {
      return invalid_argument("{} at offset {} is outside printable ASCII", describe_character(c), offset);
    }
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  if (has_lower && has_upper) return invalid_argument("mixes upper and lower case");

  const std::size_t separator = text.rfind('1');
  if (separator == std::string_view::npos) return invalid_argument("has no '1' separator");
  if (separator == 0) return invalid_argument("has an empty human-readable part");
  if (text.size() - separator - 1 < k_bech32_checksum_length) {
    return invalid_argument("has {} characters after the separator; the checksum alone needs {}",
                            text.size() - separator - 1, k_bech32_checksum_length);
  }

  Bech32Decoding decoding;
  decoding.hrp.reserve(separator);
  for (const char c : text.substr(0, separator)) {
    decoding.hrp += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::uint32_t checksum = 1;
  for (const char c : decoding.hrp) {
    checksum = bech32_polymod_step(checksum, static_cast<std::uint8_t>(c >> 5));
  }
  checksum = bech32_polymod_step(checksum, 0);
  for (const char c : decoding.hrp) {
    checksum = bech32_polymod_step(checksum, static_cast<std::uint8_t>(c & 0x1f));
  }

  const std::size_t checksum_start = text.size() - k_bech32_checksum_length;
  decoding.data.reserve(checksum_start - separator - 1);
  for (std::size_t offset = separator + 1; offset < text.size(); ++offset) {
    char c = text[offset];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const int value = k_bech32_digits[static_cast<unsigned char>(c)];
    if (value < 0) {
      return invalid_argument("{} at offset {} is not in the bech32 alphabet",
                              describe_character(text[offset]), offset);
    }
    if (offset < checksum_start) decoding.data.push_back(static_cast<std::uint8_t>(value));
    checksum = bech32_polymod_step(checksum, static_cast<std::uint8_t>(value));
  }
  if (checksum == k_bech32_constant) decoding.checksum = Bech32Variant::bech32;
  if (checksum == k_bech32m_constant) decoding.checksum = Bech32Variant::bech32m;
  return decoding;
}

bool SegwitAddress::has_valid_checksum() const {
  return checksum == (version == 0 ? Bech32Variant::bech32 : Bech32Variant::bech32m);
}

Result<SegwitAddress> decode_segwit_address(std::string_view expected_hrp, std::string_view text) {
  constexpr int k_max_witness_version = 16;
  JALA_TRY_ASSIGN(Bech32Decoding decoding, decode_bech32(text));
  if (decoding.hrp != expected_hrp) {
    return invalid_argument("human-readable part '{}' is not '{}'", decoding.hrp, expected_hrp);
  }
  if (decoding.data.empty()) return invalid_argument("has an empty data section");

  SegwitAddress address;
  address.version = decoding.data[0];
  address.checksum = decoding.checksum;
  if (address.version > k_max_witness_version) {
    return invalid_argument("witness version {} is above {}", address.version, k_max_witness_version);
  }
  JALA_TRY_ASSIGN(address.program, regroup_to_bytes(std::span(decoding.data).subspan(1)));
  if (address.program.size() < 2 || address.program.size() > 40) {
    return invalid_argument("witness program has {} bytes; segwit allows 2 to 40", address.program.size());
  }
  if (address.version == 0 && address.program.size() != 20 && address.program.size() != 32) {
    return invalid_argument("version 0 witness program has {} bytes; it must have 20 or 32",
                            address.program.size());
  }
  return address;
}

Keccak256Digest keccak_256(std::string_view data) {
  KeccakState lanes{};
  std::size_t offset = 0;  // within the current block
  for (const char c : data) {
    absorb_byte(lanes, offset, static_cast<std::uint8_t>(c));
    if (++offset == k_keccak_256_rate) {
      keccak_f1600(lanes);
      offset = 0;
    }
  }
  absorb_byte(lanes, offset, 0x01);  // Keccak's pad10*1; SHA-3 would use 0x06 here
  absorb_byte(lanes, k_keccak_256_rate - 1, 0x80);
  keccak_f1600(lanes);

  Keccak256Digest digest{};
  for (std::size_t i = 0; i < digest.size(); ++i) {
    digest[i] = static_cast<std::uint8_t>(lanes[i / 8] >> (8 * (i % 8)));
  }
  return digest;
}

Blake2b512Digest blake2b_512(std::string_view data) {
  ensure_sodium_initialised();
  Blake2b512Digest digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  return digest;
}

}  // namespace jala::model
