#include "jala/model/wallet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "jala/model/text.h"
#include "jala/model/wallet_codecs.h"

namespace jala::model {
namespace {

// How one chain judged an address. A checksum failure is kept apart from other malformations because
// a right-shaped address with a wrong checksum is a near miss (is_near_miss_wallet).
enum class Verdict { valid, bad_checksum, malformed };

struct Check {
  Verdict verdict;
  std::string text;  // valid: the canonical address; otherwise the reason, without "wallet: "
};

Check valid(std::string address) { return {Verdict::valid, std::move(address)}; }

template <typename... Args>
Check malformed(fmt::format_string<Args...> format, Args&&... args) {
  return {Verdict::malformed, fmt::format(format, std::forward<Args>(args)...)};
}

template <typename... Args>
Check bad_checksum(fmt::format_string<Args...> format, Args&&... args) {
  return {Verdict::bad_checksum, fmt::format(format, std::forward<Args>(args)...)};
}

// ---- base58check and segwit chains: btc, ltc, trx, xrp ------------------------------------------

constexpr std::size_t k_base58check_decoded_bytes = 25;  // version, 20-byte hash, 4-byte checksum

// A version byte and the leading character every 25-byte address with that version has.
struct Base58Version {
  std::uint8_t version;
  char leading;
};

struct AddressRule {
  std::string_view chain;
  Base58Alphabet alphabet;
  std::span<const Base58Version> versions;
  std::string_view segwit_hrp;  // human-readable part of native segwit addresses; empty for none
};

constexpr std::array<Base58Version, 2> k_btc_versions = {{{0x00, '1'}, {0x05, '3'}}};
constexpr std::array<Base58Version, 3> k_ltc_versions = {{{0x30, 'L'}, {0x32, 'M'}, {0x05, '3'}}};
constexpr std::array<Base58Version, 1> k_trx_versions = {{{0x41, 'T'}}};
constexpr std::array<Base58Version, 1> k_xrp_versions = {{{0x00, 'r'}}};

constexpr AddressRule k_btc_rule = {"btc", Base58Alphabet::bitcoin, k_btc_versions, "bc"};
constexpr AddressRule k_ltc_rule = {"ltc", Base58Alphabet::bitcoin, k_ltc_versions, "ltc"};
constexpr AddressRule k_trx_rule = {"trx", Base58Alphabet::bitcoin, k_trx_versions, ""};
constexpr AddressRule k_xrp_rule = {"xrp", Base58Alphabet::ripple, k_xrp_versions, ""};

bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
  return text.size() >= lower_prefix.size() && equals_ascii_lowered(text.substr(0, lower_prefix.size()), lower_prefix);
}

Check check_segwit(std::string_view address, const AddressRule& rule) {
  const Result<SegwitAddress> decoded = decode_segwit_address(rule.segwit_hrp, address);
  if (!decoded.ok()) {
    return malformed("'{}' is not a {} address: {}", address, rule.chain, decoded.error().message());
  }
  if (!decoded->has_valid_checksum()) {
    const std::string_view required = decoded->version == 0 ? "bech32" : "bech32m";
    if (!decoded->checksum) return bad_checksum("'{}' fails its {} checksum", address, required);
    return bad_checksum("'{}' has a {} checksum, but witness version {} requires {}", address,
                        *decoded->checksum == Bech32Variant::bech32 ? "bech32" : "bech32m", decoded->version,
                        required);
  }
  return valid(ascii_lower(address));
}

// Cheapest test first: the leading character, then the alphabet and decoded length (the shape), then
// the checksum, and only then the version byte, which a checksum failure leaves meaningless.
Check check_base58check_or_segwit(std::string_view address, const AddressRule& rule) {
  const std::string segwit_prefix = fmt::format("{}1", rule.segwit_hrp);
  if (!rule.segwit_hrp.empty() && starts_with_ignoring_case(address, segwit_prefix)) {
    return check_segwit(address, rule);
  }
  const Base58Version* expected = nullptr;
  std::string leadings;
  for (const Base58Version& version : rule.versions) {
    if (address.front() == version.leading) expected = &version;
    leadings += fmt::format("{}'{}'", leadings.empty() ? "" : " or ", version.leading);
  }
  if (!rule.segwit_hrp.empty()) leadings += fmt::format(" or '{}'", segwit_prefix);
  if (expected == nullptr) {
    return malformed("'{}' is not a {} address: it must start with {}", address, rule.chain, leadings);
  }
  const Result<std::vector<std::uint8_t>> decoded = decode_base58(address, rule.alphabet);
  if (!decoded.ok()) {
    return malformed("'{}' is not a {} address: {}", address, rule.chain, decoded.error().message());
  }
  if (decoded->size() != k_base58check_decoded_bytes) {
    return malformed("'{}' is not a {} address: it decodes to {} bytes, not {}", address, rule.chain,
                     decoded->size(), k_base58check_decoded_bytes);
  }
  if (!has_valid_base58check(*decoded)) return bad_checksum("'{}' fails its base58check checksum", address);
  if (decoded->front() != expected->version) {
    return malformed("'{}' is not a {} address: version byte 0x{:02x} is not 0x{:02x}", address, rule.chain,
                     decoded->front(), expected->version);
  }
  return valid(std::string(address));
}

Check check_btc(std::string_view address) { return check_base58check_or_segwit(address, k_btc_rule); }

Check check_ltc(std::string_view address) { return check_base58check_or_segwit(address, k_ltc_rule); }

Check check_trx(std::string_view address) { return check_base58check_or_segwit(address, k_trx_rule); }

Check check_xrp(std::string_view address) { return check_base58check_or_segwit(address, k_xrp_rule); }

// ---- eth: 0x + 40 hex digits, EIP-55 when mixed case ---------------------------------------------

// EIP-55: a letter is upper case exactly when the matching nibble of Keccak-256(lower-case hex) is 8
// or more.
bool passes_eip55(std::string_view hex, std::string_view lower_hex) {
  const Keccak256Digest digest = keccak_256(lower_hex);
  for (std::size_t i = 0; i < hex.size(); ++i) {
    if (!is_ascii_alpha(hex[i])) continue;
    const int nibble = (i % 2 == 0) ? digest[i / 2] >> 4 : digest[i / 2] & 0x0f;
    const bool upper = hex[i] >= 'A' && hex[i] <= 'F';
    if (upper != (nibble >= 8)) return false;
  }
  return true;
}

Check check_eth(std::string_view address) {
  constexpr std::size_t k_hex_digits = 40;
  if (!starts_with_ignoring_case(address, "0x")) {
    return malformed("'{}' is not an eth address: it must start with 0x", address);
  }
  const std::string_view hex = address.substr(2);
  if (hex.size() != k_hex_digits) {
    return malformed("'{}' is not an eth address: it has {} characters after 0x, not {}", address, hex.size(),
                     k_hex_digits);
  }
  bool has_lower = false;
  bool has_upper = false;
  for (std::size_t i = 0; i < hex.size(); ++i) {
    if (!is_ascii_hex_digit(hex[i])) {
      return malformed("'{}' is not an eth address: character '{}' at offset {} is not a hex digit", address,
                       hex[i], i + 2);
    }
    has_lower = has_lower || (hex[i] >= 'a' && hex[i] <= 'f');
    has_upper = has_upper || (hex[i] >= 'A' && hex[i] <= 'F');
  }
  const std::string lower_hex = ascii_lower(hex);
  if (has_lower && has_upper && !passes_eip55(hex, lower_hex)) {
    return bad_checksum("EIP-55 checksum fails for mixed-case address '{}'", address);
  }
  return valid("0x" + lower_hex);
}

// ---- dot: SS58 ----------------------------------------------------------------------------------

// Prefix byte, 32-byte public key, checksum = first 2 bytes of BLAKE2b-512("SS58PRE" || prefix || key).
Check check_dot(std::string_view address) {
  constexpr std::size_t k_body_bytes = 33;  // one-byte network prefix and 32-byte public key
  constexpr std::size_t k_checksum_bytes = 2;
  constexpr std::uint8_t k_two_byte_prefix_flag = 64;
  constexpr std::string_view k_context = "SS58PRE";

  // 35 bytes in base58: 46 to 48 characters (47 or 48 for the networks' one-byte prefixes). Anything else
  // is refused before the quadratic decoding, which every long token of a text would otherwise pay.
  constexpr std::size_t k_min_length = 46;
  constexpr std::size_t k_max_length = 48;
  if (address.size() < k_min_length || address.size() > k_max_length) {
    return malformed("'{}' is not a dot address: it has {} characters, not {} to {}", address, address.size(),
                     k_min_length, k_max_length);
  }
  const Result<std::vector<std::uint8_t>> decoded = decode_base58(address, Base58Alphabet::bitcoin);
  if (!decoded.ok()) return malformed("'{}' is not a dot address: {}", address, decoded.error().message());
  if (decoded->size() != k_body_bytes + k_checksum_bytes) {
    return malformed("'{}' is not a dot address: it decodes to {} bytes, not {}", address, decoded->size(),
                     k_body_bytes + k_checksum_bytes);
  }
  if (decoded->front() >= k_two_byte_prefix_flag) {
    return malformed("'{}' is not a dot address: SS58 prefix byte {} is not a one-byte network prefix",
                     address, decoded->front());
  }
  std::array<char, k_context.size() + k_body_bytes> preimage{};
  std::copy(k_context.begin(), k_context.end(), preimage.begin());
  std::copy_n(decoded->begin(), k_body_bytes, preimage.begin() + k_context.size());
  const Blake2b512Digest digest = blake2b_512(std::string_view(preimage.data(), preimage.size()));
  if (!std::equal(digest.begin(), digest.begin() + k_checksum_bytes, decoded->begin() + k_body_bytes)) {
    return bad_checksum("'{}' fails its SS58 checksum", address);
  }
  return valid(std::string(address));
}

// ---- sol: a base58 Ed25519 public key, no checksum -------------------------------------------------

Check check_sol(std::string_view address) {
  constexpr std::size_t k_key_bytes = 32;
  const Result<std::vector<std::uint8_t>> decoded = decode_base58(address, Base58Alphabet::bitcoin);
  if (!decoded.ok()) return malformed("'{}' is not a sol address: {}", address, decoded.error().message());
  if (decoded->size() != k_key_bytes) {
    return malformed("'{}' is not a sol address: it decodes to {} bytes, not {}", address, decoded->size(),
                     k_key_bytes);
  }
  return valid(std::string(address));
}

// ---- the chain table -----------------------------------------------------------------------------

// Whether a bare address may be taken for this chain. Solana has no checksum, so any base58 text that
// happens to decode to 32 bytes would pass: it is accepted only under an explicit `sol:`.
enum class Detection { from_form, named_only };

struct ChainInfo {
  std::string_view name;
  Check (*check)(std::string_view address);
  Detection detection;
};

// Bare addresses are tried in this order and the first valid verdict wins. btc precedes ltc so that a
// bare `3...` (version 0x05, shared by both) is btc. The order is also the list in error messages.
constexpr std::array<ChainInfo, 7> k_chains = {{
    {"btc", check_btc, Detection::from_form},
    {"eth", check_eth, Detection::from_form},
    {"trx", check_trx, Detection::from_form},
    {"ltc", check_ltc, Detection::from_form},
    {"xrp", check_xrp, Detection::from_form},
    {"dot", check_dot, Detection::from_form},
    {"sol", check_sol, Detection::named_only},
}};

struct ChainAlias {
  std::string_view alias;
  std::string_view name;
};

// EVM chains, then the schemes of payment URIs (BIP 21 "bitcoin:", EIP 681 "ethereum:", Solana Pay…).
constexpr std::array<ChainAlias, 13> k_chain_aliases = {{
    {"bsc", "eth"},
    {"polygon", "eth"},
    {"arbitrum", "eth"},
    {"base", "eth"},
    {"optimism", "eth"},
    {"avax", "eth"},
    {"evm", "eth"},
    {"bitcoin", "btc"},
    {"ethereum", "eth"},
    {"tron", "trx"},
    {"litecoin", "ltc"},
    {"ripple", "xrp"},
    {"solana", "sol"},
}};

// The payee of what follows a chain's name, which may be a payment URI's: "ADDRESS?amount=…" (BIP 21,
// Solana Pay) or "[pay-]ADDRESS[@CHAIN_ID][/FUNCTION][?…]" (EIP 681). A call of a token's contract
// ("TOKEN/transfer?address=RECIPIENT&uint256=…", "/approve?address=SPENDER…", "/transferFrom?address=FROM
// &address=TO…") pays or empowers its last `address=` parameter: TOKEN is the contract, which every payment
// in that token names, so a call without one names no payee. No address of any chain contains '@', '/'
// or '?'.
Result<std::string_view> payee(std::string_view target) {
  if (target.starts_with("pay-")) target.remove_prefix(4);
  const std::size_t path_end = target.find_first_of("@/?");
  if (path_end == std::string_view::npos) return target;
  const std::size_t query = std::min(target.find('?', path_end), target.size());
  if (target.substr(path_end, query - path_end).find('/') == std::string_view::npos) {
    return target.substr(0, path_end);
  }
  std::optional<std::string_view> last_address;
  std::string_view parameters = target.substr(std::min(query + 1, target.size()));
  while (!parameters.empty()) {
    const std::size_t amp = std::min(parameters.find('&'), parameters.size());
    if (parameters.substr(0, amp).starts_with("address=")) last_address = parameters.substr(8, amp - 8);
    parameters.remove_prefix(std::min(amp + 1, parameters.size()));
  }
  if (!last_address) {
    return invalid_argument("wallet: '{}' calls a contract and names no address (address=)", target);
  }
  return *last_address;
}

const ChainInfo* find_chain(std::string_view lower_name) {
  for (const ChainAlias& alias : k_chain_aliases) {
    if (alias.alias == lower_name) lower_name = alias.name;
  }
  for (const ChainInfo& chain : k_chains) {
    if (chain.name == lower_name) return &chain;
  }
  return nullptr;
}

std::string supported_chain_list() {
  std::string list;
  for (const ChainInfo& chain : k_chains) list += fmt::format("{}{}", list.empty() ? "" : ", ", chain.name);
  return list;
}

// The outcome for one input: the chain that judged it (null when no chain recognised a bare address)
// and that chain's verdict.
struct Classification {
  const ChainInfo* chain;
  Check check;
};

// Explicit chain: that chain's verdict. Bare address: the first valid verdict in table order, else the
// first checksum failure (a near miss names its chain), else "not recognised".
Result<Classification> classify(std::string_view raw) {
  const std::string_view text = trim_ascii_space(raw);
  if (text.size() > k_max_wallet_input_bytes) {
    return invalid_argument("wallet: input has {} bytes; the longest accepted is {}", text.size(),
                            k_max_wallet_input_bytes);
  }
  if (text.empty()) return invalid_argument("wallet: input is empty");
  for (std::size_t offset = 0; offset < text.size(); ++offset) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    if (byte < 0x20 || byte > 0x7e) {
      return invalid_argument("wallet: byte 0x{:02x} at offset {} is not printable ASCII", byte, offset);
    }
  }

  const std::size_t colon = text.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view name = trim_ascii_space(text.substr(0, colon));
    const ChainInfo* chain = find_chain(ascii_lower(name));
    if (chain == nullptr) return invalid_argument("wallet: unknown chain '{}'", name);
    JALA_TRY_ASSIGN(const std::string_view address, payee(trim_ascii_space(text.substr(colon + 1))));
    if (address.empty()) return invalid_argument("wallet: '{}' has no address after the chain", text);
    return Classification{chain, chain->check(address)};
  }

  std::optional<Classification> near_miss;
  for (const ChainInfo& chain : k_chains) {
    if (chain.detection != Detection::from_form) continue;
    Check check = chain.check(text);
    if (check.verdict == Verdict::valid) return Classification{&chain, std::move(check)};
    if (check.verdict == Verdict::bad_checksum && !near_miss) {
      near_miss = Classification{&chain, std::move(check)};
    }
  }
  if (near_miss) return *std::move(near_miss);
  return Classification{nullptr, malformed("'{}' is not a recognised address of any supported chain ({})",
                                           text, supported_chain_list())};
}

}  // namespace

Result<std::string> normalise_wallet(std::string_view raw) {
  JALA_TRY_ASSIGN(Classification classification, classify(raw));
  if (classification.check.verdict != Verdict::valid) {
    return invalid_argument("wallet: {}", classification.check.text);
  }
  return fmt::format("{}:{}", classification.chain->name, classification.check.text);
}

bool is_near_miss_wallet(std::string_view raw) {
  const Result<Classification> classification = classify(raw);
  return classification.ok() && classification->check.verdict == Verdict::bad_checksum;
}

}  // namespace jala::model
