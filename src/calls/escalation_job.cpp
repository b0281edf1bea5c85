#include "calls/escalation_job.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "calls/escalation_sweep.hpp"

namespace lien::calls {

EscalationJob::EscalationJob(db::Database& database, const core::Clock& clock, std::chrono::milliseconds interval)
    : database_(database), clock_(clock), interval_(interval), thread_([this] { Loop(); }) {}

EscalationJob::~EscalationJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool EscalationJob::RunOnce() {
  audit::Event actor;
  actor.actor_login = "system";
  actor.actor_role = "system";
  actor.client_address = "local";
  actor.request_id = "escalation-job";
  try {
    const auto report = SweepEscalations(database_, clock_.Now(), actor, SweepWait::kSkipIfBusy);
    if (!report) {
      spdlog::debug("escalations: another server is sweeping, skipped");
      return false;
    }
    if (!report->raised.empty()) {
      spdlog::info("escalations: {} raised ({} already open)", report->raised.size(), report->already_open);
    }
    return true;
  } catch (const db::DatabaseError& error) {
    // The next run tries again; the server keeps serving.
    spdlog::error("escalations: sweep failed: {}", error.what());
    return false;
  }
}

void EscalationJob::Loop() {
  auto wait = std::min<std::chrono::milliseconds>(interval_, std::chrono::minutes(1));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    lock.unlock();
    RunOnce();
    lock.lock();
    wait = interval_;
  }
}

}  // namespace lien::calls
