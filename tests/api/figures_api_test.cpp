// The figures over HTTP on both engines: exact counts for a day, an ISO week and a campaign from rows written
// in SQL, the period boundary at Paris midnight in summer time (22:00 UTC), the "now" figures, the exports
// (.xlsx, CSV with its French decimal comma) audited as exports, the permission and the errors.

#include <chrono>

#include "api_fixture.hpp"
#include "calls/figures_test_data.hpp"
#include "core/clock.hpp"

namespace lien::api_test {
namespace {

using namespace calls::figures_test;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;

std::int64_t Utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  const std::chrono::sys_days day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count() + hour * kHour +
         minute * 60'000;
}

// Paris is UTC+2 in July.
std::int64_t Paris(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return Utc(y, m, d, hour, minute) - 2 * kHour;
}

class FiguresApi : public ApiTest {
 protected:
  struct Ids {
    std::int64_t heatwave = 0;
    std::int64_t wellbeing = 0;
  };

  // Calls, escalations, needs and referrals around the week of 14–20 July 2025 (2025-W29), and enrolments
  // whose "now" state is set against the real clock the server reads.
  Ids Fill() {
    auto database = database_->Open(1);
    const std::int64_t now = core::SystemClock().Now();
    return db::InWriteTransaction(*database, [&](db::Connection& c) {
      Ids ids;
      ids.heatwave = AddCampaign(c, "Canicule 2025", "active", "2025-07-10", "2025-07-31");
      ids.wellbeing = AddCampaign(c, "Bien-être", "active", "2025-07-01", std::nullopt);
      const auto winter = AddCampaign(c, "Hiver", "closed", "2025-01-01", "2025-02-28");
      const auto p1 = AddPerson(c, "Un");
      const auto p2 = AddPerson(c, "Deux");
      const auto p3 = AddPerson(c, "Trois");
      const auto p4 = AddPerson(c, "Quatre");
      const auto p5 = AddPerson(c, "Cinq");
      const auto p6 = AddPerson(c, "Six");
      const auto h1 = Enrol(c, ids.heatwave, p1, now - 30 * kDay, now - 2 * kHour);
      const auto h2 = Enrol(c, ids.heatwave, p2, now - 30 * kDay, now - 25 * kHour);  // not reached
      const auto h3 = Enrol(c, ids.heatwave, p3, now - 2 * kHour, std::nullopt);      // too new
      const auto h4 = Enrol(c, ids.heatwave, p4, now - 10 * kDay, std::nullopt);      // not reached
      Enrol(c, ids.heatwave, p6, now - 10 * kDay, std::nullopt, "ended");
      const auto w3 = Enrol(c, ids.wellbeing, p3, now - 10 * kDay, std::nullopt);  // not reached
      const auto w1 = Enrol(c, ids.wellbeing, p1, now - 10 * kDay, std::nullopt);  // reached through h1
      Enrol(c, winter, p5, now - 10 * kDay, std::nullopt);                         // campaign closed

      AddCall(c, h1, ids.heatwave, p1, "reached", Utc(2025, 7, 14, 21, 59) + 59'999);  // Mon 14, 23:59:59.999
      AddCall(c, h1, ids.heatwave, p1, "no_answer", Utc(2025, 7, 14, 22));             // Tue 15, 00:00 Paris
      AddCall(c, h2, ids.heatwave, p2, "reached", Paris(2025, 7, 15, 10));
      AddCall(c, h2, ids.heatwave, p2, "reached", Paris(2025, 7, 15, 14));
      AddCall(c, w3, ids.wellbeing, p3, "busy", Paris(2025, 7, 15, 9));
      AddCall(c, std::nullopt, std::nullopt, p5, "reached", Paris(2025, 7, 15, 11));    // no enrolment
      AddCall(c, w1, ids.wellbeing, p1, "reached", Utc(2025, 7, 20, 21, 59) + 59'999);  // Sun 20, 23:59:59.999
      AddCall(c, h3, ids.heatwave, p3, "reached", Utc(2025, 7, 20, 22));                // Mon 21, 00:00 Paris
      AddCall(c, h4, ids.heatwave, p4, "voicemail", Utc(2025, 7, 13, 12));              // the week before

      AddEscalation(c, h4, ids.heatwave, p4, Paris(2025, 7, 16, 9), Paris(2025, 7, 17, 10));
      AddEscalation(c, h3, ids.heatwave, p3, Utc(2025, 7, 14, 22), std::nullopt);  // Tue 15, 00:00, still open
      AddEscalation(c, w3, ids.wellbeing, p3, Utc(2025, 7, 13, 12), Paris(2025, 7, 15, 12));

      AddNeed(c, p1, "open", Paris(2025, 7, 15, 10));
      AddNeed(c, p2, "closed", Paris(2025, 7, 15, 10));
      AddNeed(c, p3, "referred", Paris(2025, 7, 15, 10));
      AddNeed(c, p4, "referred", Paris(2025, 7, 15, 10));
      AddNeed(c, p6, "closed", Paris(2025, 7, 15, 10));
      AddReferral(c, p3, "home_help", "sent", Paris(2025, 7, 15, 10));
      AddReferral(c, p5, "meal_delivery", "accepted", Utc(2025, 7, 20, 21, 59) + 59'999);
      AddReferral(c, p2, "home_help", "done", Paris(2025, 7, 16, 10));
      AddReferral(c, p2, "psychologists", "cancelled", Utc(2025, 7, 20, 22));  // Mon 21
      return ids;
    });
  }

  std::unique_ptr<HttpClient> Coordinator() {
    CreateUser("claire.coord", "coordinator");
    StartServer();
    return SignIn("claire.coord");
  }
};

nlohmann::json Service(const nlohmann::json& figures, const std::string& service) {
  for (const auto& row : figures["referrals"]["by_service"]) {
    if (row["service"] == service) return row;
  }
  return nullptr;
}

TEST_P(FiguresApi, ADayCountsFromParisMidnightToParisMidnight) {
  const Ids ids = Fill();
  auto coordinator = Coordinator();
  auto response = coordinator->Get("/api/v1/figures?period=day&day=2025-07-15");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto f = response.Json();
  EXPECT_EQ(f["period"]["kind"], "day");
  EXPECT_EQ(f["period"]["label"], "2025-07-15");
  EXPECT_EQ(f["period"]["starts_at"].get<std::int64_t>(), Utc(2025, 7, 14, 22));
  EXPECT_EQ(f["period"]["ends_at"].get<std::int64_t>(), Utc(2025, 7, 15, 22));
  EXPECT_TRUE(f["campaign"].is_null());
  EXPECT_EQ(f["calls"], 5) << "the call at 23:59:59.999 on the 14th is not the 15th's; the one at 00:00 is";
  EXPECT_EQ(f["reached"], 3);
  EXPECT_DOUBLE_EQ(f["share_reached"].get<double>(), 0.6);
  EXPECT_EQ(f["persons_reached"], 2);
  EXPECT_EQ(f["records_processed"], 3) << "a call without an enrolment is no record processed";
  EXPECT_EQ(f["escalations"]["opened"], 1);
  EXPECT_EQ(f["escalations"]["closed"], 1);
  EXPECT_EQ(f["escalations"]["open_now"], 1);
  EXPECT_EQ(f["referrals"]["total"], 1);
  EXPECT_EQ(Service(f, "home_help")["states"]["sent"], 1);
  EXPECT_EQ(f["enrolled_not_reached_24h"], 3);
  EXPECT_EQ(f["situations_followed"], 4);
  ASSERT_EQ(f["days"].size(), 1U);
  EXPECT_EQ(f["days"][0], (nlohmann::json{{"day", "2025-07-15"}, {"calls", 5}, {"reached", 3}, {"escalations", 1}}));

  auto monday = coordinator->Get("/api/v1/figures?period=day&day=2025-07-14").Json();
  EXPECT_EQ(monday["calls"], 1);
  EXPECT_EQ(monday["reached"], 1);
  EXPECT_EQ(monday["escalations"]["opened"], 0) << "the escalation raised at 22:00 UTC on the 14th is the 15th's";

  auto heatwave_day =
      coordinator->Get("/api/v1/figures?period=day&day=2025-07-15&campaign_id=" + std::to_string(ids.heatwave));
  ASSERT_EQ(heatwave_day.status, 200) << heatwave_day.body;
  EXPECT_EQ(heatwave_day.Json()["calls"], 3);
  EXPECT_EQ(heatwave_day.Json()["reached"], 2);
  EXPECT_EQ(heatwave_day.Json()["records_processed"], 2);
  EXPECT_EQ(heatwave_day.Json()["campaign"]["name"], "Canicule 2025");

  auto empty = coordinator->Get("/api/v1/figures?period=day&day=2025-07-19").Json();
  EXPECT_EQ(empty["calls"], 0);
  EXPECT_TRUE(empty["share_reached"].is_null());
}

TEST_P(FiguresApi, AWeekIsTheIsoWeekWithADayByDaySeries) {
  Fill();
  auto coordinator = Coordinator();
  auto response = coordinator->Get("/api/v1/figures?period=week&day=2025-07-17");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto f = response.Json();
  EXPECT_EQ(f["period"]["label"], "2025-W29");
  EXPECT_EQ(f["period"]["from"], "2025-07-14");
  EXPECT_EQ(f["period"]["to"], "2025-07-20");
  EXPECT_EQ(f["calls"], 7);
  EXPECT_EQ(f["reached"], 5);
  EXPECT_EQ(f["persons_reached"], 3);
  EXPECT_EQ(f["records_processed"], 4);
  EXPECT_EQ(f["escalations"]["opened"], 2);
  EXPECT_EQ(f["escalations"]["closed"], 2);
  EXPECT_EQ(f["escalations"]["open_now"], 1);
  EXPECT_EQ(f["referrals"]["total"], 3);
  EXPECT_EQ(Service(f, "home_help")["total"], 2);
  EXPECT_EQ(Service(f, "home_help")["states"]["done"], 1);
  EXPECT_EQ(Service(f, "meal_delivery")["states"]["accepted"], 1);
  EXPECT_EQ(Service(f, "psychologists")["total"], 0);
  ASSERT_EQ(f["days"].size(), 7U);
  std::vector<std::int64_t> calls;
  std::vector<std::int64_t> reached;
  std::vector<std::int64_t> escalations;
  for (const auto& day : f["days"]) {
    calls.push_back(day["calls"]);
    reached.push_back(day["reached"]);
    escalations.push_back(day["escalations"]);
  }
  EXPECT_EQ(calls, (std::vector<std::int64_t>{1, 5, 0, 0, 0, 0, 1}));
  EXPECT_EQ(reached, (std::vector<std::int64_t>{1, 3, 0, 0, 0, 0, 1}));
  EXPECT_EQ(escalations, (std::vector<std::int64_t>{0, 1, 1, 0, 0, 0, 0}));
}

TEST_P(FiguresApi, ACampaignCoversItsOwnDaysCallsAndPeople) {
  const Ids ids = Fill();
  auto coordinator = Coordinator();
  auto response = coordinator->Get("/api/v1/figures?period=campaign&campaign_id=" + std::to_string(ids.heatwave));
  ASSERT_EQ(response.status, 200) << response.body;
  const auto f = response.Json();
  EXPECT_EQ(f["period"]["from"], "2025-07-10");
  EXPECT_EQ(f["period"]["to"], "2025-07-31");
  EXPECT_EQ(f["days"].size(), 22U);
  EXPECT_EQ(f["campaign"]["status"], "active");
  EXPECT_EQ(f["calls"], 6);
  EXPECT_EQ(f["reached"], 4);
  EXPECT_EQ(f["persons_reached"], 3);
  EXPECT_EQ(f["records_processed"], 4);
  EXPECT_EQ(f["escalations"]["opened"], 2);
  EXPECT_EQ(f["escalations"]["closed"], 1);
  EXPECT_EQ(f["escalations"]["open_now"], 1);
  EXPECT_EQ(f["referrals"]["total"], 3) << "the referrals of the people it enrols";
  EXPECT_EQ(Service(f, "psychologists")["states"]["cancelled"], 1);
  EXPECT_EQ(f["enrolled_not_reached_24h"], 2);
  EXPECT_EQ(f["situations_followed"], 3);

  auto wellbeing = coordinator->Get("/api/v1/figures?period=campaign&campaign_id=" + std::to_string(ids.wellbeing));
  ASSERT_EQ(wellbeing.status, 200) << wellbeing.body;
  EXPECT_EQ(wellbeing.Json()["period"]["from"], "2025-07-01");
  EXPECT_EQ(wellbeing.Json()["calls"], 2) << "an open campaign runs to today";
  EXPECT_EQ(wellbeing.Json()["enrolled_not_reached_24h"], 1);

  auto campaigns = coordinator->Get("/api/v1/figures/campaigns");
  ASSERT_EQ(campaigns.status, 200) << campaigns.body;
  const auto items = campaigns.Json()["items"];
  std::vector<std::string> names;
  for (const auto& item : items) names.push_back(item["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Canicule 2025", "Bien-être", "Hiver"})) << "active first, newest first";
  ASSERT_EQ(items.size(), 3U);
  EXPECT_EQ(items[0]["ends_on"], "2025-07-31");
  EXPECT_TRUE(items[1]["ends_on"].is_null());
}

TEST_P(FiguresApi, ExportsAreSpreadsheetsAuditedAsExports) {
  Fill();
  CreateUser("dora.dpo", "dpo");
  auto coordinator = Coordinator();
  auto csv = coordinator->Get("/api/v1/figures/export.csv?period=week&day=2025-07-15");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("chiffres-semaine-2025-W29.csv"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFIndicateur;Détail;Jour;Valeur\r\n", 0), 0U) << csv.body;
  for (const char* line :
       {"Période;Semaine 2025-W29;14/07/2025;\r\n", "Appels passés;;;7\r\n", "Part des appels aboutis (%);;;71,4\r\n",
        "Orientations;Aide à domicile — réalisées;;1\r\n", "Escalades en cours;à l'heure de l'export;;1\r\n",
        "Appels du jour;;15/07/2025;5\r\n", "Escalades ouvertes du jour;;16/07/2025;1\r\n"}) {
    EXPECT_NE(csv.body.find(line), std::string::npos) << line << " in\n" << csv.body;
  }
  auto xlsx = coordinator->Get("/api/v1/figures/export.xlsx?period=day&day=2025-07-15");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0U);
  EXPECT_NE(xlsx.Header("content-disposition").find("chiffres-jour-2025-07-15.xlsx"), std::string::npos);
  EXPECT_EQ(coordinator->Get("/api/v1/figures/export.csv?period=campaign").status, 400);

  auto dpo = SignIn("dora.dpo");
  auto trail = dpo->Get("/api/v1/audit?action=figures.export").Json()["items"];
  ASSERT_EQ(trail.size(), 2U) << trail.dump();
  EXPECT_EQ(trail[0]["subject_id"], "2025-07-15");
  EXPECT_EQ(trail[0]["details"]["format"], "xlsx");
  EXPECT_EQ(trail[0]["purpose"], "follow_up");
  EXPECT_EQ(trail[1]["subject_id"], "2025-W29");
  EXPECT_EQ(trail[1]["actor_login"], "claire.coord");
}

TEST_P(FiguresApi, OnlySupervisorsSeeThemAndBadQueriesAreNamed) {
  CreateUser("julie.caller", "caller");
  auto coordinator = Coordinator();
  auto caller = SignIn("julie.caller");
  EXPECT_EQ(caller->Get("/api/v1/figures").status, 403);
  EXPECT_EQ(caller->Get("/api/v1/figures/export.csv").status, 403);
  EXPECT_EQ(caller->Get("/api/v1/figures/export.xlsx").status, 403);
  EXPECT_EQ(caller->Get("/api/v1/figures/campaigns").status, 403);

  auto today = coordinator->Get("/api/v1/figures");
  ASSERT_EQ(today.status, 200) << today.body;
  EXPECT_EQ(today.Json()["period"]["kind"], "day");
  EXPECT_EQ(today.Json()["calls"], 0);
  struct Bad {
    const char* query;
    int status;
    const char* field;
  };
  for (const Bad& bad : {Bad{"period=month", 400, "period"}, Bad{"period=day&day=2025-02-30", 400, "day"},
                         Bad{"period=week&day=15/07/2025", 400, "day"}, Bad{"period=campaign", 400, "campaign_id"},
                         Bad{"period=campaign&campaign_id=abc", 400, "campaign_id"},
                         Bad{"period=campaign&campaign_id=-3", 400, "campaign_id"},
                         Bad{"period=campaign&campaign_id=99999", 404, nullptr}}) {
    auto response = coordinator->Get(std::string("/api/v1/figures?") + bad.query);
    EXPECT_EQ(response.status, bad.status) << bad.query << ": " << response.body;
    if (bad.field != nullptr) {
      EXPECT_EQ(response.Json()["error"]["field"], bad.field) << bad.query;
    }
    EXPECT_FALSE(response.ErrorMessage().empty()) << bad.query;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, FiguresApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
