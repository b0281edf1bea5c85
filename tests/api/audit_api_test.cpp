// The audit trail over HTTP and from the shell: what is recorded, who may read it, and tamper detection.

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class AuditApi : public ApiTest {};

nlohmann::json Search(HttpClient& client, const std::string& query) {
  auto response = client.Get("/api/v1/audit?" + query);
  EXPECT_EQ(response.status, 200) << response.body;
  return response.Json()["items"];
}

TEST_P(AuditApi, LoginsRefusalsAndAccountChangesAreRecordedWithoutSecrets) {
  CreateUser("helene.dpo", "dpo");
  CreateUser("paul.admin", "admin");
  CreateUser("marie.dupont", "caller");
  StartServer();
  EXPECT_EQ(Client()->Login("marie.dupont", "wrong password typed").status, 401);
  auto caller = SignIn("marie.dupont");
  EXPECT_EQ(caller->Get("/api/v1/users").status, 403);
  auto admin = SignIn("paul.admin");
  auto created = admin->SendJson("POST", "/api/v1/users",
                                 {{"login", "new.agent"},
                                  {"display_name", "New Agent"},
                                  {"role", "intake"},
                                  {"password", "une phrase assez longue"}});
  ASSERT_EQ(created.status, 201) << created.body;

  auto dpo = SignIn("helene.dpo");
  auto failed = Search(*dpo, "action=session.login_failed");
  ASSERT_EQ(failed.size(), 1U);
  EXPECT_EQ(failed[0]["actor_login"], "marie.dupont");
  EXPECT_EQ(failed[0]["outcome"], "failed");
  EXPECT_EQ(failed[0]["client_address"], "127.0.0.1");
  EXPECT_FALSE(failed[0]["request_id"].get<std::string>().empty());
  auto refusals = Search(*dpo, "action=request.refused&actor=marie.dupont");
  ASSERT_EQ(refusals.size(), 1U);
  EXPECT_EQ(refusals[0]["subject_id"], "/api/v1/users");
  auto creations = Search(*dpo, "action=user.create&actor=paul.admin");  // the CLI creations are there too
  ASSERT_EQ(creations.size(), 1U);
  EXPECT_EQ(creations[0]["actor_login"], "paul.admin");
  EXPECT_EQ(creations[0]["purpose"], "administration");
  // Identifiers only: no password, hash or one-time secret ever reaches the trail.
  auto everything = dpo->Get("/api/v1/audit?limit=500");
  EXPECT_EQ(everything.body.find("une phrase assez longue"), std::string::npos);
  EXPECT_EQ(everything.body.find("argon2"), std::string::npos);
  EXPECT_EQ(everything.body.find("wrong password typed"), std::string::npos);

  auto page = dpo->Get("/api/v1/audit?limit=2");
  ASSERT_EQ(page.status, 200);
  const auto cursor = page.Json()["next_cursor"];
  ASSERT_TRUE(cursor.is_string());
  auto next = Search(*dpo, "limit=2&cursor=" + cursor.get<std::string>());
  ASSERT_EQ(next.size(), 2U);
  EXPECT_LT(next[0]["id"].get<std::int64_t>(), page.Json()["items"][1]["id"].get<std::int64_t>());
  EXPECT_EQ(dpo->Get("/api/v1/audit?from=2026-13-45").status, 400);
}

TEST_P(AuditApi, OnlyTheDpoReadsTheTrail) {
  CreateUser("paul.admin", "admin");
  StartServer();
  auto admin = SignIn("paul.admin");
  EXPECT_EQ(admin->Get("/api/v1/audit").status, 403);
}

TEST_P(AuditApi, VerifyFindsAnAlteredRow) {
  CreateUser("helene.dpo", "dpo");
  CreateUser("marie.dupont", "caller");
  StartServer();
  for (int i = 0; i < 3; ++i) SignIn("marie.dupont");
  auto dpo = SignIn("helene.dpo");
  auto verified = dpo->Get("/api/v1/audit/verify");
  ASSERT_EQ(verified.status, 200);
  EXPECT_TRUE(verified.Json()["ok"].get<bool>());
  const auto intact = RunLien({"audit", "verify", "--db", database_->location()});
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("intact"), std::string::npos);

  {
    // An attacker with database access: drops the append-only guard and rewrites who did something.
    auto database = database_->Open(1);
    auto connection = database->Acquire();
    if (connection->dialect() == db::Dialect::kPostgres) {
      connection->ExecuteScript("ALTER TABLE audit_log DISABLE TRIGGER USER");
    } else {
      connection->ExecuteScript("DROP TRIGGER audit_log_no_update");
    }
    connection->Execute("UPDATE audit_log SET actor_login = 'someone.else' WHERE id = 3");
  }
  const auto broken = RunLien({"audit", "verify", "--db", database_->location()});
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  EXPECT_NE(broken.output.find("BROKEN at entry 3"), std::string::npos) << broken.output;
  auto reported = dpo->Get("/api/v1/audit/verify");
  EXPECT_FALSE(reported.Json()["ok"].get<bool>());
  EXPECT_EQ(reported.Json()["first_broken_id"], 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
