#pragma once
// Internal to the calling routes (worklists, calls, break-the-glass): the caller's scope, the audit event of
// the follow-up purpose, the JSON of items, persons and call screens.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "auth/guard.hpp"
#include "calls/call_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "calls/worklist_store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/json_body.hpp"
#include "register/model.hpp"

namespace lien::calls::support {

using http::Json;

/// A caller whose reads are limited to their scope: calls.work without follow_up (scope_store.hpp).
bool IsScopedCaller(const auth::Principal& principal);

/// Fails with 404 `calls.person_out_of_scope` when the person does not exist or, for a scoped caller, is out of
/// their scope: the same answer both ways, so ids cannot be probed.
core::Status RequirePersonInScope(db::Connection& connection, const auth::Principal& principal, std::int64_t person_id,
                                  core::EpochMillis now);

/// An audit event of the follow-up purpose.
audit::Event FollowUpEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                           std::string subject_type, std::string subject_id);

/// Days from 2000 to 2100: the plans and lists outside are refused as invalid days.
bool IsPlannableDay(std::chrono::local_days day);

/// `?day=YYYY-MM-DD`, or the Paris day of `now` when absent.
core::Result<std::chrono::local_days> DayParameter(const http::Request& request, core::EpochMillis now);

/// Plans the day when no item exists for it yet (the first request of the day). True when it planned.
bool EnsureDayPlanned(db::Connection& connection, std::chrono::local_days day, core::EpochMillis now);

/// "Marie Dupont" (first names then usual name).
std::string DisplayName(const registry::Person& person);

/// A worklist item; `person` adds the name (the lists), `flagged` says a coordinator should look.
Json ItemJson(const WorklistItem& item, const registry::Person* person);

/// What a caller needs of a person to call them: name, phones (E.164 and display), address, languages,
/// hearing. Never health notes, never register fields.
Json PersonCardJson(const registry::Person& person);

Json LastCallsJson(const std::vector<CallSummary>& calls);
Json EmergencyContactsJson(const std::vector<EmergencyContact>& contacts);
Json ScriptJson(const CampaignScript& script);

/// The persons with these ids, each once, sorted by id (as FindPerson needs).
std::vector<registry::Person> SortedPersons(db::Connection& connection, std::vector<std::int64_t> ids);
/// The persons of `items`, each once, sorted by id.
std::vector<registry::Person> PersonsOf(db::Connection& connection, const std::vector<WorklistItem>& items);
/// The person with this id in `persons`, which must be sorted by id (a binary search: a day's lists can name tens
/// of thousands of persons); nullptr when absent.
const registry::Person* FindPerson(const std::vector<registry::Person>& persons, std::int64_t id);

http::Response Error(const core::Error& error, const http::Request& request);

}  // namespace lien::calls::support
