#pragma once
// Who calls whom (issue 4, "Enrolment": the same caller each time; when that caller is away, a stable stand-in,
// and back to the usual caller after).
//
// Stand-ins come from consistent hashing: each caller who can take calls owns points on a ring (hashes of their
// id), a person goes to the owner of the first point after the hash of their id. So the stand-in depends only on
// the person and on who is on duty, and changes for as few people as possible when someone else comes or goes:
// the same stand-in each day of an absence while the team is stable, and the absent caller's people spread over
// the whole team instead of landing on one colleague. Rejected: hashing modulo the number of callers (everyone
// moves when one caller's day off starts) and "the least loaded colleague" (changes daily).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

/// Calls the caller can still take: what is left of the shift at `now` (whole calls of `minutes_per_call`),
/// within `max_calls - calls_made` when a cap is set. Never negative; 0 once the shift is over.
std::int32_t RemainingCapacity(const CallerOnDuty& caller, core::EpochMillis now);

/// The consistent-hashing ring over a set of callers. Immutable; safe to share between threads.
class StandInRing {
 public:
  StandInRing() = default;  ///< empty: no stand-in for anyone
  /// `caller_ids`: the callers who can take calls (on duty, with room), in any order, each once.
  explicit StandInRing(std::span<const CallerId> caller_ids);

  /// The position in `caller_ids` of the person's stand-in; nullopt when the ring is empty.
  std::optional<std::size_t> StandInIndexFor(PersonId person_id) const;

  /// The first point at or after the person's hash, going round once. Rings over disjoint sets of callers
  /// compare their hits with `Before`: the earliest hit of several rings is the hit of the ring over their union,
  /// so a stand-in can be chosen among the callers of some rings only (those whose shift covers a call).
  struct Hit {
    bool wrapped;  ///< no point at or after the hash: the ring's first point
    std::uint64_t hash;
    CallerId caller_id;
    std::size_t index;  ///< position in `caller_ids`
    bool Before(const Hit& other) const {
      return std::tie(wrapped, hash, caller_id) < std::tie(other.wrapped, other.hash, other.caller_id);
    }
  };
  std::optional<Hit> HitFor(PersonId person_id) const;

 private:
  struct Point {
    std::uint64_t hash;
    CallerId caller_id;  ///< orders points of equal hash, so the ring does not depend on the input's order
    std::uint32_t index;
  };
  std::vector<Point> points_;
};

/// The callers on duty for a plan: sorted by id, their capacity at `now`, and the stand-in rings over those with
/// room, one ring per distinct shift (a team has few: mornings, afternoons, days). The usual caller counts as away
/// when not on duty or without room left (their shift is over).
class CallerRoster {
 public:
  /// Callers with the same id are counted once (the first in id, shift start order).
  CallerRoster(std::span<const CallerOnDuty> callers, core::EpochMillis now);

  std::size_t Size() const { return ids_.size(); }
  CallerId IdAt(std::size_t index) const { return ids_[index]; }
  std::int32_t CapacityAt(std::size_t index) const { return capacities_[index]; }
  std::optional<std::size_t> IndexOf(CallerId caller_id) const;
  /// The caller's whole shift that day (not what is left of it at `now`).
  UtcWindow ShiftAt(std::size_t index) const { return shifts_[index]; }
  /// True when the caller's shift overlaps `window` (a call is placed on a caller only then).
  bool Covers(std::size_t index, UtcWindow window) const {
    return shifts_[index].start < window.end && window.start < shifts_[index].end;
  }

  struct Choice {
    std::size_t index;
    Continuity continuity;  ///< kUsualCaller, kStandIn or kFirstAssignment
  };
  /// The caller a person's call goes to before lists fill up: the usual caller when on duty with room, else the
  /// stand-in. With `window`, only callers whose shift overlaps it count: the usual caller whose shift misses it
  /// is away for this call, and the stand-in is chosen by consistent hashing among the callers with room who cover
  /// it, so the same person gets the same stand-in each day the usual caller's shift misses their window (while
  /// the team is the same) and goes back to the usual caller afterwards. nullopt when nobody with room covers it.
  /// Cost O(t log n) for t distinct shifts.
  std::optional<Choice> Choose(PersonId person_id, CallerId usual_caller_id,
                               std::optional<UtcWindow> window = std::nullopt) const;

 private:
  /// The callers with room who share one shift, and their ring.
  struct Team {
    UtcWindow shift;
    std::vector<std::size_t> members;  ///< ring positions → roster indices
    StandInRing ring;
  };
  std::vector<CallerId> ids_;
  std::vector<std::int32_t> capacities_;
  std::vector<UtcWindow> shifts_;
  std::vector<Team> teams_;  ///< by shift
};

/// Where one more call goes during the day (a retry that the caller who made the attempt can no longer make):
/// `room[i]` is how many more calls roster caller i can take (their capacity at the roster's `now` less the calls
/// already on their list). Choose's caller for `reach` when they have room, else the caller covering `reach` with the
/// most room, the lowest id among equals; nullopt when no caller covering `reach` has room. O(n + t log n).
std::optional<std::size_t> PlaceOneMoreCall(const CallerRoster& roster, std::span<const std::int32_t> room,
                                            PersonId person_id, CallerId usual_caller_id, UtcWindow reach);

}  // namespace lien::calls
