#pragma once
// The campaigns' store: campaigns and their scripts (campaign_questions) on a db::Connection the caller holds,
// inside the caller's transaction (with its audit event). The caller validates first (campaign_rules.hpp).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "calls/campaign_model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// Inserts `campaign` as a draft (id, status, version 1 and timestamps set here) and returns it stored.
Campaign InsertCampaign(db::Connection& connection, Campaign campaign, std::optional<std::int64_t> actor,
                        core::EpochMillis now);

std::optional<Campaign> LoadCampaign(db::Connection& connection, CampaignId id);

/// A campaign in a list, with its enrolment counts.
struct CampaignListItem {
  Campaign campaign{};
  std::int64_t enrolled = 0;  ///< active enrolments
  std::int64_t questions = 0;
};
/// Campaigns, newest first; `status` filters when given.
std::vector<CampaignListItem> ListCampaigns(db::Connection& connection, std::optional<CampaignStatus> status);

/// Replaces the editable fields (everything but status, alert_id and the bookkeeping) when the stored version
/// is `expected_version`; bumps the version. Errors: kNotFound `campaigns.not_found`, kPreconditionFailed
/// `http.precondition_failed`, kConflict `campaigns.closed`.
core::Result<Campaign> UpdateCampaign(db::Connection& connection, const Campaign& updated,
                                      std::int64_t expected_version, std::optional<std::int64_t> actor,
                                      core::EpochMillis now);

/// Sets the status (and `alert_id` when given; ends_on when closing without one); bumps the version. The caller
/// checks the transition (CheckCanActivate, CheckCanClose) and the version.
Campaign SetCampaignStatus(db::Connection& connection, const Campaign& campaign, CampaignStatus status,
                           std::optional<std::int64_t> alert_id, std::optional<std::int64_t> actor,
                           core::EpochMillis now);

/// The script, in order.
std::vector<Question> LoadQuestions(db::Connection& connection, CampaignId id);
/// Replaces the whole script when the campaign's version is `expected_version`; bumps the campaign's version.
/// Errors: as UpdateCampaign.
core::Result<Campaign> ReplaceQuestions(db::Connection& connection, CampaignId id,
                                        const std::vector<Question>& questions, std::int64_t expected_version,
                                        std::optional<std::int64_t> actor, core::EpochMillis now);

/// The draft a declared alert of `alert_kind` activates: the oldest draft with activated_by_alert = alert_kind.
std::optional<Campaign> FindDraftForAlert(db::Connection& connection, std::string_view alert_kind);
/// The active campaigns an alert activated.
std::vector<Campaign> ActiveCampaignsOfAlert(db::Connection& connection, std::int64_t alert_id);

}  // namespace lien::calls
