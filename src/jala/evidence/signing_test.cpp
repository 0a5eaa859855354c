#include "jala/evidence/signing.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "support/scratch_folder.h"

namespace jala::evidence {
namespace {

using jala::testing::ScratchFolder;

TEST(Signing, AKeyIsMadeOnceKeptPrivateAndSignsHeadsThatVerify) {
  const ScratchFolder scratch("key-made");
  const std::string path = scratch.file("key");
  const Result<SigningKey> made = SigningKey::load_or_create(path);
  ASSERT_TRUE(made.ok()) << made.error().message();
  struct stat status {};
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600U);
  const Result<SigningKey> loaded = SigningKey::load_or_create(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message();
  EXPECT_EQ(loaded->public_key(), made->public_key());

  const TreeHead head{37, leaf_hash("x"), Timestamp{1'764'547'200'000'000}};
  const SignedTreeHead signed_head = made->sign(head);
  EXPECT_TRUE(verify_tree_head(signed_head, loaded->public_key()).ok());
  for (TreeHead changed : {TreeHead{38, head.root, head.timestamp}, TreeHead{37, leaf_hash("y"), head.timestamp},
                           TreeHead{37, head.root, Timestamp{head.timestamp.unix_micros + 1}}}) {
    EXPECT_FALSE(verify_tree_head({changed, signed_head.signature}, loaded->public_key()).ok());
  }
  SignedTreeHead forged = signed_head;
  forged.signature[10] ^= 1U;
  EXPECT_FALSE(verify_tree_head(forged, loaded->public_key()).ok());
}

TEST(Signing, RefusesAKeyFileOthersCanReadOrThatIsNotAKey) {
  const ScratchFolder scratch("key-open");
  const std::string path = scratch.file("key");
  ASSERT_TRUE(SigningKey::load_or_create(path).ok());
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  const Result<SigningKey> exposed = SigningKey::load_or_create(path);
  ASSERT_FALSE(exposed.ok());
  EXPECT_NE(exposed.error().message().find("readable by others"), std::string::npos);
  std::filesystem::remove(path);
  {
    const int descriptor = ::creat(path.c_str(), 0600);
    ASSERT_GE(descriptor, 0);
    ASSERT_EQ(::write(descriptor, "hello\n", 6), 6);
    ::close(descriptor);
  }
  const Result<SigningKey> garbage = SigningKey::load_or_create(path);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.error().message().find("not a Jala key file"), std::string::npos);
}

TEST(Signing, TheMessageIsTheDocumentedText) {
  Hash root{};
  root[0] = 0xAB;
  EXPECT_EQ(tree_head_message({5, root, Timestamp{42}}),
            "jala-tree-head-v1\n5\nab00000000000000000000000000000000000000000000000000000000000000\n42\n");
  std::array<std::uint8_t, 2> bytes{};
  EXPECT_TRUE(parse_hex("0aFf", bytes).ok());
  EXPECT_EQ(bytes[1], 0xFF);
  EXPECT_FALSE(parse_hex("0g00", bytes).ok());
  EXPECT_FALSE(parse_hex("000", bytes).ok());
}

}  // namespace
}  // namespace jala::evidence
