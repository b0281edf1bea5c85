#include "calls/escalation_routes.hpp"

#include <map>
#include <string>
#include <utility>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "calls/escalation_json.hpp"
#include "calls/escalation_route_support.hpp"
#include "calls/escalation_sweep.hpp"
#include "calls/need_rules.hpp"
#include "http/json_body.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;
using support::ActorOf;
using support::EscalationEvent;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

core::Result<Json> BodyWith(const Request& request, std::initializer_list<std::string_view> allowed) {
  auto body = http::ParseJsonObject(request);
  if (!body) return body;
  if (auto only = http::OnlyFields(*body, allowed); !only) return core::Fail(only.error());
  return body;
}

core::Result<bool> RequiredBool(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null())
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", field);
  if (!it->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  return it->get<bool>();
}

core::Result<std::optional<std::int64_t>> OptionalId(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

// The optional "need" of a visit's outcome: {kind, urgency, notes}, checked by the needs' own rules.
core::Result<std::optional<NeedProposal>> NeedOf(const Json& body) {
  const auto it = body.find("need");
  if (it == body.end() || it->is_null()) return std::optional<NeedProposal>();
  if (!it->is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "need");
  if (auto only = http::OnlyFields(*it, {"kind", "urgency", "notes"}); !only) {
    auto error = only.error();
    error.field = "need." + error.field;
    return core::Fail(std::move(error));
  }
  NeedProposal need;
  for (auto [field, target] :
       {std::pair{"kind", &need.kind}, std::pair{"urgency", &need.urgency}, std::pair{"notes", &need.notes}}) {
    auto value = http::OptionalString(*it, field, kMaxNeedNotesLength);
    if (!value) {
      auto error = value.error();
      error.field = std::string("need.") + field;
      return core::Fail(std::move(error));
    }
    if (*value) *target = std::move(**value);
  }
  return std::optional<NeedProposal>(std::move(need));
}

core::Result<EscalationListing> ListingOf(const Request& request) {
  const auto it = request.query.find("state");
  if (it == request.query.end() || it->second.empty() || it->second == "open") return EscalationListing::kOpen;
  if (it->second == "closed") return EscalationListing::kClosed;
  if (it->second == "all") return EscalationListing::kAll;
  return core::Fail(core::ErrorCode::kInvalidInput, "http.invalid_query", "state", {{"name", "state"}});
}

// The common shape of a step: escalation id, If-Match, then `change` with its audit event in one write
// transaction; the reply is the escalation with its person, as on the coordinator's screen. A stale version
// gets 412 with the current escalation (as the actor may see it).
template <class Change>
Response ChangeEscalation(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                          Request& request, const std::string& action, Change&& change) {
  auto id = http::PathId(request);
  if (!id) return Error(id.error(), request);
  auto version = http::IfMatchVersion(request);
  if (!version) return Error(version.error(), request);
  const auto actor = ActorOf(principal);
  const auto now = clock.Now();
  std::int64_t new_version = 0;
  auto reply = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
    auto changed = change(c, *id, *version, actor, now);
    if (!changed) return core::Fail(changed.error());
    const Escalation& escalation = changed->first;
    audit::Event event = EscalationEvent(principal, request, action, escalation);
    for (const auto& [key, value] : changed->second) event.details[key] = value;
    audit::Append(c, now, event);
    new_version = escalation.version;
    return support::DetailedJson(c, {escalation}).at(0);
  });
  if (reply) return support::EscalationReply(200, *reply, new_version);
  if (reply.error().code != core::ErrorCode::kPreconditionFailed) return Error(reply.error(), request);
  auto current = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Escalation> {
    auto found = EscalationFor(c, *id, actor);
    if (found) audit::Append(c, now, EscalationEvent(principal, request, "escalation.read", *found));
    return found;
  });
  if (!current) return Error(current.error(), request);
  return support::ErrorWith(reply.error(), request, Json{{"current", EscalationJson(*current)}});
}

using Details = std::map<std::string, std::string>;

void AddReadRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/escalations", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto listing = ListingOf(request);
               if (!listing) return Error(listing.error(), request);
               auto limit = http::QueryInt(request, "limit", 100, 1, 200);
               if (!limit) return Error(limit.error(), request);
               auto offset = http::QueryInt(request, "offset", 0, 0, 1'000'000);
               if (!offset) return Error(offset.error(), request);
               const auto now = clock.Now();
               bool has_more = false;
               auto items = db::InWriteTransaction(database, [&](db::Connection& c) {
                 // One more than asked tells whether another page follows.
                 auto escalations =
                     ListEscalations(c, *listing, static_cast<int>(*limit) + 1, static_cast<int>(*offset));
                 has_more = escalations.size() > static_cast<std::size_t>(*limit);
                 if (has_more) escalations.pop_back();
                 audit::Append(c, now, support::ListedEvent(principal, request, "escalations.listed", escalations));
                 return support::DetailedJson(c, escalations);
               });
               return http::JsonReply(
                   200, Json{{"items", items}, {"offset", *offset}, {"limit", *limit}, {"has_more", has_more}});
             });
  routes.Add(
      Method::kGet, "/api/v1/escalations/summary", auth::Permission::kCallsSupervise,
      [&database](const auth::Principal&, Request&) -> Response {
        const auto summary = db::InReadTransaction(database, [](db::Connection& c) { return SummariseEscalations(c); });
        return http::JsonReply(200, Json{{"open", summary.open},
                                         {"contacts_tried", summary.contacts_tried},
                                         {"visit_assigned", summary.visit_assigned},
                                         {"oldest_raised_at",
                                          summary.oldest_raised_at ? Json(*summary.oldest_raised_at) : Json(nullptr)}});
      });
  // One escalation: a coordinator's, or the visiting agent's own.
  routes.Add(Method::kGet, "/api/v1/escalations/{id}", auth::Permission::kVisits,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               const auto now = clock.Now();
               std::int64_t version = 0;
               auto item = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 auto escalation = EscalationFor(c, *id, ActorOf(principal));
                 if (!escalation) return core::Fail(escalation.error());
                 audit::Append(c, now, EscalationEvent(principal, request, "escalation.read", *escalation));
                 version = escalation->version;
                 return support::DetailedJson(c, {*escalation}).at(0);
               });
               if (!item) return Error(item.error(), request);
               return support::EscalationReply(200, *item, version);
             });
  routes.Add(Method::kGet, "/api/v1/visits/mine", auth::Permission::kVisits,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               const auto now = clock.Now();
               auto items = db::InWriteTransaction(database, [&](db::Connection& c) {
                 const auto escalations = ListVisitsAssignedTo(c, principal.user.id);
                 audit::Append(c, now, support::ListedEvent(principal, request, "visits.listed", escalations));
                 return support::DetailedJson(c, escalations);
               });
               return http::JsonReply(200, Json{{"items", items}});
             });
  routes.Add(
      Method::kGet, "/api/v1/visits/assignees", auth::Permission::kCallsSupervise,
      [&database](const auth::Principal&, Request&) -> Response {
        const auto assignees = db::InReadTransaction(database, [](db::Connection& c) { return VisitAssignees(c); });
        Json items = Json::array();
        for (const auto& assignee : assignees) {
          items.push_back({{"id", assignee.id}, {"display_name", assignee.display_name}, {"role", assignee.role}});
        }
        return http::JsonReply(200, Json{{"items", items}});
      });
}

void AddSweepRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/escalations/sweep", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               if (auto body = BodyWith(request, {}); !body) return Error(body.error(), request);
               const auto actor = auth::EventBy(principal.user, auth::InfoOf(request), "", "", "", "follow_up");
               // Waits for a sweep of another server to finish: the answer then says what that one raised too.
               const auto report = SweepEscalations(database, clock.Now(), actor, SweepWait::kWait);
               if (!report) return Error(core::Error(core::ErrorCode::kUnavailable, "http.unavailable"), request);
               Json raised = Json::array();
               for (const auto id : report->raised) raised.push_back(id);
               return http::JsonReply(
                   200,
                   Json{{"raised", raised}, {"already_open", report->already_open}, {"examined", report->examined}});
             });
}

void AddStepRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/escalations/{id}/contacts-tried", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = BodyWith(request, {"outcome", "reached"});
               if (!body) return Error(body.error(), request);
               auto outcome = http::RequiredString(*body, "outcome", kStepTextMax);
               if (!outcome) return Error(outcome.error(), request);
               auto reached = RequiredBool(*body, "reached");
               if (!reached) return Error(reached.error(), request);
               return ChangeEscalation(
                   database, clock, principal, request, "escalation.contacts_tried",
                   [&](db::Connection& c, std::int64_t id, std::int64_t version, const EscalationActor& actor,
                       auto now) -> core::Result<std::pair<Escalation, Details>> {
                     auto changed = RecordContactsTried(c, id, version, *outcome, *reached, actor, now);
                     if (!changed) return core::Fail(changed.error());
                     return std::pair{*changed, Details{{"reached", *reached ? "true" : "false"}}};
                   });
             });
  routes.Add(Method::kPost, "/api/v1/escalations/{id}/visit", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = BodyWith(request, {"assignee_id", "assignee_name", "notes"});
               if (!body) return Error(body.error(), request);
               auto assignee_id = OptionalId(*body, "assignee_id");
               if (!assignee_id) return Error(assignee_id.error(), request);
               auto assignee_name = http::OptionalString(*body, "assignee_name", 200);
               if (!assignee_name) return Error(assignee_name.error(), request);
               auto notes = http::OptionalString(*body, "notes", kStepTextMax);
               if (!notes) return Error(notes.error(), request);
               const bool named = assignee_name->has_value() && !(*assignee_name)->empty();
               if (assignee_id->has_value() == named) {
                 return Error(
                     core::Error(core::ErrorCode::kInvalidInput, "escalations.assignee_required", "assignee_id"),
                     request);
               }
               VisitAssignment assignment{*assignee_id, assignee_name->value_or(""), notes->value_or("")};
               return ChangeEscalation(
                   database, clock, principal, request, "escalation.visit_assigned",
                   [&](db::Connection& c, std::int64_t id, std::int64_t version, const EscalationActor& actor,
                       auto now) -> core::Result<std::pair<Escalation, Details>> {
                     auto changed = AssignVisit(c, id, version, assignment, actor, now);
                     if (!changed) return core::Fail(changed.error());
                     Details details;
                     if (changed->visit_assignee_id)
                       details["assignee_id"] = std::to_string(*changed->visit_assignee_id);
                     return std::pair{*changed, details};
                   });
             });
  routes.Add(
      Method::kPost, "/api/v1/escalations/{id}/visit-outcome", auth::Permission::kVisits,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto body = BodyWith(request, {"outcome", "notes", "need"});
        if (!body) return Error(body.error(), request);
        auto need = NeedOf(*body);
        if (!need) return Error(need.error(), request);
        auto outcome_name = http::RequiredString(*body, "outcome", 40);
        if (!outcome_name) return Error(outcome_name.error(), request);
        const auto outcome = VisitOutcomeFromName(*outcome_name);
        if (!outcome) {
          return Error(core::Error(core::ErrorCode::kInvalidInput, "escalations.invalid_visit_outcome", "outcome"),
                       request);
        }
        auto notes = http::OptionalString(*body, "notes", kStepTextMax);
        if (!notes) return Error(notes.error(), request);
        return ChangeEscalation(
            database, clock, principal, request, "escalation.visit_outcome",
            [&](db::Connection& c, std::int64_t id, std::int64_t version, const EscalationActor& actor,
                auto now) -> core::Result<std::pair<Escalation, Details>> {
              auto recorded = RecordVisitOutcome(c, id, version, *outcome, notes->value_or(""), *need, actor, now);
              if (!recorded) return core::Fail(recorded.error());
              Details details{{"outcome", std::string(VisitOutcomeName(*outcome))}};
              if (recorded->need_id) {
                details["need_id"] = std::to_string(*recorded->need_id);
                auto event = auth::EventBy(principal.user, auth::InfoOf(request), "need.create", "need",
                                           std::to_string(*recorded->need_id), "follow_up");
                event.details = {{"person_id", std::to_string(recorded->escalation.person_id)},
                                 {"escalation_id", std::to_string(recorded->escalation.id)}};
                audit::Append(c, now, event);
              }
              return std::pair{recorded->escalation, details};
            });
      });
}

}  // namespace

void AddEscalationRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddReadRoutes(routes, database, clock);
  AddSweepRoute(routes, database, clock);
  AddStepRoutes(routes, database, clock);
}

}  // namespace lien::calls
