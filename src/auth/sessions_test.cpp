#include "auth/sessions.hpp"

#include <gtest/gtest.h>

#include "audit/trail.hpp"
#include "auth/accounts.hpp"
#include "auth/totp.hpp"
#include "db/migrations.hpp"
#include "db/test_databases.hpp"

namespace lien::auth {
namespace {

constexpr core::EpochMillis kStart = 1'780'000'000'000;  // 2026, a fixed instant
const std::string kPassword = "tournesol canicule juillet";

class SessionsTest : public ::testing::Test {
 protected:
  SessionsTest() : clock_(kStart), sessions_(*database_, clock_, AuthSettings{}), accounts_(*database_, clock_) {}

  User Create(const std::string& login, const std::string& role) {
    auto user = accounts_.Create(Actor::System(), {login, "Test " + login, role, kPassword});
    EXPECT_TRUE(user.has_value()) << (user ? "" : user.error().message_key);
    return *user;
  }

  core::Result<LoginResult> Login(const std::string& login, const std::string& password,
                                  std::optional<std::string> totp = std::nullopt) {
    return sessions_.Login(login, password, totp, info_);
  }

  std::vector<audit::Entry> Audit(const std::string& action) {
    return db::InReadTransaction(*database_, [&](db::Connection& c) {
      audit::Filter filter;
      filter.action = action;
      return audit::Find(c, filter);
    });
  }

  // A migrated SQLite database in a temporary directory, removed with the fixture.
  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(4);
  core::ManualClock clock_;
  Sessions sessions_;
  Accounts accounts_;
  RequestInfo info_{"127.0.0.1", "req-1", "test"};
};

TEST_F(SessionsTest, LoginOpensASessionThatAuthenticates) {
  Create("marie.dupont", "coordinator");
  auto login = Login("marie.dupont", kPassword);
  ASSERT_TRUE(login.has_value()) << login.error().message_key;
  EXPECT_EQ(login->token.size(), 43U);
  auto principal = sessions_.Authenticate(login->token);
  ASSERT_TRUE(principal.has_value());
  EXPECT_EQ(principal->user.login, "marie.dupont");
  EXPECT_FALSE(principal->totp_setup_required);
  EXPECT_EQ(Audit("session.login").size(), 1U);
}

TEST_F(SessionsTest, EveryLoginGetsANewToken) {
  Create("marie.dupont", "coordinator");
  auto first = Login("marie.dupont", kPassword);
  auto second = Login("marie.dupont", kPassword);
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->token, second->token);
  EXPECT_NE(first->principal.session.csrf_token, second->principal.session.csrf_token);
}

TEST_F(SessionsTest, WrongPasswordAndUnknownLoginLookAlike) {
  Create("marie.dupont", "coordinator");
  auto wrong = Login("marie.dupont", "not the right password");
  auto unknown = Login("nobody.here", kPassword);
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().message_key, unknown.error().message_key);
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(Audit("session.login_failed").size(), 2U);
}

TEST_F(SessionsTest, FiveFailuresThrottleEvenTheRightPasswordUntilTheLockoutEnds) {
  Create("marie.dupont", "coordinator");
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(Login("marie.dupont", "wrong password number x").has_value());
  auto throttled = Login("marie.dupont", kPassword);
  ASSERT_FALSE(throttled.has_value());
  EXPECT_EQ(throttled.error().code, core::ErrorCode::kTooManyRequests);
  EXPECT_EQ(throttled.error().args.at("minutes"), "15");
  clock_.Advance(AuthSettings{}.lockout);
  EXPECT_TRUE(Login("marie.dupont", kPassword).has_value());
}

TEST_F(SessionsTest, IdleAndAbsoluteExpiry) {
  Create("marie.dupont", "coordinator");
  const AuthSettings settings;
  auto login = Login("marie.dupont", kPassword);
  ASSERT_TRUE(login);
  clock_.Advance(settings.idle_timeout - 1000);
  EXPECT_TRUE(sessions_.Authenticate(login->token).has_value()) << "activity keeps it alive";
  clock_.Advance(settings.idle_timeout - 1000);
  EXPECT_TRUE(sessions_.Authenticate(login->token).has_value());
  clock_.Advance(settings.idle_timeout);
  auto idle = sessions_.Authenticate(login->token);
  ASSERT_FALSE(idle.has_value());
  EXPECT_EQ(idle.error().message_key, "auth.session_expired");

  auto again = Login("marie.dupont", kPassword);
  ASSERT_TRUE(again);
  for (core::EpochMillis t = 0; t < settings.absolute_lifetime; t += settings.idle_timeout / 2) {
    clock_.Advance(settings.idle_timeout / 2);
    (void)sessions_.Authenticate(again->token);
  }
  EXPECT_FALSE(sessions_.Authenticate(again->token).has_value()) << "absolute lifetime reached";
}

TEST_F(SessionsTest, PasswordChangeEndsOtherSessionsOnly) {
  Create("marie.dupont", "coordinator");
  auto here = Login("marie.dupont", kPassword);
  auto elsewhere = Login("marie.dupont", kPassword);
  ASSERT_TRUE(here && elsewhere);
  auto bad = sessions_.ChangePassword(here->principal, "wrong current one", "ma maison est bleue", info_);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "current_password");
  auto weak = sessions_.ChangePassword(here->principal, kPassword, "password1234", info_);
  ASSERT_FALSE(weak.has_value());
  EXPECT_EQ(weak.error().field, "new_password");
  ASSERT_TRUE(sessions_.ChangePassword(here->principal, kPassword, "ma maison est bleue", info_).has_value());
  EXPECT_TRUE(sessions_.Authenticate(here->token).has_value());
  EXPECT_FALSE(sessions_.Authenticate(elsewhere->token).has_value());
  EXPECT_TRUE(Login("marie.dupont", "ma maison est bleue").has_value());
}

TEST_F(SessionsTest, AdminMustSetUpTotpThenNeedsTheCode) {
  Create("paul.admin", "admin");
  auto first = Login("paul.admin", kPassword);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->principal.totp_setup_required);
  auto setup = sessions_.StartTotpSetup(first->principal, info_);
  ASSERT_TRUE(setup);
  EXPECT_FALSE(sessions_.ConfirmTotp(first->principal, "000000", info_).has_value());
  auto confirmed = sessions_.ConfirmTotp(first->principal, TotpCode(setup->secret, TotpStep(clock_.Now())), info_);
  ASSERT_TRUE(confirmed.has_value()) << confirmed.error().message_key;
  EXPECT_FALSE(confirmed->totp_setup_required);
  EXPECT_FALSE(sessions_.DisableTotp(*confirmed, kPassword, info_).has_value()) << "mandatory for admins";

  clock_.Advance(60'000);
  auto without = Login("paul.admin", kPassword);
  ASSERT_FALSE(without.has_value());
  EXPECT_EQ(without.error().field, "totp");
  const auto code = TotpCode(setup->secret, TotpStep(clock_.Now()));
  EXPECT_TRUE(Login("paul.admin", kPassword, code).has_value());
  auto replay = Login("paul.admin", kPassword, code);
  ASSERT_FALSE(replay.has_value()) << "a one-time code works once";
  EXPECT_EQ(replay.error().field, "totp");
}

TEST_F(SessionsTest, DisabledAccountCannotSignInAndLosesItsSessions) {
  auto admin = Create("paul.admin", "admin");
  auto user = Create("marie.dupont", "caller");
  auto login = Login("marie.dupont", kPassword);
  ASSERT_TRUE(login);
  Actor actor{admin, info_};
  ASSERT_TRUE(accounts_.SetDisabled(actor, user.id, true).has_value());
  EXPECT_FALSE(sessions_.Authenticate(login->token).has_value());
  auto refused = Login("marie.dupont", kPassword);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "auth.disabled");
  ASSERT_TRUE(accounts_.SetDisabled(actor, user.id, false).has_value());
  EXPECT_TRUE(Login("marie.dupont", kPassword).has_value());
}

TEST_F(SessionsTest, AccountRulesLoginUniqueVersionedLastAdminKept) {
  auto admin = Create("paul.admin", "admin");
  Actor actor{admin, info_};
  auto duplicate = accounts_.Create(actor, {"paul.admin", "Other", "caller", kPassword});
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().code, core::ErrorCode::kConflict);
  EXPECT_FALSE(accounts_.Create(actor, {"Bad Login!", "X", "caller", kPassword}).has_value());
  EXPECT_FALSE(accounts_.Create(actor, {"someone", "X", "superuser", kPassword}).has_value());

  auto renamed = accounts_.Update(actor, admin.id, admin.version, {std::string("Paul A."), std::nullopt});
  ASSERT_TRUE(renamed.has_value());
  auto stale = accounts_.Update(actor, admin.id, admin.version, {std::string("Again"), std::nullopt});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, core::ErrorCode::kPreconditionFailed);

  auto demote = accounts_.Update(actor, admin.id, renamed->version, {std::nullopt, std::string("caller")});
  ASSERT_FALSE(demote.has_value());
  EXPECT_EQ(demote.error().message_key, "auth.last_admin");
  EXPECT_FALSE(accounts_.SetDisabled(actor, admin.id, true).has_value()) << "cannot disable oneself";
}

}  // namespace
}  // namespace lien::auth
