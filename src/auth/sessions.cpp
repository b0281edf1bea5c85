#include "auth/sessions.hpp"

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/password.hpp"
#include "auth/store.hpp"
#include "auth/totp.hpp"
#include "core/crypto.hpp"

namespace lien::auth {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::size_t kMaxTokenLength = 128;

Principal MakePrincipal(User user, Session session) {
  const bool setup_required = TotpRequired(user.role) && !user.totp_enabled;
  return Principal{std::move(user), std::move(session), setup_required};
}

std::string Minutes(core::EpochMillis millis) { return std::to_string((millis + 59'999) / 60'000); }

}  // namespace

Sessions::Sessions(db::Database& database, const core::Clock& clock, AuthSettings settings)
    : database_(database), clock_(clock), settings_(settings) {}

core::Result<LoginResult> Sessions::Login(const std::string& login, const std::string& password,
                                          const std::optional<std::string>& totp_code, const RequestInfo& info) {
  if (login.empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", "login");
  if (password.empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", "password");
  const auto now = clock_.Now();
  auto record = [&](audit::Event event) {
    db::InWriteTransaction(database_, [&](db::Connection& c) { audit::Append(c, now, event); });
  };

  auto user = db::InReadTransaction(database_, [&](db::Connection& c) { return store::FindUserByLogin(c, login); });
  if (!user || password.size() > kMaxPasswordBytes) {
    BurnVerificationTime(password.substr(0, kMaxPasswordBytes));
    auto event = AnonymousEvent(login.substr(0, 64), info, "session.login_failed");
    event.outcome = "failed";
    event.details = {{"reason", user ? "bad_password" : "unknown_login"}};
    record(event);
    return Fail(ErrorCode::kUnauthenticated, "auth.bad_credentials");
  }
  auto failure = [&](const char* action, const char* reason) {
    auto event = EventBy(*user, info, action, "user", std::to_string(user->id), "authentication");
    event.outcome = "failed";
    event.details = {{"reason", reason}};
    return event;
  };
  if (user->locked_until > now) {
    record(failure("session.login_throttled", "throttled"));
    return Fail(ErrorCode::kTooManyRequests, "auth.throttled", "", {{"minutes", Minutes(user->locked_until - now)}});
  }
  // The slow hash runs outside any transaction: a write lock is never held while it computes.
  if (!VerifyPassword(user->password_hash, password)) {
    db::InWriteTransaction(database_, [&](db::Connection& c) {
      store::RecordFailedLogin(c, user->id, settings_.max_failed_logins, now + settings_.lockout);
      audit::Append(c, now, failure("session.login_failed", "bad_password"));
    });
    return Fail(ErrorCode::kUnauthenticated, "auth.bad_credentials");
  }
  if (user->disabled) {
    record(failure("session.login_failed", "disabled"));
    return Fail(ErrorCode::kUnauthenticated, "auth.disabled");
  }
  std::optional<std::int64_t> totp_step;
  if (user->totp_enabled) {
    if (!totp_code || totp_code->empty()) {
      // The password was right: worth a line, since a stolen password shows up here first.
      auto event =
          EventBy(*user, info, "session.second_factor_requested", "user", std::to_string(user->id), "authentication");
      record(event);
      return Fail(ErrorCode::kUnauthenticated, "auth.totp_required", "totp");
    }
    totp_step = VerifyTotp(user->totp_secret.value_or(""), *totp_code, now, user->totp_last_step);
    if (!totp_step) {
      db::InWriteTransaction(database_, [&](db::Connection& c) {
        store::RecordFailedLogin(c, user->id, settings_.max_failed_logins, now + settings_.lockout);
        audit::Append(c, now, failure("session.login_failed", "bad_totp"));
      });
      return Fail(ErrorCode::kUnauthenticated, "auth.totp_invalid", "totp");
    }
  }

  const std::string token = core::RandomToken(32);
  Session session;
  session.user_id = user->id;
  session.csrf_token = core::RandomToken(32);
  session.created_at = now;
  session.last_seen_at = now;
  session.expires_at = now + settings_.absolute_lifetime;
  auto opened = db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<LoginResult> {
    if (totp_step && !store::ClaimTotpStep(c, user->id, *totp_step)) {
      return Fail(ErrorCode::kUnauthenticated, "auth.totp_invalid", "totp");  // The same code was just used.
    }
    store::ClearFailedLogins(c, user->id);
    store::DeleteExpiredSessions(c, now, settings_.idle_timeout);
    session.id = store::InsertSession(c, core::Sha256Hex(token), session, info);
    audit::Append(c, now,
                  EventBy(*user, info, "session.login", "session", std::to_string(session.id), "authentication"));
    user->failed_logins = 0;
    user->locked_until = 0;
    return LoginResult{MakePrincipal(*user, session), token};
  });
  // The refused transaction was rolled back: its refusal is recorded on its own.
  if (!opened) record(failure("session.login_failed", "replayed_totp"));
  return opened;
}

core::Result<Principal> Sessions::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > kMaxTokenLength) {
    return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
  }
  const auto hash = core::Sha256Hex(token);
  auto found = db::InReadTransaction(database_, [&](db::Connection& c) { return store::FindSession(c, hash); });
  if (!found) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
  const auto now = clock_.Now();
  const bool expired = now >= found->session.expires_at || now - found->session.last_seen_at >= settings_.idle_timeout;
  if (expired || found->user.disabled) {
    db::InWriteTransaction(database_, [&](db::Connection& c) { store::DeleteSession(c, found->session.id); });
    return Fail(ErrorCode::kUnauthenticated, expired ? "auth.session_expired" : "auth.disabled");
  }
  if (now - found->session.last_seen_at >= settings_.touch_interval) {
    db::InWriteTransaction(database_, [&](db::Connection& c) { store::TouchSession(c, found->session.id, now); });
    found->session.last_seen_at = now;
  }
  return MakePrincipal(std::move(found->user), std::move(found->session));
}

void Sessions::Logout(const Principal& principal, const RequestInfo& info) {
  db::InWriteTransaction(database_, [&](db::Connection& c) {
    store::DeleteSession(c, principal.session.id);
    audit::Append(c, clock_.Now(),
                  EventBy(principal.user, info, "session.logout", "session", std::to_string(principal.session.id),
                          "authentication"));
  });
}

core::Status Sessions::ChangePassword(const Principal& principal, const std::string& current_password,
                                      const std::string& new_password, const RequestInfo& info) {
  const auto now = clock_.Now();
  if (!VerifyPassword(principal.user.password_hash, current_password.substr(0, kMaxPasswordBytes))) {
    db::InWriteTransaction(database_, [&](db::Connection& c) {
      store::RecordFailedLogin(c, principal.user.id, settings_.max_failed_logins, now + settings_.lockout);
      auto event = EventBy(principal.user, info, "user.password_change", "user", std::to_string(principal.user.id),
                           "authentication");
      event.outcome = "failed";
      event.details = {{"reason", "wrong_current_password"}};
      audit::Append(c, now, event);
    });
    return Fail(ErrorCode::kInvalidInput, "auth.wrong_current_password", "current_password");
  }
  if (auto policy = CheckPasswordPolicy(new_password, principal.user.login); !policy) return policy;
  const std::string hash = HashPassword(new_password);
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Status {
    auto user = store::LockUserById(c, principal.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
    user->password_hash = hash;
    user->password_changed_at = now;
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    store::DeleteUserSessions(c, user->id, principal.session.id);
    audit::Append(
        c, now,
        EventBy(principal.user, info, "user.password_change", "user", std::to_string(user->id), "authentication"));
    return {};
  });
}

core::Result<TotpSetup> Sessions::StartTotpSetup(const Principal& principal, const RequestInfo& info) {
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<TotpSetup> {
    auto user = store::LockUserById(c, principal.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
    if (user->totp_enabled) return Fail(ErrorCode::kConflict, "auth.totp_already_enabled");
    user->totp_secret = NewTotpSecret();
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    audit::Append(c, now,
                  EventBy(*user, info, "user.totp_setup_started", "user", std::to_string(user->id), "authentication"));
    return TotpSetup{*user->totp_secret, TotpUri("Lien", user->login, *user->totp_secret)};
  });
}

core::Result<Principal> Sessions::ConfirmTotp(const Principal& principal, const std::string& code,
                                              const RequestInfo& info) {
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<Principal> {
    auto user = store::LockUserById(c, principal.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
    if (user->totp_enabled || !user->totp_secret) return Fail(ErrorCode::kConflict, "auth.totp_not_pending");
    const auto step = VerifyTotp(*user->totp_secret, code, now, user->totp_last_step);
    if (!step) return Fail(ErrorCode::kInvalidInput, "auth.totp_invalid", "code");
    user->totp_enabled = true;
    user->totp_last_step = *step;
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    audit::Append(c, now,
                  EventBy(*user, info, "user.totp_enabled", "user", std::to_string(user->id), "authentication"));
    return MakePrincipal(*user, principal.session);
  });
}

core::Status Sessions::DisableTotp(const Principal& principal, const std::string& password, const RequestInfo& info) {
  if (TotpRequired(principal.user.role)) return Fail(ErrorCode::kForbidden, "auth.totp_mandatory");
  if (!VerifyPassword(principal.user.password_hash, password.substr(0, kMaxPasswordBytes))) {
    return Fail(ErrorCode::kInvalidInput, "auth.wrong_current_password", "password");
  }
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Status {
    auto user = store::LockUserById(c, principal.user.id);
    if (!user) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
    user->totp_secret.reset();
    user->totp_enabled = false;
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    audit::Append(c, now,
                  EventBy(*user, info, "user.totp_disabled", "user", std::to_string(user->id), "authentication"));
    return {};
  });
}

void Sessions::RecordRefusal(const std::optional<Principal>& principal, const std::string& route,
                             const std::string& reason, const RequestInfo& info) {
  audit::Event event = principal ? EventBy(principal->user, info, "request.refused", "route", route, "access_control")
                                 : AnonymousEvent("", info, "request.refused");
  event.subject_type = "route";
  event.subject_id = route;
  event.purpose = "access_control";
  event.outcome = "refused";
  event.details = {{"reason", reason}};
  db::InWriteTransaction(database_, [&](db::Connection& c) { audit::Append(c, clock_.Now(), event); });
}

}  // namespace lien::auth
