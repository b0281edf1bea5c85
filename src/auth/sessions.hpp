#pragma once
// Signing in and out, recognising a session, and what a user does to their own account (password, second
// factor). Every outcome that matters is written to the audit trail in the same transaction.

#include <optional>
#include <string>

#include "auth/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::auth {

struct LoginResult {
  Principal principal;
  std::string token;  ///< The session secret for the cookie; only its hash is stored.
};

struct TotpSetup {
  std::string secret;
  std::string uri;
};

class Sessions {
 public:
  /// `database` and `clock` must outlive this object. Thread-safe.
  Sessions(db::Database& database, const core::Clock& clock, AuthSettings settings);

  /// Checks login, password and (when enabled) the one-time code, then opens a new session.
  /// Errors: kUnauthenticated (wrong credentials; field "totp" when a code is needed or wrong),
  /// kTooManyRequests (throttled), kInvalidInput (missing fields).
  core::Result<LoginResult> Login(const std::string& login, const std::string& password,
                                  const std::optional<std::string>& totp_code, const RequestInfo& info);

  /// The principal behind a session token. Errors: kUnauthenticated (unknown, expired or disabled).
  core::Result<Principal> Authenticate(const std::string& token);

  void Logout(const Principal& principal, const RequestInfo& info);

  /// Changes the caller's password and ends their other sessions.
  core::Status ChangePassword(const Principal& principal, const std::string& current_password,
                              const std::string& new_password, const RequestInfo& info);

  /// Starts (or restarts) second-factor set-up: a new secret, not active until confirmed.
  core::Result<TotpSetup> StartTotpSetup(const Principal& principal, const RequestInfo& info);
  core::Result<Principal> ConfirmTotp(const Principal& principal, const std::string& code, const RequestInfo& info);
  core::Status DisableTotp(const Principal& principal, const std::string& password, const RequestInfo& info);

  /// Records a request refused by the permission check or the CSRF check.
  void RecordRefusal(const std::optional<Principal>& principal, const std::string& route, const std::string& reason,
                     const RequestInfo& info);

  const AuthSettings& settings() const { return settings_; }

 private:
  db::Database& database_;
  const core::Clock& clock_;
  AuthSettings settings_;
};

}  // namespace lien::auth
