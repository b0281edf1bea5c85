// Persons over HTTP: creation with the duplicate check, the views per role, search, and the audit trail.

#include <cstdio>

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class PersonsApi : public ApiTest {
 protected:
  void SetUpUsers() {
    CreateUser("sophie.social", "social_worker");
    CreateUser("ines.intake", "intake");
    CreateUser("carl.caller", "caller");
    CreateUser("helene.dpo", "dpo");
    StartServer();
  }
};

std::string Encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

json Marie() {
  return json{{"civility", "mme"},
              {"last_name", "Lefèvre"},
              {"first_names", "Marie-Thérèse"},
              {"birth_date", "1938-04-12"},
              {"address", {{"number", "12"}, {"street", "rue Victor Hugo"}, {"postcode", "80000"}, {"town", "Amiens"}}},
              {"phones", json::array({{{"number", "03 22 01 63 10"}, {"label", "fixe"}}})}};
}

std::int64_t Create(HttpClient& client, const json& person) {
  auto body = person;
  body["ignore_duplicates"] = true;
  auto created = client.SendJson("POST", "/api/v1/persons", body);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json()["person"].value("id", std::int64_t{0});
}

std::vector<std::string> Names(const HttpResponse& response) {
  EXPECT_EQ(response.status, 200) << response.body;
  std::vector<std::string> names;
  const auto body = response.Json();
  for (const auto& item : body["items"]) names.push_back(item["last_name"].get<std::string>());
  return names;
}

TEST_P(PersonsApi, CreatesReadsAndWarnsOfDuplicates) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto created = social->SendJson("POST", "/api/v1/persons", Marie());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto person = created.Json()["person"];
  EXPECT_EQ(person["phones"][0]["number"], "+33322016310");
  EXPECT_EQ(person["phones"][0]["display"], "03 22 01 63 10");
  EXPECT_EQ(person["version"], 1);
  EXPECT_EQ(created.Header("etag"), "\"1\"");
  const auto id = std::to_string(person["id"].get<std::int64_t>());

  auto read = social->Get("/api/v1/persons/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["last_name"], "Lefèvre");
  EXPECT_EQ(read.Json()["status"], "active");
  EXPECT_EQ(read.Header("etag"), "\"1\"");
  EXPECT_EQ(social->Get("/api/v1/persons/999999").status, 404);

  // The same person typed again by the intake desk, differently.
  auto intake = SignIn("ines.intake");
  json again = {{"last_name", "LEFEVRE"},
                {"first_names", "Marie Therese"},
                {"birth_date", "1938-04-12"},
                {"phones", json::array({"+33 3 22 01 63 10"})}};
  auto refused = intake->SendJson("POST", "/api/v1/persons", again);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["code"], "conflict");
  const auto duplicates = refused.Json()["duplicates"];
  ASSERT_EQ(duplicates.size(), 1U);
  EXPECT_EQ(std::to_string(duplicates[0]["person"]["id"].get<std::int64_t>()), id);
  EXPECT_GE(duplicates[0]["score"].get<double>(), 0.9);
  EXPECT_NE(duplicates[0]["reasons"].dump().find("same_phone"), std::string::npos);
  EXPECT_FALSE(duplicates[0]["person"].contains("status")) << "intake agents never see the situation";

  auto check = intake->SendJson("POST", "/api/v1/persons/check", again);
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_EQ(check.Json()["duplicates"].size(), 1U);

  again["ignore_duplicates"] = true;
  auto forced = intake->SendJson("POST", "/api/v1/persons", again);
  ASSERT_EQ(forced.status, 201) << forced.body;
  EXPECT_EQ(forced.Json()["duplicates"].size(), 1U);
}

TEST_P(PersonsApi, ValidationNamesTheField) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto field_of = [&](json body) {
    auto response = social->SendJson("POST", "/api/v1/persons", body);
    EXPECT_EQ(response.status, 400) << body.dump() << " " << response.body;
    return response.Json()["error"]["field"].is_string() ? response.Json()["error"]["field"].get<std::string>() : "";
  };
  EXPECT_EQ(field_of({{"first_names", "Jean"}}), "last_name");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"birth_date", "1950-02-30"}}), "birth_date");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"birth_date", "2999-01-01"}}), "birth_date");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"birth_date", "12/03/1950"}}), "birth_date");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"address", {{"postcode", "8000"}}}}), "address.postcode");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"address", {{"zip", "80000"}}}}), "address.zip");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"email", "martin.example.fr"}}), "email");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"status", "asleep"}}), "status");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"status", "active"}, {"status_until", "2030-01-01"}}), "status_until");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"phones", json::array({"03 22", "06 12 34 56 78"})}}), "phones[0]");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"version", 3}}), "version");
  EXPECT_EQ(field_of({{"last_name", "Martin"}, {"is_admin", true}}), "is_admin");
  auto phone = social->SendJson("POST", "/api/v1/persons", {{"last_name", "Martin"}, {"phones", {"12"}}});
  EXPECT_NE(phone.ErrorMessage().find("12"), std::string::npos) << "the message quotes the phone: " << phone.body;
}

TEST_P(PersonsApi, EachRoleReadsAndWritesOnlyItsFields) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  auto marie = Marie();
  marie["status"] = "in_hospital";
  marie["status_until"] = "2030-05-01";
  const auto id = std::to_string(Create(*social, marie));

  auto intake = SignIn("ines.intake");
  auto read = intake->Get("/api/v1/persons/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  for (const char* hidden : {"status", "status_until", "household", "history", "register_entry"}) {
    EXPECT_FALSE(read.Json().contains(hidden)) << hidden;
  }
  EXPECT_EQ(read.body.find("in_hospital"), std::string::npos);
  EXPECT_EQ(read.Json()["phones"].size(), 1U);
  auto listed = intake->Get("/api/v1/persons?q=lefevre");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find("in_hospital"), std::string::npos);
  EXPECT_EQ(intake->Get("/api/v1/persons?status=in_hospital").status, 403);

  auto written = intake->SendJson("POST", "/api/v1/persons", {{"last_name", "Durand"}, {"status", "away"}});
  EXPECT_EQ(written.status, 400);
  EXPECT_EQ(written.Json()["error"]["field"], "status");
  EXPECT_NE(written.ErrorMessage().find("status"), std::string::npos);

  EXPECT_EQ(SignIn("carl.caller")->Get("/api/v1/persons/" + id).status, 403);
  EXPECT_EQ(SignIn("helene.dpo")->Get("/api/v1/persons?q=lefevre").status, 403);
  EXPECT_EQ(social->Get("/api/v1/persons?registered=true").status, 403) << "not a designated register agent";
}

TEST_P(PersonsApi, SearchFindsNamesPhonesAddressesAndAges) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  Create(*social, Marie());
  Create(*social,
         {{"last_name", "Le Fèvre"},
          {"first_names", "Jean"},
          {"birth_date", "1950-01-01"},
          {"address", {{"number", "3"}, {"street", "Place Saint-Michel"}, {"postcode", "80090"}, {"town", "Amiens"}}},
          {"phones", {"06 12 34 56 78"}},
          {"status", "away"}});
  Create(*social, {{"last_name", "Dupont"},
                   {"first_names", "Jeanne"},
                   {"birth_date", "1990-06-15"},
                   {"address", {{"street", "Avenue de la Gare"}, {"postcode", "62000"}, {"town", "Arras"}}}});

  using Names_ = std::vector<std::string>;
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=lefevre")), (Names_{"Le Fèvre", "Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=" + Encode("LEFÈVRE"))), (Names_{"Le Fèvre", "Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=" + Encode("le fevre"))), (Names_{"Le Fèvre", "Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=fev")), (Names_{"Le Fèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=lef")), (Names_{"Le Fèvre", "Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=" + Encode("jean lef"))), (Names_{"Le Fèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=" + Encode("thérèse"))), (Names_{"Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=jeann")), (Names_{"Dupont"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?q=zzz")), Names_{});
  for (const char* phone : {"0612345678", "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678"}) {
    EXPECT_EQ(Names(social->Get("/api/v1/persons?phone=" + Encode(phone))), (Names_{"Le Fèvre"})) << phone;
  }
  EXPECT_EQ(social->Get("/api/v1/persons?phone=12").status, 400);
  EXPECT_EQ(Names(social->Get("/api/v1/persons?street=" + Encode("victor hugo"))), (Names_{"Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?street=" + Encode("saint michel"))), (Names_{"Le Fèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?street=place&town=amiens")), (Names_{"Le Fèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?town=ARRAS")), (Names_{"Dupont"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?postcode=80000")), (Names_{"Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?status=away")), (Names_{"Le Fèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?status=active,away&age_min=70")), (Names_{"Le Fèvre", "Lefèvre"}));
  EXPECT_EQ(Names(social->Get("/api/v1/persons?age_max=60")), (Names_{"Dupont"}));
  EXPECT_EQ(social->Get("/api/v1/persons?age_min=abc").status, 400);
  EXPECT_EQ(social->Get("/api/v1/persons?status=asleep").status, 400);

  auto first = social->Get("/api/v1/persons?limit=2");
  EXPECT_EQ(Names(first), (Names_{"Dupont", "Le Fèvre"}));
  EXPECT_TRUE(first.Json()["has_more"].get<bool>());
  auto second = social->Get("/api/v1/persons?limit=2&offset=2");
  EXPECT_EQ(Names(second), (Names_{"Lefèvre"}));
  EXPECT_FALSE(second.Json()["has_more"].get<bool>());
  EXPECT_EQ(second.Json()["items"][0]["age"].is_number(), true);
}

TEST_P(PersonsApi, ReadsSearchesAndCreationsAreAudited) {
  SetUpUsers();
  auto social = SignIn("sophie.social");
  const auto id = std::to_string(Create(*social, Marie()));
  ASSERT_EQ(social->Get("/api/v1/persons/" + id).status, 200);
  ASSERT_EQ(social->Get("/api/v1/persons?q=lefevre&phone=0322016310").status, 200);

  auto dpo = SignIn("helene.dpo");
  auto trail = [&](const std::string& action) {
    auto response = dpo->Get("/api/v1/audit?action=" + action);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.Json()["items"];
  };
  auto created = trail("person.create");
  ASSERT_EQ(created.size(), 1U);
  EXPECT_EQ(created[0]["subject_id"], id);
  EXPECT_EQ(created[0]["actor_login"], "sophie.social");
  auto read = trail("person.read");
  ASSERT_EQ(read.size(), 1U);
  EXPECT_EQ(read[0]["subject_id"], id);
  EXPECT_EQ(read[0]["purpose"], "follow_up");
  auto searched = trail("person.search");
  ASSERT_EQ(searched.size(), 1U);
  EXPECT_EQ(searched[0]["details"]["filters"], "name,phone");
  EXPECT_EQ(searched[0]["details"]["count"], "1");
  EXPECT_EQ(searched.dump().find("lefevre"), std::string::npos) << "never the name typed";
  EXPECT_EQ(searched.dump().find("0322016310"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, PersonsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
