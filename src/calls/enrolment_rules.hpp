#pragma once
// The rules of enrolments (issue 4, "Enrolment"): a person's priority from what is known of them, and who becomes
// the usual caller of people enrolled without one. Plain functions of their inputs.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "calls/schedule_model.hpp"

namespace lien::calls {

/// What the store knows of an enrolled person that raises their priority.
struct PriorityFacts {
  bool lives_alone = false;         ///< follow-up profile
  bool no_family = false;           ///< follow-up profile
  std::int32_t open_needs = 0;      ///< needs in state `open`
  bool last_call_worrying = false;  ///< the last call was marked worrying by the caller
};

/// The enrolment's priority: the scheduler's PriorityScore of these facts (a worrying last call first, then open
/// needs, then living alone, then no family), so lists order people by how much is known to be wrong.
std::int32_t EnrolmentPriority(const PriorityFacts& facts);

/// Call days and hours at one level: the enrolment's own agreement, the person's preference (follow-up
/// profile), the campaign's default. Empty weekdays, no window or frequency 0 mean "not set at this level".
struct ScheduleLevel {
  WeekdaySet weekdays{};
  std::optional<LocalWindow> window{};
  std::int16_t frequency_days = 0;
};

/// What the scheduler uses: for weekdays and window, the enrolment's when set, else the person's preference,
/// else the campaign's; for the frequency, the enrolment's when set, else the campaign's (0 there: on the
/// weekdays only). A campaign without a window falls back to 09:00–12:00.
struct EffectiveSchedule {
  WeekdaySet weekdays{};
  LocalWindow window{.start_minute = 9 * 60, .end_minute = 12 * 60};
  std::int16_t frequency_days = 0;
};
EffectiveSchedule ScheduleOf(const ScheduleLevel& enrolment, const ScheduleLevel& preference,
                             const ScheduleLevel& campaign);

/// A level from its stored text ('1,3,5', 'HH:MM', 'HH:MM', days); what does not read is "not set".
ScheduleLevel ScheduleLevelFromText(std::string_view weekdays, std::string_view window_start,
                                    std::string_view window_end, std::int64_t frequency_days);

/// A caller who can be given people, with how many active enrolments they already call as usual caller, and their
/// regular duty (empty weekdays: any day; no shift: any hour).
struct CallerLoad {
  CallerId caller_id = kNoCaller;
  std::int64_t enrolled = 0;
  WeekdaySet weekdays{};
  std::optional<LocalWindow> shift{};
};

/// True when the caller's regular duty ever covers a person's agreed days and window: a weekday in common (any
/// of the caller's days when the person agreed none) and the shift overlapping the window on the Paris clock. A
/// caller for whom this is false would never call the person (the planner gives calls only to callers whose
/// shift overlaps the window), so such a caller is never made the person's usual caller.
bool DutyCovers(const CallerLoad& caller, WeekdaySet agreed_weekdays, LocalWindow window);

/// A person to be given a usual caller, with the days and window they are called on (ScheduleOf).
struct PersonSchedule {
  PersonId person_id = 0;
  WeekdaySet weekdays{};
  LocalWindow window{};
};

/// The usual caller of each person in `persons` (in that order), for people enrolled without one: each goes to
/// the caller with the fewest people so far among those whose duty covers the person's days and window
/// (DutyCovers), the lowest id among equals, counting the ones just given. The persons are taken in ascending id
/// order whatever the input's order, so the same people and loads give the same callers. kNoCaller for a person
/// no caller covers, and for everyone when `callers` is empty (the planner then chooses a caller on the day and
/// the store keeps it). Cost O(n log n + n·d log m) for d distinct duties among the m callers.
std::vector<CallerId> AssignUsualCallers(std::span<const CallerLoad> callers, std::span<const PersonSchedule> persons);

/// The same for people whose days and window do not matter (every caller covers them).
std::vector<CallerId> AssignUsualCallers(std::span<const CallerLoad> callers, std::span<const PersonId> persons);

}  // namespace lien::calls
