#include "register/register_agents_routes.hpp"

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "http/json_body.hpp"
#include "register/register_agents.hpp"

namespace lien::registry {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Json OptionalInstant(const std::optional<core::EpochMillis>& at) { return at ? Json(*at) : Json(nullptr); }

Json AgentJson(const RegisterAgent& agent) {
  const bool active =
      agent.secrecy_acknowledged_at && !agent.disabled && auth::Allows(agent.role, auth::Permission::kRegister);
  return Json{{"user_id", agent.user_id},
              {"login", agent.login},
              {"display_name", agent.display_name},
              {"role", auth::RoleName(agent.role)},
              {"designated_by", agent.designated_by},
              {"designated_at", agent.designated_at},
              {"secrecy_acknowledged_at", OptionalInstant(agent.secrecy_acknowledged_at)},
              {"active", active}};
}

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

Response NoContent() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

core::Status EmptyBody(const Request& request) {
  auto body = http::ParseJsonObject(request);
  if (!body) return core::Fail(body.error());
  return http::OnlyFields(*body, {});
}

audit::Event AgentEvent(const auth::Principal& principal, const Request& request, const char* action,
                        std::int64_t user_id, const char* purpose) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "user", std::to_string(user_id), purpose);
}

}  // namespace

core::Status CheckRegisterAgent(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                                const http::Request& request) {
  auto allowed = db::InReadTransaction(database, [&](db::Connection& c) { return RequireRegisterAgent(c, principal); });
  if (!allowed) {
    RecordRegisterRefusal(database, clock, principal, request, "request.refused", "route", request.path,
                          allowed.error());
  }
  return allowed;
}

void RecordRegisterRefusal(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                           const http::Request& request, const std::string& action, const std::string& subject_type,
                           const std::string& subject_id, const core::Error& error) {
  auto event = auth::EventBy(principal.user, auth::InfoOf(request), action, subject_type, subject_id, "register");
  event.outcome = "refused";
  event.details = {{"reason", error.message_key}};
  db::InWriteTransaction(database, [&](db::Connection& c) { audit::Append(c, clock.Now(), event); });
}

void AddRegisterAgentRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/register/agents", auth::Permission::kRegisterAgents,
             [&database](const auth::Principal&, Request&) -> Response {
               auto agents = db::InReadTransaction(database, [](db::Connection& c) { return ListRegisterAgents(c); });
               Json items = Json::array();
               for (const auto& agent : agents) items.push_back(AgentJson(agent));
               return http::JsonReply(200, Json{{"items", items}});
             });
  routes.Add(Method::kPut, "/api/v1/register/agents/{user_id}", auth::Permission::kRegisterAgents,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto user_id = http::PathId(request, "user_id");
               if (!user_id) return Error(user_id.error(), request);
               if (auto body = EmptyBody(request); !body) return Error(body.error(), request);
               auto agent = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<RegisterAgent> {
                 const auto now = clock.Now();
                 const bool existed = FindRegisterAgent(c, *user_id).has_value();
                 auto designated = DesignateRegisterAgent(c, *user_id, principal.user.id, now);
                 if (designated && !existed) {
                   audit::Append(
                       c, now, AgentEvent(principal, request, "register.agent_designated", *user_id, "administration"));
                 }
                 return designated;
               });
               if (!agent) return Error(agent.error(), request);
               return http::JsonReply(200, AgentJson(*agent));
             });
  routes.Add(Method::kDelete, "/api/v1/register/agents/{user_id}", auth::Permission::kRegisterAgents,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto user_id = http::PathId(request, "user_id");
               if (!user_id) return Error(user_id.error(), request);
               auto revoked = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
                 if (!RevokeRegisterAgent(c, *user_id)) {
                   return core::Fail(core::ErrorCode::kNotFound, "register.agent_not_designated");
                 }
                 audit::Append(c, clock.Now(),
                               AgentEvent(principal, request, "register.agent_revoked", *user_id, "administration"));
                 return {};
               });
               return revoked ? NoContent() : Error(revoked.error(), request);
             });
  // An account with the `register` permission asks where it stands, so the UI can offer the acknowledgement.
  routes.Add(Method::kGet, "/api/v1/register/me", auth::Permission::kRegister,
             [&database](const auth::Principal& principal, Request&) -> Response {
               auto agent = db::InReadTransaction(
                   database, [&](db::Connection& c) { return FindRegisterAgent(c, principal.user.id); });
               if (!agent) {
                 return http::JsonReply(200, Json{{"designated", false},
                                                  {"designated_at", nullptr},
                                                  {"secrecy_acknowledged_at", nullptr},
                                                  {"active", false}});
               }
               auto json = AgentJson(*agent);
               json["designated"] = true;
               return http::JsonReply(200, json);
             });
  routes.Add(Method::kPost, "/api/v1/register/me/secrecy", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               if (auto body = EmptyBody(request); !body) return Error(body.error(), request);
               auto agent = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<RegisterAgent> {
                 const auto now = clock.Now();
                 auto before = FindRegisterAgent(c, principal.user.id);
                 auto acknowledged = AcknowledgeSecrecy(c, principal.user.id, now);
                 if (acknowledged && before && !before->secrecy_acknowledged_at) {
                   audit::Append(
                       c, now,
                       AgentEvent(principal, request, "register.secrecy_acknowledged", principal.user.id, "register"));
                 }
                 return acknowledged;
               });
               if (!agent) return Error(agent.error(), request);
               auto json = AgentJson(*agent);
               json["designated"] = true;
               return http::JsonReply(200, json);
             });
}

}  // namespace lien::registry
