#include "calls/campaign_activation.hpp"

#include "calls/agreed_window.hpp"
#include "calls/campaign_rules.hpp"
#include "calls/campaign_store.hpp"
#include "calls/campaign_values.hpp"
#include "calls/enrolment_store.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;

core::Result<Campaign> LoadChecked(db::Connection& connection, CampaignId id,
                                   std::optional<std::int64_t> expected_version) {
  auto campaign = LoadCampaign(connection, id);
  if (!campaign) return Fail(ErrorCode::kNotFound, "campaigns.not_found");
  if (expected_version && campaign->version != *expected_version) {
    return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  return *campaign;
}

ActivationResult Activate(db::Connection& connection, const Campaign& draft, std::optional<std::int64_t> alert_id,
                          std::optional<std::int64_t> actor, core::EpochMillis now) {
  Campaign active = SetCampaignStatus(connection, draft, CampaignStatus::kActive, alert_id, actor, now);
  const auto today = ParisDayOf(now);
  auto enrolled =
      EnrolPersons(connection, active.id, ResolveTarget(connection, active, today), kSourceTarget, actor, now);
  return ActivationResult{std::move(active), std::move(enrolled)};
}

Campaign Close(db::Connection& connection, const Campaign& campaign, std::optional<std::int64_t> actor,
               core::EpochMillis now) {
  const auto today = std::chrono::year_month_day{ParisDayOf(now)};
  if (!campaign.ends_on || std::chrono::sys_days{*campaign.ends_on} > std::chrono::sys_days{today}) {
    // A campaign closed before its planned end ends today; never before it started (the period stays valid).
    const auto ends =
        std::chrono::sys_days{today} < std::chrono::sys_days{campaign.starts_on} ? campaign.starts_on : today;
    connection.Execute("UPDATE campaigns SET ends_on = ? WHERE id = ?", {FormatDay(ends), campaign.id});
  }
  EndEnrolments(connection, campaign.id, now);
  return SetCampaignStatus(connection, campaign, CampaignStatus::kClosed, std::nullopt, actor, now);
}

}  // namespace

core::Result<ActivationResult> ActivateCampaign(db::Connection& connection, CampaignId id,
                                                std::optional<std::int64_t> expected_version,
                                                std::optional<std::int64_t> actor, core::EpochMillis now) {
  auto campaign = LoadChecked(connection, id, expected_version);
  if (!campaign) return Fail(campaign.error());
  if (auto ok = CheckCanActivate(*campaign); !ok) return Fail(ok.error());
  return Activate(connection, *campaign, std::nullopt, actor, now);
}

core::Result<ActivationResult> RefreshEnrolments(db::Connection& connection, CampaignId id,
                                                 std::optional<std::int64_t> actor, core::EpochMillis now) {
  auto campaign = LoadChecked(connection, id, std::nullopt);
  if (!campaign) return Fail(campaign.error());
  if (campaign->status != CampaignStatus::kActive) return Fail(ErrorCode::kConflict, "campaigns.not_active", "status");
  auto enrolled =
      EnrolPersons(connection, id, ResolveTarget(connection, *campaign, ParisDayOf(now)), kSourceTarget, actor, now);
  return ActivationResult{*LoadCampaign(connection, id), std::move(enrolled)};
}

core::Result<Campaign> CloseCampaign(db::Connection& connection, CampaignId id,
                                     std::optional<std::int64_t> expected_version, std::optional<std::int64_t> actor,
                                     core::EpochMillis now) {
  auto campaign = LoadChecked(connection, id, expected_version);
  if (!campaign) return campaign;
  if (auto ok = CheckCanClose(*campaign); !ok) return Fail(ok.error());
  return Close(connection, *campaign, actor, now);
}

std::optional<ActivationResult> ActivateForAlert(db::Connection& connection, std::string_view alert_kind,
                                                 std::int64_t alert_id, std::optional<std::int64_t> actor,
                                                 core::EpochMillis now) {
  auto draft = FindDraftForAlert(connection, alert_kind);
  if (!draft) return std::nullopt;
  // The alert starts the campaign today and it runs until the alert ends, whatever period the draft held.
  connection.Execute("UPDATE campaigns SET starts_on = ?, ends_on = NULL WHERE id = ?",
                     {FormatDay(ParisDayOf(now)), draft->id});
  return Activate(connection, *LoadCampaign(connection, draft->id), alert_id, actor, now);
}

std::vector<ClosedForAlert> CloseForAlert(db::Connection& connection, std::int64_t alert_id,
                                          std::optional<std::int64_t> actor, core::EpochMillis now) {
  std::vector<ClosedForAlert> closed;
  for (const Campaign& campaign : ActiveCampaignsOfAlert(connection, alert_id)) {
    Campaign next = campaign;
    next.starts_on = std::chrono::year_month_day{ParisDayOf(now)};
    next.ends_on.reset();
    const Campaign draft = InsertCampaign(connection, next, actor, now);
    (void)ReplaceQuestions(connection, draft.id, LoadQuestions(connection, campaign.id), draft.version, actor, now);
    closed.push_back(ClosedForAlert{Close(connection, campaign, actor, now), draft.id});
  }
  return closed;
}

}  // namespace lien::calls
