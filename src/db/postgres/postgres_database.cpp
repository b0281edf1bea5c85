#include "db/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "db/connection_pool.hpp"
#include "db/postgres/placeholders.hpp"

namespace lien::db {
namespace {

// Type OIDs from pg_type (stable across releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

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

int HexDigit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

Value DecodeBytea(std::string_view text) {
  // bytea_output = hex (the default since 9.0, set on each connection): "\x" then two digits a byte.
  if (!text.starts_with("\\x") || text.size() % 2 != 0) {
    throw DatabaseError(FailureKind::kOther, "unexpected bytea text from PostgreSQL");
  }
  Blob blob;
  blob.bytes.reserve((text.size() - 2) / 2);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    const int high = HexDigit(text[i]);
    const int low = HexDigit(text[i + 1]);
    if (high < 0 || low < 0) {
      throw DatabaseError(FailureKind::kOther, "bad hex digit in bytea from PostgreSQL");
    }
    blob.bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
  }
  return blob;
}

Value Decode(Oid type, std::string_view text) {
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t value = 0;
      std::from_chars(text.data(), text.data() + text.size(), value);
      return value;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      // strtod reads "NaN", "Infinity" and "-Infinity" as PostgreSQL writes them; text is NUL-terminated.
      return std::strtod(text.data(), nullptr);
    case kBoolOid:
      return std::int64_t{text == "t" ? 1 : 0};
    case kByteaOid:
      return DecodeBytea(text);
    default:
      return std::string(text);
  }
}

/// The parameter types sent with PQprepare: integers and reals are declared so `? + 1`, `? IS NULL` and
/// `SELECT ?` keep their type; text and NULL are left for the server to infer from the context (so a text
/// parameter compared with a DATE or an INTEGER column still works).
Oid TypeOf(const Value& value) {
  switch (value.index()) {
    case 1:
      return kInt8Oid;
    case 2:
      return kFloat8Oid;
    case 4:
      return kByteaOid;
    default:
      return 0;
  }
}

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
    std::string key(sql);
    key += '\0';  // Types are part of the key: one prepared statement per SQL text and parameter types.
    std::vector<Oid> types;
    types.reserve(params.size());
    for (const Value& value : params) {
      types.push_back(TypeOf(value));
      key += static_cast<char>('0' + value.index());
    }
    const std::string& name = Prepare(key, sql, types, params.size());

    std::vector<std::string> texts(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& value = params[i];
      if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        texts[i] = std::to_string(*integer);
      } else if (const auto* real = std::get_if<double>(&value)) {
        char buffer[32];
        const auto written = std::to_chars(buffer, buffer + sizeof buffer, *real);
        texts[i].assign(buffer, written.ptr);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        pointers[i] = text->c_str();
        continue;
      } else if (const auto* blob = std::get_if<Blob>(&value)) {
        // Binary format: the bytes as they are; a non-null pointer even for zero bytes (null would be NULL).
        static constexpr char kEmpty = 0;
        pointers[i] = blob->bytes.empty() ? &kEmpty : reinterpret_cast<const char*>(blob->bytes.data());
        lengths[i] = static_cast<int>(blob->bytes.size());
        formats[i] = 1;
        continue;
      } else {
        continue;  // NULL: a null pointer.
      }
      pointers[i] = texts[i].c_str();
    }
    ResultPtr result(PQexecPrepared(connection_, name.c_str(), static_cast<int>(params.size()), pointers.data(),
                                    lengths.data(), formats.data(), 0));
    Check(result.get(), sql);

    QueryResult out;
    const int rows = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    out.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          values.emplace_back(std::monostate{});
        } else {
          const std::string_view text(PQgetvalue(result.get(), r, c),
                                      static_cast<std::size_t>(PQgetlength(result.get(), r, c)));
          values.push_back(Decode(PQftype(result.get(), c), text));
        }
      }
      out.rows.emplace_back(std::move(values));
    }
    const char* affected = PQcmdTuples(result.get());
    if (affected != nullptr && *affected != '\0') {
      out.affected_rows = std::strtoll(affected, nullptr, 10);
    }
    return out;
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
    const auto status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
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
    throw DatabaseError(kind, "PostgreSQL" + (sqlstate != nullptr ? " " + std::string(sqlstate) : std::string()) +
                                  ": " + FirstLine(message) + " in: " + FirstLine(sql));
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
