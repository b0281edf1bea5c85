// Campaigns and their scripts: list, read, create, PATCH (If-Match), the script as a whole (PUT, If-Match),
// activate and close (If-Match), refresh the enrolments.

#include "calls/campaign_routes.hpp"

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "calls/agreed_window.hpp"
#include "calls/campaign_activation.hpp"
#include "calls/campaign_json.hpp"
#include "calls/campaign_rules.hpp"
#include "calls/campaign_store.hpp"
#include "register/register_entry_model.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

Response CampaignReply(int status, const Campaign& campaign, const std::vector<Question>& questions) {
  auto body = CampaignJson(campaign);
  body["questions"] = QuestionsJson(questions);
  auto response = http::JsonReply(status, body);
  response.personal_data = false;  // hand-picked persons are ids only
  response.SetHeader("ETag", "\"" + std::to_string(campaign.version) + "\"");
  return response;
}

audit::Event CampaignEvent(const auth::Principal& principal, const Request& request, const char* action,
                           CampaignId id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "campaign", std::to_string(id), "follow_up");
}

core::Status Validate(const Campaign& campaign) { return ValidateCampaign(campaign, registry::RegisterGrounds()); }

struct Change {
  core::Result<Campaign> campaign;
  std::vector<Question> questions{};
  std::vector<PersonId> enrolled{};
};

// A failed change's reply: 412 carries the campaign as it is now.
Response ChangeError(db::Database& database, const core::Error& error, const Request& request, CampaignId id) {
  if (error.code != core::ErrorCode::kPreconditionFailed) return Error(error, request);
  auto current = db::InReadTransaction(database, [&](db::Connection& c) -> Json {
    auto campaign = LoadCampaign(c, id);
    if (!campaign) return nullptr;
    auto json = CampaignJson(*campaign);
    json["questions"] = QuestionsJson(LoadQuestions(c, id));
    return json;
  });
  return ErrorWithCurrent(error, request, current);
}

Response ChangeReply(db::Database& database, Change& change, const Request& request, CampaignId id) {
  if (!change.campaign) return ChangeError(database, change.campaign.error(), request, id);
  auto response = CampaignReply(200, *change.campaign, change.questions);
  return response;
}

}  // namespace

void AddCampaignRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kGet, "/api/v1/campaigns", auth::Permission::kCampaignsManage,
      [&database](const auth::Principal&, Request& request) -> Response {
        std::optional<CampaignStatus> status;
        if (const auto it = request.query.find("status"); it != request.query.end() && !it->second.empty()) {
          status = CampaignStatusFromName(it->second);
          if (!status) {
            return Error(
                core::Error(core::ErrorCode::kInvalidInput, "http.invalid_query", "status", {{"name", "status"}}),
                request);
          }
        }
        auto items = db::InReadTransaction(database, [&](db::Connection& c) { return ListCampaigns(c, status); });
        Json list = Json::array();
        for (const auto& item : items) {
          auto json = CampaignJson(item.campaign);
          json["enrolled"] = item.enrolled;
          json["questions_count"] = item.questions;
          list.push_back(std::move(json));
        }
        auto response = http::JsonReply(200, Json{{"items", list}});
        response.personal_data = false;
        return response;
      });
  routes.Add(Method::kGet, "/api/v1/campaigns/{id}", auth::Permission::kCampaignsManage,
             [&database](const auth::Principal&, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto found = db::InReadTransaction(
                   database, [&](db::Connection& c) -> core::Result<std::pair<Campaign, std::vector<Question>>> {
                     auto campaign = LoadCampaign(c, *id);
                     if (!campaign) return core::Fail(core::ErrorCode::kNotFound, "campaigns.not_found");
                     return std::pair{*campaign, LoadQuestions(c, *id)};
                   });
               if (!found) return Error(found.error(), request);
               return CampaignReply(200, found->first, found->second);
             });
  routes.Add(Method::kPost, "/api/v1/campaigns", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               Campaign campaign;
               if (auto ok = ApplyCampaignJson(*body, campaign, true); !ok) return Error(ok.error(), request);
               if (auto ok = Validate(campaign); !ok) return Error(ok.error(), request);
               auto created = db::InWriteTransaction(database, [&](db::Connection& c) {
                 const auto now = clock.Now();
                 auto stored = InsertCampaign(c, campaign, principal.user.id, now);
                 auto event = CampaignEvent(principal, request, "campaign.created", stored.id);
                 event.details = {{"kind", std::string(CampaignKindName(stored.kind))}};
                 audit::Append(c, now, event);
                 return stored;
               });
               return CampaignReply(201, created, {});
             });
  routes.Add(Method::kPatch, "/api/v1/campaigns/{id}", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) -> Change {
                 auto campaign = LoadCampaign(c, *id);
                 if (!campaign) return {core::Fail(core::ErrorCode::kNotFound, "campaigns.not_found")};
                 if (campaign->version != *version) {
                   return {core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed")};
                 }
                 if (auto ok = CheckCanEdit(*campaign); !ok) return {core::Fail(ok.error())};
                 if (auto ok = ApplyCampaignJson(*body, *campaign, false); !ok) return {core::Fail(ok.error())};
                 if (auto ok = Validate(*campaign); !ok) return {core::Fail(ok.error())};
                 const auto now = clock.Now();
                 Change result{UpdateCampaign(c, *campaign, *version, principal.user.id, now)};
                 if (result.campaign) {
                   result.questions = LoadQuestions(c, *id);
                   audit::Append(c, now, CampaignEvent(principal, request, "campaign.updated", *id));
                 }
                 return result;
               });
               return ChangeReply(database, change, request, *id);
             });
  routes.Add(Method::kPut, "/api/v1/campaigns/{id}/questions", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto questions = QuestionsFromJson(*body);
               if (!questions) return Error(questions.error(), request);
               if (auto ok = ValidateScript(*questions); !ok) return Error(ok.error(), request);
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) -> Change {
                 const auto now = clock.Now();
                 Change result{ReplaceQuestions(c, *id, *questions, *version, principal.user.id, now), *questions};
                 if (result.campaign) {
                   auto event = CampaignEvent(principal, request, "campaign.script_updated", *id);
                   event.details = {{"questions", std::to_string(questions->size())}};
                   audit::Append(c, now, event);
                 }
                 return result;
               });
               return ChangeReply(database, change, request, *id);
             });
  routes.Add(Method::kPost, "/api/v1/campaigns/{id}/activate", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) -> Change {
                 const auto now = clock.Now();
                 auto activated = ActivateCampaign(c, *id, *version, principal.user.id, now);
                 if (!activated) return {core::Fail(activated.error())};
                 auto event = CampaignEvent(principal, request, "campaign.activated", *id);
                 event.details = {{"enrolled", std::to_string(activated->enrolled.size())}};
                 audit::Append(c, now, event);
                 return {activated->campaign, LoadQuestions(c, *id), activated->enrolled};
               });
               if (!change.campaign) return ChangeError(database, change.campaign.error(), request, *id);
               auto response = CampaignReply(200, *change.campaign, change.questions);
               auto body = Json::parse(response.body);
               body["enrolled_now"] = change.enrolled.size();
               response.body = body.dump();
               return response;
             });
  routes.Add(Method::kPost, "/api/v1/campaigns/{id}/refresh", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) -> Change {
                 const auto now = clock.Now();
                 auto refreshed = RefreshEnrolments(c, *id, principal.user.id, now);
                 if (!refreshed) return {core::Fail(refreshed.error())};
                 auto event = CampaignEvent(principal, request, "campaign.refreshed", *id);
                 event.details = {{"enrolled", std::to_string(refreshed->enrolled.size())}};
                 audit::Append(c, now, event);
                 return {refreshed->campaign, LoadQuestions(c, *id), refreshed->enrolled};
               });
               if (!change.campaign) return Error(change.campaign.error(), request);
               auto response = CampaignReply(200, *change.campaign, change.questions);
               auto body = Json::parse(response.body);
               body["enrolled_now"] = change.enrolled.size();
               response.body = body.dump();
               return response;
             });
  routes.Add(Method::kPost, "/api/v1/campaigns/{id}/close", auth::Permission::kCampaignsManage,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) -> Change {
                 const auto now = clock.Now();
                 Change result{CloseCampaign(c, *id, *version, principal.user.id, now)};
                 if (result.campaign) {
                   result.questions = LoadQuestions(c, *id);
                   audit::Append(c, now, CampaignEvent(principal, request, "campaign.closed", *id));
                 }
                 return result;
               });
               return ChangeReply(database, change, request, *id);
             });
}

}  // namespace lien::calls
