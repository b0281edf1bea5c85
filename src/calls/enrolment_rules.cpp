#include "calls/enrolment_rules.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
#include <utility>

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

std::vector<CallerId> AssignUsualCallers(std::span<const CallerLoad> callers, std::span<const PersonId> persons) {
  std::vector<CallerId> assigned(persons.size(), kNoCaller);
  if (callers.empty()) return assigned;
  // A min-heap on (load, caller id): the least loaded caller, the lowest id among equals.
  using Slot = std::pair<std::int64_t, CallerId>;
  std::priority_queue<Slot, std::vector<Slot>, std::greater<>> heap;
  for (const CallerLoad& caller : callers) heap.emplace(caller.enrolled, caller.caller_id);
  std::vector<std::size_t> order(persons.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return persons[a] != persons[b] ? persons[a] < persons[b] : a < b; });
  for (const std::size_t index : order) {
    auto [load, caller_id] = heap.top();
    heap.pop();
    assigned[index] = caller_id;
    heap.emplace(load + 1, caller_id);
  }
  return assigned;
}

}  // namespace lien::calls
