#include "auth/guard.hpp"

#include "core/crypto.hpp"
#include "db/database.hpp"

namespace lien::auth {
namespace {

using core::ErrorCode;

bool ChangesState(http::Method method) {
  return method != http::Method::kGet && method != http::Method::kHead && method != http::Method::kOptions;
}

http::Response Refuse(const http::Request& request, ErrorCode code, const char* key) {
  return http::ErrorResponse(core::Error(code, key), request);
}

}  // namespace

RequestInfo InfoOf(const http::Request& request) {
  return RequestInfo{request.client_address, request.request_id, std::string(request.Header("user-agent"))};
}

http::Handler WithStorageErrors(http::Handler handler) {
  return [handler = std::move(handler)](http::Request& request) -> http::Response {
    try {
      return handler(request);
    } catch (const db::DatabaseError& error) {
      if (error.kind() == db::FailureKind::kBusy || error.kind() == db::FailureKind::kUnavailable) {
        auto response = Refuse(request, ErrorCode::kUnavailable, "http.unavailable");
        response.SetHeader("Retry-After", "2");
        return response;
      }
      throw;  // A bug: the HTTP boundary logs it and answers 500 with the request id.
    }
  };
}

ApiRoutes::ApiRoutes(http::Router& router, Sessions& sessions) : router_(router), sessions_(sessions) {}

void ApiRoutes::Add(http::Method method, std::string pattern, Permission permission, GuardedHandler handler,
                    std::size_t body_limit) {
  // Captures the sessions, not `this`: the ApiRoutes helper may be gone by the time requests arrive.
  auto guarded = [&sessions = sessions_, permission, pattern,
                  handler = std::move(handler)](http::Request& request) -> http::Response {
    const auto token = request.Cookie(kSessionCookie);
    if (!token) return Refuse(request, ErrorCode::kUnauthenticated, "auth.not_signed_in");
    auto principal = sessions.Authenticate(*token);
    if (!principal) {
      auto response = http::ErrorResponse(principal.error(), request);
      response.SetHeader("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
      return response;
    }
    const auto info = InfoOf(request);
    if (ChangesState(request.method) &&
        !core::ConstantTimeEqual(request.Header(kCsrfHeader), principal->session.csrf_token)) {
      sessions.RecordRefusal(*principal, pattern, "csrf", info);
      return Refuse(request, ErrorCode::kForbidden, "auth.csrf");
    }
    if (principal->totp_setup_required && permission != Permission::kSession) {
      sessions.RecordRefusal(*principal, pattern, "totp_setup_required", info);
      return Refuse(request, ErrorCode::kForbidden, "auth.totp_setup_required");
    }
    if (!Allows(principal->user.role, permission)) {
      sessions.RecordRefusal(*principal, pattern, std::string(PermissionName(permission)), info);
      return Refuse(request, ErrorCode::kForbidden, "auth.forbidden");
    }
    return handler(*principal, request);
  };
  router_.Add(http::Route{method, std::move(pattern), std::string(PermissionName(permission)),
                          WithStorageErrors(std::move(guarded)), body_limit});
}

void ApiRoutes::AddPublic(http::Method method, std::string pattern, http::Handler handler, std::size_t body_limit) {
  router_.Add(
      http::Route{method, std::move(pattern), std::string(kPublic), WithStorageErrors(std::move(handler)), body_limit});
}

}  // namespace lien::auth
