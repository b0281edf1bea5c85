// The needs' store on a real (SQLite) database: what the calling screen, the visits and the inbound line rely on.

#include "calls/need_store.hpp"

#include <gtest/gtest.h>

#include "db/test_databases.hpp"

namespace lien::calls {
namespace {

constexpr core::EpochMillis kNow = 1'780'000'000'000;  // 2026-05-28

class NeedStore : public ::testing::Test {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  std::int64_t AddPerson(const std::string& last_name) {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO persons (last_name, first_names, town, town_key, street, street_key, status, name_key, "
              "created_at, updated_at) VALUES (?, 'Jeanne', 'Amiens', 'amiens', 'rue des Lilas', 'rue des lilas', "
              "'active', ?, 0, 0) RETURNING id",
              {last_name, last_name})
          ->Int(0);
    });
  }

  core::Result<Need> Create(NeedDraft draft, core::EpochMillis at = kNow) {
    return Write([&](db::Connection& c) { return CreateNeed(c, draft, std::int64_t{1}, at); });
  }

  static NeedDraft Draft(std::int64_t person, std::string kind, std::string urgency) {
    NeedDraft draft;
    draft.person_id = person;
    draft.kind = std::move(kind);
    draft.urgency = std::move(urgency);
    return draft;
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(NeedStore, CreatesAndListsMostUrgentThenOldest) {
  const auto marie = AddPerson("Durand");
  const auto paul = AddPerson("Martin");
  auto first = Create(Draft(marie, "meals", "low"), kNow);
  ASSERT_TRUE(first) << first.error().message_key;
  EXPECT_EQ(first->state, "open");
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->created_by, 1);
  auto urgent = Create(Draft(paul, "medicines", "immediate"), kNow + 10);
  auto older_high = Create(Draft(paul, "isolation", "high"), kNow - 10);
  auto newer_high = Create(Draft(marie, "housing", "high"), kNow + 20);
  const auto open = Write([](db::Connection& c) { return OpenNeeds(c, 10, 0); });
  ASSERT_EQ(open.size(), 4U);
  EXPECT_EQ(open[0].id, urgent->id);
  EXPECT_EQ(open[1].id, older_high->id);
  EXPECT_EQ(open[2].id, newer_high->id);
  EXPECT_EQ(open[3].id, first->id);
  const auto of_marie = Write([&](db::Connection& c) { return NeedsOfPerson(c, marie); });
  ASSERT_EQ(of_marie.size(), 2U);
  EXPECT_EQ(of_marie[0].kind, "housing");
}

TEST_F(NeedStore, RefusesAMissingPersonOrAForeignSource) {
  EXPECT_EQ(Create(Draft(999, "meals", "low")).error().code, core::ErrorCode::kNotFound);
  const auto marie = AddPerson("Durand");
  auto draft = Draft(marie, "meals", "low");
  draft.source = "call";
  draft.call_id = 42;
  const auto missing = Create(draft);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message_key, "needs.source_not_found");
  EXPECT_EQ(missing.error().field, "call_id");
  draft.call_id.reset();
  EXPECT_EQ(Create(draft).error().message_key, "needs.source_link_missing");
}

TEST_F(NeedStore, UpdatesWithTheVersionAndTheMachine) {
  const auto marie = AddPerson("Durand");
  auto need = Create(Draft(marie, "meals", "low"));
  NeedChange change;
  change.state = "closed";
  change.notes = "Portage mis en place par la famille";
  EXPECT_EQ(Write([&](db::Connection& c) { return UpdateNeed(c, need->id, 7, change, 2, kNow); }).error().code,
            core::ErrorCode::kPreconditionFailed);
  auto closed = Write([&](db::Connection& c) { return UpdateNeed(c, need->id, 1, change, 2, kNow + 5); });
  ASSERT_TRUE(closed) << closed.error().message_key;
  EXPECT_EQ(closed->state, "closed");
  EXPECT_EQ(closed->closed_at, kNow + 5);
  EXPECT_EQ(closed->closed_by, 2);
  EXPECT_EQ(closed->version, 2);
  change = {};
  change.state = "referred";
  EXPECT_EQ(Write([&](db::Connection& c) { return UpdateNeed(c, need->id, 2, change, 2, kNow); }).error().message_key,
            "needs.illegal_transition");
  EXPECT_EQ(Write([](db::Connection& c) { return CountOpenNeeds(c); }), 0);
  EXPECT_TRUE(Write([&](db::Connection& c) { return MoveNeedState(c, need->id, "open", 2, kNow); }));
  EXPECT_EQ(Write([](db::Connection& c) { return CountOpenNeeds(c); }), 1);
}

}  // namespace
}  // namespace lien::calls
