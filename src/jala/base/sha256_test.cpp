#include "jala/base/sha256.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace jala {
namespace {

TEST(Sha256, MatchesFips180Vectors) {
  EXPECT_EQ(to_hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  EXPECT_EQ(Sha256().update("ab").update("c").finish(), sha256("abc"));
}

// The one-shot hash reuses a context per thread: each call must start afresh, whatever came before.
TEST(Sha256, OneShotCallsAreIndependent) {
  const std::string long_message(100'000, 'a');
  const Sha256Digest first = sha256("abc");
  (void)sha256(long_message);
  EXPECT_EQ(sha256("abc"), first);
  EXPECT_EQ(to_hex(sha256(long_message)), to_hex(Sha256().update(long_message).finish()));
}

TEST(Sha256, ThreadsHashAtTheSameTime) {
  const std::vector<std::string> messages = {"", "abc", std::string(1000, 'x')};
  std::vector<std::vector<Sha256Digest>> got(4);
  std::vector<std::thread> threads;
  threads.reserve(got.size());
  for (std::vector<Sha256Digest>& digests : got) {
    threads.emplace_back([&messages, &digests] {
      for (int round = 0; round < 500; ++round) {
        for (const std::string& message : messages) digests.push_back(sha256(message));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<Sha256Digest> want;
  for (int round = 0; round < 500; ++round) {
    for (const std::string& message : messages) want.push_back(Sha256().update(message).finish());
  }
  for (const std::vector<Sha256Digest>& digests : got) EXPECT_EQ(digests, want);
}

TEST(Sha256, FieldsHaveOneEncoding) {
  EXPECT_NE(Sha256().update_field("ab").update_field("c").finish(),
            Sha256().update_field("a").update_field("bc").finish());
  EXPECT_NE(Sha256().update_field(std::int64_t{1}).finish(), Sha256().update_field(std::int64_t{256}).finish());
  EXPECT_EQ(Sha256().update_field("x").finish(), sha256(std::string("\x01\0\0\0\0\0\0\0x", 9)));
}

}  // namespace
}  // namespace jala
