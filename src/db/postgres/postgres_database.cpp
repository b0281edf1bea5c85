#include "db/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "db/connection_pool.hpp"
#include "db/postgres/placeholders.hpp"
#include "db/postgres/postgres_values.hpp"

namespace lien::db {
namespace {

using postgres::BoundParams;
using postgres::ToQueryResult;
using postgres::TypeOf;

/// Bound on prepared statements per connection (see the SQLite backend): past it, all are deallocated.
constexpr std::size_t kMaxCachedStatements = 1000;

std::string FirstLine(std::string_view text) {
  const auto end = text.find('\n');
  std::string line(text.substr(0, end));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
    line.pop_back();
  }
  return line;
}

FailureKind KindOf(std::string_view sqlstate) {
  if (sqlstate == "23505") {
    return FailureKind::kUniqueViolation;
  }
  if (sqlstate == "23503") {
    return FailureKind::kForeignKeyViolation;
  }
  if (sqlstate.starts_with("23")) {
    return FailureKind::kConstraint;
  }
  if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03") {
    return FailureKind::kBusy;
  }
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P0") || sqlstate.starts_with("53")) {
    return FailureKind::kUnavailable;
  }
  return FailureKind::kOther;
}

/// Owns a PGresult.
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& location) {
    // Our defaults come first: the URL may override them (later values win in PQconnectdbParams).
    const char* keys[] = {"application_name", "connect_timeout", "dbname", nullptr};
    const char* values[] = {"lien", "5", location.c_str(), nullptr};
    connection_ = PQconnectdbParams(keys, values, 1);
    if (connection_ == nullptr) {
      throw DatabaseError(FailureKind::kUnavailable, "cannot connect to PostgreSQL: out of memory");
    }
    if (PQstatus(connection_) != CONNECTION_OK) {
      std::string message =
          "cannot connect to PostgreSQL at " + Address() + ": " + FirstLine(PQerrorMessage(connection_));
      PQfinish(connection_);
      connection_ = nullptr;
      throw DatabaseError(FailureKind::kUnavailable, message);
    }
    PQsetNoticeProcessor(
        connection_, [](void*, const char*) {}, nullptr);
    try {
      ExecuteScript("SET client_min_messages = warning; SET bytea_output = hex; SET TIME ZONE 'UTC'");
    } catch (...) {
      PQfinish(connection_);
      connection_ = nullptr;
      throw;
    }
  }
  ~PostgresConnection() override {
    if (connection_ != nullptr) {
      PQfinish(connection_);
    }
  }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }

  bool Healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

  QueryResult Execute(std::string_view sql, const std::vector<Value>& params) override {
    const std::string& name = PrepareFor(sql, params);
    const BoundParams bound(params);
    ResultPtr result(PQexecPrepared(connection_, name.c_str(), static_cast<int>(params.size()), bound.pointers.data(),
                                    bound.lengths.data(), bound.formats.data(), 0));
    Check(result.get(), sql);
    return ToQueryResult(result.get());
  }

  std::vector<QueryResult> ExecuteBatch(const std::vector<Statement>& statements) override {
    std::vector<QueryResult> results;
    results.reserve(statements.size());
    // Pipelines of bounded length: in blocking mode the server's replies wait in the socket until we read them,
    // so a pipeline must not send more than the buffers hold before reading (libpq, "Pipeline Mode").
    constexpr std::size_t kPipelineLength = 128;
    for (std::size_t first = 0; first < statements.size(); first += kPipelineLength) {
      const std::size_t last = std::min(statements.size(), first + kPipelineLength);
      if (last - first == 1) {
        results.push_back(Execute(statements[first].sql, statements[first].params));
      } else {
        RunPipeline(statements, first, last, results);
      }
    }
    return results;
  }

  void ExecuteScript(std::string_view sql) override {
    ResultPtr result(PQexec(connection_, std::string(sql).c_str()));
    Check(result.get(), sql);
  }

  void BeginWrite() override { Begin("BEGIN"); }
  // A read transaction sees one snapshot for all its statements, as SQLite's does: a report that reads in
  // batches (the audit chain check) must not see rows committed halfway. Read-only repeatable read never
  // fails with a serialization error.
  void BeginRead() override { Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void Commit() override { ExecuteScript("COMMIT"); }
  void Rollback() override {
    if (InTransaction()) {
      ExecuteScript("ROLLBACK");
    }
  }
  bool InTransaction() const override {
    const auto status = PQtransactionStatus(connection_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
  }

 private:
  std::string Address() const {
    const char* host = PQhost(connection_);
    const char* port = PQport(connection_);
    return std::string(host != nullptr && *host != '\0' ? host : "localhost") + ":" +
           (port != nullptr && *port != '\0' ? port : "5432");
  }

  void Begin(const char* statement) {
    if (InTransaction()) {
      throw DatabaseError(FailureKind::kOther, "nested transaction on a PostgreSQL connection");
    }
    ExecuteScript(statement);
  }

  // The prepared statement for `sql` with the types of `params`: one per SQL text and parameter types.
  const std::string& PrepareFor(std::string_view sql, const std::vector<Value>& params) {
    std::string key(sql);
    key += '\0';
    std::vector<Oid> types;
    types.reserve(params.size());
    for (const Value& value : params) {
      types.push_back(TypeOf(value));
      key += static_cast<char>('0' + value.index());
    }
    return Prepare(key, sql, types, params.size());
  }

  // Sends statements [first, last) in one pipeline and appends their results; throws the first failure once
  // the pipeline is drained (the statements after it come back aborted).
  void RunPipeline(const std::vector<Statement>& statements, std::size_t first, std::size_t last,
                   std::vector<QueryResult>& results) {
    // Prepared before the pipeline opens; a full cache is emptied first so no name is dropped halfway.
    if (statements_.size() + (last - first) > kMaxCachedStatements) {
      ExecuteScript("DEALLOCATE ALL");
      statements_.clear();
    }
    std::vector<const std::string*> names;
    for (std::size_t i = first; i < last; ++i) names.push_back(&PrepareFor(statements[i].sql, statements[i].params));
    if (PQenterPipelineMode(connection_) != 1) {
      throw DatabaseError(FailureKind::kOther,
                          "PostgreSQL: cannot enter pipeline mode: " + FirstLine(PQerrorMessage(connection_)));
    }
    std::optional<DatabaseError> failure;
    std::size_t sent = 0;
    for (std::size_t i = first; i < last; ++i, ++sent) {
      const BoundParams bound(statements[i].params);
      if (PQsendQueryPrepared(connection_, names[i - first]->c_str(), static_cast<int>(statements[i].params.size()),
                              bound.pointers.data(), bound.lengths.data(), bound.formats.data(), 0) != 1) {
        failure = DatabaseError(FailureKind::kUnavailable,
                                "PostgreSQL: cannot send a statement: " + FirstLine(PQerrorMessage(connection_)));
        break;
      }
    }
    if (PQpipelineSync(connection_) != 1) {
      // The connection is broken: it cannot leave pipeline mode, and the pool drops it (Healthy is false).
      throw DatabaseError(FailureKind::kUnavailable,
                          "PostgreSQL: cannot send a pipeline: " + FirstLine(PQerrorMessage(connection_)));
    }
    // Each statement gives its result then a null; the sync point closes the pipeline.
    std::size_t done = 0;
    for (;;) {
      ResultPtr result(PQgetResult(connection_));
      if (result == nullptr) {
        if (++done > sent || PQstatus(connection_) != CONNECTION_OK) {
          throw DatabaseError(FailureKind::kUnavailable, "PostgreSQL: the pipeline ended without its sync point: " +
                                                             FirstLine(PQerrorMessage(connection_)));
        }
        continue;
      }
      const auto status = PQresultStatus(result.get());
      if (status == PGRES_PIPELINE_SYNC) break;
      if (status == PGRES_PIPELINE_ABORTED) continue;
      const std::string_view sql = statements[first + std::min(done, last - first - 1)].sql;
      if (auto error = ErrorOf(result.get(), sql)) {
        if (!failure) failure = std::move(error);
        continue;
      }
      results.push_back(ToQueryResult(result.get()));
    }
    if (PQexitPipelineMode(connection_) != 1) {
      throw DatabaseError(FailureKind::kUnavailable,
                          "PostgreSQL: cannot leave pipeline mode: " + FirstLine(PQerrorMessage(connection_)));
    }
    if (failure) throw *failure;
  }

  const std::string& Prepare(const std::string& key, std::string_view sql, const std::vector<Oid>& types,
                             std::size_t given) {
    if (auto found = statements_.find(key); found != statements_.end()) {
      return found->second;
    }
    const RewrittenSql rewritten = RewritePlaceholders(sql);
    if (static_cast<std::size_t>(rewritten.parameter_count) != given) {
      throw DatabaseError(FailureKind::kOther, "statement takes " + std::to_string(rewritten.parameter_count) +
                                                   " parameters, " + std::to_string(given) +
                                                   " given: " + std::string(sql));
    }
    if (statements_.size() >= kMaxCachedStatements) {
      ExecuteScript("DEALLOCATE ALL");
      statements_.clear();
    }
    std::string name = "lien_" + std::to_string(++statement_serial_);
    ResultPtr result(
        PQprepare(connection_, name.c_str(), rewritten.sql.c_str(), static_cast<int>(types.size()), types.data()));
    Check(result.get(), sql);
    return statements_.emplace(key, std::move(name)).first->second;
  }

  void Check(const PGresult* result, std::string_view sql) const {
    if (auto error = ErrorOf(result, sql)) throw *error;
  }

  std::optional<DatabaseError> ErrorOf(const PGresult* result, std::string_view sql) const {
    const auto status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return std::nullopt;
    }
    const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
    if (message.empty()) {
      message = PQerrorMessage(connection_);
    }
    FailureKind kind = sqlstate != nullptr ? KindOf(sqlstate) : FailureKind::kOther;
    if (PQstatus(connection_) != CONNECTION_OK) {
      kind = FailureKind::kUnavailable;
    }
    // Appended piece by piece: g++ 12 sees a false overlap (-Wrestrict) in `" " + std::string(sqlstate)` here.
    std::string text = "PostgreSQL";
    if (sqlstate != nullptr) {
      text += ' ';
      text += sqlstate;
    }
    text += ": ";
    text += FirstLine(message);
    text += " in: ";
    text += FirstLine(sql);
    return DatabaseError(kind, text);
  }

  PGconn* connection_ = nullptr;
  std::uint64_t statement_serial_ = 0;
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> statements_;
};

class PostgresDatabase final : public ConnectionPool {
 public:
  PostgresDatabase(std::string location, int pool_size, std::chrono::milliseconds acquire_timeout)
      : ConnectionPool(pool_size, acquire_timeout), location_(std::move(location)) {
    Prime();
  }
  Dialect dialect() const override { return Dialect::kPostgres; }

 protected:
  std::unique_ptr<Connection> Connect() override { return std::make_unique<PostgresConnection>(location_); }
  bool Reusable(const Connection& connection) const override {
    return !connection.InTransaction() && static_cast<const PostgresConnection&>(connection).Healthy();
  }

 private:
  std::string location_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& location, int pool_size,
                                       std::chrono::milliseconds acquire_timeout) {
  return std::make_unique<PostgresDatabase>(location, pool_size, acquire_timeout);
}

}  // namespace lien::db
