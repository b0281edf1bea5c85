#include "calls/figures_store.hpp"

#include <string_view>
#include <vector>

#include "calls/schedule_text.hpp"
#include "calls/situation_store.hpp"

namespace lien::calls {
namespace {

constexpr core::EpochMillis kDayMillis = 24LL * 60 * 60 * 1000;

// The campaign restriction appended to a WHERE clause, and its parameter. Every table counted here carries
// campaign_id, or is reached through the campaign's enrolments (referrals, needs).
std::string AndCampaign(std::optional<std::int64_t> campaign_id, std::string_view column = "campaign_id") {
  return campaign_id ? " AND " + std::string(column) + " = ?" : std::string();
}

void BindCampaign(std::vector<db::Value>& params, std::optional<std::int64_t> campaign_id) {
  if (campaign_id) params.emplace_back(*campaign_id);
}

std::int64_t CountOf(db::Connection& connection, const std::string& sql, const std::vector<db::Value>& params) {
  const auto row = connection.QueryOne(sql, params);
  return row && !row->IsNull(0) ? row->Int(0) : 0;
}

// One query a day: each reads its own range of calls_started (or calls_campaign) and escalations, so a long
// campaign costs a query per day, never a row per call.
void LoadDays(db::Connection& connection, const FiguresPeriod& period, std::optional<std::int64_t> campaign_id,
              Figures& figures) {
  const std::vector<core::EpochMillis> boundaries = period.Boundaries();
  const std::string calls_sql =
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN outcome = 'reached' THEN 1 ELSE 0 END), 0) FROM calls "
      "WHERE started_at >= ? AND started_at < ?" +
      AndCampaign(campaign_id);
  const std::string escalations_sql =
      "SELECT COUNT(*) FROM escalations WHERE raised_at >= ? AND raised_at < ?" + AndCampaign(campaign_id);
  std::chrono::local_days day = period.first_day;
  for (std::size_t i = 0; i + 1 < boundaries.size(); ++i, day += std::chrono::days{1}) {
    std::vector<db::Value> params{boundaries[i], boundaries[i + 1]};
    BindCampaign(params, campaign_id);
    DayFigures figures_of_day{day};
    const auto calls = connection.QueryOne(calls_sql, params);
    figures_of_day.calls = calls->Int(0);
    figures_of_day.reached = calls->Int(1);
    figures_of_day.escalations_opened = CountOf(connection, escalations_sql, params);
    figures.days.push_back(figures_of_day);
  }
  TotalDays(figures);
}

constexpr std::string_view kCampaignSelect = "SELECT id, name, kind, status, starts_on, ends_on FROM campaigns";

std::optional<FiguresCampaign> CampaignFrom(const db::Row& row) {
  const auto starts_on = ParseCalendarDay(row.Text(4));
  if (!starts_on) return std::nullopt;
  FiguresCampaign campaign{row.Int(0), row.Text(1), row.Text(2), row.Text(3), *starts_on, std::nullopt};
  if (const auto ends_on = row.OptText(5); ends_on && !ends_on->empty()) campaign.ends_on = ParseCalendarDay(*ends_on);
  return campaign;
}

}  // namespace

std::optional<FiguresCampaign> LoadFiguresCampaign(db::Connection& connection, std::int64_t id) {
  const auto row = connection.QueryOne(std::string(kCampaignSelect) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return CampaignFrom(*row);
}

std::vector<FiguresCampaign> ListFiguresCampaigns(db::Connection& connection) {
  std::vector<FiguresCampaign> campaigns;
  const auto result = connection.Execute(
      std::string(kCampaignSelect) +
      " ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, starts_on DESC, id DESC");
  for (const auto& row : result.rows) {
    if (auto campaign = CampaignFrom(row)) campaigns.push_back(std::move(*campaign));
  }
  return campaigns;
}

std::int64_t CountEnrolledNotReached24h(db::Connection& connection, std::optional<std::int64_t> campaign_id,
                                        core::EpochMillis now) {
  const core::EpochMillis day_ago = now - kDayMillis;
  std::vector<db::Value> params{day_ago, day_ago, day_ago};
  BindCampaign(params, campaign_id);
  return CountOf(connection,
                 "SELECT COUNT(DISTINCT e.person_id) FROM enrolments e JOIN campaigns c ON c.id = e.campaign_id "
                 "WHERE e.state = 'active' AND c.status = 'active' AND e.enrolled_at < ? "
                 "AND (e.last_reached_at IS NULL OR e.last_reached_at < ?) "
                 "AND NOT EXISTS (SELECT 1 FROM enrolments r WHERE r.person_id = e.person_id "
                 "AND r.last_reached_at >= ?)" +
                     AndCampaign(campaign_id, "e.campaign_id"),
                 params);
}

Figures LoadFigures(db::Connection& connection, const FiguresPeriod& period, std::optional<std::int64_t> campaign_id,
                    core::EpochMillis now) {
  Figures figures;
  figures.period = period;
  figures.campaign_id = campaign_id;
  figures.computed_at = now;
  LoadDays(connection, period, campaign_id, figures);

  const std::vector<core::EpochMillis> boundaries = period.Boundaries();
  std::vector<db::Value> range{boundaries.front(), boundaries.back()};
  BindCampaign(range, campaign_id);
  figures.persons_reached = CountOf(connection,
                                    "SELECT COUNT(DISTINCT person_id) FROM calls WHERE outcome = 'reached' "
                                    "AND started_at >= ? AND started_at < ?" +
                                        AndCampaign(campaign_id),
                                    range);
  figures.records_processed = CountOf(connection,
                                      "SELECT COUNT(DISTINCT enrolment_id) FROM calls WHERE enrolment_id IS NOT NULL "
                                      "AND started_at >= ? AND started_at < ?" +
                                          AndCampaign(campaign_id),
                                      range);
  figures.escalations_closed = CountOf(
      connection, "SELECT COUNT(*) FROM escalations WHERE closed_at >= ? AND closed_at < ?" + AndCampaign(campaign_id),
      range);

  // Referrals carry no campaign: a campaign's are those of the people it enrols.
  const std::string referral_sql =
      "SELECT service, state, COUNT(*) FROM referrals WHERE created_at >= ? AND created_at < ?" +
      std::string(campaign_id ? " AND person_id IN (SELECT person_id FROM enrolments WHERE campaign_id = ?)" : "") +
      " GROUP BY service, state ORDER BY service, state";
  for (const auto& row : connection.Execute(referral_sql, range).rows) {
    figures.referrals.push_back(ReferralCount{row.Text(0), row.Text(1), row.Int(2)});
  }

  std::vector<db::Value> campaign_only;
  BindCampaign(campaign_only, campaign_id);
  figures.escalations_open_now = CountOf(
      connection, "SELECT COUNT(*) FROM escalations WHERE state <> 'closed'" + AndCampaign(campaign_id), campaign_only);
  figures.enrolled_not_reached_24h = CountEnrolledNotReached24h(connection, campaign_id, now);
  figures.situations_followed = CountSituationsFollowed(connection, campaign_id);
  return figures;
}

}  // namespace lien::calls
