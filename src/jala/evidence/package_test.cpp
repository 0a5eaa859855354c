#include "jala/evidence/package.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>

#include "jala/base/sha256.h"
#include "jala/evidence/memory_tree_for_tests.h"

namespace jala::evidence {
namespace {

std::string entry_for(const std::string& kind, const std::string& id, const std::string& record) {
  return R"({"kind":")" + kind + R"(","source":"VN-MPS","id":")" + id + R"(","sha256":")" + to_hex(sha256(record)) +
         R"(","logged_at":"2026-12-01T10:00:00Z"})";
}

class Package : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string key_path = ::testing::TempDir() + "/package_test.key";
    std::filesystem::remove(key_path);
    m_key = SigningKey::load_or_create(key_path).value();
    const SigningKey& key = *m_key;
    // A log of 37 entries; the package holds items at leaves 3, 17 and 36.
    std::vector<PackageItem> items;
    for (std::uint64_t leaf = 0; leaf < 37; ++leaf) {
      const std::string id = "R" + std::to_string(leaf);
      const std::string record = R"({"id":")" + id + R"(","text":"nạn nhân chuyển 50 triệu"})";
      const std::string entry = entry_for("report", id, record);
      m_tree.append(entry);
      if (leaf == 3 || leaf == 17 || leaf == 36) items.push_back({"report", "VN-MPS", id, record, entry, leaf, {}});
    }
    const TreeHead head{m_tree.size(), root(m_tree, m_tree.size()).value(), Timestamp{1'764'000'000'000'000}};
    for (PackageItem& item : items) item.proof = inclusion_proof(m_tree, item.leaf_index, head.size).value();
    m_action = {"network N6b02c34a1b81", "analyst@vn-mps", "MLA request 2026/117", Timestamp{1'764'000'100'000'000}};
    m_files = build_package(m_action, items, key.sign(head), key);
  }

  MemoryTree m_tree;
  std::optional<SigningKey> m_key;
  PackageAction m_action;
  PackageFiles m_files;
};

TEST_F(Package, HoldsItemsProofsHeadManifestAndReadme) {
  for (const char* path : {"items/000001.json", "items/000003.json", "proofs/000002.json", "tree_head.json",
                           "manifest.jsonld", "manifest.sig", "README.txt"}) {
    EXPECT_TRUE(m_files.contains(path)) << path;
  }
  EXPECT_EQ(m_files.size(), 10);
  EXPECT_NE(m_files.at("manifest.jsonld").find("case-investigation:InvestigativeAction"), std::string::npos);
  EXPECT_NE(m_files.at("manifest.jsonld").find("MLA request 2026/117"), std::string::npos);
  EXPECT_NE(m_files.at("README.txt").find(to_hex(m_key->public_key())), std::string::npos);
}

TEST_F(Package, Verifies) {
  const Verification verified = verify_package(m_files);
  EXPECT_TRUE(verified.ok()) << ::testing::PrintToString(verified.problems);
  EXPECT_EQ(verified.items, 3);
  EXPECT_EQ(verified.items_verified, 3);
  ASSERT_TRUE(verified.key.has_value());
  EXPECT_EQ(*verified.key, m_key->public_key());
  EXPECT_EQ(verified.head->head.size, 37);
}

// The bar: flipping any one byte of any file makes verification fail and name that file. Every file,
// at its first and last byte and at positions spread through it.
TEST_F(Package, FlippingAnyByteOfAnyFileFailsAndNamesThatFile) {
  for (const auto& [path, bytes] : m_files) {
    std::set<std::size_t> positions{0, bytes.size() - 1};
    for (std::size_t at = 0; at < bytes.size(); at += std::max<std::size_t>(1, bytes.size() / 40)) positions.insert(at);
    for (const std::size_t at : positions) {
      PackageFiles tampered = m_files;
      tampered[path][at] = static_cast<char>(tampered[path][at] ^ 0x01);
      const Verification verified = verify_package(tampered);
      EXPECT_FALSE(verified.ok()) << path << " byte " << at;
      const std::string prefix = path + ":";
      const bool named = std::any_of(verified.problems.begin(), verified.problems.end(),
                                     [&](const std::string& problem) { return problem.starts_with(prefix); });
      EXPECT_TRUE(named) << path << " byte " << at << ": " << ::testing::PrintToString(verified.problems);
    }
  }
}

TEST_F(Package, NamesMissingAndExtraFiles) {
  PackageFiles tampered = m_files;
  tampered.erase("items/000002.json");
  tampered["items/000004.json"] = "{}";
  const Verification verified = verify_package(tampered);
  EXPECT_EQ(verified.problems,
            (std::vector<std::string>{"items/000002.json: listed in the manifest, missing from the package",
                                      "items/000004.json: no proof names this item",
                                      "items/000004.json: not listed in the manifest",
                                      "proofs/000002.json: names an item that is not in the package"}));
}

TEST_F(Package, ARecordSwappedWithItsProofAndManifestStillFailsOnTheSignature) {
  // Whoever changes an item and fixes the manifest's hash cannot re-sign it without the node's key.
  PackageFiles tampered = m_files;
  const std::string old_hash = to_hex(sha256(tampered["items/000001.json"]));
  tampered["items/000001.json"] = R"({"id":"R3","text":"changed"})";
  std::string& manifest = tampered["manifest.jsonld"];
  manifest.replace(manifest.find(old_hash), old_hash.size(), to_hex(sha256(tampered["items/000001.json"])));
  const Verification verified = verify_package(tampered);
  EXPECT_FALSE(verified.ok());
  EXPECT_TRUE(std::any_of(verified.problems.begin(), verified.problems.end(),
                          [](const std::string& p) { return p.starts_with("manifest.jsonld: the signature"); }));
  EXPECT_TRUE(std::any_of(verified.problems.begin(), verified.problems.end(), [](const std::string& p) {
    return p == "items/000001.json: its SHA-256 is not the one its log entry holds";
  }));
}

// Found in review: a proof nested 300,000 levels deep crashed the verifier (the comparison of its fields
// recursed). Hostile nesting is refused by the parser with the file named.
TEST_F(Package, AHostilelyNestedProofFailsWithoutCrashing) {
  PackageFiles tampered = m_files;
  const std::size_t depth = 300'000;
  tampered["proofs/000001.json"] =
      R"({"item":"items/000001.json","kind":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
  const Verification verified = verify_package(tampered);
  EXPECT_FALSE(verified.ok());
  EXPECT_TRUE(std::any_of(verified.problems.begin(), verified.problems.end(), [](const std::string& p) {
    return p == "proofs/000001.json: the document nests deeper than 32 levels";
  })) << ::testing::PrintToString(verified.problems);
}

TEST(PackageVerifier, AnEmptyPackageFailsWithoutCrashing) {
  const Verification verified = verify_package({});
  EXPECT_EQ(verified.problems,
            (std::vector<std::string>{"manifest.jsonld: missing", "manifest.sig: missing", "tree_head.json: missing"}));
}

}  // namespace
}  // namespace jala::evidence
