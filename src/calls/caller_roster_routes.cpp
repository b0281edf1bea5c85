// The callers' roster: who calls, on which days and hours, how many calls a shift, and their absences.

#include <algorithm>
#include <map>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/roles.hpp"
#include "calls/agreed_window.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/campaign_json.hpp"
#include "calls/campaign_routes.hpp"
#include "calls/campaign_values.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

Json AbsenceJson(const CallerAbsence& absence) {
  return Json{{"id", absence.id},
              {"user_id", absence.user_id},
              {"from_day", FormatDay(absence.from_day)},
              {"until_day", FormatDay(absence.until_day)},
              {"reason", absence.reason}};
}

Json CallerJson(const RosterEntry& entry) {
  Json absences = Json::array();
  for (const auto& absence : entry.absences) absences.push_back(AbsenceJson(absence));
  return Json{{"user_id", entry.duty.user_id},
              {"login", entry.login},
              {"display_name", entry.display_name},
              {"role", auth::RoleName(entry.role)},
              {"disabled", entry.disabled},
              {"weekdays", WeekdaysJson(entry.duty.weekdays)},
              {"shift_start", FormatTimeOfDay(entry.duty.shift.start_minute)},
              {"shift_end", FormatTimeOfDay(entry.duty.shift.end_minute)},
              {"calls_per_shift", entry.duty.calls_per_shift},
              {"active", entry.duty.active},
              {"can_call", entry.can_call()},
              {"absences", absences},
              {"updated_at", entry.duty.updated_at},
              {"version", entry.duty.version}};
}

audit::Event CallerEvent(const auth::Principal& principal, const Request& request, const char* action,
                         std::int64_t user_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "user", std::to_string(user_id),
                       "administration");
}

core::Result<CallerDuty> DutyFromJson(const Json& body, CallerDuty duty) {
  if (auto ok = http::OnlyFields(body, {"weekdays", "shift_start", "shift_end", "calls_per_shift", "active"}); !ok) {
    return core::Fail(ok.error());
  }
  if (auto days = body.find("weekdays"); days != body.end()) {
    auto set = WeekdaysFromJson(*days, "weekdays");
    if (!set) return core::Fail(set.error());
    duty.weekdays = *set;
  }
  if (body.contains("shift_start") || body.contains("shift_end")) {
    Json both = Json::object();
    both["shift_start"] = body.value("shift_start", Json(FormatTimeOfDay(duty.shift.start_minute)));
    both["shift_end"] = body.value("shift_end", Json(FormatTimeOfDay(duty.shift.end_minute)));
    auto window = OptionalWindowFromJson(both, "shift_start", "shift_end");
    if (!window) return core::Fail(window.error());
    if (*window) duty.shift = **window;
  }
  if (auto calls = body.find("calls_per_shift"); calls != body.end() && !calls->is_null()) {
    if (!calls->is_number_integer()) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "calls_per_shift");
    }
    duty.calls_per_shift = static_cast<std::int32_t>(std::clamp<std::int64_t>(calls->get<std::int64_t>(), -1, 100'000));
  }
  if (auto active = body.find("active"); active != body.end() && !active->is_null()) {
    if (!active->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "active");
    duty.active = active->get<bool>();
  }
  if (auto ok = ValidateCallerDuty(duty); !ok) return core::Fail(ok.error());
  return duty;
}

core::Result<std::chrono::year_month_day> DayField(const Json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", key);
  if (!it->is_string()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", key);
  auto day = ParseDay(it->get<std::string>());
  if (!day) return core::Fail(core::ErrorCode::kInvalidInput, "campaigns.invalid_day", key);
  return *day;
}

}  // namespace

void AddCallerRosterRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/callers", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal&, Request&) -> Response {
               const auto today = ParisDayOf(clock.Now());
               auto callers = db::InReadTransaction(database, [&](db::Connection& c) { return ListCallers(c, today); });
               Json items = Json::array();
               for (const auto& caller : callers) items.push_back(CallerJson(caller));
               return http::JsonReply(200, Json{{"items", items}});
             });
  // The accounts that could join the roster: enabled, a role holding calls.work, not on it yet.
  routes.Add(
      Method::kGet, "/api/v1/callers/candidates", auth::Permission::kCampaignsManage,
      [&database](const auth::Principal&, Request&) -> Response {
        auto rows = db::InReadTransaction(database, [](db::Connection& c) {
          return c
              .Execute(
                  "SELECT u.id, u.login, u.display_name, u.role FROM users u WHERE u.disabled = 0 AND "
                  "NOT EXISTS (SELECT 1 FROM callers c WHERE c.user_id = u.id) ORDER BY u.login")
              .rows;
        });
        Json items = Json::array();
        for (const auto& row : rows) {
          const auto role = auth::ParseRole(row.Text(3));
          if (!role || !auth::Allows(*role, auth::Permission::kCallsWork)) continue;
          items.push_back(
              {{"user_id", row.Int(0)}, {"login", row.Text(1)}, {"display_name", row.Text(2)}, {"role", row.Text(3)}});
        }
        return http::JsonReply(200, Json{{"items", items}});
      });
  // Creates the roster row (no If-Match) or replaces it (If-Match: its version).
  routes.Add(Method::kPut, "/api/v1/callers/{user_id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto user_id = http::PathId(request, "user_id");
               if (!user_id) return Error(user_id.error(), request);
               std::optional<std::int64_t> expected;
               if (!request.Header("if-match").empty()) {
                 auto version = http::IfMatchVersion(request);
                 if (!version) return Error(version.error(), request);
                 expected = *version;
               }
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               const auto today = ParisDayOf(clock.Now());
               auto saved = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<RosterEntry> {
                 auto stored = LoadCaller(c, *user_id, today);
                 CallerDuty base = stored ? stored->duty : CallerDuty{};
                 base.user_id = *user_id;
                 auto duty = DutyFromJson(*body, base);
                 if (!duty) return core::Fail(duty.error());
                 const auto now = clock.Now();
                 auto result = SaveCallerDuty(c, *duty, expected, now);
                 if (!result) return core::Fail(result.error());
                 audit::Append(c, now,
                               CallerEvent(principal, request, expected ? "caller.updated" : "caller.added", *user_id));
                 return *LoadCaller(c, *user_id, today);
               });
               if (!saved) {
                 if (saved.error().code == core::ErrorCode::kPreconditionFailed) {
                   auto current = db::InReadTransaction(
                       database, [&](db::Connection& c) { return LoadCaller(c, *user_id, today); });
                   return ErrorWithCurrent(saved.error(), request, current ? CallerJson(*current) : Json(nullptr));
                 }
                 return Error(saved.error(), request);
               }
               auto response = http::JsonReply(expected ? 200 : 201, CallerJson(*saved));
               response.SetHeader("ETag", "\"" + std::to_string(saved->duty.version) + "\"");
               return response;
             });
  routes.Add(
      Method::kPost, "/api/v1/callers/{user_id}/absences", auth::Permission::kCampaignsManage,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto user_id = http::PathId(request, "user_id");
        if (!user_id) return Error(user_id.error(), request);
        auto body = http::ParseJsonObject(request);
        if (!body) return Error(body.error(), request);
        if (auto ok = http::OnlyFields(*body, {"from_day", "until_day", "reason"}); !ok) {
          return Error(ok.error(), request);
        }
        CallerAbsence absence;
        absence.user_id = *user_id;
        auto from = DayField(*body, "from_day");
        if (!from) return Error(from.error(), request);
        auto until = DayField(*body, "until_day");
        if (!until) return Error(until.error(), request);
        auto reason = http::OptionalString(*body, "reason", kMaxAbsenceReasonLength);
        if (!reason) return Error(reason.error(), request);
        absence.from_day = *from;
        absence.until_day = *until;
        absence.reason = reason->value_or("");
        if (auto ok = ValidateAbsence(absence); !ok) return Error(ok.error(), request);
        auto added = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<CallerAbsence> {
          const auto now = clock.Now();
          auto stored = AddAbsence(c, absence, principal.user.id, now);
          if (stored) {
            auto event = CallerEvent(principal, request, "caller.absence_added", *user_id);
            event.details = {{"from_day", FormatDay(stored->from_day)}, {"until_day", FormatDay(stored->until_day)}};
            audit::Append(c, now, event);
          }
          return stored;
        });
        if (!added) return Error(added.error(), request);
        return http::JsonReply(201, AbsenceJson(*added));
      });
  routes.Add(Method::kDelete, "/api/v1/callers/{user_id}/absences/{absence_id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto user_id = http::PathId(request, "user_id");
               if (!user_id) return Error(user_id.error(), request);
               auto absence_id = http::PathId(request, "absence_id");
               if (!absence_id) return Error(absence_id.error(), request);
               auto deleted = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
                 if (!DeleteAbsence(c, *user_id, *absence_id)) {
                   return core::Fail(core::ErrorCode::kNotFound, "callers.absence_not_found");
                 }
                 audit::Append(c, clock.Now(), CallerEvent(principal, request, "caller.absence_deleted", *user_id));
                 return {};
               });
               if (!deleted) return Error(deleted.error(), request);
               Response response;
               response.status = 204;
               response.content_type.clear();
               return response;
             });
}

}  // namespace lien::calls
