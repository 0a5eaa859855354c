#include "jala/cli/background_publisher.h"

#include <fmt/core.h>

#include "jala/server/publisher.h"

namespace jala::cli {
namespace {

constexpr std::chrono::seconds k_publish_every{5};
constexpr std::chrono::seconds k_progress_every{10};

}  // namespace

BackgroundPublisher::BackgroundPublisher(storage::Store& store, const share::NodeIdentity& node,
                                         server::AnalysisCache& analyses)
    : m_store(store),
      m_node(node),
      m_analyses(analyses),
      m_last_progress(std::chrono::steady_clock::now()),
      m_thread([this] { run(); }) {}

void BackgroundPublisher::stop() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

bool BackgroundPublisher::go_on(std::size_t reports_done) {
  const auto now = std::chrono::steady_clock::now();
  if (now - m_last_progress >= k_progress_every) {
    fmt::print(stderr, "jala: publishing: {} reports so far\n", reports_done);
    m_last_progress = now;
  }
  const std::lock_guard lock(m_mutex);
  return !m_stopping;
}

void BackgroundPublisher::run() {
  bool caught_up = false;
  std::unique_lock lock(m_mutex);
  while (!m_stopping) {
    lock.unlock();
    m_last_progress = std::chrono::steady_clock::now();
    const Status published = publish_round();
    lock.lock();
    if (!published.ok()) {
      fmt::print(stderr, "jala: publishing failed, will retry: {}\n", published.error().message());
    } else if (!caught_up && !m_stopping) {
      fmt::print(stderr, "jala: caught up: everything logged before the start is published\n");
      caught_up = true;
      lock.unlock();
      score_suspects();
      lock.lock();
    }
    m_wake.wait_for(lock, k_publish_every, [this] { return m_stopping; });
  }
}

void BackgroundPublisher::score_suspects() {
  const auto started = std::chrono::steady_clock::now();
  const Result<std::shared_ptr<const server::SuspectList>> suspects =
      storage::read_value(m_store, [this](const storage::ReadView& view) { return m_analyses.suspects(view); });
  if (!suspects.ok()) {
    fmt::print(stderr, "jala: the suspects were not scored ahead of requests: {}\n", suspects.error().message());
    return;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  fmt::print(stderr, "jala: ready: the networks are linked and {} suspect accounts scored ({:.1f} s)\n",
             (*suspects)->accounts.size(), took.count());
}

Status BackgroundPublisher::publish_round() {
  const auto go_on = [this](std::size_t done) { return this->go_on(done); };
  JALA_TRY_ASSIGN(const server::PublishCounts counts, server::publish(m_store, m_node, go_on));
  if (counts.reports + counts.left_private + counts.from_partners + counts.stay_revoked > 0) {
    fmt::print(stderr, "jala: published {} reports ({} objects); {} TLP:RED and {} partners' reports stay here\n",
               counts.reports, counts.objects, counts.left_private, counts.from_partners);
  }
  if (counts.stay_revoked > 0) {
    fmt::print(stderr,
               "jala: {} reports were published withdrawn (revoked) before and are not published again: partners "
               "keep them withdrawn\n",
               counts.stay_revoked);
  }
  if (!go_on(counts.reports)) return {};
  JALA_TRY_ASSIGN(const server::NetworkPublishCounts networks, server::publish_networks(m_store, m_node, m_analyses));
  if (networks.networks > 0 || networks.withdrawn > 0 || networks.revoked > 0) {
    fmt::print(stderr,
               "jala: published {} new or changed networks ({} objects), withdrew {} and revoked {} (merged into "
               "others); {} networks with TLP:RED or partners' reports stay here\n",
               networks.networks, networks.objects, networks.withdrawn, networks.revoked, networks.kept_home);
  }
  if (!go_on(counts.reports)) return {};
  JALA_TRY_ASSIGN(const server::LurePublishCounts lures, server::publish_lures(m_store, m_node, m_analyses));
  if (lures.accounts > 0 || lures.withdrawn > 0) {
    fmt::print(stderr, "jala: published {} new or changed lure accounts ({} objects), withdrew {} objects\n",
               lures.accounts, lures.objects, lures.withdrawn);
  }
  return {};
}

}  // namespace jala::cli
