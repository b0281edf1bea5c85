#pragma once
// The enrolments' store (enrolments: one person in one campaign, UNIQUE (campaign_id, person_id)), on the
// caller's connection and transaction. Resolving a campaign's target, enrolling (never twice, never a person
// moved or deceased), the per-person agreement (weekdays, window, frequency, usual caller), priorities, and what
// the daily plan reads (enrolment_planning.hpp).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/campaign_model.hpp"
#include "calls/enrolment_rules.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

inline constexpr std::string_view kEnrolmentActive = "active";
inline constexpr std::string_view kEnrolmentRemoved = "removed";  ///< taken out by hand; a refresh leaves it out
inline constexpr std::string_view kEnrolmentEnded = "ended";      ///< the campaign closed

inline constexpr std::string_view kSourceTarget = "target";  ///< the campaign's filter or its hand-picked list
inline constexpr std::string_view kSourceManual = "manual";  ///< added by hand on the enrolments' page

struct EnrolmentRecord {
  std::int64_t id = 0;
  CampaignId campaign_id = 0;
  PersonId person_id = 0;
  std::string state{kEnrolmentActive};
  std::string source{kSourceTarget};
  std::optional<CallerId> caller_id{};  ///< the usual caller
  ScheduleLevel agreement{};            ///< the person's own days, window and frequency; unset: the campaign's
  std::int32_t priority = 0;
  bool last_call_worrying = false;
  core::EpochMillis enrolled_at = 0;
  std::optional<std::int64_t> enrolled_by{};
  std::optional<core::EpochMillis> ended_at{};
  std::optional<core::EpochMillis> last_attempt_at{};
  std::optional<core::EpochMillis> last_reached_at{};
  std::int64_t version = 1;
};

/// The persons a campaign's target selects on `today` (Paris): the filter (a filter without criterion selects
/// nobody) and the hand-picked persons, without anyone moved or deceased, ascending ids.
std::vector<PersonId> ResolveTarget(db::Connection& connection, const Campaign& campaign,
                                    std::chrono::local_days today);

/// Enrols those of `persons` not yet in the campaign (whatever the state of an existing row: someone removed
/// by hand stays out), gives them a usual caller (AssignUsualCallers over LoadCallerLoads) and their priority.
/// Returns the persons added, ascending.
std::vector<PersonId> EnrolPersons(db::Connection& connection, CampaignId campaign_id,
                                   const std::vector<PersonId>& persons, std::string_view source,
                                   std::optional<std::int64_t> actor, core::EpochMillis now);

/// What a coordinator sets on an enrolment (add or update). Unset members keep the campaign's values; an
/// unset caller gets one assigned on add and keeps the current one on update.
struct EnrolmentAgreement {
  ScheduleLevel schedule{};
  std::optional<CallerId> caller_id{};
};

/// Adds a person by hand (or takes back someone removed). Errors: kNotFound `enrolments.unknown_person`,
/// kConflict `enrolments.person_gone` (moved or deceased), kConflict `enrolments.already_enrolled`,
/// kInvalidInput `enrolments.caller_not_allowed` (caller_id).
core::Result<EnrolmentRecord> AddEnrolment(db::Connection& connection, CampaignId campaign_id, PersonId person_id,
                                           const EnrolmentAgreement& agreement, std::optional<std::int64_t> actor,
                                           core::EpochMillis now);

/// Replaces the agreement of an enrolment of the campaign when its version matches. Errors: kNotFound
/// `enrolments.not_found`, kPreconditionFailed, kInvalidInput `enrolments.caller_not_allowed`.
core::Result<EnrolmentRecord> UpdateEnrolment(db::Connection& connection, CampaignId campaign_id,
                                              std::int64_t enrolment_id, const EnrolmentAgreement& agreement,
                                              std::int64_t expected_version);

/// Takes a person out of the campaign (state removed; the row stays so a refresh does not enrol them again).
/// Errors: kNotFound `enrolments.not_found`.
core::Result<EnrolmentRecord> RemoveEnrolment(db::Connection& connection, CampaignId campaign_id,
                                              std::int64_t enrolment_id, core::EpochMillis now);

/// Ends every active enrolment of a closed campaign.
std::int64_t EndEnrolments(db::Connection& connection, CampaignId campaign_id, core::EpochMillis now);

std::optional<EnrolmentRecord> LoadEnrolment(db::Connection& connection, std::int64_t enrolment_id);

/// One page of a campaign's enrolments (state `active` unless `include_ended`), by priority then person id.
struct EnrolmentPage {
  std::vector<EnrolmentRecord> items{};
  std::int64_t total = 0;
};
EnrolmentPage ListEnrolments(db::Connection& connection, CampaignId campaign_id, bool include_ended, int limit,
                             int offset);

/// Recomputes the priority of the active enrolments (of one campaign, or of one person) from the follow-up
/// profile, the open needs and the last call (EnrolmentPriority): priority is always computed, never typed, so
/// it means the same on every list. The calling and needs parts call RecomputePersonPriorities after recording a
/// worrying call or a need.
void RecomputeCampaignPriorities(db::Connection& connection, CampaignId campaign_id);
void RecomputePersonPriorities(db::Connection& connection, PersonId person_id);

}  // namespace lien::calls
