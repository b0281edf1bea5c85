// The register of vulnerable persons over HTTP: designation by name and the secrecy acknowledgement, the entry
// workflow, the purpose rules and the prefect's export (docs/register.md).

#include <set>

#include "api_fixture.hpp"
#include "auth/totp.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class RegisterApi : public ApiTest {
 protected:
  std::string UserId(HttpClient& admin, const std::string& login) {
    auto found = admin.Get("/api/v1/users?q=" + login).Json()["items"];
    EXPECT_EQ(found.size(), 1U) << login;
    return found.empty() ? "0" : std::to_string(found[0]["id"].get<std::int64_t>());
  }

  /// Signs in `login` after an admin designated it and it acknowledged professional secrecy.
  std::unique_ptr<HttpClient> Agent(HttpClient& admin, const std::string& login) {
    EXPECT_EQ(admin.Send("PUT", "/api/v1/register/agents/" + UserId(admin, login)).status, 200);
    auto agent = SignIn(login);
    EXPECT_EQ(agent->Send("POST", "/api/v1/register/me/secrecy").status, 200);
    return agent;
  }

  /// A person stored the way the persons' store does (the register routes only read these columns).
  std::string AddPerson(const std::string& last_name, const std::string& town, const std::string& street,
                        const std::string& phone = "") {
    auto database = database_->Open(1);
    return db::InWriteTransaction(*database, [&](db::Connection& c) {
      const auto id =
          c.QueryOne(
               "INSERT INTO persons (civility, last_name, first_names, birth_date, address_number, street, postcode, "
               "town, name_key, street_key, town_key, created_at, updated_at) "
               "VALUES ('mme', ?, 'Jeanne Marie', '1938-04-02', '12', ?, '80000', ?, ?, ?, ?, 0, 0) RETURNING id",
               {last_name, street, town, last_name, street, town})
              ->Int(0);
      if (!phone.empty()) {
        c.Execute("INSERT INTO person_phones (person_id, position, e164) VALUES (?, 0, ?)", {id, phone});
      }
      return std::to_string(id);
    });
  }

  static json SelfRequest(const std::string& ground = "age_65") {
    return {{"ground", ground},
            {"requested_by", "self"},
            {"requested_on", "2026-01-05"},
            {"home_care_service", "ADMR"},
            {"emergency_contact_name", "Sophie Durand"},
            {"emergency_contact_relation", "fille"},
            {"emergency_contact_phone", "06 12 34 56 78"}};
  }

  static std::string EntryPath(const std::string& person_id) {
    return "/api/v1/persons/" + person_id + "/register-entry";
  }

  static std::string IfMatch(const HttpResponse& response) { return "If-Match: " + response.Header("etag"); }

  static std::vector<std::string> DuePersons(HttpClient& agent) {
    auto due = agent.Get("/api/v1/register/acknowledgements");
    EXPECT_EQ(due.status, 200) << due.body;
    std::vector<std::string> ids;
    const auto items = due.Json()["items"];
    for (const auto& item : items) ids.push_back(std::to_string(item["person_id"].get<std::int64_t>()));
    return ids;
  }
};

TEST_P(RegisterApi, AnAdminDesignatesAgentsByNameAndAgentsAcknowledgeSecrecy) {
  CreateUser("paul.admin", "admin");
  CreateUser("claire.coord", "coordinator");
  CreateUser("julie.caller", "caller");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto coordinator = SignIn("claire.coord");
  const auto coordinator_id = UserId(*admin, "claire.coord");

  auto me = coordinator->Get("/api/v1/register/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_FALSE(me.Json()["designated"].get<bool>());
  auto early = coordinator->Send("POST", "/api/v1/register/me/secrecy");
  EXPECT_EQ(early.status, 403);
  EXPECT_EQ(coordinator->Send("PUT", "/api/v1/register/agents/" + coordinator_id).status, 403)
      << "only an admin designates";

  auto caller = admin->Send("PUT", "/api/v1/register/agents/" + UserId(*admin, "julie.caller"));
  EXPECT_EQ(caller.status, 400) << "a caller's role does not hold the register permission";
  EXPECT_NE(caller.ErrorMessage().find("caller"), std::string::npos) << caller.body;
  EXPECT_EQ(admin->Send("PUT", "/api/v1/register/agents/99999").status, 404);

  auto designated = admin->Send("PUT", "/api/v1/register/agents/" + coordinator_id);
  ASSERT_EQ(designated.status, 200) << designated.body;
  EXPECT_FALSE(designated.Json()["active"].get<bool>());
  EXPECT_EQ(admin->Send("PUT", "/api/v1/register/agents/" + coordinator_id).status, 200) << "idempotent";
  auto listed = admin->Get("/api/v1/register/agents").Json()["items"];
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["login"], "claire.coord");

  auto acknowledged = coordinator->Send("POST", "/api/v1/register/me/secrecy");
  ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
  EXPECT_TRUE(acknowledged.Json()["active"].get<bool>());
  EXPECT_TRUE(acknowledged.Json()["secrecy_acknowledged_at"].is_number());
  EXPECT_TRUE(coordinator->Get("/api/v1/register/me").Json()["active"].get<bool>());

  EXPECT_EQ(admin->Send("DELETE", "/api/v1/register/agents/" + coordinator_id).status, 204);
  EXPECT_EQ(admin->Send("DELETE", "/api/v1/register/agents/" + coordinator_id).status, 404);
  EXPECT_FALSE(coordinator->Get("/api/v1/register/me").Json()["designated"].get<bool>());
}

TEST_P(RegisterApi, EveryRegisterRouteNeedsTheDesignationAndTheSecrecyAcknowledgement) {
  CreateUser("paul.admin", "admin");
  CreateUser("claire.coord", "coordinator");
  CreateUser("dora.dpo", "dpo");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto coordinator = SignIn("claire.coord");
  const auto person = AddPerson("Durand", "Amiens", "rue des Lilas");

  auto not_designated = coordinator->Get("/api/v1/register/acknowledgements");
  EXPECT_EQ(not_designated.status, 403);
  EXPECT_EQ(not_designated.Json()["error"]["message"], "Vous n'êtes pas désigné(e) pour consulter le registre.");
  EXPECT_EQ(coordinator->SendJson("POST", EntryPath(person), SelfRequest()).status, 403);

  ASSERT_EQ(admin->Send("PUT", "/api/v1/register/agents/" + UserId(*admin, "claire.coord")).status, 200);
  auto no_secrecy = coordinator->Get("/api/v1/register/acknowledgements");
  EXPECT_EQ(no_secrecy.status, 403);
  EXPECT_NE(no_secrecy.ErrorMessage().find("secret professionnel"), std::string::npos) << no_secrecy.body;
  EXPECT_EQ(coordinator->Get(EntryPath(person)).status, 403);

  ASSERT_EQ(coordinator->Send("POST", "/api/v1/register/me/secrecy").status, 200);
  EXPECT_EQ(coordinator->Get("/api/v1/register/acknowledgements").status, 200);
  EXPECT_EQ(coordinator->SendJson("POST", EntryPath(person), SelfRequest()).status, 201);

  ASSERT_EQ(admin->Send("DELETE", "/api/v1/register/agents/" + UserId(*admin, "claire.coord")).status, 204);
  EXPECT_EQ(coordinator->Get(EntryPath(person)).status, 403) << "revoking takes effect at once";

  auto dpo = SignIn("dora.dpo");
  auto refusals = dpo->Get("/api/v1/audit?action=request.refused&actor=claire.coord").Json()["items"];
  EXPECT_GE(refusals.size(), 4U);
  EXPECT_EQ(refusals[0]["purpose"], "register");
}

TEST_P(RegisterApi, TheEntryWorkflowFromRequestToAcknowledgementOppositionAndRemoval) {
  CreateUser("paul.admin", "admin");
  CreateUser("ines.intake", "intake");
  CreateUser("dora.dpo", "dpo");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto agent = Agent(*admin, "ines.intake");
  const auto durand = AddPerson("Durand", "Amiens", "rue des Lilas", "+33322000000");
  const auto martin = AddPerson("Martin", "Amiens", "rue Jules Verne");
  const auto petit = AddPerson("Petit", "Abbeville", "place du Marché");

  EXPECT_EQ(agent->Get(EntryPath(durand)).status, 404);
  auto third_party = SelfRequest();
  third_party["requested_by"] = "third_party";
  third_party["requester_name"] = "Paul Voisin";
  third_party["requester_relation"] = "neighbour";
  auto no_evidence = agent->SendJson("POST", EntryPath(durand), third_party);
  EXPECT_EQ(no_evidence.status, 400);
  EXPECT_EQ(no_evidence.Json()["error"]["field"], "request_evidence");
  auto future = SelfRequest();
  future["requested_on"] = "2999-01-01";
  EXPECT_EQ(agent->SendJson("POST", EntryPath(durand), future).Json()["error"]["field"], "requested_on");
  auto mass = SelfRequest();
  mass["state"] = "registered";
  EXPECT_EQ(agent->SendJson("POST", EntryPath(durand), mass).Json()["error"]["field"], "state");
  EXPECT_EQ(agent->SendJson("POST", EntryPath("99999"), SelfRequest()).status, 404);

  third_party["request_evidence"] = "lettre du voisin du 4 janvier 2026";
  auto created = agent->SendJson("POST", EntryPath(durand), third_party);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["emergency_contact_phone"], "+33612345678");
  EXPECT_EQ(created.Json()["acknowledgement_due"], "2026-01-13");
  EXPECT_TRUE(created.Json()["overdue"].get<bool>());
  EXPECT_EQ(agent->SendJson("POST", EntryPath(durand), SelfRequest()).status, 409);
  ASSERT_EQ(agent->SendJson("POST", EntryPath(martin), SelfRequest("disabled_aah")).status, 201);
  auto petit_entry = agent->SendJson("POST", EntryPath(petit), SelfRequest("age_60_unfit"));
  ASSERT_EQ(petit_entry.status, 201);

  auto read = agent->Get(EntryPath(durand));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Header("etag"), "\"1\"");
  EXPECT_EQ(agent->SendJson("PATCH", EntryPath(durand), {{"home_care_service", "SSIAD"}}).status, 400)
      << "If-Match is required";
  auto patched = agent->SendJson("PATCH", EntryPath(durand), {{"home_care_service", "SSIAD"}}, {IfMatch(read)});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["home_care_service"], "SSIAD");
  EXPECT_EQ(patched.Json()["ground"], "age_65");
  // A second agent still holding version 1 loses the race and is shown what changed, by whom and when.
  auto lost = agent->SendJson("PATCH", EntryPath(durand), {{"home_care_service", "X"}}, {IfMatch(read)});
  ASSERT_EQ(lost.status, 412) << lost.body;
  const auto conflict = lost.Json();
  EXPECT_EQ(conflict["error"]["code"], "precondition_failed");
  EXPECT_EQ(conflict["current"]["version"], 2);
  EXPECT_EQ(conflict["current"]["home_care_service"], "SSIAD");
  ASSERT_EQ(conflict["changes"].size(), 1U) << lost.body;
  EXPECT_EQ(conflict["changes"][0]["version"], 2);
  EXPECT_EQ(conflict["changes"][0]["actor_login"], "ines.intake");
  EXPECT_EQ(conflict["changes"][0]["action"], "register_entry.updated");
  EXPECT_TRUE(conflict["changes"][0]["at"].is_number());
  EXPECT_EQ(conflict["changes"][0]["changes"],
            json({{"register.home_care_service", {{"from", "ADMR"}, {"to", "SSIAD"}}}}));
  EXPECT_EQ(agent->Get(EntryPath(durand)).Json()["home_care_service"], "SSIAD") << "the stale change was not saved";

  EXPECT_EQ(DuePersons(*agent), (std::vector<std::string>{durand, martin, petit}));
  auto letter = agent->Get(EntryPath(durand) + "/acknowledgement.pdf");
  ASSERT_EQ(letter.status, 200) << letter.body;
  EXPECT_EQ(letter.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(letter.Header("content-type"), "application/pdf");
  EXPECT_EQ(DuePersons(*agent).size(), 3U) << "generating the letter does not mark it sent";
  auto acknowledged = agent->SendJson("POST", EntryPath(durand) + "/acknowledged", json::object(), {IfMatch(patched)});
  ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
  EXPECT_TRUE(acknowledged.Json()["acknowledged_at"].is_number());
  auto stale_ack = agent->SendJson("PATCH", EntryPath(durand), {{"ground", "disabled_aah"}}, {IfMatch(patched)});
  ASSERT_EQ(stale_ack.status, 412) << stale_ack.body;
  ASSERT_EQ(stale_ack.Json()["changes"].size(), 1U);
  EXPECT_EQ(stale_ack.Json()["changes"][0]["changes"]["register.acknowledgement"]["from"], "");
  EXPECT_EQ(stale_ack.Json()["current"]["ground"], "age_65");
  EXPECT_EQ(DuePersons(*agent), (std::vector<std::string>{martin, petit}));

  auto martin_entry = agent->Get(EntryPath(martin));
  auto opposed = agent->SendJson("POST", EntryPath(martin) + "/oppose", json::object(), {IfMatch(martin_entry)});
  ASSERT_EQ(opposed.status, 200) << opposed.body;
  EXPECT_EQ(opposed.Json()["state"], "opposed");
  EXPECT_EQ(opposed.Json()["ground"], "");
  EXPECT_EQ(opposed.Json()["emergency_contact_name"], "");
  auto removed = agent->SendJson("POST", EntryPath(petit) + "/remove", {{"reason", "demande écrite du 2 février"}},
                                 {IfMatch(petit_entry)});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json()["state"], "removed");
  EXPECT_EQ(removed.Json()["home_care_service"], "");
  EXPECT_TRUE(DuePersons(*agent).empty()) << "opposition and removal take the person out of the due list at once";
  EXPECT_EQ(agent->Get(EntryPath(petit) + "/acknowledgement.pdf").status, 404);
  EXPECT_EQ(agent->SendJson("PATCH", EntryPath(petit), {{"ground", "age_65"}}, {IfMatch(removed)}).status, 409);

  auto dpo = SignIn("dora.dpo");
  auto trail = dpo->Get("/api/v1/audit?subject_type=person&subject_id=" + durand).Json()["items"];
  std::vector<std::string> actions;
  for (const auto& entry : trail) {
    EXPECT_EQ(entry["purpose"], "register");
    actions.push_back(entry["action"]);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"register_entry.updated", "register_entry.acknowledged",
                                               "register_entry.letter_generated", "register_entry.read",
                                               "register_entry.updated", "register_entry.updated",
                                               "register_entry.read", "register_entry.registered"}))
      << "the lost races are in the trail too (their answer showed the entry)";
  EXPECT_EQ(trail[0]["outcome"], "refused");
}

TEST_P(RegisterApi, ThePrefectExportNeedsAnOpenAlertAndTheUsersPasswordAgain) {
  CreateUser("paul.admin", "admin");
  CreateUser("claire.coord", "coordinator");
  CreateUser("sami.coord", "coordinator");
  CreateUser("dora.dpo", "dpo");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto agent = Agent(*admin, "claire.coord");
  const auto amiens = AddPerson("Durand", "Amiens", "rue des Lilas", "+33322000000");
  const auto abbeville = AddPerson("Adam", "Abbeville", "rue du Port");
  const auto removed = AddPerson("Colin", "Amiens", "rue des Lilas");
  for (const auto& person : {amiens, abbeville, removed}) {
    ASSERT_EQ(agent->SendJson("POST", EntryPath(person), SelfRequest()).status, 201);
  }
  auto removed_entry = agent->Get(EntryPath(removed));
  ASSERT_EQ(agent->SendJson("POST", EntryPath(removed) + "/remove", json::object(), {IfMatch(removed_entry)}).status,
            200);

  json request = {{"alert_id", 1},
                  {"recipient", "Préfecture de la Somme"},
                  {"purpose", "Plan canicule"},
                  {"format", "xlsx"},
                  {"password", PasswordFor("claire.coord")}};
  auto no_alert = agent->SendJson("POST", "/api/v1/register/prefect-export", request);
  EXPECT_EQ(no_alert.status, 404) << no_alert.body;
  auto declared = agent->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}});
  ASSERT_EQ(declared.status, 201);
  request["alert_id"] = std::to_string(declared.Json()["id"].get<std::int64_t>());

  auto wrong = request;
  wrong["password"] = "not my password at all";
  auto refused = agent->SendJson("POST", "/api/v1/register/prefect-export", wrong);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "password");
  auto bad_format = request;
  bad_format["format"] = "csv";
  EXPECT_EQ(agent->SendJson("POST", "/api/v1/register/prefect-export", bad_format).Json()["error"]["field"], "format");

  auto xlsx = agent->SendJson("POST", "/api/v1/register/prefect-export", request);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(xlsx.Header("x-row-count"), "2") << "the removed entry is not in the prefect's list";
  EXPECT_NE(xlsx.Header("content-disposition").find(".xlsx"), std::string::npos);
  request["format"] = "pdf";
  auto pdf = agent->SendJson("POST", "/api/v1/register/prefect-export", request);
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");

  auto dpo = SignIn("dora.dpo");
  auto exports = dpo->Get("/api/v1/audit?action=register.prefect_export").Json()["items"];
  ASSERT_EQ(exports.size(), 4U) << exports.dump();
  EXPECT_EQ(exports[0]["details"]["sha256"], core::Sha256Hex(pdf.body));
  EXPECT_EQ(exports[1]["details"]["sha256"], core::Sha256Hex(xlsx.body));
  EXPECT_EQ(exports[1]["details"]["rows"], "2");
  EXPECT_EQ(exports[1]["details"]["recipient"], "Préfecture de la Somme");
  EXPECT_EQ(exports[1]["details"]["purpose"], "Plan canicule");
  EXPECT_EQ(exports[1]["subject_id"], request["alert_id"]);
  EXPECT_EQ(exports[2]["outcome"], "refused");
  EXPECT_EQ(exports[2]["details"]["reason"], "bad_password");
  EXPECT_EQ(exports[3]["outcome"], "refused");

  // An account with a second factor gives its code as well.
  auto sami = Agent(*admin, "sami.coord");
  auto setup = sami->SendJson("POST", "/api/v1/me/totp", json::object());
  ASSERT_EQ(setup.status, 200);
  const auto secret = setup.Json()["secret"].get<std::string>();
  const auto step = auth::TotpStep(core::SystemClock().Now());
  ASSERT_EQ(sami->SendJson("POST", "/api/v1/me/totp/confirm", {{"code", auth::TotpCode(secret, step)}}).status, 200);
  request["password"] = PasswordFor("sami.coord");
  auto without_code = sami->SendJson("POST", "/api/v1/register/prefect-export", request);
  EXPECT_EQ(without_code.status, 400);
  EXPECT_EQ(without_code.Json()["error"]["field"], "totp_code");
  request["totp_code"] = auth::TotpCode(secret, step);
  EXPECT_EQ(sami->SendJson("POST", "/api/v1/register/prefect-export", request).status, 400)
      << "a code already used is refused";
  request["totp_code"] = auth::TotpCode(secret, step + 1);
  EXPECT_EQ(sami->SendJson("POST", "/api/v1/register/prefect-export", request).status, 200);

  ASSERT_EQ(agent->Send("POST", "/api/v1/alerts/" + request["alert_id"].get<std::string>() + "/end").status, 200);
  request["password"] = PasswordFor("claire.coord");
  request.erase("totp_code");
  auto ended = agent->SendJson("POST", "/api/v1/register/prefect-export", request);
  EXPECT_EQ(ended.status, 409);
  EXPECT_NE(ended.ErrorMessage().find("alerte"), std::string::npos) << ended.body;
}

// With the persons' routes: the register is visible and searchable only by designated agents, and an opposition or
// a removal takes the person out of the search by ground or registration, the due list and the prefect's list at
// once.
TEST_P(RegisterApi, TheRegisterStaysWithinItsPurposeAndEndsAtOnce) {
  CreateUser("paul.admin", "admin");
  CreateUser("ines.intake", "intake");
  CreateUser("sophie.social", "social_worker");
  CreateUser("claire.coord", "coordinator");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto intake = Agent(*admin, "ines.intake");
  auto coordinator = Agent(*admin, "claire.coord");
  auto social = SignIn("sophie.social");
  auto create = [&](const std::string& last_name, const std::string& town) {
    json person = {{"civility", "mme"},
                   {"last_name", last_name},
                   {"first_names", "Jeanne"},
                   {"birth_date", "1940-03-02"},
                   {"address", {{"number", "3"}, {"street", "rue des Lilas"}, {"postcode", "80000"}, {"town", town}}},
                   {"ignore_duplicates", true}};
    auto created = social->SendJson("POST", "/api/v1/persons", person);
    EXPECT_EQ(created.status, 201) << created.body;
    return std::to_string(created.Json()["person"].value("id", std::int64_t{0}));
  };
  const auto durand = create("Durand", "Amiens");
  const auto martin = create("Martin", "Abbeville");
  ASSERT_EQ(intake->SendJson("POST", EntryPath(durand), SelfRequest("age_65")).status, 201);
  ASSERT_EQ(intake->SendJson("POST", EntryPath(martin), SelfRequest("disabled_aah")).status, 201);

  auto ids = [](const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    std::set<std::string> found;
    const auto items = response.Json()["items"];
    for (const auto& item : items) found.insert(std::to_string(item["id"].get<std::int64_t>()));
    return found;
  };
  EXPECT_EQ(ids(intake->Get("/api/v1/persons?registered=true")), (std::set<std::string>{durand, martin}));
  EXPECT_EQ(ids(intake->Get("/api/v1/persons?ground=disabled_aah")), (std::set<std::string>{martin}));
  EXPECT_EQ(intake->Get(EntryPath(durand)).status, 200) << "a designated intake agent sees the entry";

  EXPECT_EQ(social->Get("/api/v1/persons?ground=age_65").status, 403);
  EXPECT_EQ(social->Get("/api/v1/persons?registered=true").status, 403);
  EXPECT_EQ(social->Get(EntryPath(durand)).status, 403);
  auto seen_by_social = social->Get("/api/v1/persons/" + durand);
  ASSERT_EQ(seen_by_social.status, 200);
  EXPECT_FALSE(seen_by_social.Json().contains("register")) << seen_by_social.body;
  // The person's history carries the register's changes for designated agents only.
  auto entry_before = intake->Get(EntryPath(martin));
  ASSERT_EQ(
      intake->SendJson("PATCH", EntryPath(martin), {{"home_care_service", "SSIAD"}}, {IfMatch(entry_before)}).status,
      200);
  auto register_rows = [](const HttpResponse& history) {
    EXPECT_EQ(history.status, 200) << history.body;
    int count = 0;
    const auto items = history.Json()["items"];
    for (const auto& item : items) count += item["purpose"] == "register" ? 1 : 0;
    return count;
  };
  EXPECT_GT(register_rows(coordinator->Get("/api/v1/persons/" + martin + "/history")), 0);
  EXPECT_EQ(register_rows(social->Get("/api/v1/persons/" + martin + "/history")), 0);

  auto declared = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "cold"}, {"area", "Somme"}});
  ASSERT_EQ(declared.status, 201);
  json request = {{"alert_id", declared.Json()["id"]},
                  {"recipient", "Préfecture"},
                  {"purpose", "Plan grand froid"},
                  {"format", "xlsx"},
                  {"password", PasswordFor("claire.coord")}};
  auto before = coordinator->SendJson("POST", "/api/v1/register/prefect-export", request);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Header("x-row-count"), "2");

  auto durand_entry = intake->Get(EntryPath(durand));
  ASSERT_EQ(intake->SendJson("POST", EntryPath(durand) + "/oppose", json::object(), {IfMatch(durand_entry)}).status,
            200);
  EXPECT_EQ(ids(intake->Get("/api/v1/persons?registered=true")), (std::set<std::string>{martin}));
  EXPECT_TRUE(ids(intake->Get("/api/v1/persons?ground=age_65")).empty());
  auto martin_entry = intake->Get(EntryPath(martin));
  ASSERT_EQ(
      intake->SendJson("POST", EntryPath(martin) + "/remove", {{"reason", "à sa demande"}}, {IfMatch(martin_entry)})
          .status,
      200);
  EXPECT_TRUE(ids(intake->Get("/api/v1/persons?registered=true")).empty());
  EXPECT_TRUE(ids(intake->Get("/api/v1/persons?ground=disabled_aah")).empty());
  EXPECT_TRUE(DuePersons(*intake).empty());
  auto after = coordinator->SendJson("POST", "/api/v1/register/prefect-export", request);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.Header("x-row-count"), "0") << "removal takes effect in the prefect's list at once";
}

INSTANTIATE_TEST_SUITE_P(Engines, RegisterApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
