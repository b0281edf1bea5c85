#include "app/test_clock_routes.hpp"

#include <spdlog/spdlog.h>

#include "http/json_body.hpp"

namespace lien::app {
namespace {

constexpr core::EpochMillis kEarliest = 946'684'800'000;  // 2000-01-01T00:00:00Z
constexpr core::EpochMillis kLatest = 4'102'444'800'000;  // 2100-01-01T00:00:00Z
constexpr std::int64_t kMaxAdvanceMinutes = 366LL * 24 * 60;

http::Response NowReply(const core::ManualClock& clock) {
  auto response = http::JsonReply(200, http::Json{{"now", clock.Now()}, {"test_clock", true}});
  response.personal_data = false;
  return response;
}

core::Result<core::EpochMillis> IntegerField(const http::Json& body, const char* field, std::int64_t min,
                                             std::int64_t max) {
  const auto& value = body.at(field);
  if (!value.is_number_integer()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  const auto number = value.get<std::int64_t>();
  if (number < min || number > max)
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.invalid_value", field);
  return number;
}

}  // namespace

void AddTestClockRoutes(auth::ApiRoutes& routes, core::ManualClock& clock) {
  routes.AddPublic(http::Method::kGet, "/api/v1/test/clock", [&clock](http::Request&) { return NowReply(clock); });
  routes.AddPublic(http::Method::kPost, "/api/v1/test/clock", [&clock](http::Request& request) -> http::Response {
    auto body = http::ParseJsonObject(request);
    if (!body) return http::ErrorResponse(body.error(), request);
    if (auto only = http::OnlyFields(*body, {"advance_minutes", "at"}); !only) {
      return http::ErrorResponse(only.error(), request);
    }
    const bool advance = body->contains("advance_minutes");
    if (advance == body->contains("at")) {
      return http::ErrorResponse(core::Error(core::ErrorCode::kInvalidInput, "validation.required", "advance_minutes"),
                                 request);
    }
    if (advance) {
      auto minutes = IntegerField(*body, "advance_minutes", 0, kMaxAdvanceMinutes);
      if (!minutes) return http::ErrorResponse(minutes.error(), request);
      if (clock.Now() + *minutes * 60'000 > kLatest) {
        return http::ErrorResponse(
            core::Error(core::ErrorCode::kInvalidInput, "validation.invalid_value", "advance_minutes"), request);
      }
      clock.Advance(*minutes * 60'000);
    } else {
      auto at = IntegerField(*body, "at", kEarliest, kLatest);
      if (!at) return http::ErrorResponse(at.error(), request);
      clock.Set(*at);
    }
    spdlog::warn("test clock set to {} (epoch ms)", clock.Now());
    return NowReply(clock);
  });
}

}  // namespace lien::app
