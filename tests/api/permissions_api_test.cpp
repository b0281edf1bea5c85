// The permission walk: every route of the binary, called by every role, is allowed or refused exactly as the
// permission table says. A new route without a permission cannot start; one with a wrong permission fails here.

#include <regex>

#include "api_fixture.hpp"
#include "auth/roles.hpp"
#include "core/messages.hpp"

namespace lien::api_test {
namespace {

class PermissionWalk : public ApiTest {};

struct RouteInfo {
  std::string method;
  std::string path;
  std::string permission;
};

std::vector<RouteInfo> Routes() {
  const auto listed = RunLien({"routes"});
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  std::vector<RouteInfo> routes;
  for (const auto& route : nlohmann::json::parse(listed.output)) {
    routes.push_back({route["method"], route["path"], route["permission"]});
  }
  // Signing out last, so the walk keeps its session to the end.
  std::stable_partition(routes.begin(), routes.end(),
                        [](const RouteInfo& r) { return !(r.method == "DELETE" && r.path == "/api/v1/session"); });
  return routes;
}

TEST_P(PermissionWalk, EveryRouteForEveryRoleFollowsTheTable) {
  const auto routes = Routes();
  ASSERT_GT(routes.size(), 10U);
  for (const auto& route : routes) {
    EXPECT_TRUE(route.permission == auth::kPublic || auth::ParsePermission(route.permission).has_value())
        << route.method << " " << route.path << " names an unknown permission " << route.permission;
  }
  for (auto role : auth::AllRoles()) {
    CreateUser("walk." + std::string(auth::RoleName(role)), std::string(auth::RoleName(role)));
  }
  StartServer();
  const std::string refused = core::Translate("auth.forbidden", core::Language::kFrench);
  for (auto role : auth::AllRoles()) {
    auto client = SignIn("walk." + std::string(auth::RoleName(role)));
    for (const auto& route : routes) {
      if (route.permission == auth::kPublic) continue;
      // A record that does not exist: allowed calls fail further on (404, 400), never with the refusal.
      const auto path = std::regex_replace(route.path, std::regex(R"(\{[a-z_]+\})"), "999999");
      const auto response =
          route.method == "GET" ? client->Get(path) : client->SendJson(route.method, path, nlohmann::json::object());
      const bool allowed = auth::Allows(role, *auth::ParsePermission(route.permission));
      const bool was_refused = response.status == 403 && response.ErrorMessage() == refused;
      EXPECT_EQ(!was_refused, allowed) << auth::RoleName(role) << " " << route.method << " " << path << " → "
                                       << response.status << " " << response.body;
      EXPECT_NE(response.status, 401) << auth::RoleName(role) << " lost its session at " << route.method << " " << path;
      EXPECT_LT(response.status, 500) << route.method << " " << path << " " << response.body;
    }
  }
}

TEST_P(PermissionWalk, ProtectedRoutesNeedASession) {
  StartServer();
  auto client = Client();
  for (const auto& route : Routes()) {
    if (route.permission == auth::kPublic) continue;
    const auto path = std::regex_replace(route.path, std::regex(R"(\{[a-z_]+\})"), "1");
    const auto response = client->Send(route.method, path, "{}", {"Content-Type: application/json"});
    EXPECT_EQ(response.status, 401) << route.method << " " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PermissionWalk, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
