// Alert plans over HTTP: every signed-in account sees them, coordinators declare and end them, one open alert of
// a kind at a time, each change in the audit trail.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class AlertsApi : public ApiTest {};

TEST_P(AlertsApi, ACoordinatorDeclaresAndEndsAnAlertEveryoneSees) {
  CreateUser("claire.coord", "coordinator");
  CreateUser("julie.caller", "caller");
  CreateUser("dora.dpo", "dpo");
  StartServer();
  auto coordinator = SignIn("claire.coord");
  auto caller = SignIn("julie.caller");

  auto none = caller->Get("/api/v1/alerts");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.Json()["open"].empty());

  EXPECT_EQ(caller->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}}).status, 403);
  auto bad_kind = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "tsunami"}, {"area", "Somme"}});
  EXPECT_EQ(bad_kind.status, 400);
  EXPECT_EQ(bad_kind.Json()["error"]["field"], "kind");
  auto no_area = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}});
  EXPECT_EQ(no_area.status, 400);
  EXPECT_EQ(no_area.Json()["error"]["field"], "area");
  EXPECT_EQ(
      coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "S"}, {"open", true}}).status,
      400)
      << "unknown fields are refused";

  auto declared = coordinator->SendJson(
      "POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}, {"prefect_reference", "arrêté 2026-071"}});
  ASSERT_EQ(declared.status, 201) << declared.body;
  const auto id = std::to_string(declared.Json()["id"].get<std::int64_t>());
  EXPECT_TRUE(declared.Json()["open"].get<bool>());
  auto twice = coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Amiens"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.ErrorMessage().find("déjà en cours"), std::string::npos) << twice.body;

  auto seen = caller->Get("/api/v1/alerts").Json();
  ASSERT_EQ(seen["open"].size(), 1U);
  EXPECT_EQ(seen["open"][0]["kind"], "heatwave");
  EXPECT_EQ(seen["open"][0]["prefect_reference"], "arrêté 2026-071");

  EXPECT_EQ(caller->Send("POST", "/api/v1/alerts/" + id + "/end").status, 403);
  auto ended = coordinator->Send("POST", "/api/v1/alerts/" + id + "/end");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_FALSE(ended.Json()["open"].get<bool>());
  EXPECT_EQ(coordinator->Send("POST", "/api/v1/alerts/" + id + "/end").status, 409);
  EXPECT_EQ(coordinator->Send("POST", "/api/v1/alerts/9999/end").status, 404);
  EXPECT_TRUE(caller->Get("/api/v1/alerts").Json()["open"].empty());
  EXPECT_EQ(coordinator->SendJson("POST", "/api/v1/alerts", {{"kind", "heatwave"}, {"area", "Somme"}}).status, 201);

  auto dpo = SignIn("dora.dpo");
  auto trail = dpo->Get("/api/v1/audit?subject_type=alert&subject_id=" + id).Json()["items"];
  std::vector<std::string> actions;
  for (const auto& entry : trail) actions.push_back(entry["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"alert.ended", "alert.declared"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, AlertsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
