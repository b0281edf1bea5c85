#include "auth/accounts.hpp"

#include <algorithm>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/password.hpp"
#include "auth/store.hpp"

namespace lien::auth {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::size_t kMaxDisplayName = 120;

core::Status CheckDisplayName(const std::string& name) {
  if (name.empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", "display_name");
  if (name.size() > kMaxDisplayName) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", "display_name",
                {{"max", std::to_string(kMaxDisplayName)}});
  }
  return {};
}

core::Result<Role> CheckRole(const std::string& name) {
  auto role = ParseRole(name);
  if (!role) return Fail(ErrorCode::kInvalidInput, "auth.unknown_role", "role", {{"role", name.substr(0, 40)}});
  return *role;
}

// Reads and locks the account for a change in the current write transaction.
core::Result<User> Load(db::Connection& c, std::int64_t id) {
  auto user = store::LockUserById(c, id);
  if (!user) return Fail(ErrorCode::kNotFound, "auth.user_not_found");
  return *user;
}

// Refuses a change that would leave no active administrator (nobody could manage accounts any more).
core::Status KeepsAnAdmin(db::Connection& c, const User& before, bool disabled_after, Role role_after) {
  const bool was_active_admin = before.role == Role::kAdmin && !before.disabled;
  const bool is_active_admin = role_after == Role::kAdmin && !disabled_after;
  if (was_active_admin && !is_active_admin && store::LockActiveUsersWithRole(c, Role::kAdmin) <= 1) {
    return Fail(ErrorCode::kConflict, "auth.last_admin");
  }
  return {};
}

}  // namespace

Actor Actor::System() {
  Actor actor;
  actor.user.id = 0;
  actor.user.login = "system";
  actor.info.client_address = "local";
  actor.info.request_id = "cli";
  return actor;
}

bool IsValidLogin(const std::string& login) {
  if (login.size() < 3 || login.size() > 64) return false;
  return std::all_of(login.begin(), login.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
  });
}

Accounts::Accounts(db::Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

namespace {
audit::Event AdminEvent(const Actor& actor, const char* action, std::int64_t subject) {
  auto event = EventBy(actor.user, actor.info, action, "user", std::to_string(subject), "administration");
  if (actor.user.id == 0) {
    event.actor_id.reset();
    event.actor_role = "system";
  }
  return event;
}
}  // namespace

core::Result<User> Accounts::Create(const Actor& actor, const NewUser& input) {
  if (!IsValidLogin(input.login)) return Fail(ErrorCode::kInvalidInput, "auth.login_invalid", "login");
  if (auto ok = CheckDisplayName(input.display_name); !ok) return Fail(ok.error());
  auto role = CheckRole(input.role);
  if (!role) return Fail(role.error());
  if (auto ok = CheckPasswordPolicy(input.password, input.login, "password"); !ok) return Fail(ok.error());
  const auto now = clock_.Now();
  User user;
  user.login = input.login;
  user.display_name = input.display_name;
  user.role = *role;
  user.password_hash = HashPassword(input.password);
  user.password_changed_at = now;
  user.created_at = now;
  user.updated_at = now;
  try {
    return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<User> {
      if (store::FindUserByLogin(c, user.login)) return Fail(ErrorCode::kConflict, "auth.login_taken", "login");
      user.id = store::InsertUser(c, user);
      auto event = AdminEvent(actor, "user.create", user.id);
      event.details = {{"role", std::string(RoleName(user.role))}};
      audit::Append(c, now, event);
      return user;
    });
  } catch (const db::DatabaseError& error) {
    // Two admins creating the same login at once: the unique index decides.
    if (error.kind() == db::FailureKind::kUniqueViolation) {
      return Fail(ErrorCode::kConflict, "auth.login_taken", "login");
    }
    throw;
  }
}

core::Result<User> Accounts::Get(const Actor& actor, std::int64_t id) {
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<User> {
    auto user = Load(c, id);
    if (user) audit::Append(c, clock_.Now(), AdminEvent(actor, "user.read", id));
    return user;
  });
}

core::Result<UserPage> Accounts::List(const Actor& actor, const std::string& search, std::int64_t cursor, int limit) {
  limit = std::clamp(limit, 1, 200);
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<UserPage> {
    UserPage page;
    page.users = store::ListUsers(c, search.substr(0, 100), cursor, limit + 1);
    if (static_cast<int>(page.users.size()) > limit) {
      page.users.resize(static_cast<std::size_t>(limit));
      page.next_cursor = page.users.back().id;
    }
    auto event = AdminEvent(actor, "user.list", 0);
    event.subject_id = "*";
    event.details = {{"count", std::to_string(page.users.size())}};
    audit::Append(c, clock_.Now(), event);
    return page;
  });
}

core::Result<User> Accounts::Update(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                                    const UserChanges& changes) {
  if (changes.display_name) {
    if (auto ok = CheckDisplayName(*changes.display_name); !ok) return Fail(ok.error());
  }
  std::optional<Role> new_role;
  if (changes.role) {
    auto role = CheckRole(*changes.role);
    if (!role) return Fail(role.error());
    new_role = *role;
  }
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<User> {
    auto user = Load(c, id);
    if (!user) return user;
    if (user->version != expected_version) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
    const User before = *user;
    if (changes.display_name) user->display_name = *changes.display_name;
    if (new_role) user->role = *new_role;
    if (auto ok = KeepsAnAdmin(c, before, user->disabled, user->role); !ok) return Fail(ok.error());
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    auto event = AdminEvent(actor, "user.update", id);
    if (before.role != user->role) {
      event.details = {{"role_before", std::string(RoleName(before.role))},
                       {"role_after", std::string(RoleName(user->role))}};
      // A role change must not leave sessions running with the old rights' assumptions.
      store::DeleteUserSessions(c, id, 0);
    }
    audit::Append(c, now, event);
    return *user;
  });
}

core::Result<User> Accounts::SetDisabled(const Actor& actor, std::int64_t id, bool disabled) {
  if (disabled && actor.user.id == id) return Fail(ErrorCode::kConflict, "auth.cannot_disable_self");
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<User> {
    auto user = Load(c, id);
    if (!user) return user;
    if (disabled) {
      if (auto ok = KeepsAnAdmin(c, *user, true, user->role); !ok) return Fail(ok.error());
    }
    user->disabled = disabled;
    if (!disabled) {
      user->failed_logins = 0;
      user->locked_until = 0;
    }
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    if (disabled) store::DeleteUserSessions(c, id, 0);
    audit::Append(c, now, AdminEvent(actor, disabled ? "user.disable" : "user.enable", id));
    return *user;
  });
}

core::Status Accounts::ResetPassword(const Actor& actor, std::int64_t id, const std::string& new_password) {
  const auto now = clock_.Now();
  auto login = db::InReadTransaction(database_, [&](db::Connection& c) -> core::Result<std::string> {
    auto user = store::FindUserById(c, id);
    if (!user) return Fail(ErrorCode::kNotFound, "auth.user_not_found");
    return user->login;
  });
  if (!login) return Fail(login.error());
  if (auto ok = CheckPasswordPolicy(new_password, *login); !ok) return ok;
  const std::string hash = HashPassword(new_password);
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Status {
    auto user = Load(c, id);
    if (!user) return Fail(user.error());
    user->password_hash = hash;
    user->password_changed_at = now;
    user->failed_logins = 0;
    user->locked_until = 0;
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    store::DeleteUserSessions(c, id, 0);
    audit::Append(c, now, AdminEvent(actor, "user.password_reset", id));
    return {};
  });
}

core::Result<User> Accounts::ResetTotp(const Actor& actor, std::int64_t id) {
  const auto now = clock_.Now();
  return db::InWriteTransaction(database_, [&](db::Connection& c) -> core::Result<User> {
    auto user = Load(c, id);
    if (!user) return user;
    user->totp_secret.reset();
    user->totp_enabled = false;
    user->totp_last_step = 0;
    user->updated_at = now;
    store::SaveLockedUser(c, *user);
    store::DeleteUserSessions(c, id, 0);
    audit::Append(c, now, AdminEvent(actor, "user.totp_reset", id));
    return *user;
  });
}

core::Result<User> Accounts::FindByLogin(const std::string& login) {
  auto user = db::InReadTransaction(database_, [&](db::Connection& c) { return store::FindUserByLogin(c, login); });
  if (!user) return Fail(ErrorCode::kNotFound, "auth.user_not_found", "login");
  return *user;
}

}  // namespace lien::auth
