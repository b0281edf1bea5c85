#include "http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace lien::http {
namespace {

Handler Returns(int status) {
  return [status](Request&) { return JsonResponse(status, "{}"); };
}

Router MakeRouter() {
  Router router;
  router.Add({Method::kGet, "/api/v1/users", "users.read", Returns(200)});
  router.Add({Method::kPost, "/api/v1/users", "users.write", Returns(201)});
  router.Add({Method::kGet, "/api/v1/users/{id}", "users.read", Returns(200)});
  router.Add({Method::kGet, "/api/v1/users/me", "public", Returns(200)});
  router.Add({Method::kPut, "/api/v1/users/{id}/roles/{role}", "users.write", Returns(200)});
  return router;
}

TEST(RouterTest, MatchesLiteralRoutes) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kPost, "/api/v1/users", params);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->permission, "users.write");
  EXPECT_TRUE(params.empty());
}

TEST(RouterTest, FillsCaptures) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kPut, "/api/v1/users/42/roles/admin", params);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(params.at("id"), "42");
  EXPECT_EQ(params.at("role"), "admin");
}

TEST(RouterTest, LiteralSegmentWinsOverCaptureWhateverTheOrder) {
  const Router router = MakeRouter();  // "/users/{id}" was added before "/users/me".
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kGet, "/api/v1/users/me", params);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/users/me");
  EXPECT_TRUE(params.empty());
}

TEST(RouterTest, CaptureDoesNotMatchAnEmptySegmentOrExtraSegments) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  EXPECT_FALSE(router.Match(Method::kGet, "/api/v1/users/", params).path_matched);
  EXPECT_FALSE(router.Match(Method::kGet, "/api/v1/users/1/2", params).path_matched);
  EXPECT_FALSE(router.Match(Method::kGet, "/api/v1/user", params).path_matched);
  EXPECT_FALSE(router.Match(Method::kGet, "", params).path_matched);
}

TEST(RouterTest, HeadMatchesGetRoutes) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kHead, "/api/v1/users/7", params);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->method, Method::kGet);
  EXPECT_EQ(params.at("id"), "7");
}

TEST(RouterTest, WrongMethodReportsAllowedMethods) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kDelete, "/api/v1/users", params);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.path_matched);
  EXPECT_EQ(match.allowed_methods, (std::vector<Method>{Method::kGet, Method::kHead, Method::kPost}));
}

TEST(RouterTest, UnknownPathIsNotMatched) {
  const Router router = MakeRouter();
  std::map<std::string, std::string> params;
  const auto match = router.Match(Method::kGet, "/api/v1/nothing", params);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_FALSE(match.path_matched);
  EXPECT_TRUE(match.allowed_methods.empty());
}

TEST(RouterTest, DuplicateRouteThrows) {
  Router router = MakeRouter();
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/users", "users.read", Returns(200)}), std::logic_error);
  // Differing only by the capture name is the same route.
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/users/{user_id}", "users.read", Returns(200)}), std::logic_error);
  EXPECT_NO_THROW(router.Add({Method::kDelete, "/api/v1/users/{id}", "users.write", Returns(204)}));
}

TEST(RouterTest, EmptyPermissionThrows) {
  Router router;
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/open", "", Returns(200)}), std::logic_error);
  EXPECT_TRUE(router.routes().empty());
}

TEST(RouterTest, MalformedPatternsThrow) {
  Router router;
  EXPECT_THROW(router.Add({Method::kGet, "api/v1/x", "public", Returns(200)}), std::logic_error);
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/x{id}", "public", Returns(200)}), std::logic_error);
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/{}", "public", Returns(200)}), std::logic_error);
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/{id}/{id}", "public", Returns(200)}), std::logic_error);
  EXPECT_THROW(router.Add({Method::kGet, "/api/v1/x", "public", Handler{}}), std::logic_error);
}

}  // namespace
}  // namespace lien::http
