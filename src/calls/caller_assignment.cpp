#include "calls/caller_assignment.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

namespace lien::calls {
namespace {

// Points per caller: with 64 the share of an absent caller's people each colleague takes stays within about
// ±12 % of even (1/sqrt(64)); 5,000 callers make 320,000 points, built once per plan.
constexpr std::uint32_t kPointsPerCaller = 64;

/// SplitMix64's finaliser: plain integer arithmetic, so the ring is the same on every machine and build.
constexpr std::uint64_t Mix(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ull;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
  return value ^ (value >> 31);
}

constexpr std::uint64_t PersonHash(PersonId person_id) {
  return Mix(static_cast<std::uint64_t>(person_id) ^ 0x5DEECE66Dull);
}

constexpr std::uint64_t PointHash(CallerId caller_id, std::uint32_t point) {
  return Mix(Mix(static_cast<std::uint64_t>(caller_id)) + point);
}

}  // namespace

std::int32_t RemainingCapacity(const CallerOnDuty& caller, core::EpochMillis now) {
  if (caller.minutes_per_call <= 0) return 0;
  const core::EpochMillis from = std::max(now, caller.shift_start);
  if (caller.shift_end <= from) return 0;
  const core::EpochMillis call_millis = static_cast<core::EpochMillis>(caller.minutes_per_call) * 60'000;
  const core::EpochMillis by_time = (caller.shift_end - from) / call_millis;
  core::EpochMillis capacity = by_time;
  if (caller.max_calls > 0) capacity = std::min<core::EpochMillis>(capacity, caller.max_calls - caller.calls_made);
  return static_cast<std::int32_t>(
      std::clamp<core::EpochMillis>(capacity, 0, std::numeric_limits<std::int32_t>::max()));
}

StandInRing::StandInRing(std::span<const CallerId> caller_ids) {
  points_.reserve(caller_ids.size() * kPointsPerCaller);
  for (std::size_t index = 0; index < caller_ids.size(); ++index) {
    for (std::uint32_t point = 0; point < kPointsPerCaller; ++point) {
      points_.push_back({PointHash(caller_ids[index], point), caller_ids[index], static_cast<std::uint32_t>(index)});
    }
  }
  std::sort(points_.begin(), points_.end(), [](const Point& a, const Point& b) {
    return std::tie(a.hash, a.caller_id) < std::tie(b.hash, b.caller_id);
  });
}

std::optional<StandInRing::Hit> StandInRing::HitFor(PersonId person_id) const {
  if (points_.empty()) return std::nullopt;
  const std::uint64_t hash = PersonHash(person_id);
  auto next = std::lower_bound(points_.begin(), points_.end(), hash,
                               [](const Point& point, std::uint64_t value) { return point.hash < value; });
  const bool wrapped = next == points_.end();
  if (wrapped) next = points_.begin();  // the ring wraps around
  return Hit{wrapped, next->hash, next->caller_id, next->index};
}

std::optional<std::size_t> StandInRing::StandInIndexFor(PersonId person_id) const {
  const auto hit = HitFor(person_id);
  if (!hit) return std::nullopt;
  return hit->index;
}

CallerRoster::CallerRoster(std::span<const CallerOnDuty> callers, core::EpochMillis now) {
  std::vector<const CallerOnDuty*> sorted;
  sorted.reserve(callers.size());
  for (const CallerOnDuty& caller : callers) sorted.push_back(&caller);
  std::sort(sorted.begin(), sorted.end(), [](const CallerOnDuty* a, const CallerOnDuty* b) {
    return std::tie(a->caller_id, a->shift_start, a->shift_end) < std::tie(b->caller_id, b->shift_start, b->shift_end);
  });
  std::map<std::pair<core::EpochMillis, core::EpochMillis>, std::size_t> team_of_shift;
  std::vector<std::vector<CallerId>> team_ids;
  for (const CallerOnDuty* caller : sorted) {
    if (!ids_.empty() && ids_.back() == caller->caller_id) continue;
    ids_.push_back(caller->caller_id);
    capacities_.push_back(RemainingCapacity(*caller, now));
    shifts_.push_back(UtcWindow{caller->shift_start, caller->shift_end});
    if (capacities_.back() <= 0) continue;
    const auto [found, inserted] = team_of_shift.try_emplace({caller->shift_start, caller->shift_end}, teams_.size());
    if (inserted) {
      teams_.push_back(Team{shifts_.back(), {}, {}});
      team_ids.emplace_back();
    }
    teams_[found->second].members.push_back(ids_.size() - 1);
    team_ids[found->second].push_back(caller->caller_id);
  }
  for (std::size_t team = 0; team < teams_.size(); ++team) teams_[team].ring = StandInRing(team_ids[team]);
}

std::optional<std::size_t> CallerRoster::IndexOf(CallerId caller_id) const {
  const auto found = std::lower_bound(ids_.begin(), ids_.end(), caller_id);
  if (found == ids_.end() || *found != caller_id) return std::nullopt;
  return static_cast<std::size_t>(found - ids_.begin());
}

std::optional<CallerRoster::Choice> CallerRoster::Choose(PersonId person_id, CallerId usual_caller_id,
                                                         std::optional<UtcWindow> window) const {
  if (usual_caller_id != kNoCaller) {
    const auto usual = IndexOf(usual_caller_id);
    if (usual && capacities_[*usual] > 0 && (!window || Covers(*usual, *window))) {
      return Choice{*usual, Continuity::kUsualCaller};
    }
  }
  // The earliest hit over the rings of the teams covering the window is the hit of one ring over all of them:
  // a colleague's shift that misses the window never takes a point another's would have had.
  const Team* best_team = nullptr;
  std::optional<StandInRing::Hit> best;
  for (const Team& team : teams_) {
    if (window && !(team.shift.start < window->end && window->start < team.shift.end)) continue;
    const auto hit = team.ring.HitFor(person_id);
    if (hit && (!best || hit->Before(*best))) {
      best = hit;
      best_team = &team;
    }
  }
  if (best_team == nullptr) return std::nullopt;
  return Choice{best_team->members[best->index],
                usual_caller_id == kNoCaller ? Continuity::kFirstAssignment : Continuity::kStandIn};
}

std::optional<std::size_t> PlaceOneMoreCall(const CallerRoster& roster, std::span<const std::int32_t> room,
                                            PersonId person_id, CallerId usual_caller_id, UtcWindow reach) {
  if (const auto choice = roster.Choose(person_id, usual_caller_id, reach); choice && room[choice->index] > 0) {
    return choice->index;
  }
  std::optional<std::size_t> most;
  for (std::size_t index = 0; index < roster.Size(); ++index) {
    if (room[index] <= 0 || !roster.Covers(index, reach)) continue;
    if (!most || room[index] > room[*most]) most = index;  // ascending ids: the lowest id among equals
  }
  return most;
}

}  // namespace lien::calls
