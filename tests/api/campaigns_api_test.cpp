// Campaigns over HTTP (docs/calls.md): creation with the kind's defaults and named validation errors, the script,
// If-Match, the callers' roster, activation enrolling the target (never the moved or deceased, never twice, usual
// callers balanced), refresh, manual add and remove, closing; a heatwave alert activating its campaign at once;
// the follow-up profile and emergency contacts.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class CampaignsApi : public ApiTest {
 protected:
  std::int64_t AddPerson(HttpClient& client, const std::string& last_name, const std::string& birth_date,
                         const std::string& postcode) {
    json body{{"last_name", last_name},
              {"first_names", "Jeanne"},
              {"birth_date", birth_date},
              {"address", {{"number", "3"}, {"street", "rue des Lilas"}, {"postcode", postcode}, {"town", "Amiens"}}},
              {"ignore_duplicates", true}};
    auto created = client.SendJson("POST", "/api/v1/persons", body);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["person"].value("id", std::int64_t{0});
  }

  void Sql(const std::string& sql, const std::vector<db::Value>& params) {
    auto database = database_->Open(1);
    db::InWriteTransaction(*database, [&](db::Connection& c) { c.Execute(sql, params); });
  }

  std::int64_t UserId(const std::string& login) {
    auto database = database_->Open(1);
    return db::InReadTransaction(*database, [&](db::Connection& c) {
      return c.QueryOne("SELECT id FROM users WHERE login = ?", {login})->Int(0);
    });
  }

  static std::string IfMatch(const HttpResponse& response) { return "If-Match: " + response.Header("etag"); }
  static std::string IfMatch(std::int64_t version) { return "If-Match: " + std::to_string(version); }

  static std::vector<std::int64_t> EnrolledPersons(HttpClient& client, const std::string& campaign_path) {
    auto list = client.Get(campaign_path + "/enrolments");
    EXPECT_EQ(list.status, 200) << list.body;
    std::vector<std::int64_t> ids;
    const auto body = list.Json();  // kept alive: a range-for over list.Json()["items"] would dangle
    for (const auto& item : body["items"]) ids.push_back(item["person_id"].get<std::int64_t>());
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

TEST_P(CampaignsApi, ACoordinatorBuildsAWellbeingCampaignAndItsScript) {
  CreateUser("claire.coord", "coordinator");
  CreateUser("julie.caller", "caller");
  StartServer();
  auto coordinator = SignIn("claire.coord");
  auto caller = SignIn("julie.caller");

  const json draft{{"kind", "wellbeing"},
                   {"name", "Appels de convivialité"},
                   {"starts_on", "2026-06-01"},
                   {"target", {{"age_min", 75}, {"area", {{"postcodes", {"80000"}}}}}}};
  EXPECT_EQ(caller->SendJson("POST", "/api/v1/campaigns", draft).status, 403);
  auto created = coordinator->SendJson("POST", "/api/v1/campaigns", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  auto campaign = created.Json();
  EXPECT_EQ(campaign["status"], "draft");
  EXPECT_EQ(campaign["frequency_days"], 3);
  EXPECT_EQ(campaign["retry_delay_minutes"], 120);
  EXPECT_EQ(campaign["escalation_hours"], 168);
  const std::string path = "/api/v1/campaigns/" + std::to_string(campaign["id"].get<std::int64_t>());

  auto heatwave = coordinator->SendJson("POST", "/api/v1/campaigns",
                                        {{"kind", "heatwave"}, {"name", "Canicule"}, {"starts_on", "2026-06-01"}});
  ASSERT_EQ(heatwave.status, 201) << heatwave.body;
  EXPECT_LT(heatwave.Json()["retry_delay_minutes"].get<int>(), 120) << "a heatwave retries sooner";
  EXPECT_EQ(heatwave.Json()["escalation_hours"], 48);

  // Mistakes are refused with the field named, in the user's language.
  auto register_target = coordinator->SendJson(
      "POST", "/api/v1/campaigns",
      {{"kind", "wellbeing"}, {"name", "X"}, {"starts_on", "2026-06-01"}, {"target", {{"register", true}}}});
  EXPECT_EQ(register_target.status, 400);
  EXPECT_EQ(register_target.Json()["error"]["field"], "target.register");
  EXPECT_NE(register_target.ErrorMessage().find("registre"), std::string::npos) << register_target.body;
  auto no_name =
      coordinator->SendJson("POST", "/api/v1/campaigns", {{"kind", "wellbeing"}, {"starts_on", "2026-06-01"}});
  EXPECT_EQ(no_name.Json()["error"]["field"], "name");
  auto bad_day = coordinator->SendJson("POST", "/api/v1/campaigns",
                                       {{"kind", "cold"}, {"name", "Froid"}, {"starts_on", "2026-02-30"}});
  EXPECT_EQ(bad_day.status, 400);
  EXPECT_EQ(bad_day.Json()["error"]["field"], "starts_on");
  coordinator->set_language("en");
  auto bad_weekday = coordinator->SendJson(
      "POST", "/api/v1/campaigns",
      {{"kind", "wellbeing"}, {"name", "X"}, {"starts_on", "2026-06-01"}, {"frequency_days", 0}, {"weekdays", {1, 9}}});
  EXPECT_EQ(bad_weekday.Json()["error"]["field"], "weekdays[1]");
  EXPECT_NE(bad_weekday.ErrorMessage().find("Monday"), std::string::npos) << bad_weekday.body;
  coordinator->set_language("fr");
  EXPECT_EQ(coordinator
                ->SendJson("POST", "/api/v1/campaigns",
                           {{"kind", "wellbeing"}, {"name", "X"}, {"starts_on", "2026-06-01"}, {"status", "active"}})
                .status,
            400)
      << "status is not writable";
  EXPECT_EQ(coordinator->Send("POST", "/api/v1/campaigns", "{not json", {"Content-Type: application/json"}).status,
            400);

  // Edits need the version; a stale one gets 412 with the campaign as it is now.
  EXPECT_EQ(coordinator->SendJson("PATCH", path, {{"name", "Convivialité"}}).status, 400);
  auto renamed =
      coordinator->SendJson("PATCH", path, {{"name", "Convivialité"}, {"window_start", "10:00"}}, {IfMatch(created)});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["window_start"], "10:00");
  auto stale = coordinator->SendJson("PATCH", path, {{"name", "Autre"}}, {IfMatch(created)});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.Json()["current"]["name"], "Convivialité");
  auto bad_window = coordinator->SendJson("PATCH", path, {{"window_end", "08:00"}}, {IfMatch(renamed)});
  EXPECT_EQ(bad_window.status, 400);
  EXPECT_EQ(bad_window.Json()["error"]["field"], "window_end");

  // The script is edited as a whole list with the campaign's version.
  const json script{{"questions",
                     {{{"prompt", "Avez-vous de quoi manger ?"},
                       {"answer_kind", "yes_no"},
                       {"raises_need", "groceries"},
                       {"raises_on", "no"}},
                      {{"prompt", "Comment vous sentez-vous ?"},
                       {"answer_kind", "scale"},
                       {"raises_need", "isolation"},
                       {"raises_on", "1"}},
                      {{"prompt", "Qui vous rend visite ?"},
                       {"answer_kind", "choice"},
                       {"choices", {"famille", "voisins", "personne"}}},
                      {{"prompt", "Autre chose ?"}, {"answer_kind", "text"}}}}};
  auto bad_script = script;
  bad_script["questions"][2]["raises_need"] = "meals";
  bad_script["questions"][2]["raises_on"] = "amis";
  auto refused = coordinator->SendJson("PUT", path + "/questions", bad_script, {IfMatch(renamed)});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "questions[2].raises_on");
  auto saved = coordinator->SendJson("PUT", path + "/questions", script, {IfMatch(renamed)});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["questions"].size(), 4U);
  EXPECT_EQ(saved.Json()["questions"][2]["choices"], json({"famille", "voisins", "personne"}));
  EXPECT_EQ(coordinator->SendJson("PUT", path + "/questions", script, {IfMatch(renamed)}).status, 412);
  auto read = coordinator->Get(path);
  EXPECT_EQ(read.Json()["questions"][0]["raises_need"], "groceries");

  auto list = coordinator->Get("/api/v1/campaigns?status=draft");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.Json()["items"].size(), 2U);
  EXPECT_EQ(coordinator->Get("/api/v1/campaigns?status=sleeping").status, 400);
  EXPECT_EQ(coordinator->Get("/api/v1/campaigns/9999").status, 404);
}

TEST_P(CampaignsApi, ActivationEnrolsTheTargetOnceWithBalancedCallersAndRefreshAddsNewcomers) {
  CreateUser("claire.coord", "coordinator");
  CreateUser("anna.caller", "caller");
  CreateUser("bruno.caller", "caller");
  CreateUser("ines.intake", "intake");
  StartServer();
  auto coordinator = SignIn("claire.coord");

  // The roster: only accounts whose role can call.
  const auto anna = std::to_string(UserId("anna.caller"));
  const auto bruno = std::to_string(UserId("bruno.caller"));
  auto intake =
      coordinator->SendJson("PUT", "/api/v1/callers/" + std::to_string(UserId("ines.intake")), json::object());
  EXPECT_EQ(intake.status, 400);
  EXPECT_EQ(intake.Json()["error"]["field"], "user_id");
  auto added = coordinator->SendJson(
      "PUT", "/api/v1/callers/" + anna,
      {{"weekdays", {1, 2, 3, 4, 5}}, {"shift_start", "09:00"}, {"shift_end", "13:00"}, {"calls_per_shift", 12}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(coordinator->SendJson("PUT", "/api/v1/callers/" + anna, json::object()).status, 409);
  ASSERT_EQ(coordinator->SendJson("PUT", "/api/v1/callers/" + bruno, json::object()).status, 201);
  auto bad_shift = coordinator->SendJson("PUT", "/api/v1/callers/" + anna, {{"shift_end", "08:00"}}, {IfMatch(added)});
  EXPECT_EQ(bad_shift.Json()["error"]["field"], "shift_end");
  auto absence = coordinator->SendJson("POST", "/api/v1/callers/" + anna + "/absences",
                                       {{"from_day", "2099-07-01"}, {"until_day", "2099-07-14"}, {"reason", "congés"}});
  ASSERT_EQ(absence.status, 201) << absence.body;
  auto backwards = coordinator->SendJson("POST", "/api/v1/callers/" + anna + "/absences",
                                         {{"from_day", "2099-07-14"}, {"until_day", "2099-07-01"}});
  EXPECT_EQ(backwards.Json()["error"]["field"], "until_day");
  auto candidates = coordinator->Get("/api/v1/callers/candidates");
  ASSERT_EQ(candidates.status, 200) << candidates.body;
  ASSERT_EQ(candidates.Json()["items"].size(), 1U) << "only roles that can call, not on the roster yet";
  EXPECT_EQ(candidates.Json()["items"][0]["login"], "claire.coord");
  auto roster = coordinator->Get("/api/v1/callers").Json()["items"];
  ASSERT_EQ(roster.size(), 2U);
  EXPECT_EQ(roster[0]["login"], "anna.caller");
  EXPECT_EQ(roster[0]["absences"].size(), 1U);
  EXPECT_EQ(roster[0]["calls_per_shift"], 12);
  EXPECT_EQ(roster[1]["weekdays"], json({1, 2, 3, 4, 5}));
  const auto absence_id = std::to_string(absence.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(coordinator->Send("DELETE", "/api/v1/callers/" + anna + "/absences/" + absence_id).status, 204);
  EXPECT_EQ(coordinator->Send("DELETE", "/api/v1/callers/" + anna + "/absences/" + absence_id).status, 404);

  const auto a = AddPerson(*coordinator, "Adam", "1940-01-01", "80000");
  const auto b = AddPerson(*coordinator, "Bernard", "1941-01-01", "80000");
  const auto c = AddPerson(*coordinator, "Caron", "1942-01-01", "80000");
  const auto young = AddPerson(*coordinator, "Dupuis", "1990-01-01", "80000");
  const auto elsewhere = AddPerson(*coordinator, "Évrard", "1939-01-01", "80100");
  const auto deceased = AddPerson(*coordinator, "Fabre", "1930-01-01", "80000");
  Sql("UPDATE persons SET status = 'deceased' WHERE id = ?", {deceased});
  // Lives alone: a higher priority.
  ASSERT_EQ(coordinator->SendJson("PUT", "/api/v1/persons/" + std::to_string(b) + "/follow-up", {{"lives_alone", true}})
                .status,
            201);

  auto created = coordinator->SendJson("POST", "/api/v1/campaigns",
                                       {{"kind", "wellbeing"},
                                        {"name", "Convivialité"},
                                        {"starts_on", "2026-01-01"},
                                        {"target", {{"age_min", 75}, {"area", {{"postcodes", {"80000"}}}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/campaigns/" + std::to_string(created.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(coordinator->Send("POST", path + "/refresh").status, 409) << "a draft is not refreshed";
  EXPECT_EQ(coordinator->Send("POST", path + "/activate").status, 400) << "If-Match is required";
  auto activated = coordinator->Send("POST", path + "/activate", "", {IfMatch(created)});
  ASSERT_EQ(activated.status, 200) << activated.body;
  EXPECT_EQ(activated.Json()["status"], "active");
  EXPECT_EQ(activated.Json()["enrolled_now"], 3);
  EXPECT_EQ(EnrolledPersons(*coordinator, path), (std::vector<std::int64_t>{a, b, c}));
  EXPECT_EQ(coordinator->Send("POST", path + "/activate", "", {IfMatch(activated)}).status, 409);

  auto enrolments = coordinator->Get(path + "/enrolments").Json();
  EXPECT_EQ(enrolments["total"], 3);
  EXPECT_EQ(enrolments["items"][0]["person_id"], b) << "living alone comes first";
  EXPECT_GT(enrolments["items"][0]["priority"].get<int>(), enrolments["items"][1]["priority"].get<int>());
  EXPECT_EQ(enrolments["items"][0]["person"]["last_name"], "Bernard");
  std::map<std::int64_t, int> per_caller;
  for (const auto& item : enrolments["items"]) ++per_caller[item["caller_id"].get<std::int64_t>()];
  EXPECT_EQ(per_caller.size(), 2U) << enrolments.dump();
  for (const auto& [caller, count] : per_caller) EXPECT_GE(count, 1) << caller;

  // Removing someone by hand keeps them out of a refresh; a newcomer matching the target comes in.
  json removed_item;
  for (const auto& item : enrolments["items"]) {
    if (item["person_id"] == c) removed_item = item;
  }
  const std::string removed_path = path + "/enrolments/" + std::to_string(removed_item["id"].get<std::int64_t>());
  EXPECT_EQ(coordinator->Send("DELETE", removed_path).status, 400);
  auto removed = coordinator->Send("DELETE", removed_path, "", {IfMatch(removed_item["version"].get<std::int64_t>())});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json()["state"], "removed");
  const auto newcomer = AddPerson(*coordinator, "Garnier", "1936-05-05", "80000");
  auto refreshed = coordinator->Send("POST", path + "/refresh");
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_EQ(refreshed.Json()["enrolled_now"], 1);
  EXPECT_EQ(EnrolledPersons(*coordinator, path), (std::vector<std::int64_t>{a, b, newcomer}));
  EXPECT_EQ(coordinator->Send("POST", path + "/refresh").Json()["enrolled_now"], 0) << "never twice";

  // By hand: anyone reachable, with their own days and caller; never the deceased, never twice.
  auto by_hand = coordinator->SendJson("POST", path + "/enrolments",
                                       {{"person_id", elsewhere},
                                        {"weekdays", {2, 4}},
                                        {"window_start", "14:00"},
                                        {"window_end", "16:00"},
                                        {"caller_id", std::stoll(bruno)}});
  ASSERT_EQ(by_hand.status, 201) << by_hand.body;
  EXPECT_EQ(by_hand.Json()["weekdays"], json({2, 4}));
  EXPECT_EQ(by_hand.Json()["caller_id"], std::stoll(bruno));
  EXPECT_EQ(by_hand.Json()["source"], "manual");
  EXPECT_EQ(coordinator->SendJson("POST", path + "/enrolments", {{"person_id", elsewhere}}).status, 409);
  auto gone = coordinator->SendJson("POST", path + "/enrolments", {{"person_id", deceased}});
  EXPECT_EQ(gone.status, 409);
  EXPECT_EQ(gone.Json()["error"]["field"], "person_id");
  EXPECT_EQ(coordinator->SendJson("POST", path + "/enrolments", {{"person_id", 99999}}).status, 404);
  auto not_a_caller = coordinator->SendJson("POST", path + "/enrolments", {{"person_id", young}, {"caller_id", 99999}});
  EXPECT_EQ(not_a_caller.Json()["error"]["field"], "caller_id");
  auto bad_window = coordinator->SendJson("POST", path + "/enrolments",
                                          {{"person_id", young}, {"window_start", "25:00"}, {"window_end", "26:00"}});
  EXPECT_EQ(bad_window.Json()["error"]["field"], "window_start");
  const std::string hand_path = path + "/enrolments/" + std::to_string(by_hand.Json()["id"].get<std::int64_t>());
  auto changed = coordinator->SendJson("PATCH", hand_path, {{"frequency_days", 7}}, {IfMatch(by_hand)});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["frequency_days"], 7);
  EXPECT_EQ(changed.Json()["caller_id"], std::stoll(bruno)) << "the usual caller stays";
  EXPECT_EQ(coordinator->SendJson("PATCH", hand_path, {{"frequency_days", 2}}, {IfMatch(by_hand)}).status, 412);

  // Closing ends the enrolments and freezes the campaign.
  auto current = coordinator->Get(path);
  auto closed = coordinator->Send("POST", path + "/close", "", {IfMatch(current)});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["status"], "closed");
  EXPECT_FALSE(closed.Json()["ends_on"].is_null());
  EXPECT_TRUE(EnrolledPersons(*coordinator, path).empty());
  EXPECT_EQ(coordinator->SendJson("PATCH", path, {{"name", "Encore"}}, {IfMatch(closed)}).status, 409);
  EXPECT_EQ(coordinator->SendJson("POST", path + "/enrolments", {{"person_id", young}}).status, 409);
}

TEST_P(CampaignsApi, DeclaringAHeatwaveAlertActivatesItsCampaignAndEnrolsTheRegisterAtOnce) {
  CreateUser("claire.coord", "coordinator");
  CreateUser("anna.caller", "caller");
  CreateUser("dora.dpo", "dpo");
  StartServer();
  auto coordinator = SignIn("claire.coord");
  ASSERT_EQ(
      coordinator->SendJson("PUT", "/api/v1/callers/" + std::to_string(UserId("anna.caller")), json::object()).status,
      201);
  const auto registered = AddPerson(*coordinator, "Henry", "1935-03-03", "80000");
  const auto other_ground = AddPerson(*coordinator, "Imbert", "1960-03-03", "80000");
  const auto removed = AddPerson(*coordinator, "Jacob", "1934-03-03", "80000");
  AddPerson(*coordinator, "Klein", "1933-03-03", "80000");  // not on the register
  auto entry = [&](std::int64_t person, const std::string& state, const std::string& ground) {
    Sql("INSERT INTO register_entries (person_id, state, ground, requested_by, requested_on, created_at, updated_at) "
        "VALUES (?, ?, ?, 'self', '2026-01-05', 0, 0)",
        {person, state, ground});
  };
  entry(registered, "registered", "age_65");
  entry(other_ground, "registered", "disabled_aah");
  entry(removed, "removed", "");

  auto plan = coordinator->SendJson("POST", "/api/v1/campaigns",
                                    {{"kind", "heatwave"},
                                     {"name", "Plan canicule"},
                                     {"starts_on", "2099-06-01"},
                                     {"activated_by_alert", "heatwave"},
                                     {"target", {{"register", true}, {"grounds", {"age_65"}}}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const auto campaign_id = plan.Json()["id"].get<std::int64_t>();
  const std::string path = "/api/v1/campaigns/" + std::to_string(campaign_id);
  auto script = coordinator->SendJson("PUT", path + "/questions",
                                      {{"questions",
                                        {{{"prompt", "Buvez-vous assez ?"},
                                          {"answer_kind", "yes_no"},
                                          {"raises_need", "health"},
                                          {"raises_on", "no"}}}}},
                                      {IfMatch(plan)});
  ASSERT_EQ(script.status, 200) << script.body;

  // A cold alert does not touch a heatwave plan.
  auto cold = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "cold"}, {"area", "Somme"}});
  ASSERT_EQ(cold.status, 201) << cold.body;
  EXPECT_EQ(coordinator->Get(path).Json()["status"], "draft");

  auto alert = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}});
  ASSERT_EQ(alert.status, 201) << alert.body;
  const auto alert_id = alert.Json()["id"].get<std::int64_t>();
  auto active = coordinator->Get(path).Json();
  EXPECT_EQ(active["status"], "active");
  EXPECT_EQ(active["alert_id"], alert_id);
  EXPECT_NE(active["starts_on"], "2099-06-01") << "the alert starts the campaign today";
  EXPECT_EQ(EnrolledPersons(*coordinator, path), (std::vector<std::int64_t>{registered}));
  auto enrolled = coordinator->Get(path + "/enrolments").Json()["items"];
  ASSERT_EQ(enrolled.size(), 1U);
  EXPECT_EQ(enrolled[0]["caller_id"], UserId("anna.caller"));
  EXPECT_EQ(enrolled[0].dump().find("age_65"), std::string::npos) << "the enrolment never shows the ground";

  // Ending the alert closes the campaign and leaves a draft copy ready for the next one.
  auto ended = coordinator->Send("POST", "/api/v1/alerts/" + std::to_string(alert_id) + "/end");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(coordinator->Get(path).Json()["status"], "closed");
  auto drafts = coordinator->Get("/api/v1/campaigns?status=draft").Json()["items"];
  ASSERT_EQ(drafts.size(), 1U);
  EXPECT_EQ(drafts[0]["activated_by_alert"], "heatwave");
  EXPECT_EQ(drafts[0]["questions_count"], 1);
  EXPECT_EQ(drafts[0]["target"]["grounds"], json({"age_65"}));
  auto again = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}});
  ASSERT_EQ(again.status, 201);
  auto next = coordinator->Get("/api/v1/campaigns/" + std::to_string(drafts[0]["id"].get<std::int64_t>())).Json();
  EXPECT_EQ(next["status"], "active");
  EXPECT_EQ(next["questions"].size(), 1U);

  auto dpo = SignIn("dora.dpo");
  auto trail =
      dpo->Get("/api/v1/audit?subject_type=campaign&subject_id=" + std::to_string(campaign_id)).Json()["items"];
  std::vector<std::string> actions;
  for (const auto& item : trail) actions.push_back(item["action"]);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "campaign.activated"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "campaign.closed"), actions.end());
}

TEST_P(CampaignsApi, TheFollowUpProfileKeepsEmergencyContactsInE164) {
  CreateUser("sophie.social", "social_worker");
  CreateUser("julie.caller", "caller");
  StartServer();
  auto social = SignIn("sophie.social");
  auto caller = SignIn("julie.caller");
  const auto person = AddPerson(*social, "Lambert", "1937-07-07", "80000");
  const std::string path = "/api/v1/persons/" + std::to_string(person) + "/follow-up";

  auto empty = social->Get(path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.Json()["version"], 0);
  EXPECT_EQ(caller->Get(path).status, 403);
  EXPECT_EQ(social->Get("/api/v1/persons/99999/follow-up").status, 404);

  json profile{{"lives_alone", true},
               {"no_family", false},
               {"preferred_weekdays", {2, 5}},
               {"preferred_window_start", "10:00"},
               {"preferred_window_end", "11:30"},
               {"health_notes", "Diabète, insuline le matin."},
               {"emergency_contacts",
                {{{"name", "Paul Lambert"}, {"relation", "fils"}, {"phone", "06 12 34 56 78"}},
                 {{"name", "Voisine"}, {"phone", "0322016310"}}}}};
  auto bad = profile;
  bad["emergency_contacts"][1]["phone"] = "123";
  auto refused = social->SendJson("PUT", path, bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "emergency_contacts[1].phone");
  auto bad_window = profile;
  bad_window["preferred_window_end"] = "09:00";
  EXPECT_EQ(social->SendJson("PUT", path, bad_window).Json()["error"]["field"], "preferred_window_end");
  auto unknown = profile;
  unknown["ground"] = "age_65";
  EXPECT_EQ(social->SendJson("PUT", path, unknown).status, 400);

  auto saved = social->SendJson("PUT", path, profile);
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.Json()["emergency_contacts"][0]["phone"], "+33612345678");
  EXPECT_EQ(saved.Json()["emergency_contacts"][1]["phone"], "+33322016310");
  EXPECT_EQ(social->SendJson("PUT", path, profile).status, 409) << "creating twice";
  profile["no_family"] = true;
  auto updated = social->SendJson("PUT", path, profile, {IfMatch(saved)});
  ASSERT_EQ(updated.status, 200) << updated.body;
  auto stale = social->SendJson("PUT", path, profile, {IfMatch(saved)});
  EXPECT_EQ(stale.status, 412);
  EXPECT_TRUE(stale.Json()["current"]["no_family"].get<bool>());
  auto read = social->Get(path).Json();
  EXPECT_EQ(read["preferred_weekdays"], json({2, 5}));
  EXPECT_EQ(read["health_notes"], "Diabète, insuline le matin.");
  EXPECT_EQ(read["emergency_contacts"].size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Engines, CampaignsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
