#include "db/store_contract_test.hpp"

#include <atomic>
#include <chrono>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "db/migrations.hpp"

namespace lien::db {
namespace {

using std::chrono::milliseconds;

FailureKind KindOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const DatabaseError& error) {
    return error.kind();
  }
  ADD_FAILURE() << "no DatabaseError thrown";
  return FailureKind::kOther;
}

std::int64_t Count(Database& database, const std::string& table) {
  return database.Acquire()->QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
}

std::vector<Value> UserRow(const std::string& login) {
  return {login,           std::string("Test User"), std::string("admin"), std::string("hash"),
          std::int64_t{1}, std::int64_t{1},          std::int64_t{1}};
}

constexpr const char* kInsertUser =
    "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";

void CreateValuesTable(Database& database) {
  database.Acquire()->ExecuteScript(ExpandForDialect(
      "CREATE TABLE t (id {{id}}, i BIGINT, r DOUBLE PRECISION, s TEXT, b {{blob}})", database.dialect()));
}

TEST_P(StoreContract, RoundTripsEveryValueTypeIncludingNull) {
  CreateValuesTable(*database_);
  auto connection = database_->Acquire();
  const Blob with_zeros{{0, 1, 0, 255, 0}};
  const std::string utf8 = "Élodie Gaëlle – 日本語 🚀 \"quoted\" 'single'";
  const std::vector<std::vector<Value>> rows = {
      {std::numeric_limits<std::int64_t>::max(), 3.25, utf8, with_zeros},
      {std::numeric_limits<std::int64_t>::min(), -1e-300, std::string(), Blob{}},
      {std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(connection->Execute("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)", row).affected_rows, 1);
  }
  const QueryResult result = connection->Execute("SELECT i, r, s, b FROM t ORDER BY id");
  ASSERT_EQ(result.rows.size(), rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      EXPECT_EQ(result.rows[r].at(c), rows[r][c]) << r << "," << c;
    }
  }
  EXPECT_EQ(result.rows[0].Bytes(3).bytes.size(), 5u);
  EXPECT_TRUE(result.rows[1].Bytes(3).bytes.empty());
  EXPECT_FALSE(result.rows[1].IsNull(2));
  EXPECT_TRUE(result.rows[2].IsNull(3));
  EXPECT_EQ(result.rows[2].OptInt(0), std::nullopt);
  EXPECT_EQ(result.rows[0].OptText(2), utf8);
}

TEST_P(StoreContract, TypedParametersKeepTheirTypeInExpressions) {
  auto connection = database_->Acquire();
  auto row = connection->QueryOne("SELECT ? + 1, ?, ?, ?", {std::int64_t{41}, 2.5, std::string("x"), Blob{{7}}});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Int(0), 42);
  EXPECT_DOUBLE_EQ(row->Real(1), 2.5);
  EXPECT_EQ(row->Text(2), "x");
  EXPECT_EQ(row->Bytes(3), Blob{{7}});
  EXPECT_EQ(connection->QueryOne("SELECT 1 WHERE 1 = 0"), std::nullopt);
}

TEST_P(StoreContract, QuestionMarksInsideLiteralsAreNotPlaceholders) {
  auto connection = database_->Acquire();
  auto row = connection->QueryOne("SELECT 'a?b', ?, '?''?' /* ? */, ? -- ?\n", {std::int64_t{7}, std::string("z")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "a?b");
  EXPECT_EQ(row->Int(1), 7);
  EXPECT_EQ(row->Text(2), "?'?");
  EXPECT_EQ(row->Text(3), "z");
}

TEST_P(StoreContract, WrongParameterCountIsABug) {
  auto connection = database_->Acquire();
  EXPECT_EQ(KindOf([&] { connection->Execute("SELECT ?, ?", {std::int64_t{1}}); }), FailureKind::kOther);
  EXPECT_EQ(KindOf([&] { connection->Execute("SELEKT 1"); }), FailureKind::kOther);
  // The connection is still usable after a failed statement.
  EXPECT_EQ(connection->QueryOne("SELECT 5")->Int(0), 5);
}

TEST_P(StoreContract, RowAccessorsRefuseTheWrongType) {
  auto row = database_->Acquire()->QueryOne("SELECT 'text', 1, NULL");
  ASSERT_TRUE(row);
  EXPECT_EQ(KindOf([&] { (void)row->Int(0); }), FailureKind::kOther);
  EXPECT_EQ(KindOf([&] { (void)row->Text(1); }), FailureKind::kOther);
  EXPECT_EQ(KindOf([&] { (void)row->Int(2); }), FailureKind::kOther);
  EXPECT_TRUE(row->Bool(1));
  EXPECT_DOUBLE_EQ(row->Real(1), 1.0);
}

TEST_P(StoreContract, ConstraintViolationsAreMapped) {
  Migrate(*database_);
  auto connection = database_->Acquire();
  const std::int64_t id = connection->QueryOne(kInsertUser, UserRow("alice"))->Int(0);
  EXPECT_EQ(KindOf([&] { connection->Execute(kInsertUser, UserRow("alice")); }), FailureKind::kUniqueViolation);
  const char* insert_session =
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, "
      "client_address, user_agent) VALUES (?, ?, 'c', 1, 1, 2, '127.0.0.1', 'test')";
  EXPECT_EQ(KindOf([&] {
              connection->Execute(insert_session, {std::string("h1"), std::int64_t{id + 1000}});
            }),
            FailureKind::kForeignKeyViolation);
  EXPECT_EQ(KindOf([&] { connection->Execute("INSERT INTO users (login) VALUES (?)", {std::string("bob")}); }),
            FailureKind::kConstraint);
  connection->Execute(insert_session, {std::string("h1"), id});
  EXPECT_EQ(connection->Execute("DELETE FROM users WHERE id = ?", {id}).affected_rows, 1);
  EXPECT_EQ(Count(*database_, "sessions"), 0) << "ON DELETE CASCADE";
}

TEST_P(StoreContract, BatchReturnsEachResultInOrder) {
  CreateValuesTable(*database_);
  auto connection = database_->Acquire();
  connection->BeginWrite();
  std::vector<Statement> statements;
  for (std::int64_t i = 0; i < 300; ++i) {
    statements.push_back({"INSERT INTO t (i, s) VALUES (?, ?) RETURNING id, i", {i, std::to_string(i)}});
  }
  statements.push_back({"SELECT COUNT(*) FROM t", {}});
  const auto results = connection->ExecuteBatch(statements);
  ASSERT_EQ(results.size(), statements.size());
  for (std::int64_t i = 0; i < 300; ++i) {
    const auto& rows = results[static_cast<std::size_t>(i)].rows;
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].Int(1), i);
    if (i > 0) {
      EXPECT_GT(rows[0].Int(0), results[static_cast<std::size_t>(i - 1)].rows[0].Int(0));
    }
  }
  EXPECT_EQ(results.back().rows[0].Int(0), 300) << "a statement sees the ones before it";
  connection->Commit();
  EXPECT_TRUE(connection->ExecuteBatch({}).empty());
}

TEST_P(StoreContract, BatchThrowsTheFirstFailureAndStopsThere) {
  Migrate(*database_);
  auto connection = database_->Acquire();
  connection->BeginWrite();
  const std::vector<Statement> statements = {
      {kInsertUser, UserRow("alice")}, {kInsertUser, UserRow("alice")}, {kInsertUser, UserRow("bob")}};
  EXPECT_EQ(KindOf([&] { connection->ExecuteBatch(statements); }), FailureKind::kUniqueViolation);
  connection->Rollback();
  EXPECT_EQ(Count(*database_, "users"), 0);
  // The connection works normally afterwards (PostgreSQL: out of pipeline mode).
  connection->BeginWrite();
  connection->ExecuteBatch({{kInsertUser, UserRow("carol")}, {kInsertUser, UserRow("dan")}});
  connection->Commit();
  EXPECT_EQ(Count(*database_, "users"), 2);
}

TEST_P(StoreContract, InsertRowsWritesEveryRowWithFewStatements) {
  CreateValuesTable(*database_);
  auto connection = database_->Acquire();
  connection->ExecuteScript("CREATE UNIQUE INDEX t_i ON t (i)");
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{700}}) {
    std::vector<Value> values;
    for (std::size_t i = 0; i < count; ++i) {
      values.insert(values.end(), {static_cast<std::int64_t>(i), "row " + std::to_string(i)});
    }
    connection->BeginWrite();
    InsertRows(*connection, "INSERT INTO t (i, s)", 2, values, "ON CONFLICT (i) DO NOTHING");
    connection->Commit();
  }
  EXPECT_EQ(Count(*database_, "t"), 700) << "the rows already there were skipped by the suffix";
  const auto last = connection->QueryOne("SELECT s FROM t WHERE i = 699");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->Text(0), "row 699");
  EXPECT_EQ(KindOf([&] { InsertRows(*connection, "INSERT INTO t (i, s)", 2, {std::int64_t{1}}); }),
            FailureKind::kOther);
}

TEST_P(StoreContract, TransactionsCommitAndRollBack) {
  CreateValuesTable(*database_);
  InWriteTransaction(*database_, [](Connection& c) { c.Execute("INSERT INTO t (i) VALUES (1)"); });
  EXPECT_EQ(Count(*database_, "t"), 1);

  EXPECT_THROW(InWriteTransaction(*database_,
                                  [](Connection& c) {
                                    c.Execute("INSERT INTO t (i) VALUES (2)");
                                    throw std::runtime_error("rules broke");
                                  }),
               std::runtime_error);
  EXPECT_EQ(Count(*database_, "t"), 1);

  // A Result-like value holding an error rolls back (std::optional stands in for core::Result here).
  const auto refused = InWriteTransaction(*database_, [](Connection& c) -> std::optional<int> {
    c.Execute("INSERT INTO t (i) VALUES (3)");
    return std::nullopt;
  });
  EXPECT_FALSE(refused.has_value());
  EXPECT_EQ(Count(*database_, "t"), 1);

  const auto kept = InWriteTransaction(*database_, [](Connection& c) -> std::optional<std::int64_t> {
    return c.Execute("INSERT INTO t (i) VALUES (4)").affected_rows;
  });
  EXPECT_EQ(kept, 1);
  EXPECT_EQ(Count(*database_, "t"), 2);

  auto connection = database_->Acquire();
  connection->BeginWrite();
  EXPECT_TRUE(connection->InTransaction());
  EXPECT_EQ(KindOf([&] { connection->BeginWrite(); }), FailureKind::kOther) << "nested Begin";
  connection->Execute("INSERT INTO t (i) VALUES (5)");
  connection->Rollback();
  EXPECT_FALSE(connection->InTransaction());
  EXPECT_EQ(InReadTransaction(*database_, [](Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM t")->Int(0); }),
            2);
}

TEST_P(StoreContract, WriteTransactionRetriesWhenBusy) {
  CreateValuesTable(*database_);
  int attempts = 0;
  InWriteTransaction(*database_, [&](Connection& c) {
    c.Execute("INSERT INTO t (i) VALUES (?)", {std::int64_t{attempts}});
    if (++attempts < 3) {
      throw DatabaseError(FailureKind::kBusy, "simulated lock conflict");
    }
  });
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(Count(*database_, "t"), 1) << "the busy attempts were rolled back";
  EXPECT_EQ(KindOf([&] {
              InWriteTransaction(*database_,
                                 [](Connection&) { throw DatabaseError(FailureKind::kBusy, "always busy"); });
            }),
            FailureKind::kBusy)
      << "gives up after a few attempts";
}

TEST_P(StoreContract, ReturnedConnectionIsRolledBack) {
  CreateValuesTable(*database_);
  {
    auto connection = database_->Acquire();
    connection->BeginWrite();
    connection->Execute("INSERT INTO t (i) VALUES (1)");
  }
  EXPECT_EQ(Count(*database_, "t"), 0);
  EXPECT_EQ(database_->Stats().in_use, 0);
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(database_->Acquire()->InTransaction());
  }
}

TEST_P(StoreContract, ConcurrentWritersDoNotFail) {
  CreateValuesTable(*database_);
  constexpr int kThreads = 3;
  constexpr int kWrites = 40;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        try {
          // Read then write in one transaction: with a plain BEGIN, SQLite would refuse the lock upgrade.
          InWriteTransaction(*database_, [&](Connection& c) {
            const std::int64_t before = c.QueryOne("SELECT COUNT(*) FROM t")->Int(0);
            c.Execute("INSERT INTO t (i, s) VALUES (?, ?)", {before, std::to_string(t)});
          });
        } catch (const DatabaseError& error) {
          ADD_FAILURE() << error.what();
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(Count(*database_, "t"), kThreads * kWrites);
}

TEST_P(StoreContract, AcquireTimesOutWhenThePoolIsExhausted) {
  auto database = test_->Open(1, milliseconds(200));
  auto held = database->Acquire();
  EXPECT_EQ(database->Stats().in_use, 1);
  EXPECT_EQ(database->Stats().size, 1);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(KindOf([&] { database->Acquire(); }), FailureKind::kUnavailable);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, milliseconds(150));
  EXPECT_LT(waited, milliseconds(3000));
  // A waiter gets the connection as soon as it comes back.
  std::thread returner([&] {
    std::this_thread::sleep_for(milliseconds(50));
    auto returned = std::move(held);
  });
  EXPECT_NO_THROW(database->Acquire());
  returner.join();
}

TEST_P(StoreContract, MigrationsApplyOnceAndAreRecorded) {
  EXPECT_EQ(CurrentVersion(*database_), 0);
  const MigrationReport first = Migrate(*database_);
  EXPECT_EQ(first.from_version, 0);
  EXPECT_EQ(first.to_version, AllMigrations().back().version);
  ASSERT_EQ(first.applied.size(), AllMigrations().size());
  EXPECT_EQ(first.applied[0], "0001_accounts");
  EXPECT_EQ(first.applied[1], "0002_audit");
  EXPECT_EQ(CurrentVersion(*database_), AllMigrations().back().version);
  auto row = database_->Acquire()->QueryOne("SELECT name, applied_at FROM schema_migrations WHERE version = 2");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "audit");
  EXPECT_GT(row->Int(1), 1'600'000'000'000);

  const MigrationReport again = Migrate(*database_);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.from_version, again.to_version);
  EXPECT_EQ(Count(*database_, "schema_migrations"), static_cast<std::int64_t>(AllMigrations().size()));
}

TEST_P(StoreContract, ConcurrentMigrateAppliesEachMigrationOnce) {
  auto other = test_->Open(2);  // A second pool, as a second instance would have.
  std::vector<MigrationReport> reports(2);
  std::vector<std::string> errors(2);
  std::thread a([&] {
    try {
      reports[0] = Migrate(*database_);
    } catch (const std::exception& error) {
      errors[0] = error.what();
    }
  });
  std::thread b([&] {
    try {
      reports[1] = Migrate(*other);
    } catch (const std::exception& error) {
      errors[1] = error.what();
    }
  });
  a.join();
  b.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(reports[0].applied.size() + reports[1].applied.size(), AllMigrations().size());
  EXPECT_EQ(Count(*database_, "schema_migrations"), static_cast<std::int64_t>(AllMigrations().size()));
}

TEST_P(StoreContract, FailedMigrationIsRolledBackAndNamed) {
  const std::vector<Migration> migrations = {
      {.version = 1, .name = "first", .sql = "CREATE TABLE first_table (id {{id}})"},
      {.version = 2, .name = "broken", .sql = "CREATE TABLE second_table (id {{id}}); CREATE TABLE oops ("},
  };
  try {
    Migrate(*database_, migrations);
    FAIL() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("0002_broken"), std::string::npos) << error.what();
  }
  EXPECT_EQ(CurrentVersion(*database_), 1);
  EXPECT_EQ(Count(*database_, "first_table"), 0);
  EXPECT_EQ(KindOf([&] { Count(*database_, "second_table"); }), FailureKind::kOther);
}

TEST_P(StoreContract, DatabaseNewerThanTheBinaryIsRefused) {
  Migrate(*database_);
  database_->Acquire()->Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)");
  try {
    Migrate(*database_);
    FAIL() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("newer than this binary"), std::string::npos) << error.what();
  }
  EXPECT_EQ(CurrentVersion(*database_), 99);
}

TEST_P(StoreContract, AuditLogIsAppendOnly) {
  Migrate(*database_);
  auto connection = database_->Acquire();
  connection->Execute(
      "INSERT INTO audit_log (at, actor_id, actor_login, actor_role, action, subject_type, subject_id, "
      "client_address, request_id, purpose, outcome, details, prev_hash, hash) "
      "VALUES (1, NULL, '', '', 'session.login_failed', 'user', 'x', '127.0.0.1', 'r1', '', 'failed', '{}', '', 'h')");
  EXPECT_EQ(KindOf([&] { connection->Execute("UPDATE audit_log SET outcome = 'ok'"); }), FailureKind::kConstraint);
  EXPECT_EQ(KindOf([&] { connection->Execute("DELETE FROM audit_log"); }), FailureKind::kConstraint);
  EXPECT_EQ(Count(*database_, "audit_log"), 1);

  // How a test tampers a row to prove the hash chain detects it: drop the trigger first.
  connection->ExecuteScript(connection->dialect() == Dialect::kPostgres
                                ? "DROP TRIGGER audit_log_no_update ON audit_log"
                                : "DROP TRIGGER audit_log_no_update");
  EXPECT_EQ(connection->Execute("UPDATE audit_log SET outcome = 'ok'").affected_rows, 1);
}

}  // namespace
}  // namespace lien::db
