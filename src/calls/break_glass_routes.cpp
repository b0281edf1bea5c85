// Break the glass: a caller or an intake agent opens a person outside their scope for 12 hours by typing why;
// coordinators list the grants not reviewed yet and mark them reviewed.

#include <utility>

#include "calls/break_glass_rules.hpp"
#include "calls/break_glass_store.hpp"
#include "calls/call_route_support.hpp"
#include "calls/call_routes.hpp"
#include "register/person_store.hpp"

namespace lien::calls::support {
namespace {

using http::Method;
using http::Request;
using http::Response;

Json GrantJson(const BreakGlassGrant& grant, const registry::Person* person) {
  Json out{{"id", grant.id},
           {"user_id", grant.user_id},
           {"user_login", grant.user_login},
           {"user_name", grant.user_name},
           {"person_id", grant.person_id},
           {"reason", grant.reason},
           {"granted_at", grant.granted_at},
           {"expires_at", grant.expires_at},
           {"reviewed_by", grant.reviewed_by ? Json(*grant.reviewed_by) : Json(nullptr)},
           {"reviewed_at", grant.reviewed_at ? Json(*grant.reviewed_at) : Json(nullptr)}};
  if (person != nullptr) out["person_name"] = DisplayName(*person);
  return out;
}

}  // namespace

void AddBreakGlassRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/break-glass", auth::Permission::kBreakGlass,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto only = http::OnlyFields(*body, {"person_id", "reason"}); !only)
                 return Error(only.error(), request);
               auto person_id = body->find("person_id");
               if (person_id == body->end() || !person_id->is_number_integer() || person_id->get<std::int64_t>() < 1) {
                 return Error(core::Error(core::ErrorCode::kInvalidInput, "validation.required", "person_id"), request);
               }
               auto reason_text = http::RequiredString(*body, "reason", 4000);
               if (!reason_text) return Error(reason_text.error(), request);
               auto reason = ValidBreakGlassReason(*reason_text);
               if (!reason) return Error(reason.error(), request);
               const std::int64_t id = person_id->get<std::int64_t>();
               const auto now = clock.Now();
               auto granted = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto persons = registry::LoadPersons(c, {id});
                 if (persons.empty()) return core::Fail(core::ErrorCode::kNotFound, "calls.person_out_of_scope");
                 const auto grant = InsertBreakGlassGrant(c, principal.user.id, id, *reason, now);
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "break_glass.grant", "person",
                                            std::to_string(id), "break_glass");
                 event.details = {{"grant", std::to_string(grant.id)},
                                  {"reason", *reason},
                                  {"expires_at", std::to_string(grant.expires_at)}};
                 audit::Append(c, now, event);
                 return GrantJson(grant, &persons.front());
               });
               if (!granted) return Error(granted.error(), request);
               return http::JsonReply(201, *granted);
             });
  routes.Add(Method::kGet, "/api/v1/break-glass", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto limit = http::QueryInt(request, "limit", 100, 1, 500);
               if (!limit) return Error(limit.error(), request);
               const auto now = clock.Now();
               auto items = db::InWriteTransaction(database, [&](db::Connection& c) {
                 const auto grants = UnreviewedBreakGlassGrants(c, static_cast<int>(*limit));
                 std::vector<std::int64_t> ids;
                 ids.reserve(grants.size());
                 for (const auto& grant : grants) ids.push_back(grant.person_id);
                 const auto persons = SortedPersons(c, std::move(ids));
                 Json out = Json::array();
                 for (const auto& grant : grants) out.push_back(GrantJson(grant, FindPerson(persons, grant.person_id)));
                 auto event = FollowUpEvent(principal, request, "break_glass.list", "break_glass", "*");
                 event.details = {{"count", std::to_string(grants.size())}};
                 audit::Append(c, now, event);
                 return out;
               });
               return http::JsonReply(200, Json{{"items", items}});
             });
  routes.Add(Method::kPost, "/api/v1/break-glass/{id}/review", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto only = http::OnlyFields(*body, {}); !only) return Error(only.error(), request);
               const auto now = clock.Now();
               auto reviewed = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 auto grant = ReviewBreakGlassGrant(c, *id, principal.user.id, now);
                 if (!grant) return core::Fail(grant.error());
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "break_glass.review", "person",
                                            std::to_string(grant->person_id), "break_glass");
                 event.details = {{"grant", std::to_string(grant->id)}};
                 audit::Append(c, now, event);
                 return GrantJson(*grant, nullptr);
               });
               if (!reviewed) return Error(reviewed.error(), request);
               return http::JsonReply(200, *reviewed);
             });
}

}  // namespace lien::calls::support

namespace lien::calls {

void AddCallingRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  support::AddWorklistRoutes(routes, database, clock);
  support::AddCallRecordRoutes(routes, database, clock);
  support::AddBreakGlassRoutes(routes, database, clock);
}

}  // namespace lien::calls
