#pragma once
// The escalation sweep as a job of `lien serve` (`--escalation-interval`): runs SweepEscalations every
// `interval` on its own thread, the first time one interval after start (at most a minute), until destroyed.
// Several servers on one PostgreSQL database may all run it: one sweeps, the others skip (escalation_sweep.hpp).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

class EscalationJob {
 public:
  /// Starts the thread. `database` and `clock` must outlive the job.
  EscalationJob(db::Database& database, const core::Clock& clock, std::chrono::milliseconds interval);
  ~EscalationJob();
  EscalationJob(const EscalationJob&) = delete;
  EscalationJob& operator=(const EscalationJob&) = delete;

  /// One sweep now, on the caller's thread; false when it did not run (another server, storage error).
  bool RunOnce();

 private:
  void Loop();

  db::Database& database_;
  const core::Clock& clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lien::calls
