#include "alerts/alert_routes.hpp"

#include <memory>

#include "alerts/alert_store.hpp"
#include "alerts/alerts.hpp"
#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "http/json_body.hpp"

namespace lien::alerts {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

template <class T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json AlertJson(const Alert& alert) {
  return Json{{"id", alert.id},
              {"kind", AlertKindName(alert.kind)},
              {"area", alert.area},
              {"prefect_reference", alert.prefect_reference},
              {"declared_at", alert.declared_at},
              {"declared_by", OrNull(alert.declared_by)},
              {"ended_at", OrNull(alert.ended_at)},
              {"ended_by", OrNull(alert.ended_by)},
              {"open", alert.open()},
              {"version", alert.version}};
}

Json AlertsJson(const std::vector<Alert>& alerts) {
  Json items = Json::array();
  for (const auto& alert : alerts) items.push_back(AlertJson(alert));
  return items;
}

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

audit::Event AlertEvent(const auth::Principal& principal, const Request& request, const char* action,
                        const Alert& alert) {
  auto event =
      auth::EventBy(principal.user, auth::InfoOf(request), action, "alert", std::to_string(alert.id), "alert_plan");
  event.details = {{"kind", std::string(AlertKindName(alert.kind))}};
  return event;
}

}  // namespace

void AddAlertRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock, AlertHooks hooks) {
  auto shared_hooks = std::make_shared<const AlertHooks>(std::move(hooks));
  routes.Add(Method::kGet, "/api/v1/alerts", auth::Permission::kSession,
             [&database](const auth::Principal&, Request& request) -> Response {
               auto limit = http::QueryInt(request, "limit", 20, 1, 200);
               if (!limit) return Error(limit.error(), request);
               auto [open, recent] = db::InReadTransaction(database, [&](db::Connection& c) {
                 return std::pair{store::OpenAlerts(c), store::RecentAlerts(c, static_cast<int>(*limit))};
               });
               auto response = http::JsonReply(200, Json{{"open", AlertsJson(open)}, {"items", AlertsJson(recent)}});
               response.personal_data = false;
               return response;
             });
  routes.Add(Method::kPost, "/api/v1/alerts", auth::Permission::kAlertsManage,
             [&database, &clock, shared_hooks](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto only = http::OnlyFields(*body, {"kind", "area", "prefect_reference"}); !only) {
                 return Error(only.error(), request);
               }
               NewAlert input;
               auto kind = http::RequiredString(*body, "kind", 32);
               if (!kind) return Error(kind.error(), request);
               auto area = http::RequiredString(*body, "area", kMaxAreaLength);
               if (!area) return Error(area.error(), request);
               auto reference = http::OptionalString(*body, "prefect_reference", kMaxReferenceLength);
               if (!reference) return Error(reference.error(), request);
               input.kind = *kind;
               input.area = *area;
               input.prefect_reference = reference->value_or("");
               auto declared = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Alert> {
                 const auto now = clock.Now();
                 auto alert = DeclareAlert(c, input, principal.user.id, now);
                 if (!alert) return alert;
                 const auto event = AlertEvent(principal, request, "alert.declared", *alert);
                 audit::Append(c, now, event);
                 for (const auto& hook : shared_hooks->on_declared) {
                   if (auto done = hook(c, *alert, event, now); !done) return core::Fail(done.error());
                 }
                 return alert;
               });
               if (!declared) return Error(declared.error(), request);
               return http::JsonReply(201, AlertJson(*declared));
             });
  routes.Add(Method::kPost, "/api/v1/alerts/{id}/end", auth::Permission::kAlertsManage,
             [&database, &clock, shared_hooks](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto only = http::OnlyFields(*body, {}); !only) return Error(only.error(), request);
               auto ended = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Alert> {
                 const auto now = clock.Now();
                 auto alert = EndAlert(c, *id, principal.user.id, now);
                 if (!alert) return alert;
                 const auto event = AlertEvent(principal, request, "alert.ended", *alert);
                 audit::Append(c, now, event);
                 for (const auto& hook : shared_hooks->on_ended) {
                   if (auto done = hook(c, *alert, event, now); !done) return core::Fail(done.error());
                 }
                 return alert;
               });
               if (!ended) return Error(ended.error(), request);
               return http::JsonReply(200, AlertJson(*ended));
             });
}

}  // namespace lien::alerts
