#include "register/rights_store.hpp"

#include <gtest/gtest.h>

#include <set>

#include "audit/trail.hpp"
#include "db/test_databases.hpp"
#include "register/retention_store.hpp"

namespace lien::registry {
namespace {

constexpr core::EpochMillis kDay = 24LL * 3600 * 1000;
constexpr core::EpochMillis kNow = 1'781'481'600'000;  // 15 June 2026

class RightsStore : public ::testing::Test {
 protected:
  void SetUp() override {
    test_database_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
    database_ = test_database_->OpenMigrated(2);
  }

  // A person with a bit of everything, written straight into the tables (the persons' store is another
  // module's; what matters here is what the tables hold).
  std::int64_t AddPerson(const std::string& last_name, core::EpochMillis updated_at,
                         std::optional<core::EpochMillis> last_contact_at = std::nullopt) {
    return db::InWriteTransaction(*database_, [&](db::Connection& c) {
      const auto id = c.QueryOne(
                           "INSERT INTO persons (last_name, first_names, name_key, street, created_at, updated_at, "
                           "last_contact_at) VALUES (?, 'Marie', ?, 'rue Victor Hugo', ?, ?, ?) RETURNING id",
                           {last_name, last_name + " / marie", updated_at, updated_at,
                            last_contact_at ? db::Value(*last_contact_at) : db::Value()})
                          ->Int(0);
      c.Execute("INSERT INTO person_phones (person_id, position, e164, label) VALUES (?, 0, '+33321016310', 'fixe')",
                {id});
      c.Execute("INSERT INTO person_name_tokens (token, person_id) VALUES ('marie', ?)", {id});
      c.Execute(
          "INSERT INTO person_history (person_id, version, at, actor_login, action, purpose, changes) "
          "VALUES (?, 1, ?, 'nadia.benali', 'create', 'person', '{\"last_name\":{\"from\":null,\"to\":\"x\"}}')",
          {id, updated_at});
      return id;
    });
  }

  void AddEntry(std::int64_t person_id, const std::string& state) {
    db::InWriteTransaction(*database_, [&](db::Connection& c) {
      c.Execute(
          "INSERT INTO register_entries (person_id, state, ground, requested_by, requester_name, request_evidence, "
          "requested_on, created_at, updated_at) VALUES (?, ?, 'aged_65', 'relative', 'Luc Secretname', "
          "'Courrier de son fils', '2026-01-02', ?, ?)",
          {person_id, state, kNow, kNow});
    });
  }

  void AddHousehold(std::int64_t person_id, core::EpochMillis last_delivery_at) {
    db::InWriteTransaction(*database_, [&](db::Connection& c) {
      const auto id = c.QueryOne(
                           "INSERT INTO households (person_id, dietary, last_delivery_at, created_at, updated_at) "
                           "VALUES (?, 'no_pork', ?, ?, ?) RETURNING id",
                           {person_id, last_delivery_at, last_delivery_at, last_delivery_at})
                          ->Int(0);
      c.Execute(
          "INSERT INTO household_members (household_id, position, relationship, first_name, birth_year) "
          "VALUES (?, 0, 'child', 'Inès', 2015)",
          {id});
    });
  }

  // A history row of another purpose (the register entry's, the household's), holding its fields' values.
  void AddHistory(std::int64_t person_id, const std::string& purpose) {
    db::InWriteTransaction(*database_, [&](db::Connection& c) {
      c.Execute(
          "INSERT INTO person_history (person_id, version, at, actor_login, action, purpose, changes) VALUES (?, 2, ?, "
          "'ines.intake', 'update', ?, '{\"x\":{\"from\":\"\",\"to\":\"ADMR\"}}')",
          {person_id, kNow, purpose});
    });
  }

  std::int64_t Count(const std::string& table) {
    return db::InReadTransaction(
        *database_, [&](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0); });
  }

  std::unique_ptr<db::testing::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
};

TEST_F(RightsStore, AccessReadsEveryStoredColumnOfEveryTableAboutAPerson) {
  auto connection = database_->Acquire();
  std::set<std::string> covered;
  for (const auto& table : HeldColumnsByTable()) {
    covered.insert(table.table);
    std::set<std::string> listed(table.read.begin(), table.read.end());
    listed.insert(table.left_out.begin(), table.left_out.end());
    std::set<std::string> stored;
    for (const auto& row : connection->Execute("SELECT name FROM pragma_table_info(?)", {table.table}).rows)
      stored.insert(row.Text(0));
    EXPECT_EQ(listed, stored) << table.table << ": a column was added or removed; say whether the access shows it";
  }
  // Every table that points at a person (or at a household) is read and erased: a table added later for the
  // person must join the access request and the erasure.
  for (const auto& table : connection->Execute("SELECT name FROM sqlite_master WHERE type = 'table'").rows) {
    const auto name = table.Text(0);
    for (const auto& key : connection->Execute("SELECT \"table\" FROM pragma_foreign_key_list(?)", {name}).rows) {
      if (key.Text(0) == "persons" || key.Text(0) == "households") {
        EXPECT_TRUE(covered.contains(name)) << name << " refers to a person but the rights do not cover it";
      }
    }
  }
}

TEST_F(RightsStore, AccessGathersTheRecordAndWhoSawIt) {
  const auto id = AddPerson("Lefèvre", kNow);
  AddEntry(id, "registered");
  AddHousehold(id, kNow);
  db::InWriteTransaction(*database_, [&](db::Connection& c) {
    audit::Event read;
    read.actor_login = "nadia.benali";
    read.actor_role = "social_worker";
    read.action = "person.read";
    read.subject_type = "person";
    read.subject_id = std::to_string(id);
    read.purpose = "follow_up";
    audit::Append(c, kNow, read);
    read.subject_id = std::to_string(id + 1);  // someone else's record
    audit::Append(c, kNow, read);
  });
  const auto data = db::InReadTransaction(*database_, [&](db::Connection& c) { return LoadHeldData(c, id); });
  ASSERT_TRUE(data.has_value());
  EXPECT_EQ(std::get<std::string>(data->person[2].second), "Lefèvre");
  EXPECT_EQ(data->phones.size(), 1U);
  ASSERT_TRUE(data->register_entry.has_value());
  ASSERT_TRUE(data->household.has_value());
  EXPECT_EQ(data->household_members.size(), 1U);
  EXPECT_EQ(data->history.size(), 1U);
  ASSERT_EQ(data->accesses.size(), 1U);
  EXPECT_EQ(data->accesses[0].event.actor_login, "nadia.benali");
  EXPECT_FALSE(db::InReadTransaction(*database_, [&](db::Connection& c) { return LoadHeldData(c, id + 100); }));
}

TEST_F(RightsStore, ErasureLeavesNothingOfThePerson) {
  const auto id = AddPerson("Lefèvre", kNow);
  const auto other = AddPerson("Martin", kNow);
  AddEntry(id, "registered");
  AddHousehold(id, kNow);
  const auto counts = db::InWriteTransaction(*database_, [&](db::Connection& c) { return ErasePerson(c, id); });
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->persons, 1);
  EXPECT_EQ(counts->phones, 1);
  EXPECT_EQ(counts->register_entries, 1);
  EXPECT_EQ(counts->households, 1);
  EXPECT_EQ(counts->household_members, 1);
  EXPECT_EQ(counts->history, 1);
  EXPECT_EQ(Count("persons"), 1);
  EXPECT_EQ(Count("person_phones"), 1);
  EXPECT_EQ(Count("register_entries"), 0);
  EXPECT_EQ(Count("households"), 0);
  EXPECT_EQ(Count("household_members"), 0);
  EXPECT_EQ(Count("person_name_tokens"), 1);
  EXPECT_FALSE(db::InWriteTransaction(*database_, [&](db::Connection& c) { return ErasePerson(c, id); }));
  EXPECT_TRUE(db::InReadTransaction(*database_, [&](db::Connection& c) { return LoadHeldData(c, other); }));
}

TEST_F(RightsStore, RetentionPurgesWhatIsPastItsTimeAndAuditsCountsOnly) {
  const auto removed = AddPerson("Removed", kNow, kNow - 10 * kDay);
  AddEntry(removed, "removed");
  const auto forgotten = AddPerson("Forgotten", kNow - 800 * kDay, kNow - 800 * kDay);
  const auto registered = AddPerson("Registered", kNow - 800 * kDay, kNow - 800 * kDay);
  AddEntry(registered, "registered");
  const auto delivered_long_ago = AddPerson("Delivered", kNow, kNow - 5 * kDay);
  AddHousehold(delivered_long_ago, kNow - 900 * kDay);
  AddHistory(removed, "register");
  AddHistory(registered, "register");
  AddHistory(delivered_long_ago, "delivery");

  const RetentionPolicy policy;
  const auto due = DueForRetention(*database_, policy, kNow);
  EXPECT_EQ(due.register_entries, (std::vector<std::int64_t>{removed}));
  EXPECT_EQ(due.persons, (std::vector<std::int64_t>{forgotten}));
  EXPECT_EQ(due.households, (std::vector<std::int64_t>{delivered_long_ago}));

  audit::Event actor;
  actor.actor_login = "system";
  const auto counts = RunRetention(*database_, policy, kNow, actor);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->register_entries, 1);
  EXPECT_EQ(counts->households, 1);
  EXPECT_EQ(counts->erased.persons, 1);
  EXPECT_EQ(Count("persons"), 3);
  EXPECT_EQ(Count("register_entries"), 1);
  EXPECT_TRUE(DueForRetention(*database_, policy, kNow).Empty());
  EXPECT_EQ(Count("person_history WHERE purpose = 'register'"), 1) << "the registered entry's history stays";
  EXPECT_EQ(Count("person_history WHERE purpose = 'delivery'"), 0) << "a household's history ends with it";

  const auto trail = db::InReadTransaction(*database_, [](db::Connection& c) {
    audit::Filter filter;
    filter.action = "retention.purge";
    return audit::Find(c, filter);
  });
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0].event.details.at("persons"), "1");
  EXPECT_EQ(trail[0].event.details.at("entries_ended"), "1");
  for (const auto& [key, value] : trail[0].event.details) EXPECT_EQ(value.find("Forgotten"), std::string::npos);
  EXPECT_TRUE(db::InReadTransaction(*database_, [](db::Connection& c) { return audit::Verify(c); }).ok);
}

// Two servers on one PostgreSQL database: while one purges (it holds the advisory lock), the other skips.
TEST(RetentionOnPostgres, ASecondServerSkipsWhileTheFirstPurges) {
  auto test_database = db::testing::TestDatabase::Create(db::Dialect::kPostgres);
  if (!test_database) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
  auto database = test_database->OpenMigrated(2);
  db::InWriteTransaction(*database, [](db::Connection& c) {
    c.Execute("INSERT INTO persons (last_name, name_key, created_at, updated_at) VALUES ('Old', 'old', ?, ?)",
              {kNow - 900 * kDay, kNow - 900 * kDay});
  });
  audit::Event actor;
  actor.actor_login = "system";
  auto first = database->Acquire();
  first->BeginWrite();
  first->Execute("SELECT pg_advisory_xact_lock(?)", {std::int64_t{0x4C49454E50555247}});  // as RunRetention does
  EXPECT_FALSE(RunRetention(*database, RetentionPolicy{}, kNow, actor).has_value());
  first->Rollback();
  const auto counts = RunRetention(*database, RetentionPolicy{}, kNow, actor);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->erased.persons, 1);
}

}  // namespace
}  // namespace lien::registry
