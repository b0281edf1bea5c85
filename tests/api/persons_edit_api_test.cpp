// Persons over HTTP, after creation: edits with If-Match (412 showing what changed), history, merge, households.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class PersonsEditApi : public ApiTest {
 protected:
  void SetUpUsers() {
    CreateUser("sophie.social", "social_worker");
    CreateUser("simon.social", "social_worker");
    CreateUser("ines.intake", "intake");
    CreateUser("helene.dpo", "dpo");
    StartServer();
  }
};

json Marie() {
  return json{{"civility", "mme"},
              {"last_name", "Lefèvre"},
              {"first_names", "Marie"},
              {"birth_date", "1938-04-12"},
              {"address", {{"number", "12"}, {"street", "rue Victor Hugo"}, {"postcode", "80000"}, {"town", "Amiens"}}},
              {"phones", json::array({"03 22 01 63 10"})}};
}

std::string Create(HttpClient& client, json person) {
  person["ignore_duplicates"] = true;
  auto created = client.SendJson("POST", "/api/v1/persons", person);
  EXPECT_EQ(created.status, 201) << created.body;
  return std::to_string(created.Json()["person"].value("id", std::int64_t{0}));
}

TEST_P(PersonsEditApi, ALostRaceShowsTheCurrentRecordAndWhatChanged) {
  SetUpUsers();
  auto sophie = SignIn("sophie.social");
  auto simon = SignIn("simon.social");
  const auto id = Create(*sophie, Marie());
  const auto path = "/api/v1/persons/" + id;

  EXPECT_EQ(sophie->SendJson("PATCH", path, {{"first_names", "Marie Jeanne"}}).status, 400) << "If-Match required";
  auto first = sophie->SendJson("PATCH", path, {{"address", {{"street", "rue Jules Verne"}}}, {"status", "away"}},
                                {"If-Match: \"1\""});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Header("etag"), "\"2\"");
  EXPECT_EQ(first.Json()["address"]["street"], "rue Jules Verne");
  EXPECT_EQ(first.Json()["address"]["number"], "12") << "address keys not sent stay";

  auto lost = simon->SendJson("PATCH", path, {{"first_names", "Marie Jeanne"}}, {"If-Match: 1"});
  ASSERT_EQ(lost.status, 412) << lost.body;
  const auto body = lost.Json();
  EXPECT_EQ(body["error"]["code"], "precondition_failed");
  EXPECT_EQ(body["current"]["version"], 2);
  EXPECT_EQ(body["current"]["address"]["street"], "rue Jules Verne");
  ASSERT_EQ(body["changes"].size(), 1U);
  EXPECT_EQ(body["changes"][0]["actor_login"], "sophie.social");
  EXPECT_EQ(body["changes"][0]["version"], 2);
  EXPECT_TRUE(body["changes"][0]["at"].is_number());
  EXPECT_EQ(body["changes"][0]["changes"]["address.street"]["from"], "rue Victor Hugo");
  EXPECT_EQ(body["changes"][0]["changes"]["address.street"]["to"], "rue Jules Verne");
  EXPECT_EQ(body["changes"][0]["changes"]["status"]["to"], "away");

  auto retried = simon->SendJson("PATCH", path, {{"first_names", "Marie Jeanne"}}, {"If-Match: 2"});
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.Json()["status"], "away");

  // The intake desk sees the race too, but only the fields it may read.
  auto intake = SignIn("ines.intake");
  auto refused = intake->SendJson("PATCH", path, {{"status", "active"}}, {"If-Match: 3"});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["field"], "status");
  auto stale = intake->SendJson("PATCH", path, {{"phones", {"06 12 34 56 78"}}}, {"If-Match: 1"});
  ASSERT_EQ(stale.status, 412);
  EXPECT_EQ(stale.body.find("away"), std::string::npos) << "no situation in an intake agent's 412: " << stale.body;
  EXPECT_FALSE(stale.Json()["current"].contains("status"));
  auto phone = intake->SendJson("PATCH", path, {{"phones", {"06.12.34.56.78"}}}, {"If-Match: 3"});
  ASSERT_EQ(phone.status, 200) << phone.body;
  EXPECT_EQ(phone.Json()["phones"][0]["number"], "+33612345678");
  EXPECT_EQ(sophie->SendJson("PATCH", "/api/v1/persons/99999", {{"first_names", "X"}}, {"If-Match: 1"}).status, 404);
}

TEST_P(PersonsEditApi, HistoryShowsWhoChangedWhatAndWhen) {
  SetUpUsers();
  auto sophie = SignIn("sophie.social");
  const auto id = Create(*sophie, Marie());
  ASSERT_EQ(sophie->SendJson("PATCH", "/api/v1/persons/" + id, {{"email", "marie@example.fr"}}, {"If-Match: 1"}).status,
            200);
  auto history = sophie->Get("/api/v1/persons/" + id + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const auto items = history.Json()["items"];
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0]["action"], "create");
  EXPECT_EQ(items[0]["changes"]["last_name"]["to"], "Lefèvre");
  EXPECT_EQ(items[1]["action"], "update");
  EXPECT_EQ(items[1]["version"], 2);
  EXPECT_EQ(items[1]["actor_login"], "sophie.social");
  EXPECT_EQ(items[1]["changes"]["email"]["to"], "marie@example.fr");
  EXPECT_EQ(SignIn("ines.intake")->Get("/api/v1/persons/" + id + "/history").status, 403);
}

TEST_P(PersonsEditApi, MergeKeepsEveryContactAndTheOldIdLeadsToTheKeptRecord) {
  SetUpUsers();
  auto sophie = SignIn("sophie.social");
  const auto kept = Create(*sophie, Marie());
  const auto other = Create(*sophie, {{"last_name", "LEFEVRE"},
                                      {"first_names", "Marie"},
                                      {"birth_date", "1938-04-12"},
                                      {"email", "marie@example.fr"},
                                      {"phones", {"06 12 34 56 78", "0322016310"}}});
  ASSERT_EQ(sophie
                ->SendJson("PUT", "/api/v1/persons/" + other + "/household",
                           {{"members", {{{"relationship", "self"}, {"birth_year", 1938}}}}})
                .status,
            201);
  auto duplicates = sophie->Get("/api/v1/persons/" + kept + "/duplicates");
  ASSERT_EQ(duplicates.status, 200) << duplicates.body;
  ASSERT_EQ(duplicates.Json()["duplicates"].size(), 1U);
  EXPECT_EQ(std::to_string(duplicates.Json()["duplicates"][0]["person"]["id"].get<std::int64_t>()), other);

  const auto merge = "/api/v1/persons/" + kept + "/merge";
  EXPECT_EQ(SignIn("ines.intake")->SendJson("POST", merge, {{"other_id", std::stoll(other)}}, {"If-Match: 1"}).status,
            403);
  EXPECT_EQ(sophie->SendJson("POST", merge, {{"other_id", std::stoll(kept)}}, {"If-Match: 1"}).status, 400);
  EXPECT_EQ(sophie->SendJson("POST", merge, {{"other_id", 99999}}, {"If-Match: 1"}).status, 404);
  EXPECT_EQ(sophie->SendJson("POST", merge, {{"other_id", std::stoll(other)}}, {"If-Match: 7"}).status, 412);
  auto merged = sophie->SendJson("POST", merge, {{"other_id", std::stoll(other)}}, {"If-Match: 1"});
  ASSERT_EQ(merged.status, 200) << merged.body;
  const auto person = merged.Json();
  EXPECT_EQ(person["version"], 2);
  ASSERT_EQ(person["phones"].size(), 2U);
  EXPECT_EQ(person["phones"][0]["number"], "+33322016310");
  EXPECT_EQ(person["phones"][1]["number"], "+33612345678");
  EXPECT_EQ(person["email"], "marie@example.fr") << "blanks filled from the merged record";
  EXPECT_EQ(person["last_name"], "Lefèvre");

  auto old = sophie->Get("/api/v1/persons/" + other);
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_EQ(std::to_string(old.Json()["id"].get<std::int64_t>()), kept);
  EXPECT_EQ(std::to_string(old.Json()["merged_from"].get<std::int64_t>()), other);
  auto household = sophie->Get("/api/v1/persons/" + kept + "/household");
  EXPECT_EQ(household.status, 200) << "the household moved: " << household.body;
  auto history = sophie->Get("/api/v1/persons/" + kept + "/history").Json()["items"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back()["action"], "merge");
  EXPECT_EQ(history.back()["changes"]["merged_record"]["to"], other);
  EXPECT_EQ(sophie->Get("/api/v1/persons?q=lefevre").Json()["items"].size(), 1U);

  auto dpo = SignIn("helene.dpo");
  auto trail = dpo->Get("/api/v1/audit?action=person.merge").Json()["items"];
  ASSERT_EQ(trail.size(), 1U);
  EXPECT_EQ(trail[0]["details"]["kept_id"], kept);
  EXPECT_EQ(trail[0]["details"]["merged_id"], other);
}

TEST_P(PersonsEditApi, HouseholdsCountTheirMembersAndNeedTheVersionToChange) {
  SetUpUsers();
  auto sophie = SignIn("sophie.social");
  const auto id = Create(*sophie, Marie());
  const auto path = "/api/v1/persons/" + id + "/household";
  EXPECT_EQ(sophie->Get(path).status, 404);
  json household = {{"members",
                     {{{"relationship", "self"}, {"first_name", "Marie"}, {"birth_year", 1938}},
                      {{"relationship", "grandchild"}, {"first_name", "Léa"}, {"birth_year", 2015}},
                      {{"relationship", "grandchild"}, {"first_name", "Tom"}, {"birth_year", 2025}},
                      {{"relationship", "other"}}}},
                    {"dietary", {"no_pork", "soft_texture"}},
                    {"delivery_notes", "2e étage sans ascenseur"}};
  auto created = sophie->SendJson("PUT", path, household);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("etag"), "\"1\"");
  const auto counts = created.Json()["counts"];
  EXPECT_EQ(counts["adults"], 1);
  EXPECT_EQ(counts["children"], 1);
  EXPECT_EQ(counts["babies"], 1);
  EXPECT_EQ(counts["unknown_age"], 1);

  household["delivery_notes"] = "appeler avant";
  auto blind = sophie->SendJson("PUT", path, household);
  ASSERT_EQ(blind.status, 412) << "an existing household changes only with its version";
  EXPECT_EQ(blind.Json()["current"]["delivery_notes"], "2e étage sans ascenseur");
  auto updated = sophie->SendJson("PUT", path, household, {"If-Match: 1"});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["version"], 2);

  auto bad_diet = sophie->SendJson("PUT", path, {{"dietary", {"chocolate_only"}}}, {"If-Match: 2"});
  EXPECT_EQ(bad_diet.status, 400);
  EXPECT_EQ(bad_diet.Json()["error"]["field"], "dietary[0]");
  auto future = sophie->SendJson("PUT", path, {{"members", {{{"relationship", "child"}, {"birth_year", 2999}}}}},
                                 {"If-Match: 2"});
  EXPECT_EQ(future.Json()["error"]["field"], "members[0].birth_year");
  auto unknown =
      sophie->SendJson("PUT", path, {{"members", {{{"relationship", "cousin_twice_removed"}}}}}, {"If-Match: 2"});
  EXPECT_EQ(unknown.Json()["error"]["field"], "members[0].relationship");

  auto intake = SignIn("ines.intake");
  EXPECT_EQ(intake->Get(path).status, 403);
  EXPECT_EQ(intake->Get("/api/v1/persons/" + id).body.find("household"), std::string::npos);

  auto history = sophie->Get("/api/v1/persons/" + id + "/history").Json()["items"];
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[1]["action"], "household.create");
  EXPECT_EQ(history[1]["purpose"], "delivery");
  EXPECT_EQ(history[2]["changes"]["household.delivery_notes"]["to"], "appeler avant");

  EXPECT_EQ(sophie->Send("DELETE", path, "", {"If-Match: 1"}).status, 412);
  EXPECT_EQ(sophie->Send("DELETE", path, "", {"If-Match: 2"}).status, 204);
  EXPECT_EQ(sophie->Get(path).status, 404);
  auto dpo = SignIn("helene.dpo");
  auto trail = dpo->Get("/api/v1/audit?subject_type=household&subject_id=" + id).Json()["items"];
  EXPECT_EQ(trail.size(), 3U) << trail.dump();  // create, update, delete
}

TEST_P(PersonsEditApi, OnlyADesignatedAgentFiltersOnTheRegister) {
  CreateUser("paul.admin", "admin");
  CreateUser("claire.coord", "coordinator");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto coordinator = SignIn("claire.coord");
  EXPECT_EQ(coordinator->Get("/api/v1/persons?registered=true").status, 403);
  const auto id =
      std::to_string(admin->Get("/api/v1/users?q=claire.coord").Json()["items"][0]["id"].get<std::int64_t>());
  ASSERT_EQ(admin->Send("PUT", "/api/v1/register/agents/" + id).status / 100, 2);
  EXPECT_EQ(coordinator->Get("/api/v1/persons?registered=true").status, 403) << "secrecy not acknowledged yet";
  ASSERT_EQ(coordinator->Send("POST", "/api/v1/register/me/secrecy").status, 200);
  auto listed = coordinator->Get("/api/v1/persons?registered=true&ground=aged_65");
  EXPECT_EQ(listed.status, 200) << listed.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, PersonsEditApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
