#include "calls/worklist_planner.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <queue>
#include <tuple>
#include <vector>

#include "calls/call_due.hpp"
#include "calls/caller_assignment.hpp"

namespace lien::calls {
namespace {

constexpr std::uint32_t kNobody = UINT32_MAX;

/// One call of the day while planning: its sort key and where it goes. Kept small (48 bytes) because a
/// million of them are sorted.
struct Candidate {
  core::EpochMillis not_before;
  PersonId person_id;
  CampaignId campaign_id;
  std::int32_t priority;
  std::uint32_t enrolment;  ///< index into the request's enrolments
  std::uint32_t caller;     ///< roster index, kNobody for the overflow
  CallReason reason;
  Continuity continuity;
  bool has_choice;  ///< the roster chose a caller before capacity was considered
  bool retry;       ///< tried on the day: a caller must be working after not_before (CallOnDay::Reach)
  CampaignKind kind;
  OverflowReason overflow_reason;
};

/// Heatwave and cold first (the tightest timings, a declared alert), then lockdown, then regular wellbeing.
int TightnessRank(CampaignKind kind) {
  switch (kind) {
    case CampaignKind::kHeatwave:
    case CampaignKind::kCold:
      return 0;
    case CampaignKind::kLockdown:
      return 1;
    case CampaignKind::kWellbeing:
      return 2;
  }
  return 3;
}

/// Of a person's calls due the same day, the one kept comes first: the tightest campaign, the highest priority,
/// the earliest time it can be made, the lowest campaign id.
bool KeptBefore(const Candidate& a, const Candidate& b) {
  const int a_rank = TightnessRank(a.kind);
  const int b_rank = TightnessRank(b.kind);
  return std::tie(a.person_id, a_rank, b.priority, a.not_before, a.campaign_id) <
         std::tie(b.person_id, b_rank, a.priority, b.not_before, b.campaign_id);
}

/// One call a day per person: keeps the first of each person's calls by KeptBefore and drops the others,
/// returning how many were dropped. A person missed yesterday under any campaign keeps that place at the head of
/// the list, whichever call is kept.
std::int32_t KeepOneCallPerPerson(std::vector<Candidate>& calls) {
  std::sort(calls.begin(), calls.end(), KeptBefore);
  std::size_t kept = 0;
  for (std::size_t index = 0; index < calls.size(); ++index) {
    if (kept > 0 && calls[kept - 1].person_id == calls[index].person_id) {
      if (calls[index].reason == CallReason::kMissedYesterday) calls[kept - 1].reason = CallReason::kMissedYesterday;
      continue;
    }
    calls[kept++] = calls[index];
  }
  const auto merged = static_cast<std::int32_t>(calls.size() - kept);
  calls.resize(kept);
  return merged;
}

bool ComesBefore(const Candidate& a, const Candidate& b) {
  const bool a_missed = a.reason == CallReason::kMissedYesterday;
  const bool b_missed = b.reason == CallReason::kMissedYesterday;
  return std::tie(b_missed, a.not_before, b.priority, a.person_id, a.campaign_id) <
         std::tie(a_missed, b.not_before, a.priority, b.person_id, b.campaign_id);
}

/// Retry policies by campaign id, looked up by binary search (a handful of campaigns).
class RetryPolicies {
 public:
  RetryPolicies(std::span<const CampaignRetryPolicy> policies, const RetryPolicy& fallback)
      : sorted_(policies.begin(), policies.end()), fallback_(fallback) {
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const auto& a, const auto& b) { return a.campaign_id < b.campaign_id; });
  }
  const RetryPolicy& For(CampaignId campaign_id) const {
    const auto found = std::lower_bound(sorted_.begin(), sorted_.end(), campaign_id,
                                        [](const CampaignRetryPolicy& p, CampaignId id) { return p.campaign_id < id; });
    return found != sorted_.end() && found->campaign_id == campaign_id ? found->policy : fallback_;
  }

 private:
  std::vector<CampaignRetryPolicy> sorted_;
  RetryPolicy fallback_;
};

std::vector<Candidate> CallsOfTheDay(const PlanRequest& request, const ParisDay& day, const CallerRoster& roster) {
  const RetryPolicies policies(request.retry_policies, request.default_retry_policy);
  std::vector<Candidate> candidates;
  candidates.reserve(request.enrolments.size());
  for (std::size_t index = 0; index < request.enrolments.size(); ++index) {
    const Enrolment& enrolment = request.enrolments[index];
    const auto call = CallOn(day, enrolment, policies.For(enrolment.campaign_id));
    if (!call) continue;
    const auto choice = roster.Choose(enrolment.person_id, enrolment.usual_caller_id, call->Reach(day.End()));
    candidates.push_back({call->not_before, enrolment.person_id, enrolment.campaign_id, enrolment.priority,
                          static_cast<std::uint32_t>(index),
                          choice ? static_cast<std::uint32_t>(choice->index) : kNobody, call->reason,
                          choice ? choice->continuity : Continuity::kSpillOver, choice.has_value(), call->retry,
                          enrolment.campaign_kind, OverflowReason::kNoRoom});
  }
  return candidates;
}

/// The colleague with the most room, the lowest roster index (= lowest id) among equals.
using Slot = std::pair<std::int32_t, std::uint32_t>;
struct LessRoom {
  bool operator()(const Slot& a, const Slot& b) const {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  }
};

/// The callers with room left who share one shift: a team has few distinct shifts (mornings, afternoons, days),
/// so a spilled call looks at the best colleague of each shift that overlaps its window.
struct ShiftTeam {
  UtcWindow shift;
  std::priority_queue<Slot, std::vector<Slot>, LessRoom> by_room;
};

/// Gives each call its caller (see the header); what fits nobody keeps caller kNobody and says why.
void Assign(std::vector<Candidate>& ordered, const CallerRoster& roster, const PlanRequest& request,
            const ParisDay& day) {
  std::vector<std::int32_t> room(roster.Size());
  for (std::size_t index = 0; index < roster.Size(); ++index) room[index] = roster.CapacityAt(index);

  std::vector<std::uint32_t> spilled;
  for (std::uint32_t rank = 0; rank < ordered.size(); ++rank) {
    Candidate& call = ordered[rank];
    if (call.has_choice && room[call.caller] > 0) {
      --room[call.caller];
    } else {
      call.caller = kNobody;
      spilled.push_back(rank);
    }
  }
  if (spilled.empty()) return;

  std::map<std::pair<core::EpochMillis, core::EpochMillis>, std::size_t> team_of_shift;
  std::vector<ShiftTeam> teams;
  for (std::uint32_t index = 0; index < room.size(); ++index) {
    const UtcWindow shift = roster.ShiftAt(index);
    const auto [found, inserted] = team_of_shift.try_emplace({shift.start, shift.end}, teams.size());
    if (inserted) teams.push_back(ShiftTeam{shift, {}});
    if (room[index] > 0) teams[found->second].by_room.emplace(room[index], index);
  }
  const auto overlaps = [](UtcWindow shift, UtcWindow window) {
    return shift.start < window.end && window.start < shift.end;
  };
  for (const std::uint32_t rank : spilled) {
    Candidate& call = ordered[rank];
    const UtcWindow window = day.Window(request.enrolments[call.enrolment].window);
    const UtcWindow reach = call.retry ? UtcWindow{call.not_before, day.End()} : window;
    ShiftTeam* best = nullptr;
    bool covered = false;
    for (ShiftTeam& team : teams) {
      if (!overlaps(team.shift, reach)) continue;
      covered = true;
      if (team.by_room.empty()) continue;
      if (best == nullptr || LessRoom{}(best->by_room.top(), team.by_room.top())) best = &team;
    }
    if (best == nullptr) {
      call.overflow_reason = covered ? OverflowReason::kNoRoom : OverflowReason::kOutsideEveryShift;
      continue;
    }
    auto [left, index] = best->by_room.top();
    best->by_room.pop();
    call.caller = index;
    call.continuity = Continuity::kSpillOver;
    if (left > 1) best->by_room.emplace(left - 1, index);
  }
}

PlannedCall ToPlannedCall(const Candidate& call, const Enrolment& enrolment, const ParisDay& day,
                          const CallerRoster& roster) {
  PlannedCall planned{.person_id = call.person_id,
                      .campaign_id = call.campaign_id,
                      .usual_caller_id = enrolment.usual_caller_id,
                      .window = day.Window(enrolment.window),
                      .not_before = call.not_before,
                      .priority = call.priority,
                      .reason = call.reason,
                      .continuity = call.continuity,
                      .overflow_reason = call.overflow_reason};
  // Someone without a usual caller keeps the one who calls them, whichever pass placed the call, as long as that
  // caller's shift covers their agreed window (a retry placed after the window says nothing of the days to come).
  if (enrolment.usual_caller_id == kNoCaller && call.caller != kNobody) {
    planned.continuity =
        roster.Covers(call.caller, planned.window) ? Continuity::kFirstAssignment : Continuity::kSpillOver;
  }
  return planned;
}

}  // namespace

WorklistPlan PlanWorklists(const PlanRequest& request) { return PlanWorklists(request, ParisDay(request.day)); }

WorklistPlan PlanWorklists(const PlanRequest& request, const ParisDay& paris_day) {
  const CallerRoster roster(request.callers, request.now);
  std::vector<Candidate> calls = CallsOfTheDay(request, paris_day, roster);
  WorklistPlan plan;
  plan.merged = KeepOneCallPerPerson(calls);
  std::sort(calls.begin(), calls.end(), ComesBefore);
  Assign(calls, roster, request, paris_day);

  std::vector<std::size_t> counts(roster.Size(), 0);
  std::size_t overflow = 0;
  for (const Candidate& call : calls) {
    if (call.caller == kNobody) {
      ++overflow;
    } else {
      ++counts[call.caller];
    }
  }
  plan.worklists.resize(roster.Size());
  for (std::size_t index = 0; index < roster.Size(); ++index) {
    plan.worklists[index].caller_id = roster.IdAt(index);
    plan.worklists[index].calls.reserve(counts[index]);
  }
  plan.overflow.reserve(overflow);
  // Walking the calls in order keeps every list in order, whichever pass gave the call its caller.
  for (const Candidate& call : calls) {
    const PlannedCall planned = ToPlannedCall(call, request.enrolments[call.enrolment], paris_day, roster);
    if (call.caller == kNobody) {
      plan.overflow.push_back(planned);
    } else {
      plan.worklists[call.caller].calls.push_back(planned);
    }
  }
  return plan;
}

}  // namespace lien::calls
