#pragma once
// The route table: method + path pattern → permission name + handler. Generic: it knows no module and no
// role; the permission name is checked by the handler wrapper that auth provides (auth::ApiRoutes).

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace lien::http {

using Handler = std::function<Response(Request&)>;

inline constexpr std::size_t kDefaultBodyLimit = std::size_t{1024} * 1024;

struct Route {
  Method method;
  std::string pattern;     ///< "/api/v1/users/{id}": literal segments and `{name}` captures.
  std::string permission;  ///< Never empty: a permission name from auth's table, or "public".
  Handler handler;
  std::size_t body_limit = kDefaultBodyLimit;  ///< Larger only where a route says so.
};

struct RouteMatch {
  const Route* route = nullptr;         ///< Set when path and method match.
  bool path_matched = false;            ///< True when the path exists with another method (→ 405).
  std::vector<Method> allowed_methods;  ///< For the Allow header of a 405.
};

class Router {
 public:
  /// Adds a route. Throws std::logic_error on an empty permission, a malformed pattern (not starting with
  /// '/', a `{` not spanning a whole segment, an empty capture name) or a duplicate (method, pattern) — two
  /// patterns differing only by capture names are duplicates: a route without a permission must not start.
  void Add(Route route);

  /// Finds the route for method and (decoded) path, filling `path_params` on a match. HEAD matches GET routes.
  /// A literal segment wins over a capture at the same place ("/users/me" before "/users/{id}"), whatever
  /// the order of registration. Thread-safe once the routes are added (read-only).
  RouteMatch Match(Method method, const std::string& path, std::map<std::string, std::string>& path_params) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  ///< routes_[i]'s pattern split at '/'; "{}" for a capture.
  std::vector<std::vector<std::string>> names_;     ///< routes_[i]'s capture names, in order.
};

}  // namespace lien::http
