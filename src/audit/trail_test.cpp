#include "audit/trail.hpp"

#include <gtest/gtest.h>

#include "audit/chain.hpp"
#include "db/migrations.hpp"
#include "db/test_databases.hpp"

namespace lien::audit {
namespace {

Event Sample(int i) {
  Event event;
  event.actor_id = 7;
  event.actor_login = "marie.dupont";
  event.actor_role = "coordinator";
  event.action = "user.read";
  event.subject_type = "user";
  event.subject_id = std::to_string(i);
  event.client_address = "127.0.0.1";
  event.request_id = "req-" + std::to_string(i);
  event.purpose = "administration";
  event.details = {{"n", std::to_string(i)}};
  return event;
}

class TrailTest : public ::testing::Test {
 protected:
  void AppendSome(int count) {
    db::InWriteTransaction(*database_, [&](db::Connection& c) {
      for (int i = 1; i <= count; ++i) Append(c, 1000 + i, Sample(i));
    });
  }
  VerifyReport VerifyNow() {
    return db::InReadTransaction(*database_, [](db::Connection& c) { return Verify(c); });
  }
  // The trail refuses changes through its triggers; a tamper test drops them first, as an attacker with
  // file access would.
  void Tamper(const std::string& sql) {
    auto connection = database_->Acquire();
    connection->ExecuteScript(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
    connection->Execute(sql);
  }

  // A migrated SQLite database in a temporary directory, removed with the fixture.
  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(4);
};

TEST_F(TrailTest, ChainHashCoversEveryField) {
  const auto base = ChainHash(std::string(kGenesisHash), 1, Sample(1));
  auto changed = Sample(1);
  changed.outcome = "refused";
  EXPECT_NE(ChainHash(std::string(kGenesisHash), 1, changed), base);
  changed = Sample(1);
  changed.details["n"] = "2";
  EXPECT_NE(ChainHash(std::string(kGenesisHash), 1, changed), base);
  EXPECT_NE(ChainHash(std::string(kGenesisHash), 2, Sample(1)), base);
  EXPECT_NE(ChainHash(std::string(64, '1'), 1, Sample(1)), base);
}

TEST_F(TrailTest, AnIntactTrailVerifies) {
  EXPECT_TRUE(VerifyNow().ok) << "an empty trail is intact";
  AppendSome(25);
  const auto report = VerifyNow();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.checked, 25);
}

TEST_F(TrailTest, FindFiltersNewestFirstWithCursor) {
  AppendSome(10);
  auto page = db::InReadTransaction(*database_, [](db::Connection& c) {
    Filter filter;
    filter.limit = 3;
    return Find(c, filter);
  });
  ASSERT_EQ(page.size(), 3U);
  EXPECT_EQ(page[0].event.subject_id, "10");
  auto next = db::InReadTransaction(*database_, [&](db::Connection& c) {
    Filter filter;
    filter.limit = 3;
    filter.before_id = page.back().id;
    return Find(c, filter);
  });
  ASSERT_EQ(next.size(), 3U);
  EXPECT_EQ(next[0].event.subject_id, "7");
  auto one = db::InReadTransaction(*database_, [](db::Connection& c) {
    Filter filter;
    filter.subject_type = "user";
    filter.subject_id = "4";
    return Find(c, filter);
  });
  ASSERT_EQ(one.size(), 1U);
  EXPECT_EQ(one[0].event.details.at("n"), "4");
}

TEST_F(TrailTest, TheDatabaseRefusesUpdatesAndDeletes) {
  AppendSome(2);
  auto connection = database_->Acquire();
  EXPECT_THROW(connection->Execute("UPDATE audit_log SET action = 'x' WHERE id = 1"), db::DatabaseError);
  EXPECT_THROW(connection->Execute("DELETE FROM audit_log WHERE id = 1"), db::DatabaseError);
}

TEST_F(TrailTest, AlteredRowIsFound) {
  AppendSome(10);
  Tamper("UPDATE audit_log SET subject_id = '999' WHERE id = 4");
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_id, 4);
  EXPECT_EQ(report.reason, "content");
}

TEST_F(TrailTest, RemovedRowIsFound) {
  AppendSome(10);
  Tamper("DELETE FROM audit_log WHERE id = 6");
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_id, 7);
  EXPECT_EQ(report.reason, "link");
}

TEST_F(TrailTest, RemovedNewestRowsAreFound) {
  AppendSome(10);
  Tamper("DELETE FROM audit_log WHERE id >= 9");
  const auto report = VerifyNow();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.reason, "tail");
}

}  // namespace
}  // namespace lien::audit
