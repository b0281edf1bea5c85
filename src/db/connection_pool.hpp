#pragma once
// The pool both backends share: at most N connections, opened lazily, handed out one thread at a time.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "db/database.hpp"

namespace lien::db {

/// A Database that keeps idle connections and opens new ones up to `size`. Thread-safe. A backend derives
/// from it and says how to open a connection and whether a returned one is still usable.
class ConnectionPool : public Database {
 public:
  PooledConnection Acquire() override;
  PoolStats Stats() const override;
  void Release(std::unique_ptr<Connection> connection) override;

 protected:
  ConnectionPool(int size, std::chrono::milliseconds acquire_timeout);

  /// Opens a new connection; throws DatabaseError(kUnavailable) when it cannot. Called without the lock held.
  virtual std::unique_ptr<Connection> Connect() = 0;
  /// False for a connection that must be dropped rather than reused (lost, or stuck in a transaction).
  virtual bool Reusable(const Connection& connection) const { return !connection.InTransaction(); }

  /// Opens one connection now and keeps it idle, so that Open() reports a wrong location at once.
  void Prime();

 private:
  const int size_;
  const std::chrono::milliseconds acquire_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  ///< Connections that exist: idle, handed out, or being opened.
  int in_use_ = 0;
  int waiting_ = 0;
};

}  // namespace lien::db
