#include "api_fixture.hpp"

#include "auth/roles.hpp"
#include "auth/totp.hpp"
#include "core/clock.hpp"

namespace lien::api_test {

std::string PasswordFor(const std::string& login) {
  return "rivage tilleul " + std::to_string(login.size()) + " velours";
}

std::string EngineName(const ::testing::TestParamInfo<db::Dialect>& info) {
  return info.param == db::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

void ApiTest::SetUp() {
  database_ = db::testing::TestDatabase::Create(GetParam());
  if (!database_) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
  const auto migrated = RunLien({"migrate", "--db", database_->location()});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
}

void ApiTest::StartServer(const std::vector<std::string>& extra_args) {
  server_.reset();
  server_ = std::make_unique<LienServer>(database_->location(), extra_args);
}

void ApiTest::CreateUser(const std::string& login, const std::string& role) {
  const auto result = RunLien({"user", "add", "--db", database_->location(), "--login", login, "--name",
                               "Test " + login, "--role", role, "--password-stdin"},
                              PasswordFor(login) + "\n");
  ASSERT_EQ(result.exit_code, 0) << result.output;
}

std::unique_ptr<HttpClient> ApiTest::SignIn(const std::string& login, std::string* totp_secret) {
  auto client = Client();
  auto response = client->Login(login, PasswordFor(login));
  EXPECT_EQ(response.status, 200) << response.body;
  if (response.status != 200 || !response.Json().value("totp_setup_required", false)) return client;
  auto setup = client->SendJson("POST", "/api/v1/me/totp", nlohmann::json::object());
  EXPECT_EQ(setup.status, 200) << setup.body;
  const auto secret = setup.Json().value("secret", "");
  const auto step = auth::TotpStep(core::SystemClock().Now());
  auto confirmed = client->SendJson("POST", "/api/v1/me/totp/confirm", {{"code", auth::TotpCode(secret, step)}});
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  if (totp_secret != nullptr) *totp_secret = secret;
  return client;
}

}  // namespace lien::api_test
