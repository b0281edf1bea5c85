#include "calls/enrolment_rules.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <queue>
#include <tuple>
#include <utility>

#include "calls/schedule_text.hpp"

namespace lien::calls {

std::int32_t EnrolmentPriority(const PriorityFacts& facts) {
  return PriorityScore(PriorityFlags{.lives_alone = facts.lives_alone,
                                     .no_family = facts.no_family,
                                     .open_needs = facts.open_needs > 0,
                                     .last_call_worrying = facts.last_call_worrying});
}

EffectiveSchedule ScheduleOf(const ScheduleLevel& enrolment, const ScheduleLevel& preference,
                             const ScheduleLevel& campaign) {
  EffectiveSchedule schedule;
  for (const ScheduleLevel* level : {&enrolment, &preference, &campaign}) {
    if (!level->weekdays.Empty()) {
      schedule.weekdays = level->weekdays;
      break;
    }
  }
  for (const ScheduleLevel* level : {&enrolment, &preference, &campaign}) {
    if (level->window && level->window->IsValid()) {
      schedule.window = *level->window;
      break;
    }
  }
  schedule.frequency_days = enrolment.frequency_days > 0 ? enrolment.frequency_days : campaign.frequency_days;
  return schedule;
}

ScheduleLevel ScheduleLevelFromText(std::string_view weekdays, std::string_view window_start,
                                    std::string_view window_end, std::int64_t frequency_days) {
  return ScheduleLevel{.weekdays = ParseIsoWeekdays(weekdays).value_or(WeekdaySet{}),
                       .window = ParseLocalWindow(window_start, window_end),
                       .frequency_days = static_cast<std::int16_t>(frequency_days)};
}

bool DutyCovers(const CallerLoad& caller, WeekdaySet agreed_weekdays, LocalWindow window) {
  const std::uint8_t caller_days = caller.weekdays.Empty() ? 0x7F : caller.weekdays.Bits();
  const std::uint8_t person_days = agreed_weekdays.Empty() ? 0x7F : agreed_weekdays.Bits();
  if ((caller_days & person_days) == 0) return false;
  if (!caller.shift) return true;
  return caller.shift->start_minute < window.end_minute && window.start_minute < caller.shift->end_minute;
}

std::vector<CallerId> AssignUsualCallers(std::span<const CallerLoad> callers, std::span<const PersonSchedule> persons) {
  std::vector<CallerId> assigned(persons.size(), kNoCaller);
  if (callers.empty()) return assigned;
  // One min-heap on (load, caller id) per distinct duty: the least loaded caller of each duty that covers the
  // person, the lowest id among equals, then the best of those.
  using Slot = std::pair<std::int64_t, CallerId>;
  using Heap = std::priority_queue<Slot, std::vector<Slot>, std::greater<>>;
  struct Duty {
    CallerLoad duty;  ///< weekdays and shift; load and id unused
    Heap heap;
  };
  std::map<std::tuple<std::uint8_t, bool, std::int16_t, std::int16_t>, std::size_t> duty_index;
  std::vector<Duty> duties;
  for (const CallerLoad& caller : callers) {
    const LocalWindow shift = caller.shift.value_or(LocalWindow{});
    const auto key = std::tuple{caller.weekdays.Bits(), caller.shift.has_value(), shift.start_minute, shift.end_minute};
    const auto [found, inserted] = duty_index.try_emplace(key, duties.size());
    if (inserted) duties.push_back(Duty{caller, {}});
    duties[found->second].heap.emplace(caller.enrolled, caller.caller_id);
  }
  std::vector<std::size_t> order(persons.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return persons[a].person_id != persons[b].person_id ? persons[a].person_id < persons[b].person_id : a < b;
  });
  for (const std::size_t index : order) {
    Duty* best = nullptr;
    for (Duty& duty : duties) {
      if (!DutyCovers(duty.duty, persons[index].weekdays, persons[index].window)) continue;
      if (best == nullptr || duty.heap.top() < best->heap.top()) best = &duty;
    }
    if (best == nullptr) continue;
    auto [load, caller_id] = best->heap.top();
    best->heap.pop();
    assigned[index] = caller_id;
    best->heap.emplace(load + 1, caller_id);
  }
  return assigned;
}

std::vector<CallerId> AssignUsualCallers(std::span<const CallerLoad> callers, std::span<const PersonId> persons) {
  std::vector<PersonSchedule> anytime;
  anytime.reserve(persons.size());
  for (const PersonId id : persons) {
    anytime.push_back(PersonSchedule{.person_id = id, .window = LocalWindow{.start_minute = 0, .end_minute = 24 * 60}});
  }
  std::vector<CallerLoad> any_duty(callers.begin(), callers.end());
  for (CallerLoad& caller : any_duty) {
    caller.weekdays = WeekdaySet{};
    caller.shift.reset();
  }
  return AssignUsualCallers(any_duty, anytime);
}

}  // namespace lien::calls
