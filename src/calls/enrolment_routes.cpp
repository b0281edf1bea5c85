// A campaign's enrolments: list (with the persons' names), add by hand, change the agreement (If-Match), remove
// (If-Match). Reading and changing them is personal data of the follow-up purpose: audited.

#include <algorithm>
#include <map>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "calls/campaign_json.hpp"
#include "calls/campaign_routes.hpp"
#include "calls/campaign_store.hpp"
#include "calls/enrolment_store.hpp"
#include "register/person_rules.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

audit::Event EnrolmentEvent(const auth::Principal& principal, const Request& request, const char* action,
                            CampaignId campaign_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "campaign", std::to_string(campaign_id),
                       "follow_up");
}

// What the enrolments' page shows of a person: who and where, nothing of the register.
Json PersonSummary(const registry::Person& person) {
  return Json{{"id", person.id},
              {"last_name", person.last_name},
              {"first_names", person.first_names},
              {"birth_date", person.birth_date ? Json(registry::FormatDate(*person.birth_date)) : Json(nullptr)},
              {"town", person.address.town},
              {"status", registry::StatusCode(person.status)}};
}

Json WithPerson(db::Connection& connection, const EnrolmentRecord& enrolment) {
  const auto persons = registry::LoadPersons(connection, {enrolment.person_id});
  return EnrolmentJson(enrolment, persons.empty() ? Json(nullptr) : PersonSummary(persons.front()));
}

core::Status RequireCampaign(db::Connection& connection, CampaignId id, bool to_change) {
  auto campaign = LoadCampaign(connection, id);
  if (!campaign) return core::Fail(core::ErrorCode::kNotFound, "campaigns.not_found");
  if (to_change && campaign->status == CampaignStatus::kClosed) {
    return core::Fail(core::ErrorCode::kConflict, "campaigns.closed", "status");
  }
  return {};
}

Response EnrolmentReply(int status, const Json& body) {
  auto response = http::JsonReply(status, body);
  response.SetHeader("ETag", "\"" + std::to_string(body["version"].get<std::int64_t>()) + "\"");
  return response;
}

}  // namespace

void AddEnrolmentRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/campaigns/{id}/enrolments", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto limit = http::QueryInt(request, "limit", 50, 1, 500);
               if (!limit) return Error(limit.error(), request);
               auto offset = http::QueryInt(request, "offset", 0, 0, 10'000'000);
               if (!offset) return Error(offset.error(), request);
               const auto all = request.query.find("include_ended");
               const bool include_ended = all != request.query.end() && all->second == "true";
               auto page = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (auto ok = RequireCampaign(c, *id, false); !ok) return core::Fail(ok.error());
                 auto found =
                     ListEnrolments(c, *id, include_ended, static_cast<int>(*limit), static_cast<int>(*offset));
                 std::vector<std::int64_t> ids;
                 for (const auto& item : found.items) ids.push_back(item.person_id);
                 std::map<std::int64_t, Json> persons;
                 for (const auto& person : registry::LoadPersons(c, ids)) persons[person.id] = PersonSummary(person);
                 Json items = Json::array();
                 for (const auto& item : found.items) {
                   const auto it = persons.find(item.person_id);
                   items.push_back(EnrolmentJson(item, it == persons.end() ? Json(nullptr) : it->second));
                 }
                 auto event = EnrolmentEvent(principal, request, "enrolment.list", *id);
                 event.details = {{"count", std::to_string(found.items.size())}};
                 audit::Append(c, clock.Now(), event);
                 return Json{{"items", items}, {"total", found.total}, {"limit", *limit}, {"offset", *offset}};
               });
               if (!page) return Error(page.error(), request);
               return http::JsonReply(200, *page);
             });
  routes.Add(Method::kPost, "/api/v1/campaigns/{id}/enrolments", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto ok = http::OnlyFields(
                       *body, {"person_id", "weekdays", "window_start", "window_end", "frequency_days", "caller_id"});
                   !ok) {
                 return Error(ok.error(), request);
               }
               const auto person = body->find("person_id");
               if (person == body->end() || person->is_null()) {
                 return Error(core::Error(core::ErrorCode::kInvalidInput, "validation.required", "person_id"), request);
               }
               if (!person->is_number_integer() || person->get<std::int64_t>() <= 0) {
                 return Error(core::Error(core::ErrorCode::kInvalidInput, "validation.type", "person_id"), request);
               }
               auto agreement = AgreementFromJson(*body);
               if (!agreement) return Error(agreement.error(), request);
               auto added = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (auto ok = RequireCampaign(c, *id, true); !ok) return core::Fail(ok.error());
                 const auto now = clock.Now();
                 auto enrolment = AddEnrolment(c, *id, person->get<std::int64_t>(), *agreement, principal.user.id, now);
                 if (!enrolment) return core::Fail(enrolment.error());
                 auto event = EnrolmentEvent(principal, request, "enrolment.added", *id);
                 event.details = {{"person_id", std::to_string(enrolment->person_id)},
                                  {"enrolment_id", std::to_string(enrolment->id)}};
                 audit::Append(c, now, event);
                 return WithPerson(c, *enrolment);
               });
               if (!added) return Error(added.error(), request);
               return EnrolmentReply(201, *added);
             });
  routes.Add(Method::kPatch, "/api/v1/campaigns/{id}/enrolments/{enrolment_id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto enrolment_id = http::PathId(request, "enrolment_id");
               if (!enrolment_id) return Error(enrolment_id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto ok = http::OnlyFields(
                       *body, {"weekdays", "window_start", "window_end", "frequency_days", "caller_id"});
                   !ok) {
                 return Error(ok.error(), request);
               }
               auto agreement = AgreementFromJson(*body);
               if (!agreement) return Error(agreement.error(), request);
               std::optional<Json> current;
               auto updated = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (auto ok = RequireCampaign(c, *id, true); !ok) return core::Fail(ok.error());
                 const auto now = clock.Now();
                 auto enrolment = UpdateEnrolment(c, *id, *enrolment_id, *agreement, *version);
                 if (!enrolment) {
                   if (auto stored = LoadEnrolment(c, *enrolment_id); stored && stored->campaign_id == *id) {
                     current = WithPerson(c, *stored);
                   }
                   return core::Fail(enrolment.error());
                 }
                 auto event = EnrolmentEvent(principal, request, "enrolment.updated", *id);
                 event.details = {{"person_id", std::to_string(enrolment->person_id)},
                                  {"enrolment_id", std::to_string(enrolment->id)}};
                 audit::Append(c, now, event);
                 return WithPerson(c, *enrolment);
               });
               if (!updated) {
                 if (updated.error().code == core::ErrorCode::kPreconditionFailed && current) {
                   return ErrorWithCurrent(updated.error(), request, *current);
                 }
                 return Error(updated.error(), request);
               }
               return EnrolmentReply(200, *updated);
             });
  routes.Add(Method::kDelete, "/api/v1/campaigns/{id}/enrolments/{enrolment_id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto enrolment_id = http::PathId(request, "enrolment_id");
               if (!enrolment_id) return Error(enrolment_id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto removed = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (auto ok = RequireCampaign(c, *id, true); !ok) return core::Fail(ok.error());
                 auto stored = LoadEnrolment(c, *enrolment_id);
                 if (!stored || stored->campaign_id != *id) {
                   return core::Fail(core::ErrorCode::kNotFound, "enrolments.not_found");
                 }
                 if (stored->version != *version) {
                   return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
                 }
                 const auto now = clock.Now();
                 auto enrolment = RemoveEnrolment(c, *id, *enrolment_id, now);
                 if (!enrolment) return core::Fail(enrolment.error());
                 auto event = EnrolmentEvent(principal, request, "enrolment.removed", *id);
                 event.details = {{"person_id", std::to_string(enrolment->person_id)},
                                  {"enrolment_id", std::to_string(enrolment->id)}};
                 audit::Append(c, now, event);
                 return WithPerson(c, *enrolment);
               });
               if (!removed) return Error(removed.error(), request);
               return EnrolmentReply(200, *removed);
             });
}

}  // namespace lien::calls
