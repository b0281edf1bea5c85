#pragma once
// The stored worklists (docs/calls.md, worklist_items): planning a day from the stored enrolments, callers and
// today's calls through the scheduler's planner, and reading the lists back. SQL for both engines; the caller
// holds the write transaction (planning and reading are audited by the routes in the same transaction).
//
// Re-planning a day replaces only its pending items: items done, failed or moved stay as they are, pending
// items are updated in place (same id) or inserted, and pending items the new plan leaves out are deleted, or
// marked `moved` when a call was already made on them — `failed` when that call's retry fits nobody's list, so
// that it comes back first the next day as missed. The calls that fit nobody are stored with the day's plan
// (worklist_overflow, replaced at each plan). Same stored inputs and clock, same lists.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calls/call_outcome_rules.hpp"
#include "calls/schedule_model.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct WorklistItem {
  std::int64_t id = 0;
  std::string day;  ///< 'YYYY-MM-DD', Paris
  std::int64_t caller_id = 0;
  std::int64_t enrolment_id = 0;
  std::int64_t person_id = 0;
  std::int64_t campaign_id = 0;
  std::int32_t position = 0;
  std::string reason;  ///< "missed", "due", "retry"
  UtcWindow window{};
  core::EpochMillis not_before = 0;
  std::int32_t attempts = 0;
  ItemState state = ItemState::kPending;
  std::optional<std::string> last_outcome;  ///< of the last call on this item
  std::optional<core::EpochMillis> last_call_at;
  std::int64_t version = 1;
};

struct PlanSummary {
  std::int32_t pending = 0;           ///< pending items written
  std::int32_t kept = 0;              ///< items done, failed or moved left as they were
  std::int32_t removed = 0;           ///< pending items deleted or marked moved
  std::vector<PlannedCall> overflow;  ///< calls that fit nobody's list, with the reason (also stored: LoadOverflow)
  std::int32_t merged = 0;            ///< calls left out for another call of the same person that day
  std::int32_t callers = 0;           ///< callers on duty
};

/// Plans `day` at `now` and writes the result (see above). On PostgreSQL, takes a transaction-scoped advisory
/// lock so two instances planning the same moment do not collide.
PlanSummary PlanDay(db::Connection& connection, std::chrono::local_days day, core::EpochMillis now);

/// True when the day has at least one item or one call on its overflow (planned before).
bool DayIsPlanned(db::Connection& connection, std::string_view day);

/// A call of a day's plan that fits nobody's list.
struct OverflowCall {
  std::int64_t enrolment_id = 0;
  PlannedCall call{};  ///< person, campaign, usual caller, window, not_before, priority, reason, overflow_reason
};

/// The overflow stored by the last plan of `day`, in list order (missed first, then by time, priority, ids).
std::vector<OverflowCall> LoadOverflow(db::Connection& connection, std::string_view day);

/// Where the retry of a call goes (docs/calls.md, "Retries after the shift").
struct RetryPlacement {
  enum class Place : std::uint8_t {
    kSameCaller,  ///< the item's caller is still working at the retry time
    kColleague,   ///< a colleague on duty then, with room, takes the item (`caller_id`)
    kNextDay,     ///< nobody on duty then has room: the item fails and comes back first tomorrow as missed
  };
  Place place = Place::kSameCaller;
  CallerId caller_id = kNoCaller;
};

/// Where a retry at `retry_at` of `item` (a pending item of the Paris day `day`) goes: on the same list while the
/// item's caller's shift that day ends after it; else to the person's usual caller or stand-in among the callers
/// on duty whose shift ends after it, when they have room (their capacity at `now` less their pending items), else
/// to the one of those with the most room (CallerRoster, PlaceOneMoreCall); else to the next day.
RetryPlacement PlaceRetry(db::Connection& connection, const WorklistItem& item, core::EpochMillis retry_at,
                          std::chrono::local_days day, core::EpochMillis now);

/// A day's items, of one caller or of all, by caller then list order: items no longer pending first (in their
/// position), then the pending ones in their position.
std::vector<WorklistItem> LoadWorklist(db::Connection& connection, std::string_view day,
                                       std::optional<std::int64_t> caller_id);

std::optional<WorklistItem> LoadWorklistItem(db::Connection& connection, std::int64_t item_id);

/// The pending item of `enrolment_id` on `day`, if any.
std::optional<WorklistItem> PendingItemOf(db::Connection& connection, std::int64_t enrolment_id, std::string_view day);

}  // namespace lien::calls
