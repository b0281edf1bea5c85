// Signing in and out over HTTP: cookies, throttling, CSRF, expiry, second factor, password change.

#include <chrono>
#include <thread>

#include "api_fixture.hpp"
#include "auth/totp.hpp"
#include "core/clock.hpp"

namespace lien::api_test {
namespace {

class SessionApi : public ApiTest {};

TEST_P(SessionApi, LoginSetsAHardenedCookieAndLogoutEndsTheSession) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto client = Client();
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
  auto login = client->Login("marie.dupont", PasswordFor("marie.dupont"));
  ASSERT_EQ(login.status, 200) << login.body;
  const auto cookie = login.Header("set-cookie");
  EXPECT_NE(cookie.find("lien_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "Secure only under TLS";
  EXPECT_EQ(login.Header("cache-control"), "no-store");
  const auto body = login.Json();
  EXPECT_EQ(body["user"]["role"], "coordinator");
  EXPECT_FALSE(body["user"].contains("password_hash"));
  EXPECT_FALSE(body["user"].contains("totp_secret"));

  auto session = client->Get("/api/v1/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(session.Json()["user"]["login"], "marie.dupont");

  EXPECT_EQ(client->Send("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
}

TEST_P(SessionApi, EachLoginIssuesANewSessionId) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto client = Client();
  auto first = client->Login("marie.dupont", PasswordFor("marie.dupont"));
  auto second = client->Login("marie.dupont", PasswordFor("marie.dupont"));
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(second.status, 200);
  EXPECT_NE(first.Header("set-cookie"), second.Header("set-cookie"));
}

TEST_P(SessionApi, FiveFailedLoginsThrottleTheAccountAcrossRestarts) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto client = Client();
  for (int i = 0; i < 5; ++i) {
    auto wrong = client->Login("marie.dupont", "not the password at all");
    ASSERT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.ErrorMessage(), "Identifiant ou mot de passe incorrect.");
  }
  StartServer();  // a restart (or another instance) sees the same counter: it lives in the database
  auto throttled = Client()->Login("marie.dupont", PasswordFor("marie.dupont"));
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Json()["error"]["code"], "too_many_requests");
  EXPECT_NE(throttled.ErrorMessage().find("Réessayez dans 15 minute(s)"), std::string::npos) << throttled.body;
  const auto enabled = RunLien({"user", "enable", "--db", database_->location(), "--login", "marie.dupont"});
  ASSERT_EQ(enabled.exit_code, 0) << enabled.output;
  EXPECT_EQ(Client()->Login("marie.dupont", PasswordFor("marie.dupont")).status, 200) << "an admin lifts it";
}

TEST_P(SessionApi, StateChangesWithoutTheCsrfTokenAreRefused) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto client = SignIn("marie.dupont");
  const auto token = client->csrf();
  client->DropCsrf();
  auto refused = client->SendJson("POST", "/api/v1/me/password",
                                  {{"current_password", PasswordFor("marie.dupont")}, {"new_password", "x"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.ErrorMessage(), "Jeton de sécurité manquant ou invalide. Rechargez la page.");
  client->set_csrf("forged-token-forged-token-forged-token-123");
  EXPECT_EQ(client->Send("DELETE", "/api/v1/session").status, 403);
  client->set_csrf(token);
  EXPECT_EQ(client->Send("DELETE", "/api/v1/session").status, 204);
}

TEST_P(SessionApi, IdleSessionsExpire) {
  CreateUser("marie.dupont", "coordinator");
  StartServer({"--session-idle-timeout", "1"});
  auto client = SignIn("marie.dupont");
  ASSERT_EQ(client->Get("/api/v1/session").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  auto expired = client->Get("/api/v1/session");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.ErrorMessage(), "Votre session a expiré. Reconnectez-vous.");
}

TEST_P(SessionApi, SessionsEndAtTheirAbsoluteLifetimeEvenWhenActive) {
  CreateUser("marie.dupont", "coordinator");
  StartServer({"--session-lifetime", "3"});
  // Timed from before the sign-in (the session is younger than this) for the requests that must pass, and from
  // after it (the session is older) for the one that must fail: a slow, loaded machine cannot flip either.
  const auto before_sign_in = std::chrono::steady_clock::now();
  auto client = SignIn("marie.dupont");
  const auto after_sign_in = std::chrono::steady_clock::now();
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_EQ(client->Get("/api/v1/session").status, 200);
  } while (std::chrono::steady_clock::now() - before_sign_in < std::chrono::milliseconds(1500));
  std::this_thread::sleep_until(after_sign_in + std::chrono::milliseconds(3500));
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
}

TEST_P(SessionApi, AdminsMustSetUpASecondFactorBeforeAnythingElse) {
  CreateUser("paul.admin", "admin");
  StartServer();
  auto client = Client();
  auto login = client->Login("paul.admin", PasswordFor("paul.admin"));
  ASSERT_EQ(login.status, 200);
  EXPECT_TRUE(login.Json()["totp_setup_required"].get<bool>());
  auto blocked = client->Get("/api/v1/users");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_NE(blocked.ErrorMessage().find("double authentification"), std::string::npos);

  auto setup = client->SendJson("POST", "/api/v1/me/totp", nlohmann::json::object());
  ASSERT_EQ(setup.status, 200);
  const auto secret = setup.Json()["secret"].get<std::string>();
  EXPECT_EQ(setup.Json()["otpauth_uri"].get<std::string>().rfind("otpauth://totp/Lien:paul.admin?", 0), 0U);
  EXPECT_EQ(client->SendJson("POST", "/api/v1/me/totp/confirm", {{"code", "000000"}}).status, 400);
  const auto step = auth::TotpStep(core::SystemClock().Now());
  auto confirmed = client->SendJson("POST", "/api/v1/me/totp/confirm", {{"code", auth::TotpCode(secret, step)}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(client->Get("/api/v1/users").status, 200);

  auto without_code = Client()->Login("paul.admin", PasswordFor("paul.admin"));
  EXPECT_EQ(without_code.status, 401);
  EXPECT_EQ(without_code.Json()["error"]["field"], "totp");
  auto with_code = Client()->Login("paul.admin", PasswordFor("paul.admin"), auth::TotpCode(secret, step + 1));
  EXPECT_EQ(with_code.status, 200) << with_code.body;
}

TEST_P(SessionApi, PasswordChangeFollowsThePolicyAndEndsOtherSessions) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto here = SignIn("marie.dupont");
  auto elsewhere = SignIn("marie.dupont");
  auto weak = here->SendJson("POST", "/api/v1/me/password",
                             {{"current_password", PasswordFor("marie.dupont")}, {"new_password", "azertyuiop123"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json()["error"]["field"], "new_password");
  here->set_language("en");
  auto short_one = here->SendJson("POST", "/api/v1/me/password",
                                  {{"current_password", PasswordFor("marie.dupont")}, {"new_password", "short"}});
  EXPECT_EQ(short_one.ErrorMessage(), "The password must be at least 12 characters long.");
  auto changed =
      here->SendJson("POST", "/api/v1/me/password",
                     {{"current_password", PasswordFor("marie.dupont")}, {"new_password", "la mer est calme ce soir"}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(here->Get("/api/v1/session").status, 200);
  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 401);
  EXPECT_EQ(Client()->Login("marie.dupont", "la mer est calme ce soir").status, 200);
}

TEST_P(SessionApi, UnknownFieldsAreRefusedNotIgnored) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto response =
      Client()->SendJson("POST", "/api/v1/session",
                         {{"login", "marie.dupont"}, {"password", PasswordFor("marie.dupont")}, {"role", "admin"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Json()["error"]["field"], "role");
}

INSTANTIATE_TEST_SUITE_P(Engines, SessionApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
