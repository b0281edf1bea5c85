// Account administration over HTTP: create, edit with If-Match, disable and enable, reset password and TOTP.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class AccountsApi : public ApiTest {};

TEST_P(AccountsApi, AnAdminManagesAccounts) {
  CreateUser("paul.admin", "admin");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto created = admin->SendJson("POST", "/api/v1/users",
                                 {{"login", "julie.caller"},
                                  {"display_name", "Julie"},
                                  {"role", "caller"},
                                  {"password", "une phrase assez longue"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = std::to_string(created.Json()["id"].get<std::int64_t>());
  EXPECT_EQ(admin
                ->SendJson("POST", "/api/v1/users",
                           {{"login", "julie.caller"},
                            {"display_name", "J"},
                            {"role", "caller"},
                            {"password", "une phrase assez longue"}})
                .status,
            409);
  auto weak = admin->SendJson("POST", "/api/v1/users",
                              {{"login", "weak.one"}, {"display_name", "W"}, {"role", "caller"}, {"password", "123"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json()["error"]["field"], "password");

  auto julie = Client();
  ASSERT_EQ(julie->Login("julie.caller", "une phrase assez longue").status, 200);

  auto listed = admin->Get("/api/v1/users?q=julie");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.Json()["items"].size(), 1U);

  auto no_version = admin->SendJson("PATCH", "/api/v1/users/" + id, {{"display_name", "Julie M."}});
  EXPECT_EQ(no_version.status, 400);
  auto renamed = admin->SendJson("PATCH", "/api/v1/users/" + id, {{"display_name", "Julie M."}}, {"If-Match: \"1\""});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Header("etag"), "\"2\"");
  auto stale = admin->SendJson("PATCH", "/api/v1/users/" + id, {{"display_name", "Other"}}, {"If-Match: \"1\""});
  EXPECT_EQ(stale.status, 412);
  auto mass = admin->SendJson("PATCH", "/api/v1/users/" + id, {{"password_hash", "x"}}, {"If-Match: 2"});
  EXPECT_EQ(mass.status, 400) << "fields that cannot be written are refused";

  ASSERT_EQ(admin->Send("POST", "/api/v1/users/" + id + "/disable").status, 200);
  EXPECT_EQ(julie->Get("/api/v1/session").status, 401) << "disabling ends the sessions";
  EXPECT_EQ(Client()->Login("julie.caller", "une phrase assez longue").status, 401);
  ASSERT_EQ(admin->Send("POST", "/api/v1/users/" + id + "/enable").status, 200);
  EXPECT_EQ(
      admin->SendJson("POST", "/api/v1/users/" + id + "/password", {{"new_password", "le chat dort au soleil"}}).status,
      204);
  EXPECT_EQ(Client()->Login("julie.caller", "le chat dort au soleil").status, 200);
  EXPECT_EQ(admin->Get("/api/v1/users/123456").status, 404);
  EXPECT_EQ(admin->Get("/api/v1/users/abc").status, 404);
}

TEST_P(AccountsApi, TheLastAdminCannotBeRemoved) {
  CreateUser("paul.admin", "admin");
  StartServer();
  auto admin = SignIn("paul.admin");
  auto me = admin->Get("/api/v1/session").Json()["user"];
  const auto id = std::to_string(me["id"].get<std::int64_t>());
  auto demoted = admin->SendJson("PATCH", "/api/v1/users/" + id, {{"role", "caller"}},
                                 {"If-Match: " + std::to_string(me["version"].get<std::int64_t>())});
  EXPECT_EQ(demoted.status, 409);
  EXPECT_EQ(admin->Send("POST", "/api/v1/users/" + id + "/disable").status, 409);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
