// The register of vulnerable persons over HTTP: designation by name and the secrecy acknowledgement, the entry
// workflow, the purpose rules and the prefect's export (docs/register.md).

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class RegisterApi : public ApiTest {
 protected:
  std::string UserId(HttpClient& admin, const std::string& login) {
    auto found = admin.Get("/api/v1/users?q=" + login).Json()["items"];
    EXPECT_EQ(found.size(), 1U) << login;
    return found.empty() ? "0" : std::to_string(found[0]["id"].get<std::int64_t>());
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

INSTANTIATE_TEST_SUITE_P(Engines, RegisterApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
