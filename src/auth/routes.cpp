#include "auth/routes.hpp"

#include "http/json_body.hpp"

namespace lien::auth {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Json UserJson(const User& user) {
  return Json{{"id", user.id},
              {"login", user.login},
              {"display_name", user.display_name},
              {"role", RoleName(user.role)},
              {"disabled", user.disabled},
              {"totp_enabled", user.totp_enabled},
              {"locked_until", user.locked_until},
              {"created_at", user.created_at},
              {"updated_at", user.updated_at},
              {"version", user.version}};
}

Json SessionJson(const Principal& principal, const AuthSettings& settings) {
  Json permissions = Json::array();
  for (auto permission : PermissionsOf(principal.user.role)) permissions.push_back(PermissionName(permission));
  return Json{{"user", UserJson(principal.user)},
              {"csrf_token", principal.session.csrf_token},
              {"permissions", permissions},
              {"totp_setup_required", principal.totp_setup_required},
              {"idle_timeout_s", settings.idle_timeout / 1000},
              {"expires_at", principal.session.expires_at}};
}

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

Response UserReply(const core::Result<User>& user, const Request& request, int status = 200) {
  if (!user) return Error(user.error(), request);
  auto response = http::JsonReply(status, UserJson(*user));
  response.SetHeader("ETag", "\"" + std::to_string(user->version) + "\"");
  return response;
}

Response NoContent() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

std::string SessionCookie(const std::string& token, const Request& request, core::EpochMillis max_age_ms) {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_ms / 1000);
  if (request.secure) cookie += "; Secure";
  return cookie;
}

Actor ActorOf(const Principal& principal, const Request& request) { return Actor{principal.user, InfoOf(request)}; }

// Parses the body and keeps only the listed fields, or answers the error.
core::Result<Json> Body(const Request& request, std::initializer_list<std::string_view> allowed) {
  auto body = http::ParseJsonObject(request);
  if (!body) return body;
  if (auto ok = http::OnlyFields(*body, allowed); !ok) return core::Fail(ok.error());
  return body;
}

void AddSessionRoutes(ApiRoutes& routes, Sessions& sessions) {
  routes.AddPublic(Method::kPost, "/api/v1/session", [&sessions](Request& request) -> Response {
    auto body = Body(request, {"login", "password", "totp"});
    if (!body) return Error(body.error(), request);
    auto login = http::RequiredString(*body, "login", 64);
    if (!login) return Error(login.error(), request);
    auto password = http::RequiredString(*body, "password", 1024);
    if (!password) return Error(password.error(), request);
    auto totp = http::OptionalString(*body, "totp", 16);
    if (!totp) return Error(totp.error(), request);
    auto result = sessions.Login(*login, *password, *totp, InfoOf(request));
    if (!result) return Error(result.error(), request);
    auto response = http::JsonReply(200, SessionJson(result->principal, sessions.settings()));
    response.SetHeader("Set-Cookie", SessionCookie(result->token, request, sessions.settings().absolute_lifetime));
    return response;
  });
  routes.Add(Method::kGet, "/api/v1/session", Permission::kSession, [&sessions](const Principal& principal, Request&) {
    return http::JsonReply(200, SessionJson(principal, sessions.settings()));
  });
  routes.Add(Method::kDelete, "/api/v1/session", Permission::kSession,
             [&sessions](const Principal& principal, Request& request) {
               sessions.Logout(principal, InfoOf(request));
               auto response = NoContent();
               response.SetHeader("Set-Cookie", SessionCookie("", request, 0));
               return response;
             });
  routes.Add(Method::kPost, "/api/v1/me/password", Permission::kSession,
             [&sessions](const Principal& principal, Request& request) -> Response {
               auto body = Body(request, {"current_password", "new_password"});
               if (!body) return Error(body.error(), request);
               auto current = http::RequiredString(*body, "current_password", 1024);
               if (!current) return Error(current.error(), request);
               auto next = http::RequiredString(*body, "new_password", 1024);
               if (!next) return Error(next.error(), request);
               auto done = sessions.ChangePassword(principal, *current, *next, InfoOf(request));
               return done ? NoContent() : Error(done.error(), request);
             });
  routes.Add(Method::kPost, "/api/v1/me/totp", Permission::kSession,
             [&sessions](const Principal& principal, Request& request) -> Response {
               auto body = Body(request, {});
               if (!body) return Error(body.error(), request);
               auto setup = sessions.StartTotpSetup(principal, InfoOf(request));
               if (!setup) return Error(setup.error(), request);
               return http::JsonReply(200, Json{{"secret", setup->secret}, {"otpauth_uri", setup->uri}});
             });
  routes.Add(Method::kPost, "/api/v1/me/totp/confirm", Permission::kSession,
             [&sessions](const Principal& principal, Request& request) -> Response {
               auto body = Body(request, {"code"});
               if (!body) return Error(body.error(), request);
               auto code = http::RequiredString(*body, "code", 16);
               if (!code) return Error(code.error(), request);
               auto updated = sessions.ConfirmTotp(principal, *code, InfoOf(request));
               if (!updated) return Error(updated.error(), request);
               return http::JsonReply(200, SessionJson(*updated, sessions.settings()));
             });
  routes.Add(Method::kDelete, "/api/v1/me/totp", Permission::kSession,
             [&sessions](const Principal& principal, Request& request) -> Response {
               auto body = Body(request, {"password"});
               if (!body) return Error(body.error(), request);
               auto password = http::RequiredString(*body, "password", 1024);
               if (!password) return Error(password.error(), request);
               auto done = sessions.DisableTotp(principal, *password, InfoOf(request));
               return done ? NoContent() : Error(done.error(), request);
             });
}

void AddAccountRoutes(ApiRoutes& routes, Accounts& accounts) {
  routes.Add(Method::kGet, "/api/v1/users", Permission::kUsersManage,
             [&accounts](const Principal& principal, Request& request) -> Response {
               auto limit = http::QueryInt(request, "limit", 50, 1, 200);
               if (!limit) return Error(limit.error(), request);
               auto cursor = http::QueryInt(request, "cursor", 0, 0, INT64_MAX);
               if (!cursor) return Error(cursor.error(), request);
               const auto search = request.query.contains("q") ? request.query.at("q") : std::string();
               auto page = accounts.List(ActorOf(principal, request), search, *cursor, static_cast<int>(*limit));
               if (!page) return Error(page.error(), request);
               Json items = Json::array();
               for (const auto& user : page->users) items.push_back(UserJson(user));
               Json next = page->next_cursor ? Json(std::to_string(*page->next_cursor)) : Json(nullptr);
               return http::JsonReply(200, Json{{"items", items}, {"next_cursor", next}});
             });
  routes.Add(
      Method::kPost, "/api/v1/users", Permission::kUsersManage,
      [&accounts](const Principal& principal, Request& request) -> Response {
        auto body = Body(request, {"login", "display_name", "role", "password"});
        if (!body) return Error(body.error(), request);
        NewUser input;
        for (auto [field, target] : {std::pair{"login", &input.login}, std::pair{"display_name", &input.display_name},
                                     std::pair{"role", &input.role}, std::pair{"password", &input.password}}) {
          auto value = http::RequiredString(*body, field, 1024);
          if (!value) return Error(value.error(), request);
          *target = std::move(*value);
        }
        return UserReply(accounts.Create(ActorOf(principal, request), input), request, 201);
      });
  routes.Add(Method::kGet, "/api/v1/users/{id}", Permission::kUsersManage,
             [&accounts](const Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               return UserReply(accounts.Get(ActorOf(principal, request), *id), request);
             });
  routes.Add(Method::kPatch, "/api/v1/users/{id}", Permission::kUsersManage,
             [&accounts](const Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = Body(request, {"display_name", "role"});
               if (!body) return Error(body.error(), request);
               UserChanges changes;
               auto name = http::OptionalString(*body, "display_name", 1024);
               if (!name) return Error(name.error(), request);
               auto role = http::OptionalString(*body, "role", 64);
               if (!role) return Error(role.error(), request);
               changes.display_name = *name;
               changes.role = *role;
               return UserReply(accounts.Update(ActorOf(principal, request), *id, *version, changes), request);
             });
  for (bool disable : {true, false}) {
    routes.Add(Method::kPost, disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable",
               Permission::kUsersManage,
               [&accounts, disable](const Principal& principal, Request& request) -> Response {
                 auto id = http::PathId(request);
                 if (!id) return Error(id.error(), request);
                 return UserReply(accounts.SetDisabled(ActorOf(principal, request), *id, disable), request);
               });
  }
  routes.Add(Method::kPost, "/api/v1/users/{id}/password", Permission::kUsersManage,
             [&accounts](const Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = Body(request, {"new_password"});
               if (!body) return Error(body.error(), request);
               auto password = http::RequiredString(*body, "new_password", 1024);
               if (!password) return Error(password.error(), request);
               auto done = accounts.ResetPassword(ActorOf(principal, request), *id, *password);
               return done ? NoContent() : Error(done.error(), request);
             });
  routes.Add(Method::kPost, "/api/v1/users/{id}/totp/reset", Permission::kUsersManage,
             [&accounts](const Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               return UserReply(accounts.ResetTotp(ActorOf(principal, request), *id), request);
             });
  routes.Add(Method::kGet, "/api/v1/roles", Permission::kUsersManage, [](const Principal&, Request&) {
    Json roles = Json::array();
    for (auto role : AllRoles()) {
      Json permissions = Json::array();
      for (auto permission : PermissionsOf(role)) permissions.push_back(PermissionName(permission));
      roles.push_back({{"name", RoleName(role)}, {"permissions", permissions}, {"totp_required", TotpRequired(role)}});
    }
    Json all = Json::array();
    for (auto permission : AllPermissions()) all.push_back(PermissionName(permission));
    auto response = http::JsonReply(200, Json{{"roles", roles}, {"permissions", all}});
    response.personal_data = false;
    return response;
  });
}

}  // namespace

void AddAuthRoutes(ApiRoutes& routes, Sessions& sessions, Accounts& accounts) {
  AddSessionRoutes(routes, sessions);
  AddAccountRoutes(routes, accounts);
}

}  // namespace lien::auth
