#pragma once
// Accounts and sessions as the auth module holds them.

#include <cstdint>
#include <optional>
#include <string>

#include "auth/roles.hpp"
#include "core/clock.hpp"

namespace lien::auth {

struct User {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  Role role = Role::kCaller;
  bool disabled = false;
  std::string password_hash;
  std::optional<std::string> totp_secret;  ///< Set while set-up is pending or once enabled. Never sent out.
  bool totp_enabled = false;
  std::int64_t totp_last_step = 0;
  int failed_logins = 0;
  core::EpochMillis locked_until = 0;
  core::EpochMillis password_changed_at = 0;
  core::EpochMillis created_at = 0;
  core::EpochMillis updated_at = 0;
  std::int64_t version = 1;
};

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  core::EpochMillis created_at = 0;
  core::EpochMillis last_seen_at = 0;
  core::EpochMillis expires_at = 0;
};

/// Who is making a request: the signed-in account and its session.
struct Principal {
  User user;
  Session session;
  /// The role requires a second factor that this account has not set up yet: only the session and
  /// second-factor routes are open until it is.
  bool totp_setup_required = false;
};

/// Where a request comes from, for the audit trail.
struct RequestInfo {
  std::string client_address;
  std::string request_id;
  std::string user_agent;
};

struct AuthSettings {
  core::EpochMillis idle_timeout = 30LL * 60 * 1000;         ///< A session unused this long ends.
  core::EpochMillis absolute_lifetime = 12LL * 3600 * 1000;  ///< A session ends this long after login anyway.
  int max_failed_logins = 5;                                 ///< Failures before the account is throttled.
  core::EpochMillis lockout = 15LL * 60 * 1000;              ///< How long a throttled account waits.
  /// last_seen_at is written at most this often, so an active user does not cost a write per request.
  core::EpochMillis touch_interval = 60LL * 1000;
};

}  // namespace lien::auth
