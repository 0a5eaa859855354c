// The publisher of `jala serve`: on a thread of its own, it publishes what was logged since the last
// time into the TAXII collections (server/publisher.h), at once and then every few seconds, while the
// node already serves. A store ingested while no node served may hold millions of reports to publish, so
// the first round says how far it got every ten seconds and says when it has caught up; a stop is
// honoured between batches. Once caught up, it scores the suspect accounts, so that the analysts' first
// request for them (or for the freeze list) does not wait for it: at ten million transactions that is
// about 20 s, and a stop asked meanwhile waits for it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "jala/server/analysis_cache.h"
#include "jala/share/stix_export.h"
#include "jala/storage/store.h"

namespace jala::cli {

class BackgroundPublisher {
 public:
  // `store` is the publisher's own connection; the three must outlive the publisher.
  BackgroundPublisher(storage::Store& store, const share::NodeIdentity& node, server::AnalysisCache& analyses);
  BackgroundPublisher(const BackgroundPublisher&) = delete;
  BackgroundPublisher& operator=(const BackgroundPublisher&) = delete;
  ~BackgroundPublisher() { stop(); }

  // Asks the publisher to stop after its current batch, and waits for it.
  void stop();

 private:
  void run();
  // One round: the reports logged since the last one, then the networks and lure accounts they change.
  Status publish_round();
  // Fills the analysis cache's suspects, and says how many there are and how long it took.
  void score_suspects();
  // False once a stop was asked for; also reports progress every ten seconds.
  bool go_on(std::size_t reports_done);

  storage::Store& m_store;
  const share::NodeIdentity& m_node;
  server::AnalysisCache& m_analyses;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stopping = false;
  std::chrono::steady_clock::time_point m_last_progress;
  std::thread m_thread;  // last: it starts once the rest is ready
};

}  // namespace jala::cli
