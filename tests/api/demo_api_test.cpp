// `lien demo` end to end, on both engines: the real command fills a fresh database, a second run writes nothing,
// and the server then shows the demo's call platform through the API. The demo writes through the stores'
// functions (src/calls/demo_calls_store.cpp), so the rows are what the application reads back.

#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class DemoApi : public ApiTest {
 protected:
  std::int64_t QueryInt(const std::string& sql) {
    auto database = database_->OpenMigrated(1);
    return db::InWriteTransaction(*database, [&](db::Connection& c) { return c.QueryOne(sql)->Int(0); });
  }
};

TEST_P(DemoApi, TheDemosCallPlatformIsWhatTheApiShows) {
  CreateUser("test.coordinator", "coordinator");
  const auto first = RunLien({"demo", "--db", database_->location()});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("300 people\nenrolled"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("4 open escalations (2 closed)"), std::string::npos) << first.output;
  // What a second run must leave as it is: the rows, and the persons' last contacts.
  const std::vector<std::string> queries = {"SELECT COUNT(*) FROM calls",
                                            "SELECT COUNT(*) FROM escalations",
                                            "SELECT COUNT(*) FROM referrals",
                                            "SELECT COUNT(*) FROM needs",
                                            "SELECT COUNT(*) FROM inbound_requests",
                                            "SELECT COUNT(last_contact_at) FROM persons",
                                            "SELECT COALESCE(MAX(last_contact_at), 0) FROM persons"};
  std::vector<std::int64_t> before;
  for (const auto& sql : queries) before.push_back(QueryInt(sql));

  const auto second = RunLien({"demo", "--db", database_->location()});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("The demo campaign is already there"), std::string::npos) << second.output;
  for (std::size_t i = 0; i < queries.size(); ++i) EXPECT_EQ(QueryInt(queries[i]), before[i]) << queries[i];

  // Every call that reached someone is their last contact or older: the retention clock starts from it.
  EXPECT_GT(QueryInt("SELECT COUNT(*) FROM calls WHERE outcome = 'reached'"), 300);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls c JOIN persons p ON p.id = c.person_id WHERE c.outcome IN "
                     "('reached', 'refused') AND (p.last_contact_at IS NULL OR p.last_contact_at < c.started_at)"),
            0);

  StartServer();
  auto coordinator = SignIn("test.coordinator");
  auto summary = coordinator->Get("/api/v1/escalations/summary");
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_EQ(summary.Json()["open"], 4);
  EXPECT_EQ(summary.Json()["visit_assigned"], 2);
  auto closed = coordinator->Get("/api/v1/escalations?state=closed");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["items"].size(), 2U);

  // The overdue badge and the overdue list agree (how many are overdue depends on the day the demo runs).
  auto badge = coordinator->Get("/api/v1/referrals/overdue-count");
  ASSERT_EQ(badge.status, 200) << badge.body;
  auto overdue = coordinator->Get("/api/v1/referrals?overdue=true");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_EQ(overdue.Json()["items"].size(), badge.Json()["count"].get<std::size_t>());
  auto referrals = coordinator->Get("/api/v1/referrals");
  ASSERT_EQ(referrals.status, 200) << referrals.body;
  EXPECT_EQ(static_cast<std::int64_t>(referrals.Json()["items"].size()), before[2]);

  // The campaign's figures count the demo's calls.
  auto campaigns = coordinator->Get("/api/v1/campaigns?status=active");
  ASSERT_EQ(campaigns.status, 200) << campaigns.body;
  ASSERT_EQ(campaigns.Json()["items"].size(), 1U);
  EXPECT_EQ(campaigns.Json()["items"][0]["enrolled"].get<std::int64_t>(),
            300 - QueryInt("SELECT COUNT(*) FROM enrolments WHERE state = 'paused'"));
  const auto campaign = campaigns.Json()["items"][0]["id"].get<std::int64_t>();
  auto figures = coordinator->Get("/api/v1/figures?period=campaign&campaign_id=" + std::to_string(campaign));
  ASSERT_EQ(figures.status, 200) << figures.body;
  EXPECT_EQ(figures.Json()["calls"], before[0]);
  EXPECT_EQ(figures.Json()["escalations"]["open_now"], 4);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
