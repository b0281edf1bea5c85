// The person's rights and retention over HTTP and from the shell: the access request (JSON and PDF) with who
// read the record, erasure that leaves only ids and counts in the audit trail, the retention purge by API,
// CLI and the server's job, and refusals for everyone but the DPO.

#include <chrono>
#include <thread>

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class RightsApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    CreateUser("helene.dpo", "dpo");
    CreateUser("nadia.sw", "social_worker");
  }

  std::unique_ptr<db::Database> Db() { return database_->OpenMigrated(1); }

  std::int64_t CreatePerson(HttpClient& client, const std::string& last_name) {
    auto created = client.SendJson(
        "POST", "/api/v1/persons",
        {{"last_name", last_name},
         {"first_names", "Éloïse"},
         {"birth_date", "1941-03-09"},
         {"phones", {"03 21 01 63 10"}},
         {"address", {{"number", "12"}, {"street", "rue Victor Hugo"}, {"postcode", "62400"}, {"town", "Béthune"}}},
         {"ignore_duplicates", true}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["person"]["id"].get<std::int64_t>();
  }

  // Rows another module writes (the register entry, the household, old contacts), set straight in the tables.
  void Sql(const std::string& sql, const std::vector<db::Value>& params = {}) {
    auto database = Db();
    db::InWriteTransaction(*database, [&](db::Connection& c) { c.Execute(sql, params); });
  }

  std::int64_t InsertPerson(const std::string& last_name, std::int64_t last_touched) {
    auto database = Db();
    return db::InWriteTransaction(*database, [&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO persons (last_name, first_names, name_key, created_at, updated_at, last_contact_at) "
              "VALUES (?, 'Jean', ?, ?, ?, ?) RETURNING id",
              {last_name, last_name + " / jean", last_touched, last_touched, last_touched})
          ->Int(0);
    });
  }

  void InsertEntry(std::int64_t person_id, const std::string& state) {
    Sql("INSERT INTO register_entries (person_id, state, ground, requested_by, requested_on, created_at, updated_at) "
        "VALUES (?, ?, 'aged_65', 'self', '2026-01-05', ?, ?)",
        {person_id, state, NowMs(), NowMs()});
  }

  std::int64_t CountRows(const std::string& sql, std::int64_t id) {
    auto database = Db();
    return db::InReadTransaction(*database, [&](db::Connection& c) { return c.QueryOne(sql, {id})->Int(0); });
  }
};

TEST_P(RightsApi, AccessHoldsEverythingAndWhoReadTheRecord) {
  StartServer();
  auto social_worker = SignIn("nadia.sw");
  const auto id = CreatePerson(*social_worker, "Lefèvre");
  ASSERT_EQ(social_worker->Get("/api/v1/persons/" + std::to_string(id)).status, 200);
  InsertEntry(id, "registered");

  auto dpo = SignIn("helene.dpo");
  auto found = dpo->Get("/api/v1/rights/persons?q=lefevre");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.Json()["items"].size(), 1U);
  const auto item = found.Json()["items"][0];
  EXPECT_EQ(item["id"], id);
  EXPECT_EQ(item["last_name"], "Lefèvre");
  EXPECT_FALSE(item.contains("phones")) << "identity and address only";
  EXPECT_EQ(dpo->Get("/api/v1/rights/persons?q=l").status, 400);

  auto access = dpo->Get("/api/v1/rights/persons/" + std::to_string(id) + "/access");
  ASSERT_EQ(access.status, 200) << access.body;
  EXPECT_NE(access.Header("content-disposition").find("acces-" + std::to_string(id) + ".json"), std::string::npos);
  const auto held = access.Json();
  EXPECT_EQ(held["person"]["last_name"], "Lefèvre");
  EXPECT_EQ(held["person"]["street"], "rue Victor Hugo");
  ASSERT_EQ(held["phones"].size(), 1U);
  EXPECT_EQ(held["phones"][0]["e164"], "+33321016310");
  EXPECT_EQ(held["register_entry"]["state"], "registered");
  EXPECT_TRUE(held["household"].is_null());
  EXPECT_FALSE(held["history"].empty());
  bool read_by_social_worker = false;
  for (const auto& access_entry : held["accesses"]) {
    read_by_social_worker |= access_entry["actor_login"] == "nadia.sw" && access_entry["at"].is_number();
  }
  EXPECT_TRUE(read_by_social_worker) << held["accesses"].dump();

  auto pdf = dpo->Get("/api/v1/rights/persons/" + std::to_string(id) + "/access.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF")) << pdf.body.substr(0, 20);

  EXPECT_EQ(dpo->Get("/api/v1/rights/persons/999999/access").status, 404);
  // The DPO's own accesses are in the trail too.
  auto trail = dpo->Get("/api/v1/audit?action=rights.access&subject_id=" + std::to_string(id));
  ASSERT_EQ(trail.status, 200);
  EXPECT_EQ(trail.Json()["items"].size(), 2U);
}

TEST_P(RightsApi, ErasureLeavesNothingButIdsAndCountsInTheTrail) {
  StartServer();
  auto social_worker = SignIn("nadia.sw");
  const auto id = CreatePerson(*social_worker, "Lefèvre-Dubreuil");
  const auto other = CreatePerson(*social_worker, "Martin");
  InsertEntry(id, "registered");
  Sql("INSERT INTO households (person_id, dietary, created_at, updated_at) VALUES (?, 'no_pork', ?, ?)",
      {id, NowMs(), NowMs()});
  ASSERT_EQ(social_worker->Get("/api/v1/persons/" + std::to_string(id)).status, 200);

  auto dpo = SignIn("helene.dpo");
  const std::string erase = "/api/v1/rights/persons/" + std::to_string(id) + "/erase";
  auto wrong = dpo->SendJson("POST", erase, {{"confirm_last_name", "Martin"}});
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(wrong.Json()["error"]["field"], "confirm_last_name");
  EXPECT_EQ(dpo->SendJson("POST", erase, nlohmann::json::object()).status, 400);
  EXPECT_EQ(dpo->SendJson("POST", erase, {{"confirm_last_name", "x"}, {"force", true}}).status, 400);
  EXPECT_EQ(social_worker->Get("/api/v1/persons/" + std::to_string(id)).status, 200) << "nothing erased yet";

  auto erased = dpo->SendJson("POST", erase, {{"confirm_last_name", "lefevre-dubreuil"}});
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(erased.Json()["counts"]["persons"], 1);
  EXPECT_EQ(erased.Json()["counts"]["register_entries"], 1);
  EXPECT_EQ(erased.Json()["counts"]["households"], 1);

  EXPECT_EQ(social_worker->Get("/api/v1/persons/" + std::to_string(id)).status, 404);
  EXPECT_EQ(social_worker->Get("/api/v1/persons/" + std::to_string(other)).status, 200);
  auto search = social_worker->Get("/api/v1/persons?q=dubreuil");
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(search.Json()["items"].empty());
  EXPECT_EQ(dpo->Get("/api/v1/rights/persons/" + std::to_string(id) + "/access").status, 404);
  EXPECT_EQ(dpo->SendJson("POST", erase, {{"confirm_last_name", "Lefèvre-Dubreuil"}}).status, 404);
  for (const char* table : {"persons WHERE id = ?", "person_phones WHERE person_id = ?",
                            "person_history WHERE person_id = ?", "person_name_tokens WHERE person_id = ?",
                            "register_entries WHERE person_id = ?", "households WHERE person_id = ?"}) {
    EXPECT_EQ(CountRows(std::string("SELECT COUNT(*) FROM ") + table, id), 0) << table;
  }

  auto verified = dpo->Get("/api/v1/audit/verify");
  ASSERT_EQ(verified.status, 200);
  EXPECT_TRUE(verified.Json()["ok"].get<bool>());
  auto trail = dpo->Get("/api/v1/audit?limit=500");
  ASSERT_EQ(trail.status, 200);
  for (const char* name : {"Dubreuil", "dubreuil", "DUBREUIL", "Éloïse", "Victor Hugo", "+33321016310"}) {
    EXPECT_EQ(trail.body.find(name), std::string::npos) << name;
  }
  auto erasure = dpo->Get("/api/v1/audit?action=rights.erase");
  ASSERT_EQ(erasure.Json()["items"].size(), 1U);
  EXPECT_EQ(erasure.Json()["items"][0]["subject_id"], std::to_string(id));
  EXPECT_EQ(erasure.Json()["items"][0]["details"]["persons"], "1");
}

TEST_P(RightsApi, RetentionPurgesARemovedEntryAndAnOldContact) {
  StartServer({"--retention-interval", "0"});
  const auto now = NowMs();
  const auto removed = InsertPerson("Radié", now);
  InsertEntry(removed, "removed");
  const auto forgotten = InsertPerson("Oublié", now - 800 * kDay);
  const auto recent = InsertPerson("Récent", now - 100 * kDay);

  auto dpo = SignIn("helene.dpo");
  auto due = dpo->Get("/api/v1/retention/due");
  ASSERT_EQ(due.status, 200) << due.body;
  EXPECT_EQ(due.Json()["register_entries"]["person_ids"], nlohmann::json::array({removed}));
  EXPECT_EQ(due.Json()["persons"]["person_ids"], nlohmann::json::array({forgotten}));
  EXPECT_EQ(due.Json()["policy"]["follow_up_days"], 730);

  auto wrong = dpo->SendJson("POST", "/api/v1/retention/purge", {{"expected", {{"persons", {"x"}}}}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Json()["error"]["field"], "expected.persons");
  // Only what the DPO reviewed is purged: a person who fell due since (here: left out of the list) waits.
  auto reviewed =
      dpo->SendJson("POST", "/api/v1/retention/purge",
                    {{"expected", {{"register_entries", {removed}}, {"persons", nlohmann::json::array()}}}});
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.Json()["register_entries"], 1);
  EXPECT_EQ(reviewed.Json()["persons"], 0);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM persons WHERE id = ?", forgotten), 1);

  auto purged = dpo->SendJson("POST", "/api/v1/retention/purge", nlohmann::json::object());
  ASSERT_EQ(purged.status, 200) << purged.body;
  EXPECT_EQ(purged.Json()["register_entries"], 0);
  EXPECT_EQ(purged.Json()["persons"], 1);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM register_entries WHERE person_id = ?", removed), 0);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM persons WHERE id = ?", removed), 1);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM persons WHERE id = ?", forgotten), 0);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM persons WHERE id = ?", recent), 1);
  auto again = dpo->Get("/api/v1/retention/due");
  EXPECT_EQ(again.Json()["persons"]["count"], 0);
  auto trail = dpo->Get("/api/v1/audit?action=retention.purge");
  ASSERT_EQ(trail.Json()["items"].size(), 2U);
  EXPECT_EQ(trail.Json()["items"][0]["details"]["persons"], "1");
  EXPECT_EQ(trail.Json()["items"][1]["details"]["entries_ended"], "1");
  EXPECT_EQ(trail.body.find("Oubli"), std::string::npos);
}

TEST_P(RightsApi, ThePurgeCommandAsksAndTheServerJobRunsAlone) {
  const auto removed = InsertPerson("Radié", NowMs());
  InsertEntry(removed, "removed");
  // Without a terminal and without --yes: listed, nothing erased.
  auto refused = RunLien({"register", "purge", "--db", database_->location()}, "y\n");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("--yes"), std::string::npos) << refused.output;
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM register_entries WHERE person_id = ?", removed), 1);
  auto done = RunLien({"register", "purge", "--db", database_->location(), "--yes"});
  EXPECT_EQ(done.exit_code, 0) << done.output;
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM register_entries WHERE person_id = ?", removed), 0);
  auto nothing = RunLien({"register", "purge", "--db", database_->location()});
  EXPECT_EQ(nothing.exit_code, 0) << nothing.output;
  EXPECT_NE(nothing.output.find("Nothing is past its time"), std::string::npos) << nothing.output;

  // The job of `lien serve`, every 2 seconds here.
  const auto later = InsertPerson("Radiée", NowMs());
  InsertEntry(later, "opposed");
  StartServer({"--retention-interval", "0.0005"});
  for (int i = 0; i < 100 && CountRows("SELECT COUNT(*) FROM register_entries WHERE person_id = ?", later) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM register_entries WHERE person_id = ?", later), 0);
}

TEST_P(RightsApi, OnlyTheDpoAnswersRightsAndRunsRetention) {
  CreateUser("marc.coord", "coordinator");
  CreateUser("paul.admin", "admin");
  StartServer();
  for (const char* login : {"nadia.sw", "marc.coord", "paul.admin"}) {
    auto client = SignIn(login);
    EXPECT_EQ(client->Get("/api/v1/rights/persons?q=martin").status, 403) << login;
    EXPECT_EQ(client->Get("/api/v1/rights/persons/1/access").status, 403) << login;
    EXPECT_EQ(client->Get("/api/v1/rights/persons/1/access.pdf").status, 403) << login;
    EXPECT_EQ(client->SendJson("POST", "/api/v1/rights/persons/1/erase", {{"confirm_last_name", "x"}}).status, 403)
        << login;
    EXPECT_EQ(client->Get("/api/v1/retention/due").status, 403) << login;
    EXPECT_EQ(client->SendJson("POST", "/api/v1/retention/purge", nlohmann::json::object()).status, 403) << login;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RightsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
