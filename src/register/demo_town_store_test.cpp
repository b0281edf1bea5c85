// The demo town stored on a real (SQLite) database: households go through the households' store (members with
// the person as "self", history row, last delivery), every one valid, and a second run writes nothing.

#include "register/demo_town_store.hpp"

#include <gtest/gtest.h>

#include "db/test_databases.hpp"
#include "register/household_store.hpp"

namespace lien::registry {
namespace {

constexpr core::EpochMillis kNow = 1'781'517'600'000;  // 2026-06-15

TEST(DemoTownStore, HouseholdsGoThroughTheStoreAndASecondRunWritesNothing) {
  auto files = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  auto database = files->OpenMigrated(1);
  DemoTownOptions options;
  options.persons = 400;
  options.duplicates = 4;
  const auto town = GenerateDemoTown(options);
  const auto counts =
      db::InWriteTransaction(*database, [&](db::Connection& c) { return StoreDemoTown(c, town, kNow); });
  ASSERT_FALSE(counts.already_filled);
  ASSERT_GT(counts.households, 5);

  {
    auto connection = database->Acquire();
    db::Connection& c = *connection;
    EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM households")->Int(0), counts.households);
    EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM person_history WHERE purpose = 'delivery'")->Int(0), counts.households);
    std::int64_t delivered = 0;
    for (std::size_t i = 0; i < town.persons.size(); ++i) {
      const auto& demo = town.persons[i].household;
      if (!demo) continue;
      const auto id =
          c.QueryOne("SELECT id FROM persons ORDER BY id LIMIT 1 OFFSET ?", {static_cast<std::int64_t>(i)})->Int(0);
      const auto stored = LoadHousehold(c, id);
      ASSERT_TRUE(stored.has_value()) << i;
      ASSERT_EQ(stored->members.size(), demo->members.size() + 1);
      EXPECT_EQ(stored->members[0].relationship, "self");
      EXPECT_EQ(stored->dietary, demo->dietary);
      EXPECT_EQ(stored->last_delivery_at.has_value(), demo->last_delivery_on.has_value());
      delivered += stored->last_delivery_at.has_value();
    }
    EXPECT_GT(delivered, 0);
  }

  const auto again = db::InWriteTransaction(*database, [&](db::Connection& c) { return StoreDemoTown(c, town, kNow); });
  EXPECT_TRUE(again.already_filled);
  EXPECT_EQ(db::InWriteTransaction(
                *database, [](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM households")->Int(0); }),
            counts.households);
}

}  // namespace
}  // namespace lien::registry
