#pragma once
// The retention purge as a job of `lien serve`: runs RunRetention every `interval` (the first time one
// interval after start, at most a minute), on its own thread, until destroyed. Several servers on one
// PostgreSQL database may all run it: the advisory lock in RunRetention lets one purge and the others skip.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "register/retention.hpp"

namespace lien::registry {

class RetentionJob {
 public:
  /// Starts the thread. `database`, `clock` and `policy` must outlive the job.
  RetentionJob(db::Database& database, const core::Clock& clock, const RetentionPolicy& policy,
               std::chrono::milliseconds interval);
  ~RetentionJob();
  RetentionJob(const RetentionJob&) = delete;
  RetentionJob& operator=(const RetentionJob&) = delete;

  /// One purge now, on the caller's thread; false when it could not run (another instance, storage error).
  bool RunOnce();

 private:
  void Loop();

  db::Database& database_;
  const core::Clock& clock_;
  const RetentionPolicy& policy_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lien::registry
