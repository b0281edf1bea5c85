#include "calls/figures_routes.hpp"

#include <limits>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "calls/agreed_window.hpp"
#include "calls/figures_export.hpp"
#include "calls/figures_store.hpp"
#include "calls/referral_rules.hpp"
#include "calls/schedule_text.hpp"
#include "http/json_body.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Request;
using http::Response;

struct FiguresAsked {
  FiguresPeriodKind kind = FiguresPeriodKind::kDay;
  std::chrono::local_days day;
  std::optional<std::int64_t> campaign_id;
};

// period (day by default), day (today in Paris by default), campaign_id (required for a campaign's period; with
// a day or a week it restricts the figures to that campaign).
core::Result<FiguresAsked> ParseAsked(const Request& request, std::chrono::local_days today) {
  FiguresAsked asked;
  asked.day = today;
  if (const auto it = request.query.find("period"); it != request.query.end() && !it->second.empty()) {
    const auto kind = ParseFiguresPeriodKind(it->second);
    if (!kind) return core::Fail(core::ErrorCode::kInvalidInput, "figures.invalid_period", "period");
    asked.kind = *kind;
  }
  if (const auto it = request.query.find("day"); it != request.query.end() && !it->second.empty()) {
    const auto day = ParseCalendarDay(it->second);
    if (!day) return core::Fail(core::ErrorCode::kInvalidInput, "figures.invalid_day", "day");
    asked.day = *day;
  }
  auto campaign_id = http::QueryInt(request, "campaign_id", 0, 1, std::numeric_limits<std::int64_t>::max());
  if (!campaign_id) return core::Fail(campaign_id.error());
  if (*campaign_id > 0) asked.campaign_id = *campaign_id;
  if (asked.kind == FiguresPeriodKind::kCampaign && !asked.campaign_id) {
    return core::Fail(core::ErrorCode::kInvalidInput, "figures.campaign_required", "campaign_id");
  }
  return asked;
}

struct ComputedFigures {
  Figures figures;
  std::optional<FiguresCampaign> campaign;
};

core::Result<ComputedFigures> Compute(db::Connection& connection, const FiguresAsked& asked, core::EpochMillis now) {
  ComputedFigures computed;
  if (asked.campaign_id) {
    computed.campaign = LoadFiguresCampaign(connection, *asked.campaign_id);
    if (!computed.campaign) return core::Fail(core::ErrorCode::kNotFound, "figures.campaign_not_found");
  }
  FiguresPeriod period;
  switch (asked.kind) {
    case FiguresPeriodKind::kDay:
      period = DayPeriod(asked.day);
      break;
    case FiguresPeriodKind::kWeek:
      period = IsoWeekPeriod(asked.day);
      break;
    case FiguresPeriodKind::kCampaign:
      period = CampaignPeriod(computed.campaign->starts_on, computed.campaign->ends_on, ParisDayOf(now));
      break;
  }
  computed.figures = LoadFigures(connection, period, asked.campaign_id, now);
  return computed;
}

core::Result<ComputedFigures> ComputeFor(db::Database& database, const Request& request, core::EpochMillis now) {
  auto asked = ParseAsked(request, ParisDayOf(now));
  if (!asked) return core::Fail(asked.error());
  return db::InReadTransaction(database, [&](db::Connection& c) { return Compute(c, *asked, now); });
}

Json CampaignJson(const FiguresCampaign& c) {
  return Json{{"id", c.id},
              {"name", c.name},
              {"kind", c.kind},
              {"status", c.status},
              {"starts_on", FormatCalendarDay(c.starts_on)},
              {"ends_on", c.ends_on ? Json(FormatCalendarDay(*c.ends_on)) : Json(nullptr)}};
}

Json FiguresJson(const ComputedFigures& computed) {
  const Figures& f = computed.figures;
  const std::vector<core::EpochMillis> boundaries = f.period.Boundaries();
  const Json campaign = computed.campaign ? CampaignJson(*computed.campaign) : Json(nullptr);
  Json by_service = Json::array();
  std::int64_t referral_total = 0;
  const auto states = ReferralStates();
  for (const ReferralRow& row : ReferralTable(f.referrals)) {
    Json by_state = Json::object();
    for (std::size_t s = 0; s < states.size(); ++s) by_state[std::string(states[s])] = row.by_state[s];
    by_service.push_back(Json{{"service", row.service}, {"total", row.total}, {"states", by_state}});
    referral_total += row.total;
  }
  Json days = Json::array();
  for (const DayFigures& day : f.days) {
    days.push_back(Json{{"day", FormatCalendarDay(day.day)},
                        {"calls", day.calls},
                        {"reached", day.reached},
                        {"escalations", day.escalations_opened}});
  }
  const auto share = ShareReached(f.calls, f.reached);
  return Json{
      {"period",
       {{"kind", FiguresPeriodKindName(f.period.kind)},
        {"label", f.period.label},
        {"from", FormatCalendarDay(f.period.first_day)},
        {"to", FormatCalendarDay(f.period.last_day)},
        {"starts_at", boundaries.front()},
        {"ends_at", boundaries.back()}}},
      {"campaign", campaign},
      {"computed_at", f.computed_at},
      {"calls", f.calls},
      {"reached", f.reached},
      {"share_reached", share ? Json(*share) : Json(nullptr)},
      {"persons_reached", f.persons_reached},
      {"records_processed", f.records_processed},
      {"referrals", {{"total", referral_total}, {"by_service", by_service}}},
      {"escalations",
       {{"opened", f.escalations_opened}, {"closed", f.escalations_closed}, {"open_now", f.escalations_open_now}}},
      {"enrolled_not_reached_24h", f.enrolled_not_reached_24h},
      {"situations_followed", f.situations_followed},
      {"days", days}};
}

Response FileReply(std::string body, const char* content_type, const std::string& file_name) {
  Response response;
  response.content_type = content_type;
  response.body = std::move(body);
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

void AddExport(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock, bool xlsx) {
  routes.Add(
      http::Method::kGet, xlsx ? "/api/v1/figures/export.xlsx" : "/api/v1/figures/export.csv",
      auth::Permission::kCallsSupervise,
      [&database, &clock, xlsx](const auth::Principal& principal, Request& request) -> Response {
        const core::EpochMillis now = clock.Now();
        auto asked = ParseAsked(request, ParisDayOf(now));
        if (!asked) return http::ErrorResponse(asked.error(), request);
        // Counts only, but an export leaves the platform: who took which figures is in the trail.
        auto computed = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<ComputedFigures> {
          auto result = Compute(c, *asked, now);
          if (!result) return result;
          auto event = auth::EventBy(principal.user, auth::InfoOf(request), "figures.export", "figures",
                                     result->figures.period.label, "follow_up");
          event.details = {{"format", xlsx ? "xlsx" : "csv"},
                           {"period", std::string(FiguresPeriodKindName(asked->kind))}};
          if (asked->campaign_id) event.details["campaign_id"] = std::to_string(*asked->campaign_id);
          audit::Append(c, now, event);
          return result;
        });
        if (!computed) return http::ErrorResponse(computed.error(), request);
        const documents::Sheet sheet = FiguresSheet(computed->figures, computed->campaign, /*decimal_comma=*/!xlsx);
        const std::string stem = FiguresFileStem(computed->figures);
        if (!xlsx) return FileReply(documents::WriteCsv(sheet), "text/csv; charset=utf-8", stem + ".csv");
        auto bytes = documents::WriteXlsx(sheet);
        if (!bytes) return http::ErrorResponse(bytes.error(), request);
        return FileReply(std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         stem + ".xlsx");
      });
}

}  // namespace

void AddFiguresRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(http::Method::kGet, "/api/v1/figures", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal&, Request& request) -> Response {
               auto computed = ComputeFor(database, request, clock.Now());
               if (!computed) return http::ErrorResponse(computed.error(), request);
               return http::JsonReply(200, FiguresJson(*computed));
             });
  // The campaigns to pick from, for whoever reads the figures (campaigns.manage is not needed for that).
  routes.Add(http::Method::kGet, "/api/v1/figures/campaigns", auth::Permission::kCallsSupervise,
             [&database](const auth::Principal&, Request&) -> Response {
               Json items = Json::array();
               for (const FiguresCampaign& campaign :
                    db::InReadTransaction(database, [](db::Connection& c) { return ListFiguresCampaigns(c); })) {
                 items.push_back(CampaignJson(campaign));
               }
               return http::JsonReply(200, Json{{"items", items}});
             });
  AddExport(routes, database, clock, /*xlsx=*/true);
  AddExport(routes, database, clock, /*xlsx=*/false);
}

}  // namespace lien::calls
