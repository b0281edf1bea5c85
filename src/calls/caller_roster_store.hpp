#pragma once
// The callers' roster in storage (callers, caller_absences), on the caller's connection and transaction. Only
// accounts whose role holds `calls.work` can be callers; a disabled account or a role changed since stops
// counting at once (nobody is planned for them, nobody new is given to them).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "calls/caller_roster_rules.hpp"
#include "calls/enrolment_rules.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// A caller with their account.
struct RosterEntry {
  CallerDuty duty{};
  std::string login{};
  std::string display_name{};
  auth::Role role = auth::Role::kCaller;
  bool disabled = false;
  std::vector<CallerAbsence> absences{};  ///< current and future ones, by start day
  /// May take calls now: roster row active, account enabled, role still holding calls.work.
  bool can_call() const { return duty.active && !disabled && auth::Allows(role, auth::Permission::kCallsWork); }
};

/// Every caller by login, with absences ending on or after `today`.
std::vector<RosterEntry> ListCallers(db::Connection& connection, std::chrono::local_days today);
std::optional<RosterEntry> LoadCaller(db::Connection& connection, CallerId user_id, std::chrono::local_days today);

/// Creates the roster row (`expected_version` nullopt) or replaces it when the stored version matches. Errors:
/// kNotFound `callers.unknown_user`; kInvalidInput `callers.role_not_allowed` (user_id) when the account's role does
/// not hold calls.work; kConflict `callers.exists` when creating twice; kNotFound `callers.not_found` and
/// kPreconditionFailed when replacing.
core::Result<CallerDuty> SaveCallerDuty(db::Connection& connection, const CallerDuty& duty,
                                        std::optional<std::int64_t> expected_version, core::EpochMillis now);

/// Adds an absence to a caller. Errors: kNotFound `callers.not_found`.
core::Result<CallerAbsence> AddAbsence(db::Connection& connection, CallerAbsence absence, std::int64_t created_by,
                                       core::EpochMillis now);
/// Deletes an absence of a caller; false when there was none.
bool DeleteAbsence(db::Connection& connection, CallerId user_id, std::int64_t absence_id);

/// For the daily plan (docs/calls.md): the callers on duty on `day` (roster active, account enabled, role holding
/// calls.work, `day` one of their weekdays, not absent), with their shift as UTC instants of that Paris day,
/// max_calls = calls per shift and calls_made = calls they recorded since that day's midnight. By user id.
std::vector<CallerOnDuty> LoadCallersOnDuty(db::Connection& connection, std::chrono::local_days day);

/// The callers new people may be given, with how many active enrolments of active or draft campaigns they call
/// as usual caller and their regular duty (AssignUsualCallers' input).
std::vector<CallerLoad> LoadCallerLoads(db::Connection& connection);

/// The same callers with their duty only (`enrolled` left at 0), for the daily plan's check that a usual caller's
/// duty covers the person (DutyCovers).
std::vector<CallerLoad> LoadCallerDuties(db::Connection& connection);

}  // namespace lien::calls
