#include <gtest/gtest.h>

#include <chrono>

#include "db/postgres/postgres_database.hpp"
#include "db/store_contract_test.hpp"

namespace lien::db {
namespace {

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(Dialect::kPostgres), EngineName);

// Needs no server: nothing listens on port 1.
TEST(PostgresDatabase, UnreachableServerIsUnavailableQuicklyWithAOneLineMessage) {
  const auto start = std::chrono::steady_clock::now();
  std::string message;
  FailureKind kind = FailureKind::kOther;
  try {
    Open("postgresql://lien:s3cret-pass@127.0.0.1:1/lien", 2);
  } catch (const DatabaseError& error) {
    kind = error.kind();
    message = error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_EQ(kind, FailureKind::kUnavailable) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(message.rfind("cannot connect to PostgreSQL at 127.0.0.1:1: ", 0), 0U) << message;
  EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
}

TEST(PostgresDatabase, BrokenConnectionIsDroppedNotReused) {
  auto test = testing::TestDatabase::Create(Dialect::kPostgres);
  if (test == nullptr) {
    GTEST_SKIP() << "LIEN_TEST_POSTGRES_URL is not set";
  }
  auto database = test->Open(1);
  auto killer = test->Open(1);
  {
    auto connection = database->Acquire();
    const std::int64_t pid = connection->QueryOne("SELECT pg_backend_pid()")->Int(0);
    connection->BeginWrite();
    killer->Acquire()->Execute("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {pid});
    try {
      connection->Execute("SELECT 1");
      FAIL() << "a terminated connection answered";
    } catch (const DatabaseError& error) {
      EXPECT_EQ(error.kind(), FailureKind::kUnavailable) << error.what();
    }
  }  // Returned to the pool here: it must be dropped, and the next Acquire opens a fresh one.
  EXPECT_EQ(database->Stats().in_use, 0);
  EXPECT_EQ(database->Acquire()->QueryOne("SELECT 7")->Int(0), 7);
}

TEST(PostgresDatabase, SetsApplicationNameAndQuietNotices) {
  auto test = testing::TestDatabase::Create(Dialect::kPostgres);
  if (test == nullptr) {
    GTEST_SKIP() << "LIEN_TEST_POSTGRES_URL is not set";
  }
  auto database = test->Open(1);
  auto connection = database->Acquire();
  EXPECT_EQ(connection->QueryOne("SHOW application_name")->Text(0), "lien");
  EXPECT_EQ(connection->QueryOne("SHOW client_min_messages")->Text(0), "warning");
  auto row = connection->QueryOne("SELECT true, false, 2::int2, 4::int4, 1.5::float4, 2.25::numeric, 'x'::varchar");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Int(0), 1);
  EXPECT_EQ(row->Int(1), 0);
  EXPECT_EQ(row->Int(2), 2);
  EXPECT_EQ(row->Int(3), 4);
  EXPECT_DOUBLE_EQ(row->Real(4), 1.5);
  EXPECT_DOUBLE_EQ(row->Real(5), 2.25);
  EXPECT_EQ(row->Text(6), "x");
}

}  // namespace
}  // namespace lien::db
