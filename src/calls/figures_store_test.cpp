// The figures' queries on a real (SQLite) database: the "now" figures' edges (24 hours exactly, reached through
// another campaign, closed campaigns, ended enrolments) and the campaign restriction. The API test
// (tests/api/figures_api_test.cpp) checks the period figures on both engines.

#include "calls/figures_store.hpp"

#include <gtest/gtest.h>

#include "calls/figures_test_data.hpp"
#include "calls/situation_store.hpp"
#include "db/test_databases.hpp"

namespace lien::calls {
namespace {

using namespace figures_test;

constexpr core::EpochMillis kNow = 1'780'000'000'000;  // 2026-05-28
constexpr core::EpochMillis kHour = 3'600'000;
constexpr core::EpochMillis kDay = 24 * kHour;

class FiguresStore : public ::testing::Test {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(FiguresStore, NotReachedIn24HoursCountsPeopleEnrolledLongEnoughAndReachedNowhere) {
  std::optional<std::int64_t> first;
  std::optional<std::int64_t> second;
  Write([&](db::Connection& c) {
    first = AddCampaign(c, "Bien-être", "active", "2026-05-01", std::nullopt);
    second = AddCampaign(c, "Canicule", "active", "2026-05-01", std::nullopt);
    const auto closed = AddCampaign(c, "Hiver", "closed", "2026-01-01", std::nullopt);
    Enrol(c, *first, AddPerson(c, "Never"), kNow - 3 * kDay, std::nullopt);           // counts
    Enrol(c, *first, AddPerson(c, "Old"), kNow - 3 * kDay, kNow - kDay - 1);          // counts
    Enrol(c, *first, AddPerson(c, "Exactly"), kNow - 3 * kDay, kNow - kDay);          // reached 24 h ago
    Enrol(c, *first, AddPerson(c, "Recent"), kNow - 3 * kDay, kNow - kHour);          // reached
    Enrol(c, *first, AddPerson(c, "New"), kNow - kDay + 1, std::nullopt);             // enrolled < 24 h
    Enrol(c, *first, AddPerson(c, "Ended"), kNow - 3 * kDay, std::nullopt, "ended");  // not active
    Enrol(c, closed, AddPerson(c, "Closed"), kNow - 3 * kDay, std::nullopt);          // campaign closed
    const auto both = AddPerson(c, "Both");                                           // reached elsewhere
    Enrol(c, *first, both, kNow - 3 * kDay, std::nullopt);
    Enrol(c, *second, both, kNow - 3 * kDay, kNow - 2 * kHour);
    const auto twice = AddPerson(c, "Twice");  // unreached in both: one person
    Enrol(c, *first, twice, kNow - 3 * kDay, std::nullopt);
    Enrol(c, *second, twice, kNow - 3 * kDay, std::nullopt);
    return 0;
  });
  const auto count = [&](std::optional<std::int64_t> campaign) {
    return Write([&](db::Connection& c) { return CountEnrolledNotReached24h(c, campaign, kNow); });
  };
  EXPECT_EQ(count(std::nullopt), 3);  // Never, Old, Twice
  EXPECT_EQ(count(first), 3);
  EXPECT_EQ(count(second), 1);  // Twice
}

TEST_F(FiguresStore, SituationsFollowedArePeopleWithAnOpenNeedOrALiveReferral) {
  std::optional<std::int64_t> campaign;
  Write([&](db::Connection& c) {
    campaign = AddCampaign(c, "Bien-être", "active", "2026-05-01", std::nullopt);
    const auto open_need = AddPerson(c, "OpenNeed");
    AddNeed(c, open_need, "open", kNow);
    AddNeed(c, open_need, "referred", kNow);
    AddReferral(c, open_need, "home_help", "sent", kNow);
    Enrol(c, *campaign, open_need, kNow, std::nullopt);
    const auto referred = AddPerson(c, "Referred");
    AddNeed(c, referred, "referred", kNow);
    for (const char* state : {"proposed", "sent", "accepted"}) {
      AddReferral(c, AddPerson(c, std::string("Referral ") + state), "charity", state, kNow);
    }
    const auto closed = AddPerson(c, "Closed");
    AddNeed(c, closed, "closed", kNow);
    for (const char* state : {"refused", "done", "cancelled"}) AddReferral(c, closed, "charity", state, kNow);
    Enrol(c, *campaign, closed, kNow, std::nullopt);
    return 0;
  });
  EXPECT_EQ(Write([](db::Connection& c) { return CountSituationsFollowed(c, std::nullopt); }), 5);
  EXPECT_EQ(Write([&](db::Connection& c) { return CountSituationsFollowed(c, campaign); }), 1);
}

TEST_F(FiguresStore, ACampaignsFiguresLeaveTheOtherCampaignsOut) {
  std::optional<std::int64_t> mine;
  Write([&](db::Connection& c) {
    mine = AddCampaign(c, "Bien-être", "active", "2026-05-01", "2026-06-30");
    const auto other = AddCampaign(c, "Canicule", "active", "2026-05-01", std::nullopt);
    const auto anne = AddPerson(c, "Anne");
    const auto bob = AddPerson(c, "Bob");
    const auto in_mine = Enrol(c, *mine, anne, kNow - 5 * kDay, std::nullopt);
    const auto in_other = Enrol(c, other, bob, kNow - 5 * kDay, std::nullopt);
    AddCall(c, in_mine, mine, anne, "no_answer", kNow - 2 * kHour);
    AddCall(c, in_mine, mine, anne, "reached", kNow - kHour);
    AddCall(c, in_other, other, bob, "reached", kNow - kHour);
    AddEscalation(c, in_other, other, bob, kNow - kHour, std::nullopt);
    AddReferral(c, bob, "home_help", "proposed", kNow - kHour);
    AddReferral(c, anne, "meal_delivery", "sent", kNow - kHour);
    return 0;
  });
  const auto campaign = Write([&](db::Connection& c) { return *LoadFiguresCampaign(c, *mine); });
  EXPECT_EQ(campaign.name, "Bien-être");
  EXPECT_EQ(campaign.status, "active");
  ASSERT_TRUE(campaign.ends_on);
  const FiguresPeriod period = DayPeriod(campaign.starts_on + std::chrono::days{27});  // 2026-05-28
  const Figures figures = Write([&](db::Connection& c) { return LoadFigures(c, period, mine, kNow); });
  EXPECT_EQ(figures.calls, 2);
  EXPECT_EQ(figures.reached, 1);
  EXPECT_EQ(figures.persons_reached, 1);
  EXPECT_EQ(figures.records_processed, 1);
  EXPECT_EQ(figures.escalations_opened, 0);
  EXPECT_EQ(figures.escalations_open_now, 0);
  ASSERT_EQ(figures.referrals.size(), 1U);
  EXPECT_EQ(figures.referrals[0].service, "meal_delivery");
  const Figures everyone = Write([&](db::Connection& c) { return LoadFigures(c, period, std::nullopt, kNow); });
  EXPECT_EQ(everyone.calls, 3);
  EXPECT_EQ(everyone.reached, 2);
  EXPECT_EQ(everyone.persons_reached, 2);
  EXPECT_EQ(everyone.records_processed, 2);
  EXPECT_EQ(everyone.escalations_opened, 1);
  EXPECT_EQ(everyone.escalations_open_now, 1);
  EXPECT_EQ(everyone.referrals.size(), 2U);
  EXPECT_FALSE(Write([](db::Connection& c) { return LoadFiguresCampaign(c, 999); }));
}

}  // namespace
}  // namespace lien::calls
