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

std::vector<QueryResult> Connection::ExecuteBatch(const std::vector<Statement>& statements) {
  std::vector<QueryResult> results;
  results.reserve(statements.size());
  for (const Statement& statement : statements) results.push_back(Execute(statement.sql, statement.params));
  return results;
}

void InsertRows(Connection& connection, std::string_view insert, std::size_t columns, const std::vector<Value>& values,
                std::string_view suffix) {
  if (columns == 0 || values.size() % columns != 0) {
    throw DatabaseError(FailureKind::kOther, "InsertRows: " + std::to_string(values.size()) +
                                                 " values do not make rows of " + std::to_string(columns));
  }
  constexpr std::size_t kMaxRows = 256;
  constexpr std::size_t kMaxValues = 2048;
  std::size_t widest = kMaxRows;
  while (widest > 1 && widest * columns > kMaxValues) widest /= 2;
  std::string tuple = "(";
  for (std::size_t c = 0; c < columns; ++c) tuple += c == 0 ? "?" : ", ?";
  tuple += ")";
  std::vector<Statement> statements;
  std::size_t row = 0;
  const std::size_t rows = values.size() / columns;
  for (std::size_t width = widest; width >= 1; width /= 2) {
    for (; rows - row >= width; row += width) {
      Statement statement;
      statement.sql.reserve(insert.size() + suffix.size() + 16 + width * (tuple.size() + 2));
      statement.sql.append(insert).append(" VALUES ");
      for (std::size_t i = 0; i < width; ++i) statement.sql.append(i == 0 ? "" : ", ").append(tuple);
      if (!suffix.empty()) statement.sql.append(" ").append(suffix);
      const auto first = values.begin() + static_cast<std::ptrdiff_t>(row * columns);
      statement.params.assign(first, first + static_cast<std::ptrdiff_t>(width * columns));
      statements.push_back(std::move(statement));
    }
  }
  connection.ExecuteBatch(statements);
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
