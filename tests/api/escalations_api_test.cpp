// Escalations of people not reached over HTTP, on both engines: the sweep (by hand, by the job, and by two
// servers sharing one database at once), the coordinator's screen, the emergency contacts tried, the home visit
// and its outcome, what the assignee may see, and the audit trail.
//
// Campaigns, enrolments, calls and emergency contacts are written straight into the tables: they belong to the
// other parts of the call platform, and what matters here is what the escalations make of them.

#include <algorithm>
#include <atomic>
#include <thread>

#include "api_fixture.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

constexpr core::EpochMillis kHour = 3'600'000;

class EscalationsApi : public ApiTest {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_pool_, std::forward<Work>(work));
  }

  void SetUpUsers(const std::vector<std::string>& server_args = {"--escalation-interval", "0"}) {
    CreateUser("claire.coord", "coordinator");
    CreateUser("sam.social", "social_worker");
    CreateUser("sarah.social", "social_worker");
    CreateUser("julie.caller", "caller");
    CreateUser("dora.dpo", "dpo");
    StartServer(server_args);
    coordinator_ = SignIn("claire.coord");
    database_pool_ = db::Open(database_->location(), 2);
    now_ = core::SystemClock().Now();
    campaign_ = Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO campaigns (name, kind, status, starts_on, retry_delay_minutes, max_attempts_per_day, "
              "escalation_hours, escalation_min_attempts, created_at, updated_at) "
              "VALUES ('Canicule', 'heatwave', 'active', '2026-06-20', 60, 3, 48, 3, ?, ?) RETURNING id",
              {now_ - 100 * kHour, now_ - 100 * kHour})
          ->Int(0);
    });
  }

  std::int64_t UserId(const std::string& login) {
    return Write(
        [&](db::Connection& c) { return c.QueryOne("SELECT id FROM users WHERE login = ?", {login})->Int(0); });
  }

  // A person enrolled 60 hours ago, called `calls` times without an answer, with one emergency contact.
  std::int64_t NotReached(const std::string& last_name, int calls = 3) {
    auto created = coordinator_->SendJson(
        "POST", "/api/v1/persons",
        {{"last_name", last_name},
         {"first_names", "Jeanne"},
         {"address", {{"number", "4"}, {"street", "rue des Lilas"}, {"postcode", "80000"}, {"town", "Amiens"}}},
         {"phones", json::array({{{"number", "03 22 01 63 10"}, {"label", "fixe"}}})},
         {"ignore_duplicates", true}});
    EXPECT_EQ(created.status, 201) << created.body;
    const auto person = created.Json()["person"]["id"].get<std::int64_t>();
    Write([&](db::Connection& c) {
      const auto enrolment = c.QueryOne(
                                  "INSERT INTO enrolments (campaign_id, person_id, state, source, enrolled_at) "
                                  "VALUES (?, ?, 'active', 'target', ?) RETURNING id",
                                  {campaign_, person, now_ - 60 * kHour})
                                 ->Int(0);
      for (int i = 0; i < calls; ++i) {
        c.Execute(
            "INSERT INTO calls (enrolment_id, campaign_id, person_id, outcome, started_at, notes, created_at) "
            "VALUES (?, ?, ?, 'no_answer', ?, 'Sonne dans le vide', ?)",
            {enrolment, campaign_, person, now_ - (50 - i) * kHour, now_ - (50 - i) * kHour});
      }
      c.Execute(
          "INSERT INTO emergency_contacts (person_id, position, name, relation, phone) "
          "VALUES (?, 0, 'Luc Martin', 'fils', '+33611223344')",
          {person});
    });
    return person;
  }

  HttpResponse Sweep(HttpClient& client) { return client.Send("POST", "/api/v1/escalations/sweep"); }

  json OpenEscalations() {
    auto listed = coordinator_->Get("/api/v1/escalations?state=open");
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.Json()["items"];
  }

  HttpResponse Step(HttpClient& client, const json& escalation, const std::string& step, const json& body) {
    return client.SendJson("POST",
                           "/api/v1/escalations/" + std::to_string(escalation["id"].get<std::int64_t>()) + "/" + step,
                           body, {"If-Match: \"" + std::to_string(escalation["version"].get<std::int64_t>()) + "\""});
  }

  std::int64_t Count(const std::string& sql) {
    return Write([&](db::Connection& c) { return c.QueryOne(sql)->Int(0); });
  }

  std::unique_ptr<HttpClient> coordinator_;
  std::unique_ptr<db::Database> database_pool_;
  core::EpochMillis now_ = 0;
  std::int64_t campaign_ = 0;
};

TEST_P(EscalationsApi, ACoordinatorTriesTheContactsThenAnAgentVisits) {
  SetUpUsers();
  const auto person = NotReached("Lefèvre");
  NotReached("Bernard", 2);  // two attempts only: not escalated
  auto caller = SignIn("julie.caller");
  EXPECT_EQ(Sweep(*caller).status, 403);
  EXPECT_EQ(caller->Get("/api/v1/escalations").status, 403);

  auto swept = Sweep(*coordinator_);
  ASSERT_EQ(swept.status, 200) << swept.body;
  EXPECT_EQ(swept.Json()["raised"].size(), 1U);
  auto again = Sweep(*coordinator_).Json();
  EXPECT_TRUE(again["raised"].empty());
  EXPECT_EQ(again["already_open"], 1);
  EXPECT_EQ(coordinator_->Get("/api/v1/escalations/summary").Json()["open"], 1);

  auto items = OpenEscalations();
  ASSERT_EQ(items.size(), 1U);
  auto escalation = items[0];
  EXPECT_EQ(escalation["person"]["id"], person);
  EXPECT_EQ(escalation["person"]["last_name"], "Lefèvre");
  EXPECT_EQ(escalation["person"]["phones"][0]["e164"], "+33322016310");
  EXPECT_EQ(escalation["person"]["address"]["street"], "rue des Lilas");
  EXPECT_EQ(escalation["emergency_contacts"][0]["phone"], "+33611223344");
  EXPECT_EQ(escalation["last_calls"].size(), 3U);
  EXPECT_EQ(escalation["last_calls"][0]["outcome"], "no_answer");
  EXPECT_EQ(escalation["campaign_name"], "Canicule");
  EXPECT_EQ(escalation["state"], "open");

  const std::string path = "/api/v1/escalations/" + std::to_string(escalation["id"].get<std::int64_t>());
  EXPECT_EQ(coordinator_->SendJson("POST", path + "/contacts-tried", {{"outcome", "x"}, {"reached", false}}).status,
            400)
      << "If-Match is required";
  auto tried =
      Step(*coordinator_, escalation, "contacts-tried", {{"outcome", "Le fils ne répond pas"}, {"reached", false}});
  ASSERT_EQ(tried.status, 200) << tried.body;
  EXPECT_EQ(tried.Json()["state"], "contacts_tried");
  EXPECT_EQ(tried.Header("etag"), "\"2\"");
  auto stale = Step(*coordinator_, escalation, "contacts-tried", {{"outcome", "Encore"}, {"reached", false}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.Json()["current"]["version"], 2);
  escalation = tried.Json();

  auto not_a_visitor = Step(*coordinator_, escalation, "visit", {{"assignee_id", UserId("julie.caller")}});
  EXPECT_EQ(not_a_visitor.status, 400);
  EXPECT_EQ(not_a_visitor.Json()["error"]["field"], "assignee_id");
  auto assigned =
      Step(*coordinator_, escalation, "visit", {{"assignee_id", UserId("sam.social")}, {"notes", "Code 1234B"}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json()["state"], "visit_assigned");
  EXPECT_EQ(assigned.Json()["visit_assignee_name"], "Test sam.social");
  escalation = assigned.Json();

  auto sam = SignIn("sam.social");
  auto sarah = SignIn("sarah.social");
  auto mine = sam->Get("/api/v1/visits/mine");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.Json()["items"].size(), 1U);
  EXPECT_EQ(mine.Json()["items"][0]["visit_notes"], "Code 1234B");
  EXPECT_TRUE(sarah->Get("/api/v1/visits/mine").Json()["items"].empty());
  EXPECT_EQ(sarah->Get(path).status, 404) << "another agent's visit does not exist for her";
  EXPECT_EQ(Step(*sarah, escalation, "visit-outcome", {{"outcome", "found_well"}}).status, 404);
  EXPECT_EQ(sam->Get("/api/v1/escalations").status, 403) << "the list is the coordinator's";
  EXPECT_EQ(Step(*sam, escalation, "visit", {{"assignee_name", "Police"}}).status, 403);
  EXPECT_EQ(Step(*sam, escalation, "visit-outcome", {{"outcome", "fine"}}).status, 400);

  auto done = Step(*sam, escalation, "visit-outcome", {{"outcome", "found_well"}, {"notes", "Téléphone débranché"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["state"], "closed");
  EXPECT_EQ(done.Json()["visit_outcome"], "found_well");
  EXPECT_EQ(done.Json()["visit_notes"], "Code 1234B\nTéléphone débranché");
  EXPECT_NE(done.Json()["last_reached_at"], nullptr);
  EXPECT_EQ(Step(*sam, done.Json(), "visit-outcome", {{"outcome", "found_well"}}).status, 409) << "closed";
  EXPECT_EQ(Step(*coordinator_, done.Json(), "visit-outcome", {{"outcome", "found_well"}}).status, 409);
  EXPECT_EQ(coordinator_->Get("/api/v1/escalations/summary").Json()["open"], 0);
  EXPECT_TRUE(OpenEscalations().empty());
  EXPECT_EQ(coordinator_->Get("/api/v1/escalations?state=closed").Json()["items"].size(), 1U);
  EXPECT_GT(Count("SELECT COALESCE(MAX(last_contact_at), 0) FROM persons"), 0) << "a visit that found her is a contact";
  EXPECT_TRUE(Sweep(*coordinator_).Json()["raised"].empty()) << "the clock restarts at the visit";

  auto dpo = SignIn("dora.dpo");
  auto trail = dpo->Get("/api/v1/audit?subject_type=person&subject_id=" + std::to_string(person) + "&limit=100");
  ASSERT_EQ(trail.status, 200) << trail.body;
  const auto entries = trail.Json()["items"];
  std::vector<std::string> actions;
  for (const auto& entry : entries) {
    if (entry["purpose"] == "follow_up") actions.push_back(entry["action"].get<std::string>());
  }
  for (const auto* expected : {"escalation.raised", "escalation.contacts_tried", "escalation.visit_assigned",
                               "escalation.visit_outcome", "escalation.read"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), expected), actions.end()) << expected;
  }
}

TEST_P(EscalationsApi, OutcomesChangeThePersonAndBadInputIsRefused) {
  SetUpUsers();
  const auto person = NotReached("Dubois");
  const auto other = NotReached("Roux");
  const auto hungry = NotReached("Leroy");
  ASSERT_EQ(Sweep(*coordinator_).Json()["raised"].size(), 3U);
  auto items = OpenEscalations();
  ASSERT_EQ(items.size(), 3U);
  EXPECT_LE(items[0]["raised_at"], items[1]["raised_at"]) << "oldest first";

  EXPECT_EQ(coordinator_->Get("/api/v1/escalations?state=lost").status, 400);
  EXPECT_EQ(coordinator_->Get("/api/v1/escalations/abc").status, 404);
  EXPECT_EQ(coordinator_->Get("/api/v1/escalations/99999").status, 404);
  EXPECT_EQ(coordinator_->Send("POST", "/api/v1/escalations/sweep", "{\"now\": 1}", {"Content-Type: application/json"})
                .status,
            400);
  EXPECT_EQ(
      coordinator_
          ->Send("POST", "/api/v1/escalations/1/visit", "{not json", {"Content-Type: application/json", "If-Match: 1"})
          .status,
      400);
  for (const auto& item : items) {
    const std::string outcome =
        item["person_id"] == person ? "deceased" : (item["person_id"] == other ? "hospitalised" : "needs_help");
    auto both =
        Step(*coordinator_, item, "visit", {{"assignee_id", UserId("sam.social")}, {"assignee_name", "Police"}});
    EXPECT_EQ(both.status, 400);
    EXPECT_EQ(Step(*coordinator_, item, "visit", json::object()).status, 400);
    EXPECT_EQ(Step(*coordinator_, item, "contacts-tried", {{"outcome", "x"}, {"reached", "yes"}}).status, 400);
    EXPECT_EQ(
        Step(*coordinator_, item, "contacts-tried", {{"outcome", std::string(2001, 'x')}, {"reached", false}}).status,
        400);
    EXPECT_EQ(Step(*coordinator_, item, "visit-outcome", {{"outcome", "found_well"}}).status, 409)
        << "no visit assigned yet";
    auto assigned = Step(*coordinator_, item, "visit", {{"assignee_name", "Police municipale"}});
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    EXPECT_EQ(assigned.Json()["visit_assignee_id"], nullptr);
    json body{{"outcome", outcome}};
    if (outcome == "needs_help") {
      auto without = Step(*coordinator_, assigned.Json(), "visit-outcome", body);
      EXPECT_EQ(without.status, 400);
      EXPECT_EQ(without.Json()["error"]["field"], "need");
      body["need"] = {{"kind", "spaceship"}};
      EXPECT_EQ(Step(*coordinator_, assigned.Json(), "visit-outcome", body).Json()["error"]["field"], "need.kind");
      body["need"] = {{"kind", "groceries"}, {"urgency", "high"}, {"notes", "Frigo vide"}};
    } else {
      auto with_need = body;
      with_need["need"] = {{"kind", "groceries"}};
      EXPECT_EQ(Step(*coordinator_, assigned.Json(), "visit-outcome", with_need).status, 400);
    }
    auto closed = Step(*coordinator_, assigned.Json(), "visit-outcome", body);
    ASSERT_EQ(closed.status, 200) << closed.body;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM needs WHERE source = 'visit' AND kind = 'groceries' AND person_id = " +
                  std::to_string(hungry)),
            1);
  auto read = coordinator_->Get("/api/v1/persons/" + std::to_string(person));
  EXPECT_EQ(read.Json()["status"], "deceased");
  EXPECT_EQ(coordinator_->Get("/api/v1/persons/" + std::to_string(other)).Json()["status"], "in_hospital");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE state = 'ended'"), 1);
}

TEST_P(EscalationsApi, TheJobOfServeRaisesThemByItself) {
  SetUpUsers({"--escalation-interval", "0.02"});  // every 1.2 s
  NotReached("Garnier");
  json summary;
  for (int i = 0; i < 100; ++i) {
    summary = coordinator_->Get("/api/v1/escalations/summary").Json();
    if (summary["open"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(summary["open"], 1) << summary.dump();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalation.raised' AND actor_login = 'system'"), 1);
}

// Two `lien serve` on one database, both asked to sweep at once, many times, while their jobs sweep too: one
// open escalation per person, one alert (audit event) each.
TEST_P(EscalationsApi, TwoServersSweepingAtOnceRaiseEachAlertOnce) {
  SetUpUsers({"--escalation-interval", "0.01"});
  LienServer second(database_->location(), {"--escalation-interval", "0.01"});
  constexpr int kPersons = 12;
  for (int i = 0; i < kPersons; ++i) NotReached("Personne" + std::to_string(i));
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int t = 0; t < kThreads; ++t) {
    auto client = std::make_unique<HttpClient>(t % 2 == 0 ? server_->base_url() : second.base_url());
    ASSERT_EQ(client->Login("claire.coord", PasswordFor("claire.coord")).status, 200);
    clients.push_back(std::move(client));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        if (Sweep(*clients[t]).status != 200) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations"), kPersons);
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT person_id) FROM escalations WHERE open_key IS NOT NULL"), kPersons);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalation.raised'"), kPersons);
  EXPECT_EQ(OpenEscalations().size(), static_cast<std::size_t>(kPersons));
  EXPECT_EQ(second.Stop(), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, EscalationsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
