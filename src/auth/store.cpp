#include "auth/store.hpp"

namespace lien::auth::store {
namespace {

// Column list shared by every user query, in the order ReadUser expects.
constexpr std::string_view kUserColumns =
    "u.id, u.login, u.display_name, u.role, u.disabled, u.password_hash, u.totp_secret, u.totp_enabled, "
    "u.totp_last_step, u.failed_logins, u.locked_until, u.password_changed_at, u.created_at, u.updated_at, "
    "u.version";
constexpr std::size_t kUserColumnCount = 15;

User ReadUser(const db::Row& row, std::size_t first = 0) {
  User user;
  user.id = row.Int(first + 0);
  user.login = row.Text(first + 1);
  user.display_name = row.Text(first + 2);
  // An unknown role in the database (written by a newer binary) reads as the least privileged one.
  user.role = ParseRole(row.Text(first + 3)).value_or(Role::kPartner);
  user.disabled = row.Bool(first + 4);
  user.password_hash = row.Text(first + 5);
  user.totp_secret = row.OptText(first + 6);
  user.totp_enabled = row.Bool(first + 7);
  user.totp_last_step = row.Int(first + 8);
  user.failed_logins = static_cast<int>(row.Int(first + 9));
  user.locked_until = row.Int(first + 10);
  user.password_changed_at = row.Int(first + 11);
  user.created_at = row.Int(first + 12);
  user.updated_at = row.Int(first + 13);
  user.version = row.Int(first + 14);
  return user;
}

db::Value OptionalText(const std::optional<std::string>& text) {
  if (!text) return std::monostate{};
  return *text;
}

std::string UserSelect(std::string_view where) {
  return "SELECT " + std::string(kUserColumns) + " FROM users u " + std::string(where);
}

}  // namespace

std::optional<User> FindUserByLogin(db::Connection& connection, const std::string& login) {
  auto row = connection.QueryOne(UserSelect("WHERE u.login = ?"), {login});
  if (!row) return std::nullopt;
  return ReadUser(*row);
}

std::optional<User> FindUserById(db::Connection& connection, std::int64_t id) {
  auto row = connection.QueryOne(UserSelect("WHERE u.id = ?"), {id});
  if (!row) return std::nullopt;
  return ReadUser(*row);
}

std::optional<User> LockUserById(db::Connection& connection, std::int64_t id) {
  const bool postgres = connection.dialect() == db::Dialect::kPostgres;
  auto row = connection.QueryOne(UserSelect(postgres ? "WHERE u.id = ? FOR UPDATE" : "WHERE u.id = ?"), {id});
  if (!row) return std::nullopt;
  return ReadUser(*row);
}

void SaveLockedUser(db::Connection& connection, User& user) {
  if (!UpdateUser(connection, user, user.version)) {
    throw db::DatabaseError(db::FailureKind::kBusy, "user " + std::to_string(user.id) + " changed while locked");
  }
  ++user.version;
}

std::vector<User> ListUsers(db::Connection& connection, const std::string& search, std::int64_t after_id, int limit) {
  // The search is taken literally: % and _ typed by the user are not wildcards.
  std::string escaped;
  for (char c : search) {
    if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  const std::string pattern = "%" + escaped + "%";
  auto result = connection.Execute(UserSelect("WHERE u.id > ? AND (? = '' OR LOWER(u.login) LIKE LOWER(?) ESCAPE '\\' "
                                              "OR LOWER(u.display_name) LIKE LOWER(?) ESCAPE '\\') "
                                              "ORDER BY u.id LIMIT ?"),
                                   {after_id, search, pattern, pattern, static_cast<std::int64_t>(limit)});
  std::vector<User> users;
  users.reserve(result.rows.size());
  for (const auto& row : result.rows) users.push_back(ReadUser(row));
  return users;
}

std::int64_t InsertUser(db::Connection& connection, const User& user) {
  auto row = connection.QueryOne(
      "INSERT INTO users (login, display_name, role, password_hash, disabled, totp_secret, totp_enabled, "
      "password_changed_at, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {user.login, user.display_name, std::string(RoleName(user.role)), user.password_hash,
       static_cast<std::int64_t>(user.disabled), OptionalText(user.totp_secret),
       static_cast<std::int64_t>(user.totp_enabled), user.password_changed_at, user.created_at, user.updated_at});
  return row->Int(0);
}

bool UpdateUser(db::Connection& connection, const User& user, std::int64_t expected_version) {
  auto result = connection.Execute(
      "UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled = ?, totp_secret = ?, "
      "totp_enabled = ?, totp_last_step = ?, failed_logins = ?, locked_until = ?, password_changed_at = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {user.display_name, std::string(RoleName(user.role)), user.password_hash,
       static_cast<std::int64_t>(user.disabled), OptionalText(user.totp_secret),
       static_cast<std::int64_t>(user.totp_enabled), user.totp_last_step, static_cast<std::int64_t>(user.failed_logins),
       user.locked_until, user.password_changed_at, user.updated_at, user.id, expected_version});
  return result.affected_rows == 1;
}

void RecordFailedLogin(db::Connection& connection, std::int64_t user_id, int max_failed, core::EpochMillis lock_until) {
  // One statement, so two instances counting failures at once cannot lose one.
  connection.Execute(
      "UPDATE users SET failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END, "
      "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?",
      {static_cast<std::int64_t>(max_failed), static_cast<std::int64_t>(max_failed), lock_until, user_id});
}

void ClearFailedLogins(db::Connection& connection, std::int64_t user_id) {
  connection.Execute("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?", {user_id});
}

bool ClaimTotpStep(db::Connection& connection, std::int64_t user_id, std::int64_t step) {
  auto result = connection.Execute("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                                   {step, user_id, step});
  return result.affected_rows == 1;
}

int LockActiveUsersWithRole(db::Connection& connection, Role role) {
  const bool postgres = connection.dialect() == db::Dialect::kPostgres;
  auto result = connection.Execute(postgres ? "SELECT id FROM users WHERE role = ? AND disabled = 0 FOR UPDATE"
                                            : "SELECT id FROM users WHERE role = ? AND disabled = 0",
                                   {std::string(RoleName(role))});
  return static_cast<int>(result.rows.size());
}

std::int64_t InsertSession(db::Connection& connection, const std::string& token_hash, const Session& session,
                           const RequestInfo& info) {
  auto row = connection.QueryOne(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, client_address, "
      "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {token_hash, session.user_id, session.csrf_token, session.created_at, session.last_seen_at, session.expires_at,
       info.client_address, info.user_agent.substr(0, 256)});
  return row->Int(0);
}

std::optional<SessionWithUser> FindSession(db::Connection& connection, const std::string& token_hash) {
  auto row = connection.QueryOne("SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, " +
                                     std::string(kUserColumns) +
                                     " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
                                 {token_hash});
  if (!row) return std::nullopt;
  SessionWithUser found;
  found.session.id = row->Int(0);
  found.session.user_id = row->Int(1);
  found.session.csrf_token = row->Text(2);
  found.session.created_at = row->Int(3);
  found.session.last_seen_at = row->Int(4);
  found.session.expires_at = row->Int(5);
  found.user = ReadUser(*row, 6);
  static_assert(kUserColumnCount == 15);
  return found;
}

void TouchSession(db::Connection& connection, std::int64_t session_id, core::EpochMillis now) {
  connection.Execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, session_id});
}

void DeleteSession(db::Connection& connection, std::int64_t session_id) {
  connection.Execute("DELETE FROM sessions WHERE id = ?", {session_id});
}

void DeleteUserSessions(db::Connection& connection, std::int64_t user_id, std::int64_t keep_session_id) {
  connection.Execute("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {user_id, keep_session_id});
}

void DeleteExpiredSessions(db::Connection& connection, core::EpochMillis now, core::EpochMillis idle_timeout) {
  connection.Execute("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", {now, now - idle_timeout});
}

}  // namespace lien::auth::store
