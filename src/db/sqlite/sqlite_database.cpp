#include "db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "db/connection_pool.hpp"

namespace lien::db {
namespace {

constexpr int kBusyTimeoutMs = 5000;
/// Stores use a fixed set of SQL texts, so the cache stays small; the bound only guards against SQL built
/// from data (a bug, but not one that should exhaust memory).
constexpr std::size_t kMaxCachedStatements = 1000;

FailureKind KindOf(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return FailureKind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FailureKind::kForeignKeyViolation;
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_CONSTRAINT:
      return FailureKind::kConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return FailureKind::kBusy;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return FailureKind::kUnavailable;
    default:
      return FailureKind::kOther;
  }
}

/// Hash and equality that accept a string_view, so looking up the cache does not copy the SQL.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
      std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
      sqlite3_close(db_);
      db_ = nullptr;
      const auto directory = std::filesystem::absolute(path).parent_path();
      std::error_code ignored;
      if (!std::filesystem::is_directory(directory, ignored)) {
        reason = "directory " + directory.string() + " does not exist";
      }
      throw DatabaseError(FailureKind::kUnavailable, "cannot open SQLite database " + path + ": " + reason);
    }
    sqlite3_extended_result_codes(db_, 1);
    try {
      // busy_timeout first: switching to WAL needs a lock another connection may hold for a moment.
      sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      // A page cache of up to 32 MiB (the default is 2 MiB), taken only as pages are read: an import of
      // 100,000 persons inserts into token indexes at random places, and with 2 MiB every insert rereads and
      // spills pages (a quarter of its CPU time; docs/PERFORMANCE.md).
      ExecuteScript(
          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;");
      auto mode = QueryOne("PRAGMA journal_mode");
      if (!mode || mode->Text(0) != "wal") {
        throw DatabaseError(FailureKind::kUnavailable, "cannot switch SQLite database " + path + " to WAL mode");
      }
    } catch (const DatabaseError& error) {
      Close();
      throw DatabaseError(FailureKind::kUnavailable, std::string(error.what()).find(path) == std::string::npos
                                                         ? "cannot open SQLite database " + path + ": " + error.what()
                                                         : error.what());
    }
  }

  ~SqliteConnection() override { Close(); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }

  QueryResult Execute(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* statement = Prepare(sql);
    // Reset and unbind on every way out, so the cached statement holds no lock and no parameter copy.
    struct ResetGuard {
      sqlite3_stmt* statement;
      ~ResetGuard() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
      }
    } guard{statement};
    Bind(statement, sql, params);
    QueryResult result;
    const int columns = sqlite3_column_count(statement);
    for (;;) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) {
        break;
      }
      if (code != SQLITE_ROW) {
        Fail(sql);
      }
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) {
        values.push_back(ColumnValue(statement, i));
      }
      result.rows.emplace_back(std::move(values));
    }
    if (!sqlite3_stmt_readonly(statement)) {
      result.affected_rows = sqlite3_changes64(db_);
    }
    return result;
  }

  void ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
      std::string reason = message != nullptr ? message : sqlite3_errstr(code);
      sqlite3_free(message);
      throw DatabaseError(KindOf(sqlite3_extended_errcode(db_)), "SQLite: " + reason);
    }
  }

  void BeginWrite() override { Begin("BEGIN IMMEDIATE"); }
  void BeginRead() override { Begin("BEGIN"); }
  void Commit() override { ExecuteScript("COMMIT"); }
  void Rollback() override {
    // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR...): nothing left to undo then.
    if (InTransaction()) {
      ExecuteScript("ROLLBACK");
    }
  }
  bool InTransaction() const override { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

 private:
  void Begin(const char* statement) {
    if (InTransaction()) {
      throw DatabaseError(FailureKind::kOther, "nested transaction on a SQLite connection");
    }
    ExecuteScript(statement);
  }

  sqlite3_stmt* Prepare(std::string_view sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) {
      return found->second;
    }
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int code =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, &tail);
    if (code != SQLITE_OK) {
      Fail(sql);
    }
    if (statement == nullptr || std::string_view(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail))
                                        .find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(statement);
      throw DatabaseError(FailureKind::kOther, "Execute takes exactly one statement: " + std::string(sql));
    }
    if (statements_.size() >= kMaxCachedStatements) {
      FinalizeAll();
    }
    statements_.emplace(std::string(sql), statement);
    return statement;
  }

  void Bind(sqlite3_stmt* statement, std::string_view sql, const std::vector<Value>& params) {
    const int expected = sqlite3_bind_parameter_count(statement);
    if (expected != static_cast<int>(params.size())) {
      throw DatabaseError(FailureKind::kOther, "statement takes " + std::to_string(expected) + " parameters, " +
                                                   std::to_string(params.size()) + " given: " + std::string(sql));
    }
    for (int i = 1; i <= expected; ++i) {
      const Value& value = params[static_cast<std::size_t>(i - 1)];
      int code = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(value)) {
        code = sqlite3_bind_null(statement, i);
      } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        code = sqlite3_bind_int64(statement, i, *integer);
      } else if (const auto* real = std::get_if<double>(&value)) {
        code = sqlite3_bind_double(statement, i, *real);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        code = sqlite3_bind_text64(statement, i, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        const auto& bytes = std::get<Blob>(value).bytes;
        // A null pointer would bind NULL: an empty blob must stay an empty blob.
        code = bytes.empty() ? sqlite3_bind_zeroblob(statement, i, 0)
                             : sqlite3_bind_blob64(statement, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
      }
      if (code != SQLITE_OK) {
        Fail(sql);
      }
    }
  }

  static Value ColumnValue(sqlite3_stmt* statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
      case SQLITE_INTEGER:
        return std::int64_t{sqlite3_column_int64(statement, i)};
      case SQLITE_FLOAT:
        return sqlite3_column_double(statement, i);
      case SQLITE_TEXT: {
        const auto* text = sqlite3_column_text(statement, i);
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, i));
        return std::string(reinterpret_cast<const char*>(text), size);
      }
      case SQLITE_BLOB: {
        const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, i));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, i));
        return Blob{std::vector<std::uint8_t>(data, data + size)};
      }
      default:
        return std::monostate{};
    }
  }

  [[noreturn]] void Fail(std::string_view sql) const {
    throw DatabaseError(KindOf(sqlite3_extended_errcode(db_)),
                        std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
  }

  void FinalizeAll() {
    for (auto& [sql, statement] : statements_) {
      sqlite3_finalize(statement);
    }
    statements_.clear();
  }

  void Close() {
    FinalizeAll();
    sqlite3_close(db_);
    db_ = nullptr;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

class SqliteDatabase final : public ConnectionPool {
 public:
  SqliteDatabase(std::string path, int pool_size, std::chrono::milliseconds acquire_timeout)
      : ConnectionPool(pool_size, acquire_timeout), path_(std::move(path)) {
    Prime();
  }
  Dialect dialect() const override { return Dialect::kSqlite; }

 protected:
  std::unique_ptr<Connection> Connect() override { return std::make_unique<SqliteConnection>(path_); }

 private:
  std::string path_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, int pool_size,
                                     std::chrono::milliseconds acquire_timeout) {
  return std::make_unique<SqliteDatabase>(path, pool_size, acquire_timeout);
}

}  // namespace lien::db
