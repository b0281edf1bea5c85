// PlanDay: the planner's inputs read from the stores, the planner run, the plan written (worklist_store.hpp).

#include <map>
#include <utility>

#include "calls/agreed_window.hpp"
#include "calls/schedule_text.hpp"
#include "calls/worklist_planner.hpp"
#include "calls/worklist_store.hpp"

namespace lien::calls {
namespace {

constexpr std::int64_t kPlanLockKey = 0x4C69656E'506C616E;  // "LienPlan"
constexpr std::int32_t kMinutesPerCall = 20;

struct PlanInputs {
  std::vector<Enrolment> enrolments;
  std::map<std::pair<PersonId, CampaignId>, std::int64_t> enrolment_ids;
  std::map<std::int64_t, std::int32_t> attempts_today;  ///< by enrolment id
  std::vector<CallerOnDuty> callers;
  std::vector<CampaignRetryPolicy> policies;
};

struct DayCalls {
  std::int32_t count = 0;
  core::EpochMillis last_at = 0;
  CallOutcome last_outcome = CallOutcome::kNoAnswer;
};

std::map<std::int64_t, DayCalls> CallsOnDay(db::Connection& c, const ParisDay& day) {
  std::map<std::int64_t, DayCalls> by_enrolment;
  auto rows = c.Execute(
      "SELECT enrolment_id, outcome, started_at FROM calls WHERE enrolment_id IS NOT NULL AND started_at >= ? AND "
      "started_at < ? ORDER BY enrolment_id, started_at, id",
      {day.Start(), day.End()});
  for (const auto& row : rows.rows) {
    auto& calls = by_enrolment[row.Int(0)];
    ++calls.count;
    calls.last_at = row.Int(2);
    calls.last_outcome = CallOutcomeFromName(row.Text(1)).value_or(CallOutcome::kNoAnswer);
  }
  return by_enrolment;
}

void LoadEnrolments(db::Connection& c, const ParisDay& day, PlanInputs& inputs) {
  const std::string today = FormatCalendarDay(day.Day());
  const std::string yesterday = FormatCalendarDay(day.Day() - std::chrono::days{1});
  const auto calls = CallsOnDay(c, day);
  std::map<std::int64_t, bool> missed;
  for (const auto& row :
       c.Execute("SELECT enrolment_id FROM worklist_items WHERE day = ? AND state IN ('pending', 'failed')",
                 {yesterday})
           .rows) {
    missed[row.Int(0)] = true;
  }
  auto rows = c.Execute(
      "SELECT e.id, e.person_id, e.campaign_id, e.caller_id, e.weekdays, e.window_start, e.window_end, "
      "e.frequency_days, e.priority, e.last_call_worrying, e.last_reached_at, e.last_attempt_at, "
      "k.weekdays, k.window_start, k.window_end, k.frequency_days, "
      "COALESCE(p.lives_alone, 0), COALESCE(p.no_family, 0), "
      "CASE WHEN EXISTS (SELECT 1 FROM needs n WHERE n.person_id = e.person_id AND n.state <> 'closed') "
      "THEN 1 ELSE 0 END "
      "FROM enrolments e JOIN campaigns k ON k.id = e.campaign_id "
      "LEFT JOIN follow_up_profiles p ON p.person_id = e.person_id "
      "WHERE e.state = 'active' AND k.status = 'active' AND k.starts_on <= ? AND (k.ends_on IS NULL OR k.ends_on >= ?) "
      "ORDER BY e.id",
      {today, today});
  for (const auto& row : rows.rows) {
    Enrolment enrolment;
    const std::int64_t id = row.Int(0);
    enrolment.person_id = row.Int(1);
    enrolment.campaign_id = row.Int(2);
    enrolment.usual_caller_id = row.OptInt(3).value_or(kNoCaller);
    // The enrolment's own rhythm when it has one, else the campaign's.
    const bool own_rhythm = !row.Text(4).empty() || row.Int(7) > 0;
    enrolment.agreed_weekdays = ParseIsoWeekdays(own_rhythm ? row.Text(4) : row.Text(12)).value_or(WeekdaySet{});
    enrolment.frequency_days = static_cast<std::int16_t>(own_rhythm ? row.Int(7) : row.Int(15));
    enrolment.window = ParseLocalWindow(row.Text(5), row.Text(6))
                           .value_or(ParseLocalWindow(row.Text(13), row.Text(14)).value_or(LocalWindow{}));
    enrolment.priority =
        static_cast<std::int32_t>(row.Int(8)) + PriorityScore(PriorityFlags{.lives_alone = row.Bool(16),
                                                                            .no_family = row.Bool(17),
                                                                            .open_needs = row.Bool(18),
                                                                            .last_call_worrying = row.Bool(9)});
    enrolment.last_reached_at = row.OptInt(10);
    enrolment.last_attempt_at = row.OptInt(11);
    if (auto found = calls.find(id); found != calls.end()) {
      enrolment.last_attempt_at = found->second.last_at;
      enrolment.last_attempt_outcome = found->second.last_outcome;
      enrolment.attempts_on_day = static_cast<std::int16_t>(found->second.count);
      inputs.attempts_today[id] = found->second.count;
    }
    enrolment.missed_yesterday = missed.contains(id);
    inputs.enrolment_ids[{enrolment.person_id, enrolment.campaign_id}] = id;
    inputs.enrolments.push_back(enrolment);
  }
}

void LoadCallers(db::Connection& c, const ParisDay& day, PlanInputs& inputs) {
  const std::string today = FormatCalendarDay(day.Day());
  std::map<std::int64_t, std::int32_t> made;
  for (const auto& row : c.Execute("SELECT caller_id, COUNT(*) FROM calls WHERE caller_id IS NOT NULL AND "
                                   "started_at >= ? AND started_at < ? GROUP BY caller_id",
                                   {day.Start(), day.End()})
                             .rows) {
    made[row.Int(0)] = static_cast<std::int32_t>(row.Int(1));
  }
  const std::chrono::weekday weekday{day.Day()};
  auto rows = c.Execute(
      "SELECT r.user_id, r.weekdays, r.shift_start, r.shift_end, r.calls_per_shift FROM callers r "
      "JOIN users u ON u.id = r.user_id WHERE r.active = 1 AND u.disabled = 0 AND NOT EXISTS "
      "(SELECT 1 FROM caller_absences a WHERE a.user_id = r.user_id AND a.from_day <= ? AND a.until_day >= ?) "
      "ORDER BY r.user_id",
      {today, today});
  for (const auto& row : rows.rows) {
    const auto weekdays = ParseIsoWeekdays(row.Text(1));
    const auto shift = ParseLocalWindow(row.Text(2), row.Text(3));
    if (!weekdays || !shift || !weekdays->Contains(weekday)) continue;
    const auto window = day.Window(*shift);
    CallerOnDuty caller;
    caller.caller_id = row.Int(0);
    caller.shift_start = window.start;
    caller.shift_end = window.end;
    caller.minutes_per_call = kMinutesPerCall;
    caller.max_calls = static_cast<std::int32_t>(row.Int(4));
    caller.calls_made = made.contains(caller.caller_id) ? made[caller.caller_id] : 0;
    inputs.callers.push_back(caller);
  }
}

void LoadPolicies(db::Connection& c, PlanInputs& inputs) {
  for (const auto& row :
       c.Execute("SELECT id, retry_delay_minutes, max_attempts_per_day FROM campaigns WHERE status = 'active'").rows) {
    inputs.policies.push_back(CampaignRetryPolicy{
        row.Int(0),
        CampaignRetryPolicyOf(static_cast<std::int32_t>(row.Int(1)), static_cast<std::int32_t>(row.Int(2)))});
  }
}

struct ExistingItem {
  std::int64_t id = 0;
  bool pending = false;
  std::int32_t attempts = 0;
  bool seen = false;            ///< in the new plan
  std::vector<db::Value> plan;  ///< caller, position, reason, window start and end, not before, attempts
};

}  // namespace

PlanSummary PlanDay(db::Connection& connection, std::chrono::local_days day, core::EpochMillis now) {
  if (connection.dialect() == db::Dialect::kPostgres) {
    connection.Execute("SELECT pg_advisory_xact_lock(?)", {kPlanLockKey});
  }
  const ParisDay paris_day(day);
  PlanInputs inputs;
  LoadEnrolments(connection, paris_day, inputs);
  LoadCallers(connection, paris_day, inputs);
  LoadPolicies(connection, inputs);
  const PlanRequest request{.day = day,
                            .now = now,
                            .enrolments = inputs.enrolments,
                            .callers = inputs.callers,
                            .retry_policies = inputs.policies,
                            .default_retry_policy = DefaultRetryPolicy(CampaignKind::kWellbeing)};
  const WorklistPlan plan = PlanWorklists(request, paris_day);

  const std::string day_text = FormatCalendarDay(day);
  std::map<std::int64_t, ExistingItem> existing;  // by enrolment id
  for (const auto& row : connection
                             .Execute("SELECT enrolment_id, id, state, attempts, caller_id, position, reason, "
                                      "window_start, window_end, not_before FROM worklist_items WHERE day = ?",
                                      {day_text})
                             .rows) {
    existing[row.Int(0)] = ExistingItem{
        row.Int(1), row.Text(2) == "pending", static_cast<std::int32_t>(row.Int(3)), false,
        std::vector<db::Value>{row.Int(4), row.Int(5), row.Text(6), row.Int(7), row.Int(8), row.Int(9), row.Int(3)}};
  }
  PlanSummary summary;
  summary.callers = static_cast<std::int32_t>(inputs.callers.size());
  summary.overflow = plan.overflow;
  for (const auto& list : plan.worklists) {
    std::int64_t position = 0;
    for (const auto& call : list.calls) {
      ++position;
      const std::int64_t enrolment_id = inputs.enrolment_ids.at({call.person_id, call.campaign_id});
      const std::int64_t attempts =
          inputs.attempts_today.contains(enrolment_id) ? inputs.attempts_today.at(enrolment_id) : 0;
      const std::string reason(CallReasonName(call.reason));
      auto found = existing.find(enrolment_id);
      if (found != existing.end()) {
        found->second.seen = true;
        if (!found->second.pending) continue;  // done today already: the planner should not bring it back
        const std::vector<db::Value> planned_row{list.caller_id,  position,        reason,  call.window.start,
                                                 call.window.end, call.not_before, attempts};
        ++summary.pending;
        if (planned_row == found->second.plan) continue;  // unchanged: same item, same version
        connection.Execute(
            "UPDATE worklist_items SET caller_id = ?, position = ?, reason = ?, window_start = ?, window_end = ?, "
            "not_before = ?, attempts = ?, planned_at = ?, version = version + 1 WHERE id = ?",
            {list.caller_id, position, reason, call.window.start, call.window.end, call.not_before, attempts, now,
             found->second.id});
      } else {
        connection.Execute(
            "INSERT INTO worklist_items (day, caller_id, enrolment_id, person_id, position, reason, window_start, "
            "window_end, not_before, attempts, state, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
            {day_text, list.caller_id, enrolment_id, call.person_id, position, reason, call.window.start,
             call.window.end, call.not_before, attempts, now});
        ++summary.pending;
      }
    }
  }
  for (const auto& [enrolment_id, item] : existing) {
    if (!item.pending) {
      ++summary.kept;
    } else if (!item.seen) {
      ++summary.removed;
      if (item.attempts > 0) {
        connection.Execute("UPDATE worklist_items SET state = 'moved', version = version + 1 WHERE id = ?", {item.id});
      } else {
        connection.Execute("DELETE FROM worklist_items WHERE id = ?", {item.id});
      }
    }
  }
  return summary;
}

}  // namespace lien::calls
