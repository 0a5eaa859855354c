#include "jala/evidence/signing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jala::evidence {
namespace {

constexpr std::string_view k_tree_head_label = "jala-tree-head-v1";
constexpr std::string_view k_key_label = "jala-ed25519-secret-key-v1 ";

Status ensure_sodium() {
  // sodium_init() is thread-safe and idempotent; it fails only without a source of randomness.
  static const int status = sodium_init();
  if (status < 0) return internal_error("libsodium cannot initialise");
  return {};
}

Result<std::string> read_small_file(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return unavailable("{}: cannot open: {}", path, std::strerror(errno));
  std::string content(256, '\0');
  const ssize_t count = ::read(descriptor, content.data(), content.size());
  ::close(descriptor);
  if (count < 0) return unavailable("{}: cannot read: {}", path, std::strerror(errno));
  content.resize(static_cast<std::size_t>(count));
  return content;
}

}  // namespace

std::string tree_head_message(const TreeHead& head) {
  return fmt::format("{}\n{}\n{}\n{}\n", k_tree_head_label, head.size, to_hex(head.root), head.timestamp.unix_micros);
}

Result<SigningKey> SigningKey::load_or_create(const std::string& path) {
  JALA_TRY(ensure_sodium());
  SigningKey key;
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno != ENOENT) return unavailable("{}: {}", path, std::strerror(errno));
    crypto_sign_ed25519_keypair(key.m_public.data(), key.m_secret.data());
    const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0) return unavailable("{}: cannot create the node's key: {}", path, std::strerror(errno));
    const std::string content = std::string(k_key_label) + to_hex(key.m_secret) + "\n";
    const bool written = ::write(descriptor, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                         ::fsync(descriptor) == 0;
    ::close(descriptor);
    if (!written) return unavailable("{}: cannot write the node's key", path);
    return key;
  }
  if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return failed_precondition("{}: the node's key is readable by others; run chmod 600 on it", path);
  }
  JALA_TRY_ASSIGN(const std::string content, read_small_file(path));
  if (!content.starts_with(k_key_label) || content.size() < k_key_label.size() + 128) {
    return invalid_argument("{}: not a Jala key file", path);
  }
  JALA_TRY(parse_hex(std::string_view(content).substr(k_key_label.size(), 128), key.m_secret));
  crypto_sign_ed25519_sk_to_pk(key.m_public.data(), key.m_secret.data());
  return key;
}

Signature SigningKey::sign_message(std::string_view message) const {
  Signature signature{};
  crypto_sign_ed25519_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                               message.size(), m_secret.data());
  return signature;
}

SignedTreeHead SigningKey::sign(const TreeHead& head) const { return {head, sign_message(tree_head_message(head))}; }

Status verify_message(std::string_view message, const Signature& signature, const PublicKey& key) {
  JALA_TRY(ensure_sodium());
  if (crypto_sign_ed25519_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                          message.size(), key.data()) != 0) {
    return invalid_argument("the signature does not verify with this public key");
  }
  return {};
}

Status verify_tree_head(const SignedTreeHead& signed_head, const PublicKey& key) {
  Status verified = verify_message(tree_head_message(signed_head.head), signed_head.signature, key);
  if (!verified.ok()) return invalid_argument("the tree head's signature does not verify with this public key");
  return {};
}

}  // namespace jala::evidence
