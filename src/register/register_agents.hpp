#pragma once
// The accounts designated by name to handle the register of vulnerable persons (CASF R.121-2 and following).
// A role holding the `register` permission is not enough: an admin designates the account, and the agent records
// their acknowledgement of professional secrecy before the first access (docs/register.md, "Register agents").
// Every function runs on the caller's connection and transaction.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::registry {

struct RegisterAgent {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
  auth::Role role = auth::Role::kCaller;
  bool disabled = false;
  std::int64_t designated_by = 0;
  core::EpochMillis designated_at = 0;
  std::optional<core::EpochMillis> secrecy_acknowledged_at;  ///< Empty until the agent acknowledges it.
  std::int64_t version = 1;
};

/// True when `user_id` may handle the register now: designated, secrecy acknowledged, account enabled and its
/// role still holding the `register` permission (a role changed after the designation stops it at once).
bool IsRegisterAgent(db::Connection& connection, std::int64_t user_id);

/// The check every register route makes after the permission check. Errors (kForbidden):
/// `register.not_designated`, `register.secrecy_not_acknowledged`.
core::Status RequireRegisterAgent(db::Connection& connection, const auth::Principal& principal);

std::optional<RegisterAgent> FindRegisterAgent(db::Connection& connection, std::int64_t user_id);

/// Every designated account, by login.
std::vector<RegisterAgent> ListRegisterAgents(db::Connection& connection);

/// Designates `user_id` (idempotent: an existing designation is returned unchanged). Errors: kNotFound
/// `register.agent_unknown_user`; kInvalidInput `register.agent_role_not_allowed` when the account's role does
/// not hold the `register` permission.
core::Result<RegisterAgent> DesignateRegisterAgent(db::Connection& connection, std::int64_t user_id,
                                                   std::int64_t designated_by, core::EpochMillis now);

/// Removes the designation; false when there was none. Takes effect at the agent's next request.
bool RevokeRegisterAgent(db::Connection& connection, std::int64_t user_id);

/// Records the agent's acknowledgement of professional secrecy (the first time only: a second call keeps the
/// first instant). Errors: kForbidden `register.not_designated`.
core::Result<RegisterAgent> AcknowledgeSecrecy(db::Connection& connection, std::int64_t user_id, core::EpochMillis now);

}  // namespace lien::registry
