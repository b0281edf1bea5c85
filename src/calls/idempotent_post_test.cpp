// CreateOnce on real databases (SQLite, and PostgreSQL when LIEN_TEST_POSTGRES_URL is set): a retry with the same
// key replays the first reply and creates nothing, a reused key is refused, failures are not kept, and two
// requests racing with one new key create once.

#include "calls/idempotent_post.hpp"

#include <gtest/gtest.h>

#include "calls/call_idempotency_store.hpp"
#include "core/crypto.hpp"
#include "db/test_databases.hpp"

namespace lien::calls {
namespace {

using http::Json;

constexpr core::EpochMillis kNow = 1'782'000'000'000;  // June 2026

class IdempotentPost : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    files_ = db::testing::TestDatabase::Create(GetParam());
    if (!files_) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
    database_ = files_->OpenMigrated(3);
    anna_.user.id = AddUser("anna.caller");
    bob_.user.id = AddUser("bob.caller");
  }

  std::int64_t AddUser(const std::string& login) {
    return db::InWriteTransaction(*database_, [&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, created_at, "
              "updated_at) VALUES (?, ?, 'caller', 'x', 0, 0, 0) RETURNING id",
              {login, login})
          ->Int(0);
    });
  }

  std::int64_t Count(const std::string& table) {
    return db::InReadTransaction(
        *database_, [&](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0); });
  }

  static http::Request Post(const std::string& path, const std::string& key) {
    http::Request request;
    request.method = http::Method::kPost;
    request.path = path;
    if (!key.empty()) request.headers.emplace_back("idempotency-key", key);
    return request;
  }

  // The record the work creates: a partner row, so that the test counts what was kept.
  core::Result<Json> CreatePartner(db::Connection& c, const Json& body) {
    ++runs_;
    const std::string name = body.value("name", "");
    const auto id =
        c.QueryOne("INSERT INTO partners (name, service, created_at) VALUES (?, 'meals', ?) RETURNING id", {name, kNow})
            ->Int(0);
    return Json{{"id", id}, {"name", name}, {"version", 1}};
  }

  http::Response Send(const auth::Principal& who, const std::string& path, const Json& body, const std::string& key,
                      core::EpochMillis at = kNow) {
    const auto request = Post(path, key);
    return CreateOnce(*database_, who, request, body, at, [&](db::Connection& c) { return CreatePartner(c, body); });
  }

  static std::string HeaderOf(const http::Response& response, const std::string& name) {
    for (const auto& [header, value] : response.headers) {
      if (header == name) return value;
    }
    return "";
  }

  std::unique_ptr<db::testing::TestDatabase> files_;
  std::unique_ptr<db::Database> database_;
  auth::Principal anna_, bob_;
  int runs_ = 0;
};

TEST_P(IdempotentPost, WithoutAKeyEveryRequestCreates) {
  const Json body{{"name", "Portage Amiens"}};
  EXPECT_EQ(Send(anna_, "/api/v1/partners", body, "").status, 201);
  EXPECT_EQ(Send(anna_, "/api/v1/partners", body, "").status, 201);
  EXPECT_EQ(runs_, 2);
  EXPECT_EQ(Count("partners"), 2);
  EXPECT_EQ(Count("idempotency_keys"), 0) << "nothing kept without a key";
}

TEST_P(IdempotentPost, ARetryWithTheSameKeyGetsTheFirstReplyAndCreatesOnce) {
  const Json body{{"name", "Portage Amiens"}};
  const auto first = Send(anna_, "/api/v1/partners", body, "save-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(HeaderOf(first, "Idempotent-Replayed"), "");
  const auto retry = Send(anna_, "/api/v1/partners", body, "save-1", kNow + 60'000);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(Json::parse(retry.body), Json::parse(first.body));
  EXPECT_EQ(HeaderOf(retry, "Idempotent-Replayed"), "true");
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(Count("partners"), 1);

  // The replay goes through the route's format too: a record's ETag comes back with it.
  const auto request = Post("/api/v1/partners", "save-1");
  const auto with_etag = CreateOnce(
      *database_, anna_, request, body, kNow, [&](db::Connection& c) { return CreatePartner(c, body); },
      [](int status, const Json& reply) {
        auto response = http::JsonReply(status, reply);
        response.SetHeader("ETag", "\"" + reply["version"].dump() + "\"");
        return response;
      });
  EXPECT_EQ(HeaderOf(with_etag, "ETag"), "\"1\"");
  EXPECT_EQ(runs_, 1);
}

TEST_P(IdempotentPost, TheSameKeyForAnotherRequestIsRefused) {
  ASSERT_EQ(Send(anna_, "/api/v1/partners", {{"name", "Portage Amiens"}}, "save-1").status, 201);
  const auto other_body = Send(anna_, "/api/v1/partners", {{"name", "Aide à domicile"}}, "save-1");
  EXPECT_EQ(other_body.status, 409);
  EXPECT_EQ(Json::parse(other_body.body)["error"]["code"], "conflict") << other_body.body;
  EXPECT_NE(other_body.body.find("Idempotency-Key"), std::string::npos) << other_body.body;
  EXPECT_EQ(Send(anna_, "/api/v1/inbound", {{"name", "Portage Amiens"}}, "save-1").status, 409) << "another path";
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(Count("partners"), 1);
}

TEST_P(IdempotentPost, KeysAreEachAccountsOwn) {
  const Json body{{"name", "Portage Amiens"}};
  ASSERT_EQ(Send(anna_, "/api/v1/partners", body, "save-1").status, 201);
  const auto bobs = Send(bob_, "/api/v1/partners", body, "save-1");
  EXPECT_EQ(bobs.status, 201);
  EXPECT_EQ(HeaderOf(bobs, "Idempotent-Replayed"), "");
  EXPECT_EQ(Count("partners"), 2);
}

TEST_P(IdempotentPost, AKeyOverTwoHundredCharactersIsRefusedBeforeAnything) {
  const auto refused = Send(anna_, "/api/v1/partners", {{"name", "x"}}, std::string(201, 'k'));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(Json::parse(refused.body)["error"]["field"], "Idempotency-Key") << refused.body;
  EXPECT_EQ(runs_, 0);
  EXPECT_EQ(Send(anna_, "/api/v1/partners", {{"name", "x"}}, std::string(200, 'k')).status, 201);
}

TEST_P(IdempotentPost, AFailureIsNotKeptSoTheRetryRunsAgain) {
  const auto request = Post("/api/v1/partners", "save-1");
  const Json body{{"name", "Portage Amiens"}};
  const auto refused = CreateOnce(*database_, anna_, request, body, kNow, [&](db::Connection& c) -> core::Result<Json> {
    (void)CreatePartner(c, body);
    return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  });
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(Count("partners"), 0) << "rolled back";
  EXPECT_EQ(Count("idempotency_keys"), 0);
  const auto retried = Send(anna_, "/api/v1/partners", body, "save-1");
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(HeaderOf(retried, "Idempotent-Replayed"), "");
  EXPECT_EQ(Count("partners"), 1);
}

TEST_P(IdempotentPost, AReplyIsKeptForADay) {
  const Json body{{"name", "Portage Amiens"}};
  ASSERT_EQ(Send(anna_, "/api/v1/partners", body, "save-1").status, 201);
  EXPECT_EQ(HeaderOf(Send(anna_, "/api/v1/partners", body, "save-1", kNow + kIdempotencyKeyLifetime - 1),
                     "Idempotent-Replayed"),
            "true");
  ASSERT_EQ(Send(anna_, "/api/v1/partners", body, "save-2").status, 201);
  const auto later = Send(anna_, "/api/v1/partners", {{"name", "Autre"}}, "save-1", kNow + kIdempotencyKeyLifetime);
  EXPECT_EQ(later.status, 201) << "expired: the key is free again";
  EXPECT_EQ(HeaderOf(later, "Idempotent-Replayed"), "");
  EXPECT_EQ(Count("partners"), 3);
  EXPECT_EQ(Count("idempotency_keys"), 1) << "the account's expired replies are removed";
}

// Another instance stores a reply for the same new key between this request's lookup and its own store (on
// PostgreSQL; SQLite serialises writers, so it cannot happen there): this request's record is rolled back and
// the other's reply is replayed.
TEST_P(IdempotentPost, TwoRequestsRacingWithOneKeyCreateOnce) {
  if (GetParam() != db::Dialect::kPostgres) GTEST_SKIP() << "SQLite serialises writers";
  const Json body{{"name", "Portage Amiens"}};
  const auto request = Post("/api/v1/partners", "save-1");
  const std::string winner = Json{{"id", 99}, {"name", "Portage Amiens"}, {"version", 1}}.dump();
  const auto reply = CreateOnce(*database_, anna_, request, body, kNow, [&](db::Connection& c) {
    if (runs_ == 0) {
      auto other = database_->Acquire();
      StoreReply(*other, anna_.user.id, "save-1",
                 StoredReply{"POST", "/api/v1/partners", core::Sha256Hex(body.dump()), 201, winner}, kNow);
    }
    return CreatePartner(c, body);
  });
  EXPECT_EQ(reply.status, 201);
  EXPECT_EQ(reply.body, winner);
  EXPECT_EQ(HeaderOf(reply, "Idempotent-Replayed"), "true");
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(Count("partners"), 0) << "the loser's record was rolled back";
}

std::string EngineName(const ::testing::TestParamInfo<db::Dialect>& engine) {
  return engine.param == db::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotentPost, ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace lien::calls
