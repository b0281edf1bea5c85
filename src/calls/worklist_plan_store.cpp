// PlanDay: the planner's inputs read from the stores, the planner run, the plan written (worklist_store.hpp).

#include <map>
#include <utility>

#include "calls/agreed_window.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/enrolment_planning.hpp"
#include "calls/schedule_text.hpp"
#include "calls/worklist_planner.hpp"
#include "calls/worklist_store.hpp"

namespace lien::calls {
namespace {

constexpr std::int64_t kPlanLockKey = 0x4C69656E'506C616E;  // "LienPlan"

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
  // The inputs come from the campaigns part's loaders (enrolment_planning.hpp, caller_roster_store.hpp), so the
  // plan and the campaign screens agree on who is enrolled, when and by whom.
  const PlanningEnrolments planning = LoadActiveEnrolmentsForPlanning(connection, day);
  const std::vector<CallerOnDuty> callers = LoadCallersOnDuty(connection, day);
  std::map<std::pair<PersonId, CampaignId>, std::size_t> index_of;
  for (std::size_t i = 0; i < planning.enrolments.size(); ++i) {
    index_of[{planning.enrolments[i].person_id, planning.enrolments[i].campaign_id}] = i;
  }
  const PlanRequest request{.day = day,
                            .now = now,
                            .enrolments = planning.enrolments,
                            .callers = callers,
                            .retry_policies = planning.retry_policies,
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
  summary.callers = static_cast<std::int32_t>(callers.size());
  summary.overflow = plan.overflow;
  summary.merged = plan.merged;
  for (const auto& list : plan.worklists) {
    std::int64_t position = 0;
    for (const auto& call : list.calls) {
      ++position;
      const std::size_t index = index_of.at({call.person_id, call.campaign_id});
      const std::int64_t enrolment_id = planning.enrolment_ids[index];
      const std::int64_t attempts = planning.enrolments[index].attempts_on_day;
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
