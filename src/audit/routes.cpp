#include "audit/routes.hpp"

#include <date/date.h>

#include <cstdio>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "http/json_body.hpp"

namespace lien::audit {
namespace {

using http::Json;
using http::Request;
using http::Response;

Json EntryJson(const Entry& entry) {
  const auto& e = entry.event;
  return Json{{"id", entry.id},
              {"at", entry.at},
              {"actor_id", e.actor_id ? Json(*e.actor_id) : Json(nullptr)},
              {"actor_login", e.actor_login},
              {"actor_role", e.actor_role},
              {"action", e.action},
              {"subject_type", e.subject_type},
              {"subject_id", e.subject_id},
              {"client_address", e.client_address},
              {"request_id", e.request_id},
              {"purpose", e.purpose},
              {"outcome", e.outcome},
              {"details", e.details}};
}

// A bound of the period: epoch milliseconds, or an ISO date (YYYY-MM-DD, UTC midnight) or date-time
// (YYYY-MM-DDTHH:MM[:SS], UTC).
core::Result<core::EpochMillis> ParseInstant(const Request& request, const char* name) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return 0;
  const std::string& text = it->second;
  if (text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 15) return std::stoll(text);
  int year = 0;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char tail = 0;
  const int fields =
      std::sscanf(text.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u%c", &year, &month, &day, &hour, &minute, &second, &tail);
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  const bool well_formed = (fields == 3 && text.size() == 10) || fields == 5 || fields == 6;
  if (!well_formed || !ymd.ok() || hour > 23 || minute > 59 || second > 59) {
    return core::Fail(core::ErrorCode::kInvalidInput, "audit.invalid_period", name);
  }
  const auto instant =
      date::sys_days(ymd) + std::chrono::hours(hour) + std::chrono::minutes(minute) + std::chrono::seconds(second);
  return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

std::string QueryText(const Request& request, const char* name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second.substr(0, 200);
}

}  // namespace

void AddAuditRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(http::Method::kGet, "/api/v1/audit", auth::Permission::kAuditRead,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               Filter filter;
               filter.actor_login = QueryText(request, "actor");
               filter.subject_type = QueryText(request, "subject_type");
               filter.subject_id = QueryText(request, "subject_id");
               filter.action = QueryText(request, "action");
               auto from = ParseInstant(request, "from");
               if (!from) return http::ErrorResponse(from.error(), request);
               auto to = ParseInstant(request, "to");
               if (!to) return http::ErrorResponse(to.error(), request);
               if (*to > 0 && *from > *to) {
                 return http::ErrorResponse(core::Error(core::ErrorCode::kInvalidInput, "audit.invalid_period", "to"),
                                            request);
               }
               filter.from = *from;
               filter.to = *to;
               auto limit = http::QueryInt(request, "limit", 50, 1, 500);
               if (!limit) return http::ErrorResponse(limit.error(), request);
               auto cursor = http::QueryInt(request, "cursor", 0, 0, INT64_MAX);
               if (!cursor) return http::ErrorResponse(cursor.error(), request);
               filter.limit = static_cast<int>(*limit);
               filter.before_id = *cursor;
               auto entries = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto found = Find(c, filter);
                 // Reading the trail is itself recorded: who looked at whose history.
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "audit.search", "audit",
                                            filter.subject_type + ":" + filter.subject_id, "audit");
                 event.details = {{"actor", filter.actor_login}, {"count", std::to_string(found.size())}};
                 Append(c, clock.Now(), event);
                 return found;
               });
               Json items = Json::array();
               for (const auto& entry : entries) items.push_back(EntryJson(entry));
               Json next = static_cast<int>(entries.size()) == filter.limit && !entries.empty()
                               ? Json(std::to_string(entries.back().id))
                               : Json(nullptr);
               return http::JsonReply(200, Json{{"items", items}, {"next_cursor", next}});
             });
  routes.Add(
      http::Method::kGet, "/api/v1/audit/verify", auth::Permission::kAuditRead,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        // Verification reads the whole trail: it runs on a read snapshot so writers are not held up, and
        // the check itself is recorded right after.
        auto report = db::InReadTransaction(database, [](db::Connection& c) { return Verify(c); });
        db::InWriteTransaction(database, [&](db::Connection& c) {
          auto event = auth::EventBy(principal.user, auth::InfoOf(request), "audit.verify", "audit", "*", "audit");
          event.details = {{"ok", report.ok ? "true" : "false"}, {"checked", std::to_string(report.checked)}};
          Append(c, clock.Now(), event);
        });
        return http::JsonReply(
            200, Json{{"ok", report.ok},
                      {"checked", report.checked},
                      {"first_broken_id", report.first_broken_id ? Json(*report.first_broken_id) : Json(nullptr)},
                      {"reason", report.reason}});
      });
}

}  // namespace lien::audit
