#pragma once
// The daily worklists (issue 4, "Daily worklists"): for a Paris day and a clock reading, each caller's ordered
// list of calls, within their capacity, and the calls that fit nobody. A pure function of its inputs: same
// enrolments, callers, policies, day and `now` (in any order), same lists.
//
// Order of a list (and of the overflow): calls missed yesterday first; then by the earliest time the call can be
// made (the agreed window's start, or the retry time when later); then priority, higher first; then person id
// and campaign id, so that no tie is left to the input's order.
//
// One call a day per person: when several of a person's enrolments are due the same day, one call is kept —
// the tightest campaign (heatwave and cold, then lockdown, then wellbeing), then the highest priority, then the
// earliest time it can be made, then the lowest campaign id — and the others are counted in `merged` (a person
// missed yesterday under any of them keeps the "missed" place at the head of the list). Reaching the person
// counts for all their enrolments (the call store), so the merged ones are not due again.
//
// Assignment, in that order: a call is placed on a caller only when that caller's shift overlaps the time the call
// can be made (CallOnDay::Reach): the agreed window, or for a retry from the retry time to midnight, so a retry
// never lands on a caller whose shift is over by then. Each call goes to its usual caller while that caller has
// room and covers it, or else to the person's stand-in among the callers with room who cover it
// (caller_assignment.hpp: stable from day to day, back to the usual caller when their shift covers the window
// again), so the calls that come first keep their continuity. What did not fit then goes, still in that order, to
// the colleague on duty with the most room left among those who cover it (the lowest id among equals). What fits
// nobody is the overflow, reported to the coordinator with its reason: `kNoRoom` when callers covering it are
// full, `kOutsideEveryShift` when no caller on duty that day covers it. A person without a usual caller gets
// Continuity::kFirstAssignment when the caller of their call covers their agreed window: the store keeps that
// caller as their usual caller.
//
// Cost: O(n log n + m log m + s·t) for n enrolments, m callers, s calls spilled over and t distinct shifts; one
// allocation per list, none per call beyond the lists themselves.

#include <chrono>
#include <span>

#include "calls/agreed_window.hpp"
#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

struct PlanRequest {
  std::chrono::local_days day{};                          ///< the Paris day planned
  core::EpochMillis now = 0;                              ///< when the plan is made: capacity counts from here
  std::span<const Enrolment> enrolments{};                ///< active enrolments; (person, campaign) unique
  std::span<const CallerOnDuty> callers{};                ///< callers on duty that day; ids unique
  std::span<const CampaignRetryPolicy> retry_policies{};  ///< per campaign; the others use default_retry_policy
  RetryPolicy default_retry_policy{};
};

/// Plans the day. Worklists come by caller id, one for each caller on duty, empty ones included.
WorklistPlan PlanWorklists(const PlanRequest& request);

/// The same, with the day's time-zone tables already built (re-planning during the day);
/// `paris_day.Day()` must be `request.day`.
WorklistPlan PlanWorklists(const PlanRequest& request, const ParisDay& paris_day);

}  // namespace lien::calls
