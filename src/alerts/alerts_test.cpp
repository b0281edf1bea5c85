#include "alerts/alerts.hpp"

#include <gtest/gtest.h>

#include "alerts/alert_store.hpp"
#include "db/test_databases.hpp"

namespace lien::alerts {
namespace {

constexpr core::EpochMillis kNow = 1'780'000'000'000;

TEST(AlertRules, ADeclarationNeedsAKnownKindAndAnArea) {
  EXPECT_EQ(ValidateNewAlert({"heatwave", "Somme", "arrêté 2026-17"})->kind, AlertKind::kHeatwave);
  EXPECT_EQ(ValidateNewAlert({"tsunami", "Somme", ""}).error().message_key, "alerts.invalid_kind");
  EXPECT_EQ(ValidateNewAlert({"cold", "  ", ""}).error().field, "area");
  EXPECT_EQ(ValidateNewAlert({"cold", std::string(201, 'a'), ""}).error().message_key, "validation.too_long");
  EXPECT_EQ(ValidateNewAlert({"flood", "Amiens", std::string(201, 'r')}).error().field, "prefect_reference");
  for (auto name : {"heatwave", "cold", "flood", "pandemic", "other"}) {
    EXPECT_EQ(AlertKindName(*ParseAlertKind(name)), name);
  }
}

class AlertStore : public ::testing::Test {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(AlertStore, OneOpenAlertOfAKindAtATime) {
  auto heatwave = Write([](db::Connection& c) { return DeclareAlert(c, {"heatwave", "Somme", "A-1"}, 1, kNow); });
  ASSERT_TRUE(heatwave.has_value());
  EXPECT_TRUE(heatwave->open());
  auto again = Write([](db::Connection& c) { return DeclareAlert(c, {"heatwave", "Amiens", ""}, 1, kNow + 1); });
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().message_key, "alerts.already_open");
  auto cold = Write([](db::Connection& c) { return DeclareAlert(c, {"cold", "Somme", ""}, 1, kNow + 2); });
  ASSERT_TRUE(cold.has_value()) << "another kind may be open at the same time";

  auto ended = Write([&](db::Connection& c) { return EndAlert(c, heatwave->id, 2, kNow + 10); });
  ASSERT_TRUE(ended.has_value());
  EXPECT_FALSE(ended->open());
  EXPECT_EQ(ended->ended_by, 2);
  EXPECT_EQ(Write([&](db::Connection& c) { return EndAlert(c, heatwave->id, 2, kNow + 11); }).error().message_key,
            "alerts.already_ended");
  EXPECT_EQ(Write([&](db::Connection& c) { return EndAlert(c, 999, 2, kNow); }).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(Write([&](db::Connection& c) { return RequireOpenAlert(c, heatwave->id); }).error().message_key,
            "alerts.not_open");
  EXPECT_TRUE(Write([&](db::Connection& c) { return RequireOpenAlert(c, cold->id); }).has_value());

  auto reopened = Write([](db::Connection& c) { return DeclareAlert(c, {"heatwave", "Somme", "A-2"}, 1, kNow + 20); });
  ASSERT_TRUE(reopened.has_value()) << "an ended alert no longer blocks its kind";
  auto open = Write([](db::Connection& c) { return store::OpenAlerts(c); });
  ASSERT_EQ(open.size(), 2U);
  EXPECT_EQ(open[0].id, cold->id);
  EXPECT_EQ(Write([](db::Connection& c) { return store::RecentAlerts(c, 10); }).size(), 3U);
}

}  // namespace
}  // namespace lien::alerts
