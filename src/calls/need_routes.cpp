// Needs, referrals and situations followed over HTTP (docs/calls.md). Every read or change of a person's needs
// or referrals appends an audit event (purpose follow_up) in the same write transaction.

#include "calls/need_routes.hpp"

#include "calls/idempotent_post.hpp"
#include "calls/need_route_support.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace needs_support {

std::map<std::int64_t, std::string> PartnerNames(db::Connection& connection) {
  std::map<std::int64_t, std::string> names;
  for (const auto& partner : ListPartners(connection, true)) names.emplace(partner.id, partner.name);
  return names;
}

}  // namespace needs_support

namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;
using namespace needs_support;

// A need with its referrals.
Json NeedWithReferrals(db::Connection& connection, const Need& need, const std::map<std::int64_t, std::string>& names) {
  Json json = NeedJson(need, true);
  Json referrals = Json::array();
  for (const auto& referral : ReferralsOfNeed(connection, need.id)) referrals.push_back(ReferralJson(referral, names));
  json["referrals"] = referrals;
  return json;
}

core::Result<NeedDraft> NeedDraftFrom(const Json& body, std::int64_t person_id) {
  if (auto ok = http::OnlyFields(
          body, {"kind", "urgency", "notes", "source", "call_id", "escalation_id", "inbound_request_id"});
      !ok) {
    return core::Fail(ok.error());
  }
  NeedDraft draft;
  draft.person_id = person_id;
  auto kind = http::RequiredString(body, "kind", 100);
  if (!kind) return core::Fail(kind.error());
  draft.kind = *kind;
  auto urgency = http::OptionalString(body, "urgency", 100);
  if (!urgency) return core::Fail(urgency.error());
  if (*urgency) draft.urgency = **urgency;
  auto notes = http::OptionalString(body, "notes", kMaxNeedNotesLength);
  if (!notes) return core::Fail(notes.error());
  draft.notes = notes->value_or("");
  for (auto [field, target] : {std::pair{"call_id", &draft.call_id}, std::pair{"escalation_id", &draft.escalation_id},
                               std::pair{"inbound_request_id", &draft.inbound_request_id}}) {
    auto id = OptionalId(body, field);
    if (!id) return core::Fail(id.error());
    *target = *id;
  }
  auto source = http::OptionalString(body, "source", 100);
  if (!source) return core::Fail(source.error());
  // The source follows from the link given, unless told.
  draft.source = std::string(draft.call_id              ? kNeedFromCall
                             : draft.escalation_id      ? kNeedFromVisit
                             : draft.inbound_request_id ? kNeedFromInbound
                                                        : kNeedFromFollowUp);
  if (*source) draft.source = **source;
  return draft;
}

core::Result<NeedChange> NeedChangeFrom(const Json& body) {
  if (auto ok = http::OnlyFields(body, {"urgency", "notes", "state"}); !ok) return core::Fail(ok.error());
  NeedChange change;
  for (auto [field, target, max] : {std::tuple{"urgency", &change.urgency, std::size_t{100}},
                                    std::tuple{"notes", &change.notes, kMaxNeedNotesLength},
                                    std::tuple{"state", &change.state, std::size_t{100}}}) {
    auto value = http::OptionalString(body, field, max);
    if (!value) return core::Fail(value.error());
    *target = *value;
  }
  return change;
}

core::Result<ReferralDraft> ReferralDraftFrom(const Json& body, std::int64_t need_id) {
  if (auto ok = http::OnlyFields(body, {"service", "partner_id", "due_on", "notes", "send"}); !ok) {
    return core::Fail(ok.error());
  }
  ReferralDraft draft;
  draft.need_id = need_id;
  auto service = http::RequiredString(body, "service", 100);
  if (!service) return core::Fail(service.error());
  draft.service = *service;
  auto partner = OptionalId(body, "partner_id");
  if (!partner) return core::Fail(partner.error());
  draft.partner_id = *partner;
  auto due_on = http::OptionalString(body, "due_on", 100);
  if (!due_on) return core::Fail(due_on.error());
  if (*due_on && !(*due_on)->empty()) draft.due_on = **due_on;
  auto notes = http::OptionalString(body, "notes", kMaxReferralNotesLength);
  if (!notes) return core::Fail(notes.error());
  draft.notes = notes->value_or("");
  auto send = OptionalBool(body, "send");
  if (!send) return core::Fail(send.error());
  draft.send_now = send->value_or(false);
  return draft;
}

core::Result<ReferralChange> ReferralChangeFrom(const Json& body) {
  if (auto ok = http::OnlyFields(body, {"state", "due_on", "notes", "partner_notes"}); !ok) {
    return core::Fail(ok.error());
  }
  ReferralChange change;
  for (auto [field, target, max] :
       {std::tuple{"state", &change.state, std::size_t{100}}, std::tuple{"due_on", &change.due_on, std::size_t{100}},
        std::tuple{"notes", &change.notes, kMaxReferralNotesLength},
        std::tuple{"partner_notes", &change.partner_notes, kMaxReferralNotesLength}}) {
    auto value = http::OptionalString(body, field, max);
    if (!value) return core::Fail(value.error());
    *target = *value;
  }
  // due_on: null clears it.
  if (auto it = body.find("due_on"); it != body.end() && it->is_null()) change.due_on = std::string();
  return change;
}

// A list of referrals with the persons' names.
Json ReferralItems(db::Connection& connection, const std::vector<Referral>& referrals) {
  std::vector<std::int64_t> ids;
  for (const auto& referral : referrals) ids.push_back(referral.person_id);
  const auto persons = PersonsById(connection, ids);
  const auto names = PartnerNames(connection);
  Json items = Json::array();
  for (const auto& referral : referrals) {
    Json item = ReferralJson(referral, names);
    const auto it = persons.find(referral.person_id);
    item["person"] = PersonNameJson(it == persons.end() ? nullptr : &it->second);
    items.push_back(item);
  }
  return items;
}

void AddNeedsOfPersonRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/persons/{id}/needs", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (registry::LoadPersons(c, {*id}).empty()) {
                   return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 }
                 const auto names = PartnerNames(c);
                 Json items = Json::array();
                 for (const auto& need : NeedsOfPerson(c, *id)) items.push_back(NeedWithReferrals(c, need, names));
                 auto event = EventOf(principal, request, "need.list", "person", *id);
                 event.details = {{"count", std::to_string(items.size())}};
                 audit::Append(c, clock.Now(), event);
                 return Json{{"items", items}};
               });
               if (!body) return Error(body.error(), request);
               return http::JsonReply(200, *body);
             });
  routes.Add(Method::kPost, "/api/v1/persons/{id}/needs", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto draft = NeedDraftFrom(*body, *id);
               if (!draft) return Error(draft.error(), request);
               const auto now = clock.Now();
               auto create = [&](db::Connection& c) -> core::Result<Json> {
                 auto created = CreateNeed(c, *draft, principal.user.id, now);
                 if (!created) return core::Fail(created.error());
                 auto event = EventOf(principal, request, "need.create", "need", created->id);
                 event.details = {{"person_id", std::to_string(created->person_id)}, {"source", created->source}};
                 audit::Append(c, now, event);
                 return NeedJson(*created, true);
               };
               return CreateOnce(database, principal, request, *body, now, create, RecordReply);
             });
}

void AddNeedItemRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kGet, "/api/v1/needs", auth::Permission::kFollowUp,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto page = PageOf(request);
        if (!page) return Error(page.error(), request);
        auto body = db::InWriteTransaction(database, [&](db::Connection& c) {
          const auto needs = OpenNeeds(c, page->limit, page->offset);
          std::vector<std::int64_t> ids;
          for (const auto& need : needs) ids.push_back(need.person_id);
          const auto persons = PersonsById(c, ids);
          Json items = Json::array();
          for (const auto& need : needs) {
            Json item = NeedJson(need, true);
            const auto it = persons.find(need.person_id);
            item["person"] = PersonNameJson(it == persons.end() ? nullptr : &it->second);
            items.push_back(item);
          }
          auto event =
              auth::EventBy(principal.user, auth::InfoOf(request), "need.list_open", "needs", "open", "follow_up");
          event.details = {{"count", std::to_string(items.size())}};
          audit::Append(c, clock.Now(), event);
          return Json{{"items", items}, {"total", CountOpenNeeds(c)}, {"limit", page->limit}, {"offset", page->offset}};
        });
        return http::JsonReply(200, body);
      });
  routes.Add(Method::kGet, "/api/v1/needs/{id}", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto need = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto found = LoadNeed(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "needs.not_found");
                 audit::Append(c, clock.Now(), EventOf(principal, request, "need.read", "need", *id));
                 return NeedWithReferrals(c, *found, PartnerNames(c));
               });
               if (!need) return Error(need.error(), request);
               return Reply(200, *need, (*need)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPatch, "/api/v1/needs/{id}", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto change = NeedChangeFrom(*body);
               if (!change) return Error(change.error(), request);
               const auto now = clock.Now();
               std::optional<Need> current;
               auto need = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Need> {
                 auto updated = UpdateNeed(c, *id, *version, *change, principal.user.id, now);
                 if (!updated) {
                   current = LoadNeed(c, *id);
                   return updated;
                 }
                 auto event = EventOf(principal, request, "need.update", "need", *id);
                 event.details = {{"state", updated->state}, {"version", std::to_string(updated->version)}};
                 audit::Append(c, now, event);
                 return updated;
               });
               if (!need) {
                 if (need.error().code == core::ErrorCode::kPreconditionFailed && current) {
                   return http::ErrorWith(need.error(), request, Json{{"current", NeedJson(*current, true)}});
                 }
                 return Error(need.error(), request);
               }
               return Reply(200, NeedJson(*need, true), need->version);
             });
  routes.Add(Method::kPost, "/api/v1/needs/{id}/referrals", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto draft = ReferralDraftFrom(*body, *id);
               if (!draft) return Error(draft.error(), request);
               const auto now = clock.Now();
               auto create = [&](db::Connection& c) -> core::Result<Json> {
                 auto created = CreateReferral(c, *draft, principal.user.id, now, ParisIsoDay(now));
                 if (!created) return core::Fail(created.error());
                 auto event = EventOf(principal, request, "referral.create", "referral", created->id);
                 event.details = {{"need_id", std::to_string(*id)},
                                  {"person_id", std::to_string(created->person_id)},
                                  {"service", created->service},
                                  {"state", created->state}};
                 audit::Append(c, now, event);
                 return ReferralJson(*created, PartnerNames(c));
               };
               return CreateOnce(database, principal, request, *body, now, create, RecordReply);
             });
}

void AddReferralRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kGet, "/api/v1/referrals", auth::Permission::kCallsSupervise,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto page = PageOf(request);
        if (!page) return Error(page.error(), request);
        ReferralFilter filter;
        filter.limit = page->limit;
        filter.offset = page->offset;
        filter.today = Today(clock);
        if (auto it = request.query.find("overdue"); it != request.query.end()) {
          if (it->second != "true" && it->second != "false") {
            return Error(
                core::Error(core::ErrorCode::kInvalidInput, "http.invalid_query", "overdue", {{"name", "overdue"}}),
                request);
          }
          filter.overdue_only = it->second == "true";
        }
        if (auto it = request.query.find("state"); it != request.query.end() && !it->second.empty()) {
          const auto states = ReferralStates();
          if (std::find(states.begin(), states.end(), it->second) == states.end()) {
            return Error(core::Error(core::ErrorCode::kInvalidInput, "referrals.invalid_state", "state"), request);
          }
          filter.state = it->second;
        }
        auto body = db::InWriteTransaction(database, [&](db::Connection& c) {
          const auto referrals = FindReferrals(c, filter);
          auto event = auth::EventBy(principal.user, auth::InfoOf(request), "referral.list", "referrals",
                                     filter.overdue_only ? "overdue" : "all", "follow_up");
          event.details = {{"count", std::to_string(referrals.size())}};
          audit::Append(c, clock.Now(), event);
          return Json{{"items", ReferralItems(c, referrals)},
                      {"overdue_count", CountOverdueReferrals(c, filter.today)},
                      {"today", filter.today}};
        });
        return http::JsonReply(200, body);
      });
  routes.Add(Method::kGet, "/api/v1/referrals/overdue-count", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal&, Request&) -> Response {
               const auto today = Today(clock);
               const auto count =
                   db::InReadTransaction(database, [&](db::Connection& c) { return CountOverdueReferrals(c, today); });
               return http::JsonReply(200, Json{{"count", count}, {"today", today}});
             });
  routes.Add(Method::kGet, "/api/v1/referrals/{id}", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto referral = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto found = LoadReferral(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "referrals.not_found");
                 audit::Append(c, clock.Now(), EventOf(principal, request, "referral.read", "referral", *id));
                 return ReferralItems(c, {*found})[0];
               });
               if (!referral) return Error(referral.error(), request);
               return Reply(200, *referral, (*referral)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPatch, "/api/v1/referrals/{id}", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto change = ReferralChangeFrom(*body);
               if (!change) return Error(change.error(), request);
               const auto now = clock.Now();
               std::optional<Json> current;
               auto referral = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 auto changed = ChangeReferral(c, *id, *version, *change, ReferralActor::kPlatform, principal.user.id,
                                               now, ParisIsoDay(now));
                 if (!changed) {
                   if (auto found = LoadReferral(c, *id)) current = ReferralJson(*found, PartnerNames(c));
                   return core::Fail(changed.error());
                 }
                 auto event = EventOf(principal, request, "referral.update", "referral", *id);
                 event.details = {{"state", changed->state}, {"version", std::to_string(changed->version)}};
                 audit::Append(c, now, event);
                 return ReferralJson(*changed, PartnerNames(c));
               });
               if (!referral) {
                 if (referral.error().code == core::ErrorCode::kPreconditionFailed && current) {
                   return http::ErrorWith(referral.error(), request, Json{{"current", *current}});
                 }
                 return Error(referral.error(), request);
               }
               return Reply(200, *referral, (*referral)["version"].get<std::int64_t>());
             });
}

void AddSituationRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/situations", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto page = PageOf(request);
               if (!page) return Error(page.error(), request);
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) {
                 const auto situations = SituationsFollowed(c, page->limit, page->offset);
                 std::vector<std::int64_t> ids;
                 for (const auto& situation : situations) ids.push_back(situation.person_id);
                 const auto persons = PersonsById(c, ids);
                 Json items = Json::array();
                 for (const auto& situation : situations) {
                   Json item = SituationJson(situation);
                   const auto it = persons.find(situation.person_id);
                   item["person"] = PersonNameJson(it == persons.end() ? nullptr : &it->second);
                   items.push_back(item);
                 }
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "situation.list", "situations",
                                            "followed", "follow_up");
                 event.details = {{"count", std::to_string(items.size())}};
                 audit::Append(c, clock.Now(), event);
                 return Json{{"items", items},
                             {"total", CountSituationsFollowed(c)},
                             {"limit", page->limit},
                             {"offset", page->offset}};
               });
               return http::JsonReply(200, body);
             });
  routes.Add(Method::kGet, "/api/v1/situations/count", auth::Permission::kFollowUp,
             [&database](const auth::Principal&, Request&) -> Response {
               const auto count =
                   db::InReadTransaction(database, [](db::Connection& c) { return CountSituationsFollowed(c); });
               return http::JsonReply(200, Json{{"count", count}});
             });
}

}  // namespace

void AddNeedRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddNeedsOfPersonRoutes(routes, database, clock);
  AddNeedItemRoutes(routes, database, clock);
  AddReferralRoutes(routes, database, clock);
  AddSituationRoutes(routes, database, clock);
}

}  // namespace lien::calls
