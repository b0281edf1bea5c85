// Partners over HTTP: the coordinators' list and editing (campaigns.manage; the list is open to follow_up so a
// social worker can pick a partner), linking partner accounts, and the partner's own page (referrals.partner):
// only the referrals sent to its partner, with what is needed to act, nothing else.

#include "calls/need_route_support.hpp"
#include "calls/need_routes.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;
using namespace needs_support;

core::Result<PartnerDraft> PartnerDraftFrom(const Json& body, const std::optional<Partner>& base) {
  if (auto ok = http::OnlyFields(body, {"name", "service", "email", "phone", "active"}); !ok) {
    return core::Fail(ok.error());
  }
  PartnerDraft draft;
  if (base) draft = PartnerDraft{base->name, base->service, base->email, base->phone, base->active};
  for (auto [field, target] : {std::pair{"name", &draft.name}, std::pair{"service", &draft.service},
                               std::pair{"email", &draft.email}, std::pair{"phone", &draft.phone}}) {
    auto value = http::OptionalString(body, field, 300);
    if (!value) return core::Fail(value.error());
    if (*value) *target = **value;
  }
  auto active = OptionalBool(body, "active");
  if (!active) return core::Fail(active.error());
  if (*active) draft.active = **active;
  return NormalisePartner(std::move(draft));
}

Json PartnerWithMembers(db::Connection& connection, const Partner& partner) {
  Json json = PartnerJson(partner);
  Json members = Json::array();
  for (const auto& member : MembersOf(connection, partner.id)) {
    members.push_back({{"user_id", member.user_id}, {"login", member.login}, {"display_name", member.display_name}});
  }
  json["members"] = members;
  return json;
}

audit::Event AdminEvent(const auth::Principal& principal, const Request& request, std::string action,
                        std::int64_t partner_id) {
  return EventOf(principal, request, std::move(action), "partner", partner_id, "administration");
}

void AddPartnerAdminRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/partners", auth::Permission::kFollowUp,
             [&database](const auth::Principal&, Request& request) -> Response {
               const bool all = request.query.count("all") != 0 && request.query.at("all") == "true";
               auto items = db::InReadTransaction(database, [&](db::Connection& c) {
                 Json list = Json::array();
                 for (const auto& partner : ListPartners(c, all)) list.push_back(PartnerJson(partner));
                 return list;
               });
               return http::JsonReply(200, Json{{"items", items}});
             });
  routes.Add(Method::kPost, "/api/v1/partners", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto draft = PartnerDraftFrom(*body, std::nullopt);
               if (!draft) return Error(draft.error(), request);
               const auto now = clock.Now();
               auto partner = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto created = CreatePartner(c, *draft, now);
                 audit::Append(c, now, AdminEvent(principal, request, "partner.create", created.id));
                 return PartnerWithMembers(c, created);
               });
               return Reply(201, partner, partner["version"].get<std::int64_t>());
             });
  routes.Add(Method::kGet, "/api/v1/partners/{id}", auth::Permission::kCampaignsManage,
             [&database](const auth::Principal&, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto partner = db::InReadTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto found = LoadPartner(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "partners.not_found");
                 return PartnerWithMembers(c, *found);
               });
               if (!partner) return Error(partner.error(), request);
               return Reply(200, *partner, (*partner)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPatch, "/api/v1/partners/{id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               const auto now = clock.Now();
               auto partner = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto current = LoadPartner(c, *id);
                 if (!current) return core::Fail(core::ErrorCode::kNotFound, "partners.not_found");
                 auto draft = PartnerDraftFrom(*body, current);
                 if (!draft) return core::Fail(draft.error());
                 auto updated = UpdatePartner(c, *id, *version, *draft);
                 if (!updated) return core::Fail(updated.error());
                 audit::Append(c, now, AdminEvent(principal, request, "partner.update", *id));
                 return PartnerWithMembers(c, *updated);
               });
               if (!partner) return Error(partner.error(), request);
               return Reply(200, *partner, (*partner)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kDelete, "/api/v1/partners/{id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               const auto now = clock.Now();
               auto done = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
                 auto deleted = DeletePartner(c, *id, *version);
                 if (!deleted) return deleted;
                 audit::Append(c, now, AdminEvent(principal, request, "partner.delete", *id));
                 return {};
               });
               if (!done) return Error(done.error(), request);
               return NoContent();
             });
  routes.Add(
      Method::kPost, "/api/v1/partners/{id}/members", auth::Permission::kCampaignsManage,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto id = http::PathId(request);
        if (!id) return Error(id.error(), request);
        auto body = http::ParseJsonObject(request);
        if (!body) return Error(body.error(), request);
        if (auto ok = http::OnlyFields(*body, {"login"}); !ok) return Error(ok.error(), request);
        auto login = http::RequiredString(*body, "login", 200);
        if (!login) return Error(login.error(), request);
        const auto now = clock.Now();
        auto member = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
          auto added = AddMember(c, *id, *login);
          if (!added) return core::Fail(added.error());
          auto event = AdminEvent(principal, request, "partner.member_add", *id);
          event.details = {{"user_id", std::to_string(added->user_id)}};
          audit::Append(c, now, event);
          return Json{{"user_id", added->user_id}, {"login", added->login}, {"display_name", added->display_name}};
        });
        if (!member) return Error(member.error(), request);
        return http::JsonReply(201, *member);
      });
  routes.Add(Method::kDelete, "/api/v1/partners/{id}/members/{user_id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto user_id = http::PathId(request, "user_id");
               if (!user_id) return Error(user_id.error(), request);
               const auto now = clock.Now();
               auto done = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
                 auto removed = RemoveMember(c, *id, *user_id);
                 if (!removed) return removed;
                 auto event = AdminEvent(principal, request, "partner.member_remove", *id);
                 event.details = {{"user_id", std::to_string(*user_id)}};
                 audit::Append(c, now, event);
                 return {};
               });
               if (!done) return Error(done.error(), request);
               return NoContent();
             });
}

// The partner's own referrals. An account linked to no partner sees nothing (403 for the list, 404 for an id).
void AddPartnerSideRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/partner/referrals", auth::Permission::kReferralsPartner,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto partner_id = PartnerOfAccount(c, principal.user.id);
                 if (!partner_id) return core::Fail(core::ErrorCode::kForbidden, "partners.not_a_member");
                 const auto partner = LoadPartner(c, *partner_id);
                 const auto referrals = ReferralsOfPartner(c, *partner_id);
                 std::vector<std::int64_t> ids;
                 for (const auto& referral : referrals) ids.push_back(referral.person_id);
                 const auto persons = PersonsById(c, ids);
                 Json items = Json::array();
                 for (const auto& referral : referrals) {
                   const auto it = persons.find(referral.person_id);
                   items.push_back(PartnerReferralJson(referral, it == persons.end() ? nullptr : &it->second));
                 }
                 auto event = EventOf(principal, request, "partner_referral.list", "partner", *partner_id);
                 event.details = {{"count", std::to_string(items.size())}};
                 audit::Append(c, clock.Now(), event);
                 return Json{{"partner", {{"id", partner->id}, {"name", partner->name}, {"service", partner->service}}},
                             {"items", items}};
               });
               if (!body) return Error(body.error(), request);
               return http::JsonReply(200, *body);
             });
  routes.Add(Method::kGet, "/api/v1/partner/referrals/{id}", auth::Permission::kReferralsPartner,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto partner_id = PartnerOfAccount(c, principal.user.id);
                 const auto referral = partner_id ? LoadPartnerReferral(c, *id, *partner_id) : std::nullopt;
                 if (!referral) return core::Fail(core::ErrorCode::kNotFound, "referrals.not_found");
                 const auto persons = PersonsById(c, {referral->person_id});
                 audit::Append(c, clock.Now(), EventOf(principal, request, "partner_referral.read", "referral", *id));
                 const auto it = persons.find(referral->person_id);
                 return PartnerReferralJson(*referral, it == persons.end() ? nullptr : &it->second);
               });
               if (!body) return Error(body.error(), request);
               return Reply(200, *body, (*body)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPatch, "/api/v1/partner/referrals/{id}", auth::Permission::kReferralsPartner,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto ok = http::OnlyFields(*body, {"state", "partner_notes"}); !ok)
                 return Error(ok.error(), request);
               ReferralChange change;
               for (auto [field, target] :
                    {std::pair{"state", &change.state}, std::pair{"partner_notes", &change.partner_notes}}) {
                 auto value = http::OptionalString(*body, field, kMaxReferralNotesLength);
                 if (!value) return Error(value.error(), request);
                 *target = *value;
               }
               const auto now = clock.Now();
               auto result = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto partner_id = PartnerOfAccount(c, principal.user.id);
                 if (!partner_id || !LoadPartnerReferral(c, *id, *partner_id)) {
                   return core::Fail(core::ErrorCode::kNotFound, "referrals.not_found");
                 }
                 auto changed = ChangeReferral(c, *id, *version, change, ReferralActor::kPartner, principal.user.id,
                                               now, ParisIsoDay(now));
                 if (!changed) return core::Fail(changed.error());
                 auto event = EventOf(principal, request, "partner_referral.update", "referral", *id);
                 event.details = {{"state", changed->state}, {"partner_id", std::to_string(*partner_id)}};
                 audit::Append(c, now, event);
                 const auto persons = PersonsById(c, {changed->person_id});
                 const auto it = persons.find(changed->person_id);
                 return PartnerReferralJson(*changed, it == persons.end() ? nullptr : &it->second);
               });
               if (!result) return Error(result.error(), request);
               return Reply(200, *result, (*result)["version"].get<std::int64_t>());
             });
}

}  // namespace

void AddPartnerRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddPartnerAdminRoutes(routes, database, clock);
  AddPartnerSideRoutes(routes, database, clock);
}

}  // namespace lien::calls
