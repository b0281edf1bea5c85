#include "calls/worklist_store.hpp"

#include "calls/agreed_window.hpp"
#include "calls/caller_assignment.hpp"
#include "calls/caller_roster_store.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kItemColumns =
    "w.id, w.day, w.caller_id, w.enrolment_id, w.person_id, e.campaign_id, w.position, w.reason, w.window_start, "
    "w.window_end, w.not_before, w.attempts, w.state, w.version, "
    "(SELECT c.outcome FROM calls c WHERE c.worklist_item_id = w.id ORDER BY c.started_at DESC, c.id DESC LIMIT 1), "
    "(SELECT MAX(c.started_at) FROM calls c WHERE c.worklist_item_id = w.id) "
    "FROM worklist_items w JOIN enrolments e ON e.id = w.enrolment_id ";

WorklistItem ReadItem(const db::Row& row) {
  WorklistItem item;
  item.id = row.Int(0);
  item.day = row.Text(1);
  item.caller_id = row.Int(2);
  item.enrolment_id = row.Int(3);
  item.person_id = row.Int(4);
  item.campaign_id = row.Int(5);
  item.position = static_cast<std::int32_t>(row.Int(6));
  item.reason = row.Text(7);
  item.window = UtcWindow{row.Int(8), row.Int(9)};
  item.not_before = row.Int(10);
  item.attempts = static_cast<std::int32_t>(row.Int(11));
  item.state = ItemStateFromName(row.Text(12)).value_or(ItemState::kPending);
  item.version = row.Int(13);
  item.last_outcome = row.OptText(14);
  item.last_call_at = row.OptInt(15);
  return item;
}

}  // namespace

bool DayIsPlanned(db::Connection& connection, std::string_view day) {
  return connection.QueryOne("SELECT 1 FROM worklist_items WHERE day = ? LIMIT 1", {std::string(day)}).has_value() ||
         connection.QueryOne("SELECT 1 FROM worklist_overflow WHERE day = ? LIMIT 1", {std::string(day)}).has_value();
}

std::vector<OverflowCall> LoadOverflow(db::Connection& connection, std::string_view day) {
  std::vector<OverflowCall> overflow;
  for (const auto& row :
       connection
           .Execute("SELECT enrolment_id, person_id, campaign_id, usual_caller_id, call_reason, reason, "
                    "window_start, window_end, not_before, priority FROM worklist_overflow WHERE day = ? "
                    "ORDER BY position, id",
                    {std::string(day)})
           .rows) {
    OverflowCall stored{.enrolment_id = row.Int(0)};
    stored.call.person_id = row.Int(1);
    stored.call.campaign_id = row.Int(2);
    stored.call.usual_caller_id = row.OptInt(3).value_or(kNoCaller);
    stored.call.reason = CallReasonFromName(row.Text(4)).value_or(CallReason::kDue);
    stored.call.overflow_reason = row.Text(5) == OverflowReasonName(OverflowReason::kOutsideEveryShift)
                                      ? OverflowReason::kOutsideEveryShift
                                      : OverflowReason::kNoRoom;
    stored.call.window = UtcWindow{row.Int(6), row.Int(7)};
    stored.call.not_before = row.Int(8);
    stored.call.priority = static_cast<std::int32_t>(row.Int(9));
    overflow.push_back(stored);
  }
  return overflow;
}

RetryPlacement PlaceRetry(db::Connection& connection, const WorklistItem& item, core::EpochMillis retry_at,
                          std::chrono::local_days day, core::EpochMillis now) {
  using Place = RetryPlacement::Place;
  const UtcWindow reach{retry_at, ParisMidnight(day + std::chrono::days{1})};
  // The common case in one row: the caller who made the attempt is still working at the retry time.
  if (const auto own = LoadCaller(connection, item.caller_id, day);
      own && own->can_call() && IsOnDuty(own->duty, own->absences, day) &&
      AgreedWindowOn(day, own->duty.shift).end > retry_at) {
    return RetryPlacement{Place::kSameCaller, item.caller_id};
  }
  const std::vector<CallerOnDuty> callers = LoadCallersOnDuty(connection, day);
  const CallerRoster roster(callers, now);
  std::vector<std::int32_t> room(roster.Size());
  for (std::size_t index = 0; index < roster.Size(); ++index) room[index] = roster.CapacityAt(index);
  for (const auto& row : connection
                             .Execute("SELECT caller_id, COUNT(*) FROM worklist_items WHERE day = ? AND state = "
                                      "'pending' AND id <> ? GROUP BY caller_id",
                                      {item.day, item.id})
                             .rows) {
    if (const auto index = roster.IndexOf(row.Int(0))) room[*index] -= static_cast<std::int32_t>(row.Int(1));
  }
  const auto usual = connection.QueryOne("SELECT caller_id FROM enrolments WHERE id = ?", {item.enrolment_id});
  const CallerId usual_caller = usual ? usual->OptInt(0).value_or(kNoCaller) : kNoCaller;
  const auto index = PlaceOneMoreCall(roster, room, item.person_id, usual_caller, reach);
  if (!index) return RetryPlacement{Place::kNextDay, kNoCaller};
  const CallerId chosen = roster.IdAt(*index);
  return RetryPlacement{chosen == item.caller_id ? Place::kSameCaller : Place::kColleague, chosen};
}

std::vector<WorklistItem> LoadWorklist(db::Connection& connection, std::string_view day,
                                       std::optional<std::int64_t> caller_id) {
  std::string sql = "SELECT " + std::string(kItemColumns) + "WHERE w.day = ?";
  std::vector<db::Value> params{std::string(day)};
  if (caller_id) {
    sql += " AND w.caller_id = ?";
    params.emplace_back(*caller_id);
  }
  sql += " ORDER BY w.caller_id, CASE WHEN w.state = 'pending' THEN 1 ELSE 0 END, w.position, w.id";
  std::vector<WorklistItem> items;
  for (const auto& row : connection.Execute(sql, params).rows) items.push_back(ReadItem(row));
  return items;
}

std::optional<WorklistItem> LoadWorklistItem(db::Connection& connection, std::int64_t item_id) {
  auto row = connection.QueryOne("SELECT " + std::string(kItemColumns) + "WHERE w.id = ?", {item_id});
  if (!row) return std::nullopt;
  return ReadItem(*row);
}

std::optional<WorklistItem> PendingItemOf(db::Connection& connection, std::int64_t enrolment_id, std::string_view day) {
  auto row = connection.QueryOne(
      "SELECT " + std::string(kItemColumns) + "WHERE w.enrolment_id = ? AND w.day = ? AND w.state = 'pending'",
      {enrolment_id, std::string(day)});
  if (!row) return std::nullopt;
  return ReadItem(*row);
}

}  // namespace lien::calls
