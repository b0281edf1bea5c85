// The calling part of the call platform over HTTP (docs/calls.md): planning a day into stored worklists, the
// caller's list and next person, recording calls with retries, the caller's scope (404 outside it) and
// break-the-glass, all on a server with the test clock. Campaigns, callers and enrolments are set straight in
// the tables (the campaigns' own routes are tested beside them).

#include <chrono>

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

constexpr std::int64_t kMinute = 60'000;

// Monday 17 June 2030, 08:00 in Paris (06:00 UTC, summer time).
std::int64_t MondayEight() {
  const std::chrono::sys_days day{std::chrono::year{2030} / 6 / 17};
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch() + std::chrono::hours{6}).count();
}

class CallsApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    CreateUser("claire.coord", "coordinator");
    CreateUser("anna.caller", "caller");
    CreateUser("bob.caller", "caller");
    StartServer({"--test-clock", "--session-idle-timeout", "604800", "--session-lifetime", "2592000"});
    SetClock(MondayEight());
    coordinator_ = SignIn("claire.coord");
    anna_ = SignIn("anna.caller");
    bob_ = SignIn("bob.caller");
    anna_id_ = UserId("anna.caller");
    bob_id_ = UserId("bob.caller");
    campaign_ = Insert(
        "INSERT INTO campaigns (name, kind, status, starts_on, frequency_days, weekdays, window_start, window_end, "
        "retry_delay_minutes, max_attempts_per_day, escalation_hours, escalation_min_attempts, created_at, updated_at) "
        "VALUES ('Appels de convivialité', 'wellbeing', 'active', '2030-01-01', 0, '', '09:00', '12:00', 120, 3, 168, "
        "3, 0, 0) RETURNING id");
    Sql("INSERT INTO campaign_questions (campaign_id, position, prompt, answer_kind, raises_need, raises_on) VALUES "
        "(?, 1, 'Avez-vous de quoi manger pour trois jours ?', 'yes_no', 'groceries', 'no')",
        {campaign_});
    for (auto id : {anna_id_, bob_id_}) {
      Sql("INSERT INTO callers (user_id, weekdays, shift_start, shift_end, calls_per_shift, updated_at) VALUES "
          "(?, '1,2,3,4,5', '09:00', '17:00', 20, 0)",
          {id});
    }
    odette_ = CreatePerson("Martin", "Odette", "03 22 01 63 10");
    henri_ = CreatePerson("Dubois", "Henri", "06 12 34 56 78");
    lucie_ = CreatePerson("Petit", "Lucie", "03 22 44 55 66");
    paul_ = CreatePerson("Moreau", "Paul", "03 22 77 88 99");
    Enrol(odette_, anna_id_, "09:00", "10:00");
    Enrol(henri_, anna_id_, "09:30", "11:00");
    Enrol(lucie_, anna_id_, "10:00", "12:00");
    Enrol(paul_, bob_id_, "09:00", "12:00");
    Sql("INSERT INTO emergency_contacts (person_id, position, name, relation, phone) VALUES (?, 0, 'Sylvie Martin', "
        "'fille', '+33611223344')",
        {odette_});
    Sql("INSERT INTO follow_up_profiles (person_id, lives_alone, health_notes, updated_at) VALUES (?, 1, "
        "'Diabète, insuline le matin', 0)",
        {odette_});
  }

  std::unique_ptr<db::Database> Db() { return database_->OpenMigrated(1); }

  void Sql(const std::string& sql, const std::vector<db::Value>& params = {}) {
    auto database = Db();
    db::InWriteTransaction(*database, [&](db::Connection& c) { c.Execute(sql, params); });
  }
  std::int64_t Insert(const std::string& sql, const std::vector<db::Value>& params = {}) {
    auto database = Db();
    return db::InWriteTransaction(*database, [&](db::Connection& c) { return c.QueryOne(sql, params)->Int(0); });
  }
  std::optional<std::int64_t> QueryInt(const std::string& sql, const std::vector<db::Value>& params) {
    auto database = Db();
    return db::InWriteTransaction(*database, [&](db::Connection& c) { return c.QueryOne(sql, params)->OptInt(0); });
  }
  std::string QueryText(const std::string& sql, const std::vector<db::Value>& params) {
    auto database = Db();
    return db::InWriteTransaction(*database, [&](db::Connection& c) { return c.QueryOne(sql, params)->Text(0); });
  }
  std::int64_t UserId(const std::string& login) { return *QueryInt("SELECT id FROM users WHERE login = ?", {login}); }

  std::int64_t CreatePerson(const std::string& last, const std::string& first, const std::string& phone) {
    auto created = coordinator_->SendJson(
        "POST", "/api/v1/persons",
        {{"last_name", last},
         {"first_names", first},
         {"birth_date", "1938-04-12"},
         {"phones", {phone}},
         {"address", {{"number", "12"}, {"street", "rue Victor Hugo"}, {"postcode", "80000"}, {"town", "Amiens"}}},
         {"ignore_duplicates", true}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["person"]["id"].get<std::int64_t>();
  }

  void Enrol(std::int64_t person, std::int64_t caller, const std::string& from, const std::string& to) {
    Sql("INSERT INTO enrolments (campaign_id, person_id, source, caller_id, window_start, window_end, enrolled_at) "
        "VALUES (?, ?, 'manual', ?, ?, ?, 0)",
        {campaign_, person, caller, from, to});
  }

  void SetClock(std::int64_t at) {
    auto moved = Client()->SendJson("POST", "/api/v1/test/clock", {{"at", at}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    now_ = at;
  }
  void Advance(int minutes) {
    auto moved = Client()->SendJson("POST", "/api/v1/test/clock", {{"advance_minutes", minutes}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    now_ = moved.Json()["now"].get<std::int64_t>();
  }

  json Next(HttpClient& client) {
    auto next = client.Get("/api/v1/worklists/mine/next");
    EXPECT_EQ(next.status, 200) << next.body;
    return next.Json();
  }

  HttpResponse Record(HttpClient& client, const json& body, const std::string& key = "") {
    std::vector<std::string> headers;
    if (!key.empty()) headers.push_back("Idempotency-Key: " + key);
    return client.SendJson("POST", "/api/v1/calls", body, headers);
  }

  std::int64_t NextItemFor(HttpClient& client, std::int64_t person) {
    const auto next = Next(client);
    EXPECT_FALSE(next["item"].is_null()) << next.dump();
    if (next["item"].is_null()) return 0;
    EXPECT_EQ(next["item"]["person_id"], person) << next.dump();
    return next["item"]["id"].get<std::int64_t>();
  }

  std::unique_ptr<HttpClient> coordinator_, anna_, bob_;
  std::int64_t anna_id_ = 0, bob_id_ = 0, campaign_ = 0;
  std::int64_t odette_ = 0, henri_ = 0, lucie_ = 0, paul_ = 0;
  std::int64_t now_ = 0;
};

TEST_P(CallsApi, ACoordinatorPlansTheDayAndEachCallerSeesTheirList) {
  EXPECT_EQ(anna_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-06-17"}}).status, 403);
  auto bad = coordinator_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-02-30"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["error"]["field"], "day");

  auto planned = coordinator_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-06-17"}});
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(planned.Json()["pending"], 4);
  EXPECT_EQ(planned.Json()["callers"], 2);
  EXPECT_TRUE(planned.Json()["overflow"].empty());

  auto mine = anna_->Get("/api/v1/worklists/mine?day=2030-06-17");
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::vector<std::string> names;
  const auto mine_items = mine.Json()["items"];
  for (const auto& item : mine_items) names.push_back(item["person_name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Odette Martin", "Henri Dubois", "Lucie Petit"}));
  EXPECT_EQ(bob_->Get("/api/v1/worklists/mine").Json()["items"].size(), 1U);
  EXPECT_EQ(anna_->Get("/api/v1/worklists/mine?day=17/06/2030").status, 400);

  EXPECT_EQ(anna_->Get("/api/v1/worklists").status, 403);
  auto all = coordinator_->Get("/api/v1/worklists?day=2030-06-17");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json()["items"].size(), 4U);
  EXPECT_EQ(all.Json()["callers"].size(), 2U);
  auto bobs = coordinator_->Get("/api/v1/worklists?day=2030-06-17&caller=" + std::to_string(bob_id_));
  ASSERT_EQ(bobs.Json()["items"].size(), 1U);
  EXPECT_EQ(bobs.Json()["items"][0]["person_id"], paul_);

  // Planning again with the same inputs and clock gives the same lists, the same items.
  auto again = coordinator_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-06-17"}});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(coordinator_->Get("/api/v1/worklists?day=2030-06-17").Json()["items"], all.Json()["items"]);
}

TEST_P(CallsApi, TheFirstRequestOfTheDayPlansItAndTheNextPersonComesInWindowOrder) {
  auto early = Next(*anna_);
  EXPECT_TRUE(early["item"].is_null());
  EXPECT_EQ(early["pending"], 3);
  EXPECT_EQ(early["next_at"], MondayEight() + 60 * kMinute) << "09:00 in Paris";

  Advance(60);
  const auto next = Next(*anna_);
  ASSERT_FALSE(next["item"].is_null()) << next.dump();
  EXPECT_EQ(next["person"]["name"], "Odette Martin");
  EXPECT_EQ(next["person"]["phones"][0]["e164"], "+33322016310");
  EXPECT_EQ(next["person"]["phones"][0]["display"], "03 22 01 63 10");
  EXPECT_EQ(next["person"]["address"]["town"], "Amiens");
  EXPECT_EQ(next["emergency_contacts"][0]["name"], "Sylvie Martin");
  EXPECT_EQ(next["emergency_contacts"][0]["phone"]["display"], "06 11 22 33 44");
  EXPECT_EQ(next["script"]["questions"][0]["prompt"], "Avez-vous de quoi manger pour trois jours ?");
  EXPECT_EQ(next.dump().find("Diabète"), std::string::npos) << "never health notes on the caller's screen";
  EXPECT_EQ(next.dump().find("register"), std::string::npos);

  auto dpo_view = QueryInt(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'call_screen.read' AND subject_id = ? AND "
      "purpose = 'follow_up'",
      {std::to_string(odette_)});
  EXPECT_EQ(dpo_view, 1);
}

TEST_P(CallsApi, ANoAnswerComesBackAfterTheRetryDelayAndAReachedCallIsAContact) {
  Advance(60);  // 09:00
  const auto odette_item = NextItemFor(*anna_, odette_);
  const json no_answer{{"worklist_item_id", odette_item}, {"outcome", "no_answer"}, {"duration_seconds", 40}};
  auto first = Record(*anna_, no_answer, "call-odette-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["item"]["state"], "pending");
  EXPECT_EQ(first.Json()["item"]["attempts"], 1);
  EXPECT_EQ(first.Json()["retry_at"], now_ + 120 * kMinute);

  // The screen lost the reply and sends the call again: the same reply, one call recorded.
  auto replay = Record(*anna_, no_answer, "call-odette-1");
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.Json(), first.Json());
  EXPECT_EQ(replay.Header("idempotent-replayed"), "true");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls WHERE person_id = ?", {odette_}), 1);
  auto reused = Record(*anna_, {{"worklist_item_id", odette_item}, {"outcome", "busy"}}, "call-odette-1");
  EXPECT_EQ(reused.status, 409);

  Advance(30);  // 09:30: Henri's window is open
  const auto henri_item = NextItemFor(*anna_, henri_);
  auto reached = Record(*anna_, {{"worklist_item_id", henri_item},
                                 {"outcome", "reached"},
                                 {"duration_seconds", 1200},
                                 {"notes", "Va bien, sa voisine passe le jeudi."},
                                 {"answers", {{{"position", 1}, {"value", "no"}}}}});
  ASSERT_EQ(reached.status, 201) << reached.body;
  EXPECT_EQ(reached.Json()["item"]["state"], "done");
  ASSERT_EQ(reached.Json()["proposed_needs"].size(), 1U);
  EXPECT_EQ(reached.Json()["proposed_needs"][0]["kind"], "groceries");
  const auto need_id = reached.Json()["proposed_needs"][0]["need_id"];
  ASSERT_TRUE(need_id.is_number()) << reached.body;
  EXPECT_EQ(QueryText("SELECT kind FROM needs WHERE id = ? AND source = 'call' AND state = 'open'",
                      {need_id.get<std::int64_t>()}),
            "groceries");
  EXPECT_EQ(QueryInt("SELECT last_contact_at FROM persons WHERE id = ?", {henri_}), now_);
  EXPECT_EQ(QueryInt("SELECT last_reached_at FROM enrolments WHERE person_id = ?", {henri_}), now_);

  Advance(30);  // 10:00
  const auto lucie_item = NextItemFor(*anna_, lucie_);
  ASSERT_EQ(Record(*anna_, {{"worklist_item_id", lucie_item}, {"outcome", "refused"}}).status, 201);

  auto waiting = Next(*anna_);
  EXPECT_TRUE(waiting["item"].is_null());
  EXPECT_EQ(waiting["pending"], 1);
  EXPECT_EQ(waiting["next_at"], first.Json()["retry_at"]);

  Advance(61);  // 11:01, past the retry time
  const auto again = Next(*anna_);
  ASSERT_FALSE(again["item"].is_null()) << again.dump();
  EXPECT_EQ(again["item"]["id"], odette_item);
  EXPECT_EQ(again["item"]["reason"], "retry");
  EXPECT_EQ(again["last_calls"][0]["outcome"], "no_answer");
  EXPECT_EQ(again["last_calls"][0]["caller_name"], "Test anna.caller");
  ASSERT_EQ(Record(*anna_, {{"worklist_item_id", odette_item}, {"outcome", "reached"}}).status, 201);
  EXPECT_EQ(QueryInt("SELECT last_contact_at FROM persons WHERE id = ?", {odette_}), now_);

  // Done items stay done when the day is planned again.
  auto replanned = coordinator_->SendJson("POST", "/api/v1/worklists/plan", json::object());
  ASSERT_EQ(replanned.status, 200) << replanned.body;
  EXPECT_EQ(replanned.Json()["kept"], 3);
  EXPECT_EQ(replanned.Json()["pending"], 1) << "Paul, on Bob's list";
  const auto annas = anna_->Get("/api/v1/worklists/mine").Json()["items"];
  ASSERT_EQ(annas.size(), 3U);
  for (const auto& item : annas) EXPECT_EQ(item["state"], "done");
}

// Without a key, a call sent twice is two calls (two attempts); a key over 200 characters is refused and
// records nothing; the audit trail has one call.record per call recorded, none for a replay.
TEST_P(CallsApi, WithoutAKeyEachPostRecordsACallAndAnOverlongKeyIsRefused) {
  Advance(60);  // 09:00
  const auto item = NextItemFor(*anna_, odette_);
  const json busy{{"worklist_item_id", item}, {"outcome", "busy"}};
  auto too_long = Record(*anna_, busy, std::string(201, 'k'));
  EXPECT_EQ(too_long.status, 400) << too_long.body;
  EXPECT_EQ(too_long.Json()["error"]["field"], "Idempotency-Key");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls WHERE person_id = ?", {odette_}), 0);

  auto once = Record(*anna_, busy);
  ASSERT_EQ(once.status, 201) << once.body;
  auto twice = Record(*anna_, busy);
  ASSERT_EQ(twice.status, 201) << twice.body;
  EXPECT_NE(once.Json()["call"]["id"], twice.Json()["call"]["id"]);
  EXPECT_EQ(twice.Json()["item"]["attempts"], 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls WHERE person_id = ?", {odette_}), 2);

  const json reached{{"worklist_item_id", item}, {"outcome", "reached"}};
  ASSERT_EQ(Record(*anna_, reached, std::string(200, 'k')).status, 201);
  auto replay = Record(*anna_, reached, std::string(200, 'k'));
  EXPECT_EQ(replay.status, 201) << replay.body;
  EXPECT_EQ(replay.Header("idempotent-replayed"), "true");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls WHERE person_id = ?", {odette_}), 3);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'call.record' AND subject_id = ?",
                     {std::to_string(odette_)}),
            3);
}

TEST_P(CallsApi, AttemptsRunOutAndThePersonComesBackFirstTheNextDay) {
  Advance(120);  // 10:00
  const auto item = NextItemFor(*anna_, odette_);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto call = Record(*anna_, {{"worklist_item_id", item}, {"outcome", "voicemail"}});
    ASSERT_EQ(call.status, 201) << call.body;
    EXPECT_EQ(call.Json()["item"]["state"], attempt < 3 ? "pending" : "failed") << attempt;
    Advance(121);
  }
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", item}, {"outcome", "voicemail"}}).status, 409);

  Advance(24 * 60);  // Tuesday: the first request of the day plans it
  auto tuesday = anna_->Get("/api/v1/worklists/mine");
  ASSERT_EQ(tuesday.status, 200) << tuesday.body;
  const auto items = tuesday.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["person_id"], odette_);
  EXPECT_EQ(items[0]["reason"], "missed");
  EXPECT_EQ(items[0]["day"], "2030-06-18");
}

TEST_P(CallsApi, OutcomesThatStopCallingAreFlaggedPausedOrEnded) {
  Advance(60);
  const auto odette_item = NextItemFor(*anna_, odette_);
  auto wrong = Record(*anna_, {{"worklist_item_id", odette_item}, {"outcome", "wrong_number"}});
  ASSERT_EQ(wrong.status, 201) << wrong.body;
  EXPECT_EQ(wrong.Json()["item"]["state"], "failed");
  EXPECT_TRUE(wrong.Json()["inform_coordinator"].get<bool>());
  bool flagged = false;
  const auto day_items = coordinator_->Get("/api/v1/worklists").Json()["items"];
  for (const auto& item : day_items) {
    if (item["id"] == odette_item) flagged = item["flagged"].get<bool>();
  }
  EXPECT_TRUE(flagged);

  Advance(30);
  const auto henri_item = NextItemFor(*anna_, henri_);
  auto hospital = Record(*anna_, {{"worklist_item_id", henri_item}, {"outcome", "in_hospital"}});
  ASSERT_EQ(hospital.status, 201) << hospital.body;
  EXPECT_EQ(hospital.Json()["enrolment_state"], "paused");

  // Lucie is also in a heatwave campaign: one call a day, the heatwave's (on its caller's list), the wellbeing one
  // merged. Her death ends both enrolments and takes her off every list.
  const auto second = Insert(
      "INSERT INTO campaigns (name, kind, status, starts_on, retry_delay_minutes, max_attempts_per_day, "
      "escalation_hours, escalation_min_attempts, created_at, updated_at) VALUES ('Canicule', 'heatwave', 'active', "
      "'2030-01-01', 45, 5, 48, 3, 0, 0) RETURNING id");
  Sql("INSERT INTO enrolments (campaign_id, person_id, source, caller_id, enrolled_at) VALUES (?, ?, 'manual', ?, 0)",
      {second, lucie_, bob_id_});
  const auto replanned = coordinator_->SendJson("POST", "/api/v1/worklists/plan", json::object());
  ASSERT_EQ(replanned.status, 200) << replanned.body;
  EXPECT_EQ(replanned.Json()["merged"], 1) << replanned.body;
  std::vector<json> lucie_items;
  const auto today_items = coordinator_->Get("/api/v1/worklists").Json()["items"];
  for (const auto& item : today_items) {
    if (item["person_id"] == lucie_ && item["state"] == "pending") lucie_items.push_back(item);
  }
  ASSERT_EQ(lucie_items.size(), 1U) << today_items.dump();
  EXPECT_EQ(lucie_items[0]["caller_id"], bob_id_);
  EXPECT_EQ(lucie_items[0]["campaign_id"], second);
  Advance(30);
  const auto lucie_item = lucie_items[0]["id"].get<std::int64_t>();
  auto deceased = Record(*bob_, {{"worklist_item_id", lucie_item}, {"outcome", "deceased"}});
  ASSERT_EQ(deceased.status, 201) << deceased.body;
  EXPECT_EQ(deceased.Json()["enrolment_state"], "ended");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM enrolments WHERE person_id = ? AND state <> 'ended'", {lucie_}), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM worklist_items WHERE person_id = ? AND state = 'pending'", {lucie_}), 0);
}

TEST_P(CallsApi, BadCallsAreRefusedWithTheFieldNamed) {
  Advance(60);
  const auto item = NextItemFor(*anna_, odette_);
  auto unknown = Record(*anna_, {{"worklist_item_id", item}, {"outcome", "maybe"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.Json()["error"]["field"], "outcome");
  EXPECT_EQ(Record(*anna_, {{"outcome", "reached"}}).Json()["error"]["field"], "worklist_item_id");
  EXPECT_EQ(Record(*anna_, {{"person_id", odette_}, {"outcome", "reached"}}).Json()["error"]["field"], "campaign_id");
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", item}, {"outcome", "reached"}, {"duration_seconds", -1}}).status, 400);
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", "x"}, {"outcome", "reached"}}).status, 400);
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", item}, {"outcome", "reached"}, {"colour", "red"}}).status, 400);
  auto bad_answer = Record(
      *anna_, {{"worklist_item_id", item}, {"outcome", "reached"}, {"answers", {{{"position", 7}, {"value", "yes"}}}}});
  EXPECT_EQ(bad_answer.status, 400);
  EXPECT_EQ(bad_answer.Json()["error"]["field"], "answers");
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", 999999}, {"outcome", "reached"}}).status, 404);
  EXPECT_EQ(anna_->Send("POST", "/api/v1/calls", "not json", {"Content-Type: application/json"}).status, 400);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM calls", {}), 0);
}

TEST_P(CallsApi, ACallerReadsOnlyThePeopleOnTheirListsUnlessTheyBreakTheGlass) {
  ASSERT_EQ(anna_->Get("/api/v1/worklists/mine").status, 200);  // plans the day
  EXPECT_EQ(anna_->Get("/api/v1/calls/persons/" + std::to_string(odette_)).status, 200);
  auto outside = anna_->Get("/api/v1/calls/persons/" + std::to_string(paul_));
  auto missing = anna_->Get("/api/v1/calls/persons/999999");
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(outside.Json()["error"]["code"], missing.Json()["error"]["code"]);
  EXPECT_EQ(outside.Json()["error"]["message"], missing.Json()["error"]["message"]);
  EXPECT_EQ(outside.ErrorMessage(), "Cette personne ne figure pas sur vos listes d'appels.");
  EXPECT_EQ(anna_->Get("/api/v1/persons/" + std::to_string(paul_)).status, 403) << "no register reads for callers";
  auto record_outside = Record(*anna_, {{"person_id", paul_}, {"campaign_id", campaign_}, {"outcome", "reached"}});
  EXPECT_EQ(record_outside.status, 404);
  EXPECT_EQ(record_outside.ErrorMessage(), outside.ErrorMessage());
  const auto pauls_item = coordinator_->Get("/api/v1/worklists?caller=" + std::to_string(bob_id_)).Json()["items"][0];
  EXPECT_EQ(Record(*anna_, {{"worklist_item_id", pauls_item["id"]}, {"outcome", "reached"}}).status, 404);
  EXPECT_EQ(coordinator_->Get("/api/v1/calls/persons/" + std::to_string(paul_)).status, 200);

  // Breaking the glass.
  auto short_reason = anna_->SendJson("POST", "/api/v1/break-glass", {{"person_id", paul_}, {"reason", "urgent"}});
  EXPECT_EQ(short_reason.status, 400);
  EXPECT_EQ(short_reason.Json()["error"]["field"], "reason");
  EXPECT_EQ(
      anna_->SendJson("POST", "/api/v1/break-glass", {{"person_id", 999999}, {"reason", "sa fille appelle, inquiète"}})
          .status,
      404);
  auto granted =
      anna_->SendJson("POST", "/api/v1/break-glass", {{"person_id", paul_}, {"reason", "Sa fille appelle, inquiète"}});
  ASSERT_EQ(granted.status, 201) << granted.body;
  EXPECT_EQ(granted.Json()["expires_at"], now_ + 12 * 60 * kMinute);
  EXPECT_EQ(anna_->Get("/api/v1/calls/persons/" + std::to_string(paul_)).status, 200);
  EXPECT_EQ(QueryText("SELECT details FROM audit_log WHERE action = 'break_glass.grant'", {}).find("inquiète") !=
                std::string::npos,
            true);

  EXPECT_EQ(anna_->Get("/api/v1/break-glass").status, 403);
  auto unreviewed = coordinator_->Get("/api/v1/break-glass");
  ASSERT_EQ(unreviewed.status, 200);
  ASSERT_EQ(unreviewed.Json()["items"].size(), 1U);
  EXPECT_EQ(unreviewed.Json()["items"][0]["person_name"], "Paul Moreau");
  EXPECT_EQ(unreviewed.Json()["items"][0]["user_login"], "anna.caller");
  const auto grant = std::to_string(granted.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(anna_->Send("POST", "/api/v1/break-glass/" + grant + "/review").status, 403);
  EXPECT_EQ(coordinator_->Send("POST", "/api/v1/break-glass/" + grant + "/review").status, 200);
  EXPECT_EQ(coordinator_->Send("POST", "/api/v1/break-glass/" + grant + "/review").status, 409);
  EXPECT_EQ(coordinator_->Send("POST", "/api/v1/break-glass/999999/review").status, 404);
  EXPECT_TRUE(coordinator_->Get("/api/v1/break-glass").Json()["items"].empty());

  Advance(12 * 60 + 1);  // the grant has run out
  EXPECT_EQ(anna_->Get("/api/v1/calls/persons/" + std::to_string(paul_)).status, 404);
}

TEST_P(CallsApi, TheCallsThatFitNobodyStayWithTheDaysWorklistsForTheCoordinator) {
  // One call a shift each: two of the four people fit, and a fifth called at 19:00 fits no shift.
  Sql("UPDATE callers SET calls_per_shift = 1");
  const auto late = CreatePerson("Garnier", "Rose", "03 22 12 34 56");
  Enrol(late, anna_id_, "19:00", "20:00");
  auto planned = coordinator_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-06-17"}});
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(planned.Json()["pending"], 2);
  ASSERT_EQ(planned.Json()["overflow"].size(), 3U) << planned.body;

  // Later, on opening the day: the same overflow, with the persons' names, in list order.
  Advance(90);
  auto day = coordinator_->Get("/api/v1/worklists?day=2030-06-17");
  ASSERT_EQ(day.status, 200) << day.body;
  const auto overflow = day.Json()["overflow"];
  ASSERT_EQ(overflow.size(), 3U) << day.body;
  for (std::size_t i = 0; i < overflow.size(); ++i) {
    EXPECT_EQ(overflow[i]["person_id"], planned.Json()["overflow"][i]["person_id"]) << i;
    EXPECT_EQ(overflow[i]["reason"], planned.Json()["overflow"][i]["reason"]) << i;
    EXPECT_EQ(overflow[i]["call_reason"], "due");
  }
  EXPECT_EQ(overflow[0]["reason"], "no_room");
  EXPECT_EQ(overflow[2]["person_id"], late);
  EXPECT_EQ(overflow[2]["person_name"], "Rose Garnier");
  EXPECT_EQ(overflow[2]["reason"], "outside_every_shift");
  EXPECT_EQ(overflow[2]["window_start"], MondayEight() + 11 * 60 * kMinute) << "19:00 in Paris";
  // One caller's view: the overflow of their usual people only (Paul is Bob's, and fitted).
  EXPECT_TRUE(coordinator_->Get("/api/v1/worklists?day=2030-06-17&caller=" + std::to_string(bob_id_))
                  .Json()["overflow"]
                  .empty());
  EXPECT_EQ(coordinator_->Get("/api/v1/worklists?day=2030-06-17&caller=" + std::to_string(anna_id_))
                .Json()["overflow"]
                .size(),
            3U);
  EXPECT_FALSE(anna_->Get("/api/v1/worklists/mine?day=2030-06-17").Json().contains("overflow"));
  EXPECT_EQ(QueryText("SELECT details FROM audit_log WHERE action = 'worklist.read' ORDER BY id DESC LIMIT 1", {})
                .find("overflow"),
            std::string::npos)
      << "the caller's read names no overflow";

  // More room: the next plan replaces the stored overflow; only the 19:00 call still fits nobody.
  Sql("UPDATE callers SET calls_per_shift = 20");
  ASSERT_EQ(coordinator_->SendJson("POST", "/api/v1/worklists/plan", {{"day", "2030-06-17"}}).status, 200);
  const auto after = coordinator_->Get("/api/v1/worklists?day=2030-06-17").Json()["overflow"];
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0]["person_id"], late);
}

TEST_P(CallsApi, ANoAnswerWhoseRetryFallsAfterTheShiftGoesToAColleagueWorkingThenOrToTomorrow) {
  // Bob works 13:00-21:00: Paul, called 09:00-12:00, cannot stay his (the plan gives him to Anna and keeps it).
  Sql("UPDATE callers SET shift_start = '13:00', shift_end = '21:00' WHERE user_id = ?", {bob_id_});
  ASSERT_EQ(coordinator_->SendJson("POST", "/api/v1/worklists/plan", json::object()).status, 200);
  EXPECT_EQ(QueryInt("SELECT caller_id FROM enrolments WHERE person_id = ?", {paul_}), anna_id_);

  Advance(8 * 60);  // 16:00: the retry of a no-answer, two hours later, is after Anna's 17:00
  const auto odette_item = NextItemFor(*anna_, odette_);
  auto moved = Record(*anna_, {{"worklist_item_id", odette_item}, {"outcome", "no_answer"}});
  ASSERT_EQ(moved.status, 201) << moved.body;
  EXPECT_EQ(moved.Json()["item"]["state"], "pending");
  EXPECT_EQ(moved.Json()["item"]["caller_id"], bob_id_) << moved.body;
  EXPECT_EQ(moved.Json()["retry_at"], now_ + 120 * kMinute);
  bool on_bobs_list = false;
  const auto bobs = bob_->Get("/api/v1/worklists/mine").Json()["items"];
  for (const auto& item : bobs) {
    on_bobs_list = on_bobs_list || (item["id"] == odette_item && item["not_before"] == moved.Json()["retry_at"]);
  }
  EXPECT_TRUE(on_bobs_list) << "Bob makes the retry at 18:00";

  // Nobody works after 17:00 any more: Henri's retry waits for tomorrow, where he comes first.
  Sql("UPDATE callers SET shift_end = '17:00' WHERE user_id = ?", {bob_id_});
  Advance(5);
  std::int64_t henri_item = 0;
  const auto annas = anna_->Get("/api/v1/worklists/mine").Json()["items"];
  for (const auto& item : annas) {
    if (item["person_id"] == henri_) henri_item = item["id"].get<std::int64_t>();
  }
  auto carried = Record(*anna_, {{"worklist_item_id", henri_item}, {"outcome", "no_answer"}});
  ASSERT_EQ(carried.status, 201) << carried.body;
  EXPECT_EQ(carried.Json()["item"]["state"], "failed");
  EXPECT_EQ(carried.Json()["item"]["caller_id"], anna_id_);
  EXPECT_TRUE(carried.Json()["retry_at"].is_null());
  // The others were dealt with today (not missed): on Tuesday Henri, missed, comes before their earlier windows.
  Sql("UPDATE worklist_items SET state = 'done' WHERE day = '2030-06-17' AND person_id <> ?", {henri_});
  SetClock(MondayEight() + 24 * 60 * kMinute);
  const auto tuesday = anna_->Get("/api/v1/worklists/mine").Json()["items"];
  ASSERT_EQ(tuesday.size(), 4U) << tuesday.dump();
  EXPECT_EQ(tuesday[0]["person_id"], henri_) << tuesday.dump();
  EXPECT_EQ(tuesday[0]["reason"], "missed");
  EXPECT_EQ(tuesday[1]["person_id"], odette_);
  EXPECT_EQ(tuesday[1]["reason"], "due");
}

TEST_P(CallsApi, TheTestClockMovesOnlyAsTold) {
  auto client = Client();
  EXPECT_EQ(client->Get("/api/v1/test/clock").Json()["now"], MondayEight());
  EXPECT_EQ(client->SendJson("POST", "/api/v1/test/clock", {{"advance_minutes", -5}}).status, 400);
  EXPECT_EQ(client->SendJson("POST", "/api/v1/test/clock", {{"advance_minutes", 5}, {"at", 0}}).status, 400);
  EXPECT_EQ(client->SendJson("POST", "/api/v1/test/clock", {{"at", "tomorrow"}}).status, 400);
  Advance(5);
  EXPECT_EQ(now_, MondayEight() + 5 * kMinute);
}

INSTANTIATE_TEST_SUITE_P(Engines, CallsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

class TestClockFlag : public ApiTest {};

TEST_P(TestClockFlag, ExistsOnlyWithTheFlagAndOnlyOnLoopback) {
  StartServer();
  EXPECT_EQ(Client()->SendJson("POST", "/api/v1/test/clock", {{"advance_minutes", 5}}).status, 404);
  const auto refused = RunLien({"serve", "--db", database_->location(), "--listen", "0.0.0.0:0", "--test-clock"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("loopback"), std::string::npos) << refused.output;
}

INSTANTIATE_TEST_SUITE_P(Engines, TestClockFlag, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
