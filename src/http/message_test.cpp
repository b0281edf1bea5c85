#include "http/message.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lien::http {
namespace {

TEST(MessageTest, EveryErrorCodeHasItsStatus) {
  EXPECT_EQ(StatusFor(core::ErrorCode::kInvalidInput), 400);
  EXPECT_EQ(StatusFor(core::ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(StatusFor(core::ErrorCode::kForbidden), 403);
  EXPECT_EQ(StatusFor(core::ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusFor(core::ErrorCode::kMethodNotAllowed), 405);
  EXPECT_EQ(StatusFor(core::ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusFor(core::ErrorCode::kPreconditionFailed), 412);
  EXPECT_EQ(StatusFor(core::ErrorCode::kPayloadTooLarge), 413);
  EXPECT_EQ(StatusFor(core::ErrorCode::kUnsupportedMedia), 415);
  EXPECT_EQ(StatusFor(core::ErrorCode::kTooManyRequests), 429);
  EXPECT_EQ(StatusFor(core::ErrorCode::kUnavailable), 503);
  EXPECT_EQ(StatusFor(core::ErrorCode::kInternal), 500);
}

TEST(MessageTest, ErrorResponseHasTheContractShapeInTheRequestLanguage) {
  Request request;
  request.request_id = "abc";
  request.language = core::Language::kEnglish;
  const auto response = ErrorResponse(
      core::Error(core::ErrorCode::kPayloadTooLarge, "http.payload_too_large", "", {{"limit", "10"}}), request);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  EXPECT_TRUE(response.personal_data);
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "payload_too_large");
  EXPECT_EQ(body["error"]["message"], "The request is too large (limit: 10 bytes).");
  EXPECT_TRUE(body["error"]["field"].is_null());

  request.language = core::Language::kFrench;
  const auto french = nlohmann::json::parse(
      ErrorResponse(core::Error(core::ErrorCode::kInvalidInput, "validation.required", "name"), request).body);
  EXPECT_EQ(french["error"]["message"], "Ce champ est obligatoire.");
  EXPECT_EQ(french["error"]["field"], "name");
}

TEST(MessageTest, InternalErrorQuotesTheRequestId) {
  Request request;
  request.request_id = "0123abcd";
  const auto body =
      nlohmann::json::parse(ErrorResponse(core::Error(core::ErrorCode::kInternal, "http.internal"), request).body);
  EXPECT_NE(body["error"]["message"].get<std::string>().find("0123abcd"), std::string::npos);
}

TEST(MessageTest, HeaderAndCookie) {
  Request request;
  request.headers = {{"cookie", "theme=dark; lien_session=\"s3cr3t\"; other=1"}, {"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(request.Header("x-a"), "1");
  EXPECT_EQ(request.Header("x-missing"), "");
  EXPECT_EQ(request.Cookie("lien_session"), "s3cr3t");
  EXPECT_EQ(request.Cookie("theme"), "dark");
  EXPECT_EQ(request.Cookie("them"), std::nullopt);
  EXPECT_EQ(request.Cookie("missing"), std::nullopt);
}

TEST(MessageTest, MethodNames) {
  EXPECT_STREQ(MethodName(Method::kGet), "GET");
  EXPECT_STREQ(MethodName(Method::kDelete), "DELETE");
}

}  // namespace
}  // namespace lien::http
