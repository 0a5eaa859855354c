#include "jala/share/psi.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "jala/share/psi_curve.h"

namespace jala::share {
namespace {

using model::Selector;
using model::SelectorType;

// `count` distinct selectors of a few types, numbered from `first`.
std::vector<Selector> selectors(std::size_t first, std::size_t count) {
  std::vector<Selector> out;
  for (std::size_t i = first; i < first + count; ++i) {
    switch (i % 3) {
      case 0:
        out.push_back({SelectorType::phone, fmt::format("+849{:08d}", i)});
        break;
      case 1:
        out.push_back({SelectorType::email, fmt::format("user{}@example.org", i)});
        break;
      default:
        out.push_back({SelectorType::telegram, fmt::format("handle_{}", i)});
        break;
    }
  }
  return out;
}

// Both messages as they cross the wire.
struct Transcript {
  std::string request;
  std::string response;
};

// One whole session, every message serialised and parsed again as a transport would.
Result<Overlap> run(std::span<const Selector> initiator_set, std::span<const Selector> responder_set, Mode mode,
                    Transcript* transcript = nullptr) {
  JALA_TRY_ASSIGN(const Initiator initiator, Initiator::start(initiator_set, mode));
  const std::string request_bytes = serialise(initiator.request());
  JALA_TRY_ASSIGN(const Request request, parse_request(request_bytes));
  JALA_TRY_ASSIGN(const Response response, respond(request, responder_set));
  const std::string response_bytes = serialise(response);
  if (transcript != nullptr) {
    *transcript = {request_bytes, response_bytes};
  }
  JALA_TRY_ASSIGN(const Response received, parse_response(response_bytes));
  return initiator.finish(received);
}

// The naive verifier: the initiator's indices whose selector the responder holds.
std::vector<std::size_t> shared_indices(std::span<const Selector> initiator_set, std::span<const Selector> responder_set) {
  const std::set<Selector> theirs(responder_set.begin(), responder_set.end());
  std::vector<std::size_t> shared;
  for (std::size_t i = 0; i < initiator_set.size(); ++i) {
    if (theirs.count(initiator_set[i]) != 0) {
      shared.push_back(i);
    }
  }
  return shared;
}

// A random pair of sets of sizes n and m sharing k selectors, each in a random order.
struct SetPair {
  std::vector<Selector> initiator;
  std::vector<Selector> responder;
};

SetPair random_sets(std::mt19937_64& random, std::size_t n, std::size_t m, std::size_t k) {
  const std::size_t first = random() % 1'000'000;
  SetPair pair;
  pair.initiator = selectors(first, n);
  pair.responder = selectors(first + n - k, m);
  std::shuffle(pair.initiator.begin(), pair.initiator.end(), random);
  std::shuffle(pair.responder.begin(), pair.responder.end(), random);
  return pair;
}

Overlap want_overlap(const SetPair& pair, Mode mode) {
  Overlap want;
  want.own_count = pair.initiator.size();
  want.partner_count = pair.responder.size();
  want.shared = shared_indices(pair.initiator, pair.responder);
  want.shared_count = want.shared.size();
  if (mode == Mode::cardinality) {
    want.shared.clear();
  }
  return want;
}

TEST(Psi, IntersectionIsExactOnRandomSets) {
  std::mt19937_64 random(20261201);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t n = random() % 160;
    const std::size_t m = random() % 160;
    const std::size_t k = std::min(n, m) == 0 ? 0 : random() % (std::min(n, m) + 1);
    const SetPair pair = random_sets(random, n, m, k);
    const Result<Overlap> got = run(pair.initiator, pair.responder, Mode::intersection);
    ASSERT_TRUE(got.ok()) << got.error().message();
    EXPECT_EQ(*got, want_overlap(pair, Mode::intersection)) << "trial " << trial << ": " << n << " x " << m;
    EXPECT_EQ(got->shared_count, k);
  }
}

TEST(Psi, EmptySetsAndFullOverlap) {
  std::mt19937_64 random(7);
  const struct {
    std::size_t n, m, k;
  } cases[] = {{0, 0, 0}, {0, 5, 0}, {5, 0, 0}, {1, 1, 1}, {1, 1, 0}, {40, 40, 40}, {40, 90, 40}, {90, 40, 40}};
  for (const auto& c : cases) {
    for (const Mode mode : {Mode::intersection, Mode::cardinality}) {
      const SetPair pair = random_sets(random, c.n, c.m, c.k);
      const Result<Overlap> got = run(pair.initiator, pair.responder, mode);
      ASSERT_TRUE(got.ok()) << got.error().message();
      EXPECT_EQ(*got, want_overlap(pair, mode)) << c.n << " x " << c.m << " sharing " << c.k << ", "
                                                 << to_string(mode);
    }
  }
}

TEST(Psi, CardinalityGivesTheCountAndNoPositions) {
  std::mt19937_64 random(11);
  for (int trial = 0; trial < 30; ++trial) {
    const std::size_t n = 1 + random() % 120;
    const std::size_t m = 1 + random() % 120;
    const std::size_t k = random() % (std::min(n, m) + 1);
    SetPair pair = random_sets(random, n, m, k);
    // The shared selectors first: were the order kept, the tags' order would show them.
    std::stable_partition(pair.initiator.begin(), pair.initiator.end(), [&](const Selector& s) {
      return std::find(pair.responder.begin(), pair.responder.end(), s) != pair.responder.end();
    });
    Transcript transcript;
    const Result<Overlap> got = run(pair.initiator, pair.responder, Mode::cardinality, &transcript);
    ASSERT_TRUE(got.ok()) << got.error().message();
    EXPECT_EQ(got->shared_count, k);
    EXPECT_EQ(got->own_count, n);
    EXPECT_EQ(got->partner_count, m);
    EXPECT_TRUE(got->shared.empty());
    const Result<Response> response = parse_response(transcript.response);
    ASSERT_TRUE(response.ok());
    EXPECT_TRUE(std::is_sorted(response->initiator_tags.begin(), response->initiator_tags.end()));
  }
}

TEST(Psi, NoMessageHoldsASelectorOrItsPlainHash) {
  std::mt19937_64 random(3);
  const SetPair pair = random_sets(random, 200, 150, 60);
  for (const Mode mode : {Mode::intersection, Mode::cardinality}) {
    Transcript transcript;
    const Result<Overlap> got = run(pair.initiator, pair.responder, mode, &transcript);
    ASSERT_TRUE(got.ok()) << got.error().message();
    ASSERT_EQ(got->shared_count, 60u);
    std::vector<Selector> everyone = pair.initiator;
    everyone.insert(everyone.end(), pair.responder.begin(), pair.responder.end());
    for (const Selector& selector : everyone) {
      const Result<CurvePoint> plain = hash_to_curve(selector.to_string());
      ASSERT_TRUE(plain.ok());
      const MatchTag plain_tag = match_tag(*plain);
      const std::vector<std::string> secrets = {
          selector.to_string(), selector.value, std::string(plain->begin(), plain->end()),
          std::string(plain->begin(), plain->begin() + 8), std::string(plain_tag.begin(), plain_tag.end())};
      for (const std::string& secret : secrets) {
        EXPECT_EQ(transcript.request.find(secret), std::string::npos) << selector.to_string();
        EXPECT_EQ(transcript.response.find(secret), std::string::npos) << selector.to_string();
      }
    }
  }
}

TEST(Psi, EachSessionBlindsWithAFreshScalar) {
  const std::vector<Selector> set = selectors(0, 20);
  const Result<Initiator> first = Initiator::start(set, Mode::intersection);
  const Result<Initiator> second = Initiator::start(set, Mode::intersection);
  ASSERT_TRUE(first.ok() && second.ok());
  for (std::size_t i = 0; i < set.size(); ++i) {
    EXPECT_NE(first->request().blinded[i], second->request().blinded[i]);
  }
}

TEST(Psi, RepeatedOwnSelectorsAreRefused) {
  std::vector<Selector> set = selectors(0, 5);
  set.push_back(set[2]);
  const Result<Initiator> initiator = Initiator::start(set, Mode::intersection);
  ASSERT_FALSE(initiator.ok());
  EXPECT_EQ(initiator.error().code(), ErrorCode::invalid_argument);
  EXPECT_EQ(initiator.error().message(), "initiator: selectors[5] repeats selectors[2] (telegram:handle_2)");
  const Result<Response> response = respond(Request{}, set);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().message(), "responder: selectors[5] repeats selectors[2] (telegram:handle_2)");
}

TEST(Psi, HostileRequestsAreRejected) {
  const std::vector<Selector> own = selectors(0, 4);
  const Result<Initiator> initiator = Initiator::start(selectors(2, 4), Mode::intersection);
  ASSERT_TRUE(initiator.ok());
  const Request good = initiator->request();
  const auto rejects = [&](const Request& request, const std::string& want) {
    const Result<Response> got = respond(request, own);
    ASSERT_FALSE(got.ok()) << want;
    EXPECT_EQ(got.error().code(), ErrorCode::invalid_argument);
    EXPECT_EQ(got.error().message(), want);
  };
  Request bad = good;
  bad.blinded[3] = bad.blinded[1];
  rejects(bad, "request: point 3 repeats point 1");
  bad = good;
  bad.blinded[2] = CurvePoint{};  // (0, 0), which every scalar would send to the identity
  rejects(bad, "request: point 2 is not on Curve25519 (a point of its twist, or 0)");
  bad = good;
  bad.blinded[0] = CurvePoint{1};  // u = 1, a point of order 4
  rejects(bad, "request: point 0 has small order");
  bad = good;
  bad.blinded[1][31] |= 0x80;
  rejects(bad, "request: point 1 is not below 2^255 - 19");
}

TEST(Psi, ResponsesThatDoNotAnswerTheRequestAreRejected) {
  const std::vector<Selector> mine = selectors(0, 6);
  const Result<Initiator> initiator = Initiator::start(mine, Mode::intersection);
  ASSERT_TRUE(initiator.ok());
  const Result<Response> good = respond(initiator->request(), selectors(3, 6));
  ASSERT_TRUE(good.ok());
  const auto rejects = [&](const Response& response, const std::string& want) {
    const Result<Overlap> got = initiator->finish(response);
    ASSERT_FALSE(got.ok()) << want;
    EXPECT_EQ(got.error().code(), ErrorCode::invalid_argument);
    EXPECT_EQ(got.error().message(), want);
  };
  Response bad = *good;
  bad.mode = Mode::cardinality;
  rejects(bad, "response: mode cardinality answers a request in mode intersection");
  bad = *good;
  bad.initiator_tags.pop_back();
  rejects(bad, "response: 5 tags answer a request of 6 points");
  bad = *good;
  bad.responder_blinded.push_back(bad.responder_blinded[4]);
  rejects(bad, "response: point 6 repeats point 4");
  bad = *good;
  bad.responder_blinded[5] = CurvePoint{1};
  rejects(bad, "response: point 5 has small order");
  const Result<Overlap> got = initiator->finish(*good);
  ASSERT_TRUE(got.ok()) << got.error().message();
  EXPECT_EQ(got->shared, (std::vector<std::size_t>{3, 4, 5}));
}

}  // namespace
}  // namespace jala::share
