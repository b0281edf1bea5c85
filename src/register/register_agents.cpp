#include "register/register_agents.hpp"

#include <string>

#include "auth/roles.hpp"

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr const char* kAgentSelect =
    "SELECT a.user_id, u.login, u.display_name, u.role, u.disabled, a.designated_by, a.designated_at, "
    "a.secrecy_acknowledged_at, a.version FROM register_agents a JOIN users u ON u.id = a.user_id ";

RegisterAgent ReadAgent(const db::Row& row) {
  RegisterAgent agent;
  agent.user_id = row.Int(0);
  agent.login = row.Text(1);
  agent.display_name = row.Text(2);
  agent.role = auth::ParseRole(row.Text(3)).value_or(auth::Role::kCaller);
  agent.disabled = row.Bool(4);
  agent.designated_by = row.Int(5);
  agent.designated_at = row.Int(6);
  agent.secrecy_acknowledged_at = row.OptInt(7);
  agent.version = row.Int(8);
  return agent;
}

bool RoleMayHoldRegister(const std::string& role_name) {
  const auto role = auth::ParseRole(role_name);
  return role && auth::Allows(*role, auth::Permission::kRegister);
}

}  // namespace

std::optional<RegisterAgent> FindRegisterAgent(db::Connection& connection, std::int64_t user_id) {
  auto row = connection.QueryOne(std::string(kAgentSelect) + "WHERE a.user_id = ?", {user_id});
  if (!row) return std::nullopt;
  return ReadAgent(*row);
}

bool IsRegisterAgent(db::Connection& connection, std::int64_t user_id) {
  const auto agent = FindRegisterAgent(connection, user_id);
  return agent && agent->secrecy_acknowledged_at && !agent->disabled &&
         auth::Allows(agent->role, auth::Permission::kRegister);
}

core::Status RequireRegisterAgent(db::Connection& connection, const auth::Principal& principal) {
  const auto agent = FindRegisterAgent(connection, principal.user.id);
  if (!agent || agent->disabled || !auth::Allows(agent->role, auth::Permission::kRegister)) {
    return Fail(ErrorCode::kForbidden, "register.not_designated");
  }
  if (!agent->secrecy_acknowledged_at) return Fail(ErrorCode::kForbidden, "register.secrecy_not_acknowledged");
  return {};
}

std::vector<RegisterAgent> ListRegisterAgents(db::Connection& connection) {
  auto result = connection.Execute(std::string(kAgentSelect) + "ORDER BY u.login");
  std::vector<RegisterAgent> agents;
  agents.reserve(result.rows.size());
  for (const auto& row : result.rows) agents.push_back(ReadAgent(row));
  return agents;
}

core::Result<RegisterAgent> DesignateRegisterAgent(db::Connection& connection, std::int64_t user_id,
                                                   std::int64_t designated_by, core::EpochMillis now) {
  auto user = connection.QueryOne("SELECT role FROM users WHERE id = ?", {user_id});
  if (!user) return Fail(ErrorCode::kNotFound, "register.agent_unknown_user");
  if (!RoleMayHoldRegister(user->Text(0))) {
    return Fail(ErrorCode::kInvalidInput, "register.agent_role_not_allowed", "user_id", {{"role", user->Text(0)}});
  }
  connection.Execute(
      "INSERT INTO register_agents (user_id, designated_by, designated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (user_id) DO NOTHING",
      {user_id, designated_by, now});
  return *FindRegisterAgent(connection, user_id);
}

bool RevokeRegisterAgent(db::Connection& connection, std::int64_t user_id) {
  return connection.Execute("DELETE FROM register_agents WHERE user_id = ?", {user_id}).affected_rows == 1;
}

core::Result<RegisterAgent> AcknowledgeSecrecy(db::Connection& connection, std::int64_t user_id,
                                               core::EpochMillis now) {
  connection.Execute(
      "UPDATE register_agents SET secrecy_acknowledged_at = ?, version = version + 1 "
      "WHERE user_id = ? AND secrecy_acknowledged_at IS NULL",
      {now, user_id});
  auto agent = FindRegisterAgent(connection, user_id);
  if (!agent) return Fail(ErrorCode::kForbidden, "register.not_designated");
  return *agent;
}

}  // namespace lien::registry
