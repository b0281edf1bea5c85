#pragma once
// How every module registers its routes: each route names one permission from the table, and the guard
// checks the session, the CSRF token, the second-factor set-up and the permission before the handler runs.
// Refusals are audited. Deny by default: there is no way to add a route without a permission.

#include <functional>
#include <string>

#include "auth/model.hpp"
#include "auth/sessions.hpp"
#include "http/router.hpp"

namespace lien::auth {

inline constexpr std::string_view kSessionCookie = "lien_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

using GuardedHandler = std::function<http::Response(const Principal&, http::Request&)>;

RequestInfo InfoOf(const http::Request& request);

class ApiRoutes {
 public:
  /// `router` and `sessions` must outlive the routes.
  ApiRoutes(http::Router& router, Sessions& sessions);

  void Add(http::Method method, std::string pattern, Permission permission, GuardedHandler handler,
           std::size_t body_limit = http::kDefaultBodyLimit);

  /// A route open without a session (sign-in, health, metrics). Use sparingly: each one is listed in
  /// docs/permissions.md as public.
  void AddPublic(http::Method method, std::string pattern, http::Handler handler,
                 std::size_t body_limit = http::kDefaultBodyLimit);

  Sessions& sessions() { return sessions_; }

 private:
  http::Router& router_;
  Sessions& sessions_;
};

/// Wraps a handler so that storage failures become 503 (retry later) instead of a 500.
http::Handler WithStorageErrors(http::Handler handler);

}  // namespace lien::auth
