#include "db/database.hpp"

#include <string>
#include <utility>

#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace lien::db {
namespace {

const char* TypeName(const Value& value) {
  switch (value.index()) {
    case 0:
      return "NULL";
    case 1:
      return "integer";
    case 2:
      return "real";
    case 3:
      return "text";
    default:
      return "blob";
  }
}

template <class T>
const T& Get(const std::vector<Value>& values, std::size_t i, const char* wanted) {
  const Value& value = values.at(i);
  if (const T* typed = std::get_if<T>(&value)) {
    return *typed;
  }
  throw DatabaseError(FailureKind::kOther,
                      "column " + std::to_string(i) + " is " + TypeName(value) + ", not " + wanted);
}

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::int64_t Row::Int(std::size_t i) const { return Get<std::int64_t>(values_, i, "integer"); }

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Int(i);
}

double Row::Real(std::size_t i) const {
  // An integer column read as a real is exact enough for the values stores keep (counts, coordinates).
  if (const auto* integer = std::get_if<std::int64_t>(&values_.at(i))) {
    return static_cast<double>(*integer);
  }
  return Get<double>(values_, i, "real");
}

const std::string& Row::Text(std::size_t i) const { return Get<std::string>(values_, i, "text"); }

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Text(i);
}

const Blob& Row::Bytes(std::size_t i) const { return Get<Blob>(values_, i, "blob"); }

std::optional<Row> Connection::QueryOne(std::string_view sql, const std::vector<Value>& params) {
  QueryResult result = Execute(sql, params);
  if (result.rows.empty()) {
    return std::nullopt;
  }
  return std::move(result.rows.front());
}

PooledConnection::PooledConnection(Database* owner, std::unique_ptr<Connection> connection)
    : owner_(owner), connection_(std::move(connection)) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), connection_(std::move(other.connection_)) {}

PooledConnection::~PooledConnection() {
  if (owner_ == nullptr || connection_ == nullptr) {
    return;
  }
  try {
    if (connection_->InTransaction()) {
      connection_->Rollback();
    }
  } catch (...) {
    // The pool drops a connection still inside a transaction (Reusable), so nothing leaks into the next user.
  }
  owner_->Release(std::move(connection_));
}

std::unique_ptr<Database> Open(const std::string& location, int pool_size, std::chrono::milliseconds acquire_timeout) {
  if (StartsWith(location, "postgresql://") || StartsWith(location, "postgres://") || StartsWith(location, "host=") ||
      StartsWith(location, "dbname=")) {
    return OpenPostgres(location, pool_size, acquire_timeout);
  }
  return OpenSqlite(location, pool_size, acquire_timeout);
}

}  // namespace lien::db
