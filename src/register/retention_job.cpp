#include "register/retention_job.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "register/retention_store.hpp"

namespace lien::registry {

RetentionJob::RetentionJob(db::Database& database, const core::Clock& clock, const RetentionPolicy& policy,
                           std::chrono::milliseconds interval)
    : database_(database), clock_(clock), policy_(policy), interval_(interval), thread_([this] { Loop(); }) {}

RetentionJob::~RetentionJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool RetentionJob::RunOnce() {
  audit::Event actor;
  actor.actor_login = "system";
  actor.actor_role = "system";
  actor.client_address = "local";
  actor.request_id = "retention-job";
  try {
    const auto counts = RunRetention(database_, policy_, clock_.Now(), actor);
    if (!counts) {
      spdlog::info("retention: another server is purging, skipped");
      return false;
    }
    spdlog::info("retention: purge done ({} register entries ended, {} households, {} persons erased)",
                 counts->register_entries, counts->households, counts->erased.persons);
    return true;
  } catch (const db::DatabaseError& error) {
    // The next run tries again; the server keeps serving.
    spdlog::error("retention: purge failed: {}", error.what());
    return false;
  }
}

void RetentionJob::Loop() {
  auto wait = std::min<std::chrono::milliseconds>(interval_, std::chrono::minutes(1));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    lock.unlock();
    RunOnce();
    lock.lock();
    wait = interval_;
  }
}

}  // namespace lien::registry
