#include "calls/enrolment_planning.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "calls/agreed_window.hpp"
#include "calls/campaign_model.hpp"
#include "calls/campaign_store.hpp"
#include "calls/campaign_values.hpp"
#include "calls/enrolment_rules.hpp"

namespace lien::calls {
namespace {

struct DayCalls {
  std::int16_t attempts = 0;
  core::EpochMillis last_at = 0;
  CallOutcome last_outcome = CallOutcome::kNoAnswer;
};

}  // namespace

PlanningEnrolments LoadActiveEnrolmentsForPlanning(db::Connection& connection, std::chrono::local_days day) {
  const std::string day_text = FormatDay(day);
  const core::EpochMillis midnight = ParisMidnight(day);
  const core::EpochMillis next_midnight = ParisMidnight(day + std::chrono::days{1});

  PlanningEnrolments result;
  for (const auto& row : connection
                             .Execute("SELECT id FROM campaigns WHERE status = 'active' AND starts_on <= ? "
                                      "AND (ends_on IS NULL OR ends_on >= ?) ORDER BY id",
                                      {day_text, day_text})
                             .rows) {
    if (auto campaign = LoadCampaign(connection, row.Int(0))) {
      result.retry_policies.push_back(CampaignRetryPolicy{campaign->id, RetryPolicyOf(*campaign)});
    }
  }

  // By person, not by enrolment: a person gets one call a day from the platform (worklist_planner.hpp), so
  // the calls made under one campaign are the attempts of every campaign of that person that day.
  std::unordered_map<std::int64_t, DayCalls> calls_of_day;
  for (const auto& row :
       connection
           .Execute("SELECT person_id, outcome, started_at FROM calls WHERE started_at >= ? "
                    "AND started_at < ? AND enrolment_id IS NOT NULL ORDER BY person_id, started_at, id",
                    {midnight, next_midnight})
           .rows) {
    DayCalls& calls = calls_of_day[row.Int(0)];
    ++calls.attempts;
    calls.last_at = row.Int(2);
    calls.last_outcome = CallOutcomeFromName(row.Text(1)).value_or(CallOutcome::kNoAnswer);
  }

  std::unordered_set<std::int64_t> missed;
  for (const auto& row :
       connection
           .Execute("SELECT w.enrolment_id FROM worklist_items w JOIN enrolments e ON e.id = w.enrolment_id "
                    "WHERE w.day = ? AND w.state IN ('pending', 'failed') "
                    "AND (e.last_reached_at IS NULL OR e.last_reached_at < ?)",
                    {FormatDay(day - std::chrono::days{1}), ParisMidnight(day - std::chrono::days{1})})
           .rows) {
    missed.insert(row.Int(0));
  }

  const auto rows =
      connection
          .Execute(
              "SELECT e.id, e.person_id, e.campaign_id, e.caller_id, e.weekdays, e.window_start, e.window_end, "
              "e.frequency_days, e.priority, e.last_reached_at, e.last_attempt_at, c.weekdays, c.window_start, "
              "c.window_end, c.frequency_days, f.preferred_weekdays, f.preferred_window_start, f.preferred_window_end, "
              "c.kind "
              "FROM enrolments e JOIN campaigns c ON c.id = e.campaign_id JOIN persons p ON p.id = e.person_id "
              "LEFT JOIN follow_up_profiles f ON f.person_id = e.person_id "
              "WHERE e.state = 'active' AND c.status = 'active' AND c.starts_on <= ? "
              "AND (c.ends_on IS NULL OR c.ends_on >= ?) AND p.status NOT IN ('moved', 'deceased') ORDER BY e.id",
              {day_text, day_text})
          .rows;
  result.enrolments.reserve(rows.size());
  result.enrolment_ids.reserve(rows.size());
  for (const auto& row : rows) {
    const std::int64_t id = row.Int(0);
    const ScheduleLevel own = ScheduleLevelFromText(row.Text(4), row.Text(5), row.Text(6), row.Int(7));
    const ScheduleLevel campaign = ScheduleLevelFromText(row.Text(11), row.Text(12), row.Text(13), row.Int(14));
    const ScheduleLevel preference =
        row.IsNull(15) ? ScheduleLevel{} : ScheduleLevelFromText(row.Text(15), row.Text(16), row.Text(17), 0);
    const EffectiveSchedule schedule = ScheduleOf(own, preference, campaign);
    Enrolment enrolment;
    enrolment.person_id = row.Int(1);
    enrolment.campaign_id = row.Int(2);
    enrolment.usual_caller_id = row.OptInt(3).value_or(kNoCaller);
    enrolment.agreed_weekdays = schedule.weekdays;
    enrolment.window = schedule.window;
    enrolment.frequency_days = schedule.frequency_days;
    enrolment.priority = static_cast<std::int32_t>(row.Int(8));
    enrolment.last_reached_at = row.OptInt(9);
    enrolment.last_attempt_at = row.OptInt(10);
    enrolment.campaign_kind = CampaignKindFromName(row.Text(18)).value_or(CampaignKind::kWellbeing);
    if (const auto it = calls_of_day.find(enrolment.person_id); it != calls_of_day.end()) {
      enrolment.attempts_on_day = it->second.attempts;
      enrolment.last_attempt_outcome = it->second.last_outcome;
      enrolment.last_attempt_at = std::max(enrolment.last_attempt_at.value_or(0), it->second.last_at);
    }
    enrolment.missed_yesterday = missed.contains(id);
    result.enrolments.push_back(enrolment);
    result.enrolment_ids.push_back(id);
  }
  return result;
}

}  // namespace lien::calls
