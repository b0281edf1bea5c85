#pragma once
// Account administration: what an admin does to other accounts (and what `lien user` does from the shell).
// Each change is audited in the same transaction; edits are versioned (a stale version gets kPreconditionFailed).

#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::auth {

struct NewUser {
  std::string login;
  std::string display_name;
  std::string role;
  std::string password;
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
};

struct UserPage {
  std::vector<User> users;
  std::optional<std::int64_t> next_cursor;
};

/// The acting account; for the command line, a system actor with id 0.
struct Actor {
  User user;
  RequestInfo info;
  static Actor System();
};

class Accounts {
 public:
  Accounts(db::Database& database, const core::Clock& clock);

  core::Result<User> Create(const Actor& actor, const NewUser& input);
  core::Result<User> Get(const Actor& actor, std::int64_t id);
  core::Result<UserPage> List(const Actor& actor, const std::string& search, std::int64_t cursor, int limit);
  core::Result<User> Update(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                            const UserChanges& changes);
  /// Disabling ends the account's sessions; enabling also lifts a throttle.
  core::Result<User> SetDisabled(const Actor& actor, std::int64_t id, bool disabled);
  /// Sets a new password chosen by an admin and ends the account's sessions.
  core::Status ResetPassword(const Actor& actor, std::int64_t id, const std::string& new_password);
  /// Turns the second factor off; the account sets it up again at its next sign-in.
  core::Result<User> ResetTotp(const Actor& actor, std::int64_t id);

  core::Result<User> FindByLogin(const std::string& login);

 private:
  db::Database& database_;
  const core::Clock& clock_;
};

/// Valid logins: 3–64 characters among a-z, 0-9, '.', '-', '_'.
bool IsValidLogin(const std::string& login);

}  // namespace lien::auth
