#pragma once
// Time as Lien sees it. Every rule that depends on "now" takes a Clock so tests can move time.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace lien::core {

/// Milliseconds since the Unix epoch, UTC: the one representation of an instant in storage and rules.
using EpochMillis = std::int64_t;

/// Source of the current instant. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMillis Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  EpochMillis Now() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

/// A clock that only moves when told to; shared between threads safely.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochMillis start) : now_(start) {}
  EpochMillis Now() const override { return now_.load(); }
  void Set(EpochMillis t) { now_.store(t); }
  void Advance(EpochMillis delta) { now_.fetch_add(delta); }

 private:
  std::atomic<EpochMillis> now_;
};

}  // namespace lien::core
