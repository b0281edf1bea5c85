#include "db/connection_pool.hpp"

#include <string>
#include <utility>

namespace lien::db {

ConnectionPool::ConnectionPool(int size, std::chrono::milliseconds acquire_timeout)
    : size_(size), acquire_timeout_(acquire_timeout) {
  if (size_ < 1) {
    throw DatabaseError(FailureKind::kOther, "database pool size must be at least 1");
  }
}

void ConnectionPool::Prime() {
  auto connection = Connect();
  std::lock_guard lock(mutex_);
  ++open_;
  idle_.push_back(std::move(connection));
}

PooledConnection ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  const bool ready = available_.wait_for(lock, acquire_timeout_, [&] { return !idle_.empty() || open_ < size_; });
  --waiting_;
  if (!ready) {
    throw DatabaseError(FailureKind::kUnavailable, "no database connection free after " +
                                                       std::to_string(acquire_timeout_.count()) + " ms (pool of " +
                                                       std::to_string(size_) + ")");
  }
  ++in_use_;
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return PooledConnection(this, std::move(connection));
  }
  ++open_;  // Reserve the slot, then connect without holding the lock: connecting may take seconds.
  lock.unlock();
  try {
    return PooledConnection(this, Connect());
  } catch (...) {
    lock.lock();
    --open_;
    --in_use_;
    lock.unlock();
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  const bool keep = connection != nullptr && Reusable(*connection);
  std::unique_ptr<Connection> dropped;  // Closed after the lock is released.
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (keep) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
      dropped = std::move(connection);
    }
  }
  available_.notify_one();
}

PoolStats ConnectionPool::Stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{.size = size_, .in_use = in_use_, .waiting = waiting_};
}

}  // namespace lien::db
