#pragma once
// SQL for accounts and sessions. Every function runs on the caller's connection (and transaction).

#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/database.hpp"

namespace lien::auth::store {

std::optional<User> FindUserByLogin(db::Connection& connection, const std::string& login);
std::optional<User> FindUserById(db::Connection& connection, std::int64_t id);

/// Reads a user and locks the row until the transaction ends (PostgreSQL: FOR UPDATE; SQLite's write
/// transaction already holds the database), so a read-modify-write cannot lose a concurrent change.
std::optional<User> LockUserById(db::Connection& connection, std::int64_t id);

/// Writes a user read with LockUserById and bumps its version. Throws db::DatabaseError(kBusy) if the row
/// changed anyway, so InWriteTransaction retries the whole change.
void SaveLockedUser(db::Connection& connection, User& user);

/// Users ordered by id, after `after_id`, whose login or display name contains `search` (case-insensitive).
std::vector<User> ListUsers(db::Connection& connection, const std::string& search, std::int64_t after_id, int limit);

/// Inserts and returns the new id. Throws db::DatabaseError(kUniqueViolation) when the login is taken.
std::int64_t InsertUser(db::Connection& connection, const User& user);

/// Writes every editable field when `expected_version` is current, bumping the version.
/// Returns false when the version is stale (someone else changed the row).
bool UpdateUser(db::Connection& connection, const User& user, std::int64_t expected_version);

/// Counts one failed login; throttles the account until `lock_until` once `max_failed` is reached.
void RecordFailedLogin(db::Connection& connection, std::int64_t user_id, int max_failed, core::EpochMillis lock_until);
void ClearFailedLogins(db::Connection& connection, std::int64_t user_id);
/// Claims a one-time-code step: false when that step (or a later one) was already used, so a code is
/// accepted once even when two sign-ins race.
bool ClaimTotpStep(db::Connection& connection, std::int64_t user_id, std::int64_t step);
/// Counts the active accounts of a role, locking them (PostgreSQL) so two admins demoting each other at once
/// cannot both see the other as the remaining one.
int LockActiveUsersWithRole(db::Connection& connection, Role role);

std::int64_t InsertSession(db::Connection& connection, const std::string& token_hash, const Session& session,
                           const RequestInfo& info);

struct SessionWithUser {
  Session session;
  User user;
};
std::optional<SessionWithUser> FindSession(db::Connection& connection, const std::string& token_hash);
void TouchSession(db::Connection& connection, std::int64_t session_id, core::EpochMillis now);
void DeleteSession(db::Connection& connection, std::int64_t session_id);
/// Ends every session of a user except `keep_session_id` (0 ends them all).
void DeleteUserSessions(db::Connection& connection, std::int64_t user_id, std::int64_t keep_session_id);
/// Removes sessions past their absolute end or idle for longer than `idle_timeout`.
void DeleteExpiredSessions(db::Connection& connection, core::EpochMillis now, core::EpochMillis idle_timeout);

}  // namespace lien::auth::store
