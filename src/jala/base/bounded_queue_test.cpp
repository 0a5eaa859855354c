#include "jala/base/bounded_queue.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace jala {
namespace {

TEST(BoundedQueue, DeliversEveryItemInOrderAcrossThreads) {
  BoundedQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 10'000; ++i) ASSERT_TRUE(queue.push(i));
    queue.close();
  });
  std::vector<int> got;
  while (std::optional<int> item = queue.pop()) got.push_back(*item);
  producer.join();
  ASSERT_EQ(got.size(), 10'000u);
  for (int i = 0; i < 10'000; ++i) ASSERT_EQ(got[static_cast<std::size_t>(i)], i);
}

TEST(BoundedQueue, CloseReleasesABlockedProducer) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.push(1));
  std::thread producer([&] { EXPECT_FALSE(queue.push(2)); });  // blocks: the queue is full
  queue.close();
  producer.join();
  EXPECT_EQ(queue.pop(), 1);  // what was queued before closing is still delivered
  EXPECT_EQ(queue.pop(), std::nullopt);
}

}  // namespace
}  // namespace jala
