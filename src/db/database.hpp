#pragma once
// The storage interface every module's store talks to. Two backends implement it: SQLite (embedded default)
// and PostgreSQL (libpq). Stores write SQL once, in the subset both engines speak, with `?` placeholders;
// the PostgreSQL backend rewrites them to $1, $2... Times are integer epoch milliseconds, booleans 0/1 integers.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lien::db {

/// Raw bytes, stored as BLOB (SQLite) or BYTEA (PostgreSQL).
struct Blob {
  std::vector<std::uint8_t> bytes;
  bool operator==(const Blob&) const = default;
};

/// One bound parameter or one column value. NULL is std::monostate.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

enum class Dialect { kSqlite, kPostgres };

/// What went wrong in the database, so a store can turn the expected cases into core::Error values.
enum class FailureKind {
  kUniqueViolation,      ///< A UNIQUE or PRIMARY KEY constraint refused the row.
  kForeignKeyViolation,  ///< A FOREIGN KEY constraint refused the change.
  kConstraint,           ///< Another constraint (CHECK, NOT NULL).
  kBusy,                 ///< Locked or serialization failure; the caller may retry the whole transaction.
  kUnavailable,          ///< Cannot connect, connection lost, disk full or read-only.
  kOther,                ///< A bug: bad SQL, wrong parameter count, type mismatch.
};

/// Thrown by the backends; the message holds the engine's text (server log only, never sent to users).
class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(FailureKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  FailureKind kind() const { return kind_; }

 private:
  FailureKind kind_;
};

/// One result row; columns by position in the SELECT list.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  const Value& at(std::size_t i) const { return values_.at(i); }
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  /// Integer column (throws DatabaseError(kOther) if it is not one). A NULL reads as 0 only through OptInt.
  std::int64_t Int(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  double Real(std::size_t i) const;
  const std::string& Text(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  const Blob& Bytes(std::size_t i) const;
  bool Bool(std::size_t i) const { return Int(i) != 0; }

 private:
  std::vector<Value> values_;
};

struct QueryResult {
  std::vector<Row> rows;
  std::int64_t affected_rows = 0;  ///< For INSERT/UPDATE/DELETE.
};

/// One statement of a batch (Connection::ExecuteBatch).
struct Statement {
  std::string sql;
  std::vector<Value> params;
};

/// One connection. Not thread-safe: a connection is used by one thread at a time (the pool hands it out).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  /// Runs one statement with bound parameters (`?` placeholders). Statements are prepared and cached.
  /// Throws DatabaseError.
  virtual QueryResult Execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  /// Runs `statements` in order, as Execute would one after the other, and returns their results in the same
  /// order. PostgreSQL sends them in one pipeline: one round trip for the lot instead of one each, which is
  /// what a bulk write (an import of 100,000 persons) spends most of its time on. Meant for writes and small
  /// results (RETURNING a key). Throws the DatabaseError of the first statement that fails; the ones after it
  /// are not run (inside a transaction, which the caller then rolls back).
  virtual std::vector<QueryResult> ExecuteBatch(const std::vector<Statement>& statements);

  /// Runs a script of several statements without parameters (migrations). Throws DatabaseError.
  virtual void ExecuteScript(std::string_view sql) = 0;

  /// Transactions. BeginWrite takes the write lock at once (SQLite: BEGIN IMMEDIATE) so two writers never
  /// deadlock on a lock upgrade; BeginRead reads one consistent snapshot
  /// (PostgreSQL: REPEATABLE READ READ ONLY; writing in it fails). Nested Begin is a bug (throws).
  virtual void BeginWrite() = 0;
  virtual void BeginRead() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool InTransaction() const = 0;

  /// Shorthand: first row or nullopt.
  std::optional<Row> QueryOne(std::string_view sql, const std::vector<Value>& params = {});
};

/// Inserts many rows with multi-row INSERTs: `insert` is "INSERT INTO t (a, b, c)", `values` holds `columns`
/// values per row, row after row, and `suffix` follows the VALUES list ("ON CONFLICT (k) DO NOTHING").
/// Statements carry a power of two of rows (up to 256 and about 2,000 values), so a handful of SQL texts serve
/// any count and stay prepared; they all go in one ExecuteBatch. Throws DatabaseError.
void InsertRows(Connection& connection, std::string_view insert, std::size_t columns, const std::vector<Value>& values,
                std::string_view suffix = {});

struct PoolStats {
  int size = 0;     ///< Connections the pool may open.
  int in_use = 0;   ///< Connections handed out now.
  int waiting = 0;  ///< Threads waiting for a connection.
};

class Database;

/// A connection borrowed from the pool; returned when destroyed. Rolls back an open transaction on return.
class PooledConnection {
 public:
  PooledConnection(Database* owner, std::unique_ptr<Connection> connection);
  PooledConnection(PooledConnection&&) noexcept;
  PooledConnection& operator=(PooledConnection&&) = delete;
  PooledConnection(const PooledConnection&) = delete;
  ~PooledConnection();
  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> connection_;
};

/// A pool of connections to one database. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  /// Borrows a connection, waiting up to the pool's timeout. Throws DatabaseError(kUnavailable) on timeout
  /// or when the server cannot be reached.
  virtual PooledConnection Acquire() = 0;
  virtual PoolStats Stats() const = 0;

  /// Called by PooledConnection: takes the connection back (or drops it if it is broken).
  virtual void Release(std::unique_ptr<Connection> connection) = 0;
};

/// Opens a database from a location: a `postgresql://` or `postgres://` URL (or libpq key=value string
/// starting with "host=" / "dbname="), otherwise a SQLite file path. `pool_size` connections at most;
/// Acquire waits up to `acquire_timeout` for a free one. The first connection is opened at once, so a wrong
/// location fails here. Throws DatabaseError(kUnavailable) with a one-line reason when it cannot open or connect.
std::unique_ptr<Database> Open(const std::string& location, int pool_size,
                               std::chrono::milliseconds acquire_timeout = std::chrono::seconds(5));

/// Runs `work` inside a write transaction on a fresh connection, committing when it returns normally and
/// rolling back when it throws. Retries the whole `work` a few times when the engine reports kBusy.
template <class Work>
auto InWriteTransaction(Database& database, Work&& work) -> decltype(work(std::declval<Connection&>()));

template <class Work>
auto InReadTransaction(Database& database, Work&& work) -> decltype(work(std::declval<Connection&>()));

}  // namespace lien::db

#include "db/transaction_inl.hpp"
