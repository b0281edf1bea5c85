#pragma once
// The types of the call scheduler (issue 4, "Enrolment", "Daily worklists", "Calling", "People not reached"):
// plain values the store fills and the planner reads. No database, HTTP or JSON here; instants are
// core::EpochMillis (UTC), local dates are Paris calendar days (std::chrono::local_days).
//
// Ids are the store's row ids. The planner assumes (person, campaign) unique among enrolments and caller ids
// unique among callers on duty; the order of the inputs does not matter (same inputs and clock, same lists).

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace lien::calls {

using PersonId = std::int64_t;
using CampaignId = std::int64_t;
using CallerId = std::int64_t;  ///< the caller's account id
inline constexpr CallerId kNoCaller = 0;

/// A set of ISO weekdays (Monday = 1 … Sunday = 7), one bit each. Empty means "no weekday constraint".
class WeekdaySet {
 public:
  constexpr WeekdaySet() = default;
  static constexpr WeekdaySet FromBits(std::uint8_t bits) { return WeekdaySet(static_cast<std::uint8_t>(bits & 0x7F)); }
  /// `iso_weekdays`: 1 (Monday) … 7 (Sunday); other values are ignored.
  static constexpr WeekdaySet Of(std::initializer_list<unsigned> iso_weekdays) {
    std::uint8_t bits = 0;
    for (unsigned day : iso_weekdays) {
      if (day >= 1 && day <= 7) bits = static_cast<std::uint8_t>(bits | (1u << (day - 1)));
    }
    return WeekdaySet(bits);
  }
  constexpr bool Empty() const { return bits_ == 0; }
  constexpr bool Contains(std::chrono::weekday day) const { return (bits_ >> (day.iso_encoding() - 1)) & 1u; }
  constexpr std::uint8_t Bits() const { return bits_; }
  friend constexpr bool operator==(WeekdaySet, WeekdaySet) = default;

 private:
  constexpr explicit WeekdaySet(std::uint8_t bits) : bits_(bits) {}
  std::uint8_t bits_ = 0;
};

/// An agreed hour window in Paris wall-clock time, minutes from local midnight, [start, end).
/// Valid when 0 <= start < end <= 1440 (see IsValid); agreed_window.hpp turns it into UTC instants for a day.
struct LocalWindow {
  std::int16_t start_minute = 9 * 60;
  std::int16_t end_minute = 18 * 60;

  constexpr bool IsValid() const { return start_minute >= 0 && start_minute < end_minute && end_minute <= 24 * 60; }
  friend constexpr bool operator==(LocalWindow, LocalWindow) = default;
};

/// A window as UTC instants, [start, end).
struct UtcWindow {
  core::EpochMillis start = 0;
  core::EpochMillis end = 0;
  friend constexpr bool operator==(UtcWindow, UtcWindow) = default;
};

/// The outcomes a caller records (issue 4, "Calling").
enum class CallOutcome : std::uint8_t {
  kReached,
  kNoAnswer,
  kBusy,
  kVoicemail,
  kWrongNumber,
  kRefused,
  kInHospital,
  kAway,
  kDeceased,
};
/// Stable lower-case names for storage and the API ("reached", "no_answer", …).
std::string_view CallOutcomeName(CallOutcome outcome);
std::optional<CallOutcome> CallOutcomeFromName(std::string_view name);

/// Why a call is on a list. The order of the enumerators is not the list's order (see worklist_planner.hpp).
enum class CallReason : std::uint8_t {
  kDue,              ///< the frequency or an agreed weekday makes the person due today
  kRetry,            ///< tried today without reaching them; attempts left today
  kMissedYesterday,  ///< on yesterday's list and not reached: comes back first
};
/// "due", "retry", "missed" (worklist_items.reason in docs/calls.md).
std::string_view CallReasonName(CallReason reason);
std::optional<CallReason> CallReasonFromName(std::string_view name);

/// Whose list a call is on, relative to the person's usual caller.
enum class Continuity : std::uint8_t {
  kUsualCaller,      ///< the usual caller is on duty and had room
  kStandIn,          ///< the usual caller is away: the person's stable stand-in (caller_assignment.hpp)
  kFirstAssignment,  ///< no usual caller yet, and this caller's shift covers the window: the store keeps them as usual
  kSpillOver,        ///< the chosen caller's list was full: the colleague with the most room took it
};
std::string_view ContinuityName(Continuity continuity);

/// What raises a person's priority (issue 4, "Enrolment").
struct PriorityFlags {
  bool lives_alone = false;
  bool no_family = false;
  bool open_needs = false;
  bool last_call_worrying = false;
};
/// A score, higher first. Weights: a worrying last call outweighs everything else together, open needs next,
/// then isolation; so two people at the same window are ordered by how much is known to be wrong.
std::int32_t PriorityScore(PriorityFlags flags);

/// Retry rules of a campaign (issue 4, "Calling"): the delay before trying again after a call that did not
/// reach the person, and how many attempts a day at most.
struct RetryPolicy {
  std::int32_t no_answer_delay_minutes = 120;
  std::int32_t busy_delay_minutes = 20;  ///< the line was in use: someone is there, try sooner
  std::int32_t voicemail_delay_minutes = 120;
  std::int32_t max_attempts_per_day = 3;
};

/// Campaign kinds whose defaults differ (issue 4: a heatwave has tighter retry and escalation timings).
enum class CampaignKind : std::uint8_t { kHeatwave, kCold, kLockdown, kWellbeing };
RetryPolicy DefaultRetryPolicy(CampaignKind kind);

struct CampaignRetryPolicy {
  CampaignId campaign_id = 0;
  RetryPolicy policy{};
};

/// One person enrolled in one campaign, with what the store knows of their calls.
struct Enrolment {
  PersonId person_id = 0;
  CampaignId campaign_id = 0;
  CallerId usual_caller_id = kNoCaller;
  WeekdaySet agreed_weekdays{};     ///< empty: any day
  LocalWindow window{};             ///< the agreed hour window (Paris)
  std::int16_t frequency_days = 1;  ///< every N days since last reached; 0: on agreed weekdays only
  std::int32_t priority = 0;        ///< PriorityScore or the campaign's own score; higher first
  std::optional<core::EpochMillis> last_reached_at{};
  std::optional<core::EpochMillis> last_attempt_at{};  ///< the last call, whatever its outcome
  CallOutcome last_attempt_outcome = CallOutcome::kNoAnswer;
  std::int16_t attempts_on_day = 0;  ///< attempts on the planned day (ignored unless last_attempt_at is that day)
  bool missed_yesterday = false;     ///< on yesterday's list and not reached
  /// Ranks the person's enrolments due the same day (worklist_planner.hpp, one call a day per person).
  CampaignKind campaign_kind = CampaignKind::kWellbeing;
};

/// A caller on duty on the planned day.
struct CallerOnDuty {
  CallerId caller_id = kNoCaller;
  core::EpochMillis shift_start = 0;
  core::EpochMillis shift_end = 0;
  std::int32_t minutes_per_call = 20;  ///< the time a call takes with its notes (Limoges: about twenty minutes)
  std::int32_t max_calls = 0;          ///< a cap on the shift's calls, 0 for none
  std::int32_t calls_made = 0;         ///< calls already made in this shift (when re-planning during the day)
};

/// Why a call is on the overflow rather than on a list.
enum class OverflowReason : std::uint8_t {
  kNoRoom,             ///< callers on duty cover the window but their lists are full
  kOutsideEveryShift,  ///< no caller on duty that day has a shift overlapping the agreed window
};
/// "no_room", "outside_every_shift" (the plan's reply, docs/calls.md).
std::string_view OverflowReasonName(OverflowReason reason);

/// One call on a list.
struct PlannedCall {
  PersonId person_id = 0;
  CampaignId campaign_id = 0;
  CallerId usual_caller_id = kNoCaller;
  UtcWindow window{};                ///< the agreed window on the planned day
  core::EpochMillis not_before = 0;  ///< window start, or later for a retry
  std::int32_t priority = 0;
  CallReason reason = CallReason::kDue;
  Continuity continuity = Continuity::kUsualCaller;          ///< overflow: the intended assignment (kSpillOver if none)
  OverflowReason overflow_reason = OverflowReason::kNoRoom;  ///< meaningful on the overflow only

  friend bool operator==(const PlannedCall&, const PlannedCall&) = default;
};

/// One caller's ordered list.
struct Worklist {
  CallerId caller_id = kNoCaller;
  std::vector<PlannedCall> calls{};

  friend bool operator==(const Worklist&, const Worklist&) = default;
};

/// The plan of a day: one list per caller on duty (by caller id, empty lists included) and the calls that fit
/// nobody, in the same order as a list, to report to the coordinator (never dropped silently).
struct WorklistPlan {
  std::vector<Worklist> worklists{};
  std::vector<PlannedCall> overflow{};
  /// Calls due the same day as another call of the same person and left out (one call a day per person).
  std::int32_t merged = 0;

  friend bool operator==(const WorklistPlan&, const WorklistPlan&) = default;
};

}  // namespace lien::calls
