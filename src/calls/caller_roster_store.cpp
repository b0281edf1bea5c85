#include "calls/caller_roster_store.hpp"

#include <algorithm>
#include <map>

#include "auth/roles.hpp"
#include "calls/agreed_window.hpp"
#include "calls/campaign_values.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr const char* kCallerSelect =
    "SELECT c.user_id, c.weekdays, c.shift_start, c.shift_end, c.calls_per_shift, c.active, c.updated_at, c.version, "
    "u.login, u.display_name, u.role, u.disabled FROM callers c JOIN users u ON u.id = c.user_id ";

RosterEntry ReadCaller(const db::Row& row) {
  RosterEntry entry;
  entry.duty.user_id = row.Int(0);
  entry.duty.weekdays = ParseIsoWeekdays(row.Text(1)).value_or(WeekdaySet{});
  if (auto shift = ParseLocalWindow(row.Text(2), row.Text(3))) entry.duty.shift = *shift;
  entry.duty.calls_per_shift = static_cast<std::int32_t>(row.Int(4));
  entry.duty.active = row.Bool(5);
  entry.duty.updated_at = row.Int(6);
  entry.duty.version = row.Int(7);
  entry.login = row.Text(8);
  entry.display_name = row.Text(9);
  entry.role = auth::ParseRole(row.Text(10)).value_or(auth::Role::kCaller);
  entry.disabled = row.Bool(11);
  return entry;
}

CallerAbsence ReadAbsence(const db::Row& row) {
  return CallerAbsence{.id = row.Int(0),
                       .user_id = row.Int(1),
                       .from_day = ParseDay(row.Text(2)).value_or(std::chrono::year_month_day{}),
                       .until_day = ParseDay(row.Text(3)).value_or(std::chrono::year_month_day{}),
                       .reason = row.Text(4)};
}

// Absences ending on or after `from`, by caller.
std::map<CallerId, std::vector<CallerAbsence>> AbsencesFrom(db::Connection& connection, std::chrono::local_days from,
                                                            std::optional<CallerId> only) {
  std::string sql = "SELECT id, user_id, from_day, until_day, reason FROM caller_absences WHERE until_day >= ?";
  std::vector<db::Value> params{FormatDay(from)};
  if (only) {
    sql += " AND user_id = ?";
    params.emplace_back(*only);
  }
  sql += " ORDER BY from_day, id";
  std::map<CallerId, std::vector<CallerAbsence>> absences;
  for (const auto& row : connection.Execute(sql, params).rows) {
    auto absence = ReadAbsence(row);
    absences[absence.user_id].push_back(std::move(absence));
  }
  return absences;
}

}  // namespace

std::vector<RosterEntry> ListCallers(db::Connection& connection, std::chrono::local_days today) {
  auto absences = AbsencesFrom(connection, today, std::nullopt);
  std::vector<RosterEntry> callers;
  for (const auto& row : connection.Execute(std::string(kCallerSelect) + "ORDER BY u.login").rows) {
    auto entry = ReadCaller(row);
    if (auto it = absences.find(entry.duty.user_id); it != absences.end()) entry.absences = std::move(it->second);
    callers.push_back(std::move(entry));
  }
  return callers;
}

std::optional<RosterEntry> LoadCaller(db::Connection& connection, CallerId user_id, std::chrono::local_days today) {
  auto row = connection.QueryOne(std::string(kCallerSelect) + "WHERE c.user_id = ?", {user_id});
  if (!row) return std::nullopt;
  auto entry = ReadCaller(*row);
  auto absences = AbsencesFrom(connection, today, user_id);
  if (auto it = absences.find(user_id); it != absences.end()) entry.absences = std::move(it->second);
  return entry;
}

core::Result<CallerDuty> SaveCallerDuty(db::Connection& connection, const CallerDuty& duty,
                                        std::optional<std::int64_t> expected_version, core::EpochMillis now) {
  auto user = connection.QueryOne("SELECT role FROM users WHERE id = ?", {duty.user_id});
  if (!user) return Fail(ErrorCode::kNotFound, "callers.unknown_user");
  const auto role = auth::ParseRole(user->Text(0));
  if (!role || !auth::Allows(*role, auth::Permission::kCallsWork)) {
    return Fail(ErrorCode::kInvalidInput, "callers.role_not_allowed", "user_id", {{"role", user->Text(0)}});
  }
  const std::vector<db::Value> values{FormatIsoWeekdays(duty.weekdays),
                                      FormatTimeOfDay(duty.shift.start_minute),
                                      FormatTimeOfDay(duty.shift.end_minute),
                                      std::int64_t{duty.calls_per_shift},
                                      std::int64_t{duty.active ? 1 : 0},
                                      now,
                                      duty.user_id};
  const bool exists = connection.QueryOne("SELECT 1 FROM callers WHERE user_id = ?", {duty.user_id}).has_value();
  if (!expected_version) {
    if (exists) return Fail(ErrorCode::kConflict, "callers.exists", "user_id");
    connection.Execute(
        "INSERT INTO callers (weekdays, shift_start, shift_end, calls_per_shift, active, updated_at, user_id, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        values);
  } else {
    if (!exists) return Fail(ErrorCode::kNotFound, "callers.not_found");
    auto params = values;
    params.emplace_back(*expected_version);
    const auto changed = connection.Execute(
        "UPDATE callers SET weekdays = ?, shift_start = ?, shift_end = ?, calls_per_shift = ?, active = ?, "
        "updated_at = ?, version = version + 1 WHERE user_id = ? AND version = ?",
        params);
    if (changed.affected_rows != 1) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  auto row = connection.QueryOne(std::string(kCallerSelect) + "WHERE c.user_id = ?", {duty.user_id});
  return ReadCaller(*row).duty;
}

core::Result<CallerAbsence> AddAbsence(db::Connection& connection, CallerAbsence absence, std::int64_t created_by,
                                       core::EpochMillis now) {
  if (!connection.QueryOne("SELECT 1 FROM callers WHERE user_id = ?", {absence.user_id})) {
    return Fail(ErrorCode::kNotFound, "callers.not_found");
  }
  auto row = connection.QueryOne(
      "INSERT INTO caller_absences (user_id, from_day, until_day, reason, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {absence.user_id, FormatDay(absence.from_day), FormatDay(absence.until_day), absence.reason, now, created_by});
  absence.id = row->Int(0);
  return absence;
}

bool DeleteAbsence(db::Connection& connection, CallerId user_id, std::int64_t absence_id) {
  return connection.Execute("DELETE FROM caller_absences WHERE id = ? AND user_id = ?", {absence_id, user_id})
             .affected_rows == 1;
}

std::vector<CallerOnDuty> LoadCallersOnDuty(db::Connection& connection, std::chrono::local_days day) {
  const core::EpochMillis midnight = ParisMidnight(day);
  const core::EpochMillis next_midnight = ParisMidnight(day + std::chrono::days{1});
  std::map<CallerId, std::int64_t> calls_made;
  for (const auto& row : connection
                             .Execute("SELECT caller_id, COUNT(*) FROM calls WHERE started_at >= ? AND started_at < ? "
                                      "AND caller_id IS NOT NULL GROUP BY caller_id",
                                      {midnight, next_midnight})
                             .rows) {
    calls_made[row.Int(0)] = row.Int(1);
  }
  auto absences = AbsencesFrom(connection, day, std::nullopt);
  std::vector<CallerOnDuty> on_duty;
  for (const auto& row : connection.Execute(std::string(kCallerSelect) + "ORDER BY c.user_id").rows) {
    const auto entry = ReadCaller(row);
    const auto it = absences.find(entry.duty.user_id);
    const std::span<const CallerAbsence> own =
        it == absences.end() ? std::span<const CallerAbsence>{} : std::span<const CallerAbsence>(it->second);
    if (!entry.can_call() || !IsOnDuty(entry.duty, own, day)) continue;
    const UtcWindow shift = AgreedWindowOn(day, entry.duty.shift);
    on_duty.push_back(CallerOnDuty{.caller_id = entry.duty.user_id,
                                   .shift_start = shift.start,
                                   .shift_end = shift.end,
                                   .max_calls = entry.duty.calls_per_shift,
                                   .calls_made = static_cast<std::int32_t>(calls_made[entry.duty.user_id])});
  }
  return on_duty;
}

namespace {

std::vector<CallerLoad> ReadCallerLoads(db::Connection& connection, bool count_people) {
  const std::string people = count_people
                                 ? "(SELECT COUNT(*) FROM enrolments e JOIN campaigns k ON k.id = e.campaign_id "
                                   "WHERE e.caller_id = c.user_id AND e.state = 'active' AND k.status <> 'closed')"
                                 : "0";
  std::vector<CallerLoad> loads;
  for (const auto& row : connection
                             .Execute("SELECT c.user_id, u.role, " + people +
                                      ", c.weekdays, c.shift_start, c.shift_end FROM callers c JOIN users u ON u.id = "
                                      "c.user_id WHERE c.active = 1 AND u.disabled = 0 ORDER BY c.user_id")
                             .rows) {
    const auto role = auth::ParseRole(row.Text(1));
    if (!role || !auth::Allows(*role, auth::Permission::kCallsWork)) continue;
    loads.push_back(CallerLoad{.caller_id = row.Int(0),
                               .enrolled = row.Int(2),
                               .weekdays = ParseIsoWeekdays(row.Text(3)).value_or(WeekdaySet{}),
                               .shift = ParseLocalWindow(row.Text(4), row.Text(5))});
  }
  return loads;
}

}  // namespace

std::vector<CallerLoad> LoadCallerLoads(db::Connection& connection) { return ReadCallerLoads(connection, true); }

std::vector<CallerLoad> LoadCallerDuties(db::Connection& connection) { return ReadCallerLoads(connection, false); }

}  // namespace lien::calls
