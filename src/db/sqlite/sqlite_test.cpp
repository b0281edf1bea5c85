#include <gtest/gtest.h>

#include "db/sqlite/sqlite_database.hpp"
#include "db/store_contract_test.hpp"

namespace lien::db {
namespace {

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(Dialect::kSqlite), EngineName);

TEST(SqliteDatabase, MissingDirectoryIsUnavailableWithAOneLineReason) {
  try {
    Open("/nonexistent-lien-dir/sub/lien.db", 2);
    FAIL() << "opened";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.kind(), FailureKind::kUnavailable);
    const std::string message = error.what();
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_NE(message.find("/nonexistent-lien-dir/sub"), std::string::npos) << message;
    EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  }
}

TEST(SqliteDatabase, EveryConnectionHasTheDurableSettings) {
  auto test = testing::TestDatabase::Create(Dialect::kSqlite);
  auto database = test->Open(2);
  auto first = database->Acquire();
  auto second = database->Acquire();  // A connection opened after the first one.
  for (Connection* connection : {&*first, &*second}) {
    EXPECT_EQ(connection->QueryOne("PRAGMA journal_mode")->Text(0), "wal");
    EXPECT_EQ(connection->QueryOne("PRAGMA foreign_keys")->Int(0), 1);
    EXPECT_EQ(connection->QueryOne("PRAGMA synchronous")->Int(0), 2) << "FULL";
    EXPECT_EQ(connection->QueryOne("PRAGMA busy_timeout")->Int(0), 5000);
  }
  EXPECT_EQ(database->dialect(), Dialect::kSqlite);
}

TEST(SqliteDatabase, ExecuteRefusesSeveralStatements) {
  auto test = testing::TestDatabase::Create(Dialect::kSqlite);
  auto database = test->Open(1);
  try {
    database->Acquire()->Execute("SELECT 1; SELECT 2");
    FAIL() << "accepted";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.kind(), FailureKind::kOther);
  }
  EXPECT_EQ(database->Acquire()->QueryOne("SELECT 1;")->Int(0), 1);
}

}  // namespace
}  // namespace lien::db
