// Idempotency-Key on the call platform's creating POSTs other than POST /calls (calls_api_test.cpp has that one):
// needs of a person, referrals of a need, inbound requests and the needs recorded from them, on both engines.
// For each route: a retry with the same key creates one row and gets the same reply; the key sent again with
// another body is refused; without a key, two POSTs create two rows.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

using nlohmann::json;

class IdempotencyApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    CreateUser("sophie.social", "social_worker");
    CreateUser("ines.intake", "intake");
    StartServer();
    social_ = SignIn("sophie.social");
    intake_ = SignIn("ines.intake");
    person_ = CreatePerson();
  }

  std::int64_t CreatePerson() {
    json person = {
        {"last_name", "Durand"},
        {"first_names", "Jeanne"},
        {"birth_date", "1940-03-02"},
        {"address", {{"number", "4"}, {"street", "rue des Lilas"}, {"postcode", "80000"}, {"town", "Amiens"}}},
        {"phones", json::array({{{"number", "03 22 01 63 10"}, {"label", "fixe"}}})},
        {"ignore_duplicates", true}};
    auto created = social_->SendJson("POST", "/api/v1/persons", person);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["person"].value("id", std::int64_t{0});
  }

  std::int64_t Count(const std::string& sql, const std::vector<db::Value>& params) {
    auto database = database_->Open(1);
    auto connection = database->Acquire();
    return connection->QueryOne(sql, params)->Int(0);
  }

  static HttpResponse Post(HttpClient& client, const std::string& path, const json& body, const std::string& key) {
    std::vector<std::string> headers;
    if (!key.empty()) headers.push_back("Idempotency-Key: " + key);
    return client.SendJson("POST", path, body, headers);
  }

  // The whole contract on one route. `rows` counts the records the route creates; `action` is the audit
  // action of a creation, which a replay must not append again.
  void ExpectCreatesOnce(HttpClient& client, const std::string& path, const json& body, const json& other_body,
                         const std::string& rows, const std::vector<db::Value>& params, const std::string& action) {
    const auto count = [&] { return Count(rows, params); };
    const auto audited = [&] { return Count("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action}); };
    const auto rows_before = count();
    const auto audited_before = audited();
    const std::string key = "save-" + path;

    auto first = Post(client, path, body, key);
    ASSERT_EQ(first.status, 201) << path << ": " << first.body;
    EXPECT_EQ(first.Header("idempotent-replayed"), "");
    auto retry = Post(client, path, body, key);
    ASSERT_EQ(retry.status, 201) << path << ": " << retry.body;
    EXPECT_EQ(retry.Json(), first.Json()) << path;
    EXPECT_EQ(retry.Header("idempotent-replayed"), "true") << path;
    EXPECT_EQ(retry.Header("etag"), first.Header("etag")) << path;
    EXPECT_FALSE(first.Header("etag").empty()) << path;
    EXPECT_EQ(count(), rows_before + 1) << path << ": one row for the request and its retry";
    EXPECT_EQ(audited(), audited_before + 1) << path << ": the replay ran nothing";

    auto reused = Post(client, path, other_body, key);
    EXPECT_EQ(reused.status, 409) << path << ": " << reused.body;
    EXPECT_EQ(reused.Json()["error"]["code"], "conflict") << reused.body;
    EXPECT_NE(reused.ErrorMessage().find("Idempotency-Key"), std::string::npos) << reused.body;
    EXPECT_EQ(count(), rows_before + 1) << path;

    auto too_long = Post(client, path, body, std::string(201, 'k'));
    EXPECT_EQ(too_long.status, 400) << path << ": " << too_long.body;
    EXPECT_EQ(too_long.Json()["error"]["field"], "Idempotency-Key") << too_long.body;

    auto once = Post(client, path, body, "");
    auto twice = Post(client, path, body, "");
    ASSERT_EQ(once.status, 201) << once.body;
    ASSERT_EQ(twice.status, 201) << twice.body;
    EXPECT_NE(once.Json()["id"], twice.Json()["id"]) << path;
    EXPECT_EQ(twice.Header("idempotent-replayed"), "");
    EXPECT_EQ(count(), rows_before + 3) << path << ": without a key, each POST creates";
  }

  // An inbound request about the person, as the intake agent records it.
  json InboundBody(const std::string& topic) const {
    return {{"person_id", person_},
            {"contact_name", "M. Bernard (voisin)"},
            {"contact_phone", "06 12 34 56 78"},
            {"contact_relation", "neighbour"},
            {"topic", topic},
            {"urgency_answers",
             {{"danger_now", "no"},
              {"alone", "yes"},
              {"no_food_or_medicine_today", "yes"},
              {"health_worsening", "no"},
              {"heat_or_cold_at_home", "no"}}},
            {"queue", "food"}};
  }

  std::unique_ptr<HttpClient> social_, intake_;
  std::int64_t person_ = 0;
};

TEST_P(IdempotencyApi, NeedsOfAPerson) {
  ExpectCreatesOnce(*social_, "/api/v1/persons/" + std::to_string(person_) + "/needs",
                    {{"kind", "meals"}, {"urgency", "high"}}, {{"kind", "groceries"}, {"urgency", "low"}},
                    "SELECT COUNT(*) FROM needs WHERE person_id = ?", {person_}, "need.create");
}

TEST_P(IdempotencyApi, ReferralsOfANeed) {
  auto need = social_->SendJson("POST", "/api/v1/persons/" + std::to_string(person_) + "/needs", {{"kind", "meals"}});
  ASSERT_EQ(need.status, 201) << need.body;
  const auto need_id = need.Json()["id"].get<std::int64_t>();
  ExpectCreatesOnce(*social_, "/api/v1/needs/" + std::to_string(need_id) + "/referrals",
                    {{"service", "meal_delivery"}, {"notes", "Préférer le midi"}},
                    {{"service", "meal_delivery"}, {"notes", "Plutôt le soir"}},
                    "SELECT COUNT(*) FROM referrals WHERE need_id = ?", {need_id}, "referral.create");
}

TEST_P(IdempotencyApi, InboundRequests) {
  ExpectCreatesOnce(*intake_, "/api/v1/inbound", InboundBody("Sa voisine n'a plus de courses"),
                    InboundBody("Un autre appel"), "SELECT COUNT(*) FROM inbound_requests WHERE person_id = ?",
                    {person_}, "inbound.create");
}

TEST_P(IdempotencyApi, NeedsRecordedFromAnInboundRequest) {
  auto inbound = intake_->SendJson("POST", "/api/v1/inbound", InboundBody("Frigo vide"));
  ASSERT_EQ(inbound.status, 201) << inbound.body;
  const auto inbound_id = inbound.Json()["id"].get<std::int64_t>();
  ExpectCreatesOnce(*intake_, "/api/v1/inbound/" + std::to_string(inbound_id) + "/needs", {{"kind", "groceries"}},
                    {{"kind", "groceries"}, {"notes", "Et des médicaments"}},
                    "SELECT COUNT(*) FROM needs WHERE inbound_request_id = ?", {inbound_id}, "need.create");
}

// A key is the account's own and names one request: the same key on another route is refused, another
// account's identical key creates.
TEST_P(IdempotencyApi, AKeyBelongsToOneAccountAndOneRequest) {
  const std::string needs_path = "/api/v1/persons/" + std::to_string(person_) + "/needs";
  auto need = Post(*social_, needs_path, {{"kind", "meals"}}, "shared-key");
  ASSERT_EQ(need.status, 201) << need.body;
  auto referral = Post(*social_, "/api/v1/needs/" + need.Json()["id"].dump() + "/referrals",
                       {{"service", "meal_delivery"}}, "shared-key");
  EXPECT_EQ(referral.status, 409) << referral.body;
  auto inbound = Post(*intake_, "/api/v1/inbound", InboundBody("Frigo vide"), "shared-key");
  EXPECT_EQ(inbound.status, 201) << inbound.body;
  EXPECT_EQ(inbound.Header("idempotent-replayed"), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
