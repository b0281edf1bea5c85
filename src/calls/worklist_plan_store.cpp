// PlanDay: the planner's inputs read from the stores, the planner run, the plan written (worklist_store.hpp).

#include <algorithm>
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
constexpr std::size_t kInsertChunk = 200;

struct ExistingItem {
  std::int64_t id = 0;
  bool pending = false;
  std::int32_t attempts = 0;
  bool seen = false;            ///< in the new plan
  std::vector<db::Value> plan;  ///< caller, position, reason, window start and end, not before, attempts
};

/// A usual caller whose regular duty never covers the person's days and window would never call them (the roster
/// or the agreement changed since they were given the person): the plan treats the person as having no usual
/// caller, so their call goes to a caller who covers it, and the store keeps that caller (kFirstAssignment).
/// Returns the usual callers set aside, by enrolment index.
std::map<std::size_t, CallerId> ForgetUsualCallersWhoNeverCover(std::vector<Enrolment>& enrolments,
                                                                const std::vector<CallerLoad>& duties) {
  std::map<std::size_t, CallerId> forgotten;
  for (std::size_t index = 0; index < enrolments.size(); ++index) {
    Enrolment& enrolment = enrolments[index];
    if (enrolment.usual_caller_id == kNoCaller) continue;
    const auto duty = std::lower_bound(duties.begin(), duties.end(), enrolment.usual_caller_id,
                                       [](const CallerLoad& load, CallerId id) { return load.caller_id < id; });
    // A caller off the roster for now keeps their people: absences are the planner's stand-ins.
    if (duty == duties.end() || duty->caller_id != enrolment.usual_caller_id) continue;
    if (!DutyCovers(*duty, enrolment.agreed_weekdays, enrolment.window)) {
      forgotten.emplace(index, enrolment.usual_caller_id);
      enrolment.usual_caller_id = kNoCaller;
    }
  }
  return forgotten;
}

/// Replaces the day's stored overflow with the plan's, in list order.
void StoreOverflow(db::Connection& connection, const std::string& day, const std::vector<PlannedCall>& overflow,
                   const std::vector<std::int64_t>& enrolment_ids, core::EpochMillis now) {
  connection.Execute("DELETE FROM worklist_overflow WHERE day = ?", {day});
  for (std::size_t begin = 0; begin < overflow.size(); begin += kInsertChunk) {
    const std::size_t end = std::min(overflow.size(), begin + kInsertChunk);
    std::string sql =
        "INSERT INTO worklist_overflow (day, enrolment_id, person_id, campaign_id, usual_caller_id, position, "
        "call_reason, reason, window_start, window_end, not_before, priority, planned_at) VALUES ";
    std::vector<db::Value> params;
    params.reserve((end - begin) * 13);
    for (std::size_t i = begin; i < end; ++i) {
      const PlannedCall& call = overflow[i];
      sql += i == begin ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.emplace_back(day);
      params.emplace_back(enrolment_ids[i]);
      params.emplace_back(call.person_id);
      params.emplace_back(call.campaign_id);
      if (call.usual_caller_id == kNoCaller) {
        params.emplace_back(std::monostate{});
      } else {
        params.emplace_back(call.usual_caller_id);
      }
      params.emplace_back(static_cast<std::int64_t>(i + 1));
      params.emplace_back(std::string(CallReasonName(call.reason)));
      params.emplace_back(std::string(OverflowReasonName(call.overflow_reason)));
      params.emplace_back(call.window.start);
      params.emplace_back(call.window.end);
      params.emplace_back(call.not_before);
      params.emplace_back(std::int64_t{call.priority});
      params.emplace_back(now);
    }
    connection.Execute(sql, params);
  }
}

}  // namespace

PlanSummary PlanDay(db::Connection& connection, std::chrono::local_days day, core::EpochMillis now) {
  if (connection.dialect() == db::Dialect::kPostgres) {
    connection.Execute("SELECT pg_advisory_xact_lock(?)", {kPlanLockKey});
  }
  const ParisDay paris_day(day);
  // The inputs come from the campaigns part's loaders (enrolment_planning.hpp, caller_roster_store.hpp), so the
  // plan and the campaign screens agree on who is enrolled, when and by whom.
  PlanningEnrolments planning = LoadActiveEnrolmentsForPlanning(connection, day);
  const auto set_aside = ForgetUsualCallersWhoNeverCover(planning.enrolments, LoadCallerDuties(connection));
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
  WorklistPlan plan = PlanWorklists(request, paris_day);
  for (PlannedCall& call : plan.overflow) {
    // Nobody took the call: the enrolment keeps its usual caller, and the coordinator sees who it is.
    const auto aside = set_aside.find(index_of.at({call.person_id, call.campaign_id}));
    if (aside != set_aside.end()) call.usual_caller_id = aside->second;
  }

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
      if (call.continuity == Continuity::kFirstAssignment) {
        // Continuity starts here: the caller of this first call covers the person's window and stays theirs.
        connection.Execute("UPDATE enrolments SET caller_id = ?, version = version + 1 WHERE id = ?",
                           {list.caller_id, enrolment_id});
      }
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
  std::vector<std::int64_t> overflow_ids;
  overflow_ids.reserve(plan.overflow.size());
  for (const auto& call : plan.overflow) {
    const std::int64_t enrolment_id = planning.enrolment_ids[index_of.at({call.person_id, call.campaign_id})];
    overflow_ids.push_back(enrolment_id);
    // A retry nobody on duty can make today (docs/calls.md, "Retries after the shift"): tried and not reached,
    // no attempt possible today, so the item fails and the person comes back first tomorrow as missed.
    auto found = existing.find(enrolment_id);
    if (found != existing.end() && found->second.pending && found->second.attempts > 0) {
      found->second.seen = true;
      ++summary.removed;
      connection.Execute("UPDATE worklist_items SET state = 'failed', version = version + 1 WHERE id = ?",
                         {found->second.id});
    }
  }
  StoreOverflow(connection, day_text, plan.overflow, overflow_ids, now);
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
