// What the call platform tells the register (a contact, a change of status), on a real (SQLite) database.

#include "register/person_status_store.hpp"

#include <gtest/gtest.h>

#include "db/test_databases.hpp"

namespace lien::registry {
namespace {

constexpr core::EpochMillis kNow = 1'780'000'000'000;  // 2026-05-28

class PersonContact : public ::testing::Test {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  std::int64_t AddPerson() {
    Person person;
    person.last_name = "Lefèvre";
    person.first_names = "Jeanne";
    person.status = PersonStatus::kAway;
    person.status_until = Date{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{2}};
    return Write([&](db::Connection& c) { return InsertPerson(c, person, ChangeAuthor{}, kNow - 1000); });
  }

  std::optional<std::int64_t> LastContact(std::int64_t id) {
    return Write([&](db::Connection& c) {
      return c.QueryOne("SELECT last_contact_at FROM persons WHERE id = ?", {id})->OptInt(0);
    });
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(PersonContact, AContactOnlyMovesForward) {
  const auto id = AddPerson();
  EXPECT_EQ(LastContact(id), std::nullopt);
  EXPECT_TRUE(Write([&](db::Connection& c) { return RecordContact(c, id, kNow); }));
  EXPECT_EQ(LastContact(id), kNow);
  EXPECT_TRUE(Write([&](db::Connection& c) { return RecordContact(c, id, kNow - 5000); }));
  EXPECT_EQ(LastContact(id), kNow) << "an older contact recorded late does not move it back";
  EXPECT_FALSE(Write([&](db::Connection& c) { return RecordContact(c, id + 100, kNow); }));
}

TEST_F(PersonContact, AStatusChangeIsAVersionWithItsHistory) {
  const auto id = AddPerson();
  const ChangeAuthor author{std::nullopt, "agent.visite"};
  auto deceased = Write([&](db::Connection& c) {
    return RecordPersonStatus(c, id, PersonStatus::kDeceased, author, kNow, "escalation.visit_outcome");
  });
  ASSERT_TRUE(deceased.has_value()) << deceased.error().message_key;
  EXPECT_EQ(deceased->status, PersonStatus::kDeceased);
  EXPECT_FALSE(deceased->status_until.has_value());
  EXPECT_EQ(deceased->version, 2);
  auto history = Write([&](db::Connection& c) { return LoadHistory(c, id); });
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history.back().action, "escalation.visit_outcome");
  EXPECT_EQ(history.back().actor_login, "agent.visite");

  auto again = Write([&](db::Connection& c) {
    return RecordPersonStatus(c, id, PersonStatus::kDeceased, author, kNow + 1, "escalation.visit_outcome");
  });
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->version, 2) << "the same status writes nothing";
  auto missing = Write([&](db::Connection& c) {
    return RecordPersonStatus(c, id + 100, PersonStatus::kDeceased, author, kNow, "escalation.visit_outcome");
  });
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message_key, "persons.not_found");
}

}  // namespace
}  // namespace lien::registry
