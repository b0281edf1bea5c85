#include "calls/call_route_support.hpp"

#include <algorithm>

#include "calls/agreed_window.hpp"
#include "calls/schedule_text.hpp"
#include "calls/scope_store.hpp"
#include "core/phone.hpp"
#include "register/person_store.hpp"

namespace lien::calls::support {
namespace {

std::string_view HearingName(registry::HearingDifficulty hearing) {
  switch (hearing) {
    case registry::HearingDifficulty::kNone:
      return "none";
    case registry::HearingDifficulty::kHardOfHearing:
      return "hard_of_hearing";
    case registry::HearingDifficulty::kDeaf:
      return "deaf";
    case registry::HearingDifficulty::kUnknown:
      break;
  }
  return "unknown";
}

bool IsFlaggedOutcome(const std::optional<std::string>& outcome) {
  return outcome &&
         (*outcome == "wrong_number" || *outcome == "in_hospital" || *outcome == "away" || *outcome == "deceased");
}

}  // namespace

bool IsScopedCaller(const auth::Principal& principal) {
  return !auth::Allows(principal.user.role, auth::Permission::kFollowUp);
}

core::Status RequirePersonInScope(db::Connection& connection, const auth::Principal& principal, std::int64_t person_id,
                                  core::EpochMillis now) {
  const bool exists = !registry::LoadPersons(connection, {person_id}).empty();
  if (!exists || (IsScopedCaller(principal) && !CallerMayRead(connection, principal.user.id, person_id, now))) {
    return core::Fail(core::ErrorCode::kNotFound, "calls.person_out_of_scope");
  }
  return {};
}

audit::Event FollowUpEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                           std::string subject_type, std::string subject_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), std::move(subject_type),
                       std::move(subject_id), "follow_up");
}

bool IsPlannableDay(std::chrono::local_days day) {
  const std::chrono::year_month_day date{day};
  return date.year() >= std::chrono::year{2000} && date.year() <= std::chrono::year{2100};
}

core::Result<std::chrono::local_days> DayParameter(const http::Request& request, core::EpochMillis now) {
  auto found = request.query.find("day");
  if (found == request.query.end() || found->second.empty()) return ParisDayOf(now);
  auto day = ParseCalendarDay(found->second);
  if (!day || !IsPlannableDay(*day)) return core::Fail(core::ErrorCode::kInvalidInput, "calls.invalid_day", "day");
  return *day;
}

bool EnsureDayPlanned(db::Connection& connection, std::chrono::local_days day, core::EpochMillis now) {
  if (DayIsPlanned(connection, FormatCalendarDay(day))) return false;
  PlanDay(connection, day, now);
  return true;
}

std::string DisplayName(const registry::Person& person) {
  if (person.first_names.empty()) return person.last_name;
  return person.first_names + " " + person.last_name;
}

Json ItemJson(const WorklistItem& item, const registry::Person* person) {
  Json out{{"id", item.id},
           {"day", item.day},
           {"caller_id", item.caller_id},
           {"enrolment_id", item.enrolment_id},
           {"person_id", item.person_id},
           {"campaign_id", item.campaign_id},
           {"position", item.position},
           {"reason", item.reason},
           {"window_start", item.window.start},
           {"window_end", item.window.end},
           {"not_before", item.not_before},
           {"attempts", item.attempts},
           {"state", ItemStateName(item.state)},
           {"last_outcome", item.last_outcome ? Json(*item.last_outcome) : Json(nullptr)},
           {"last_call_at", item.last_call_at ? Json(*item.last_call_at) : Json(nullptr)},
           {"flagged", IsFlaggedOutcome(item.last_outcome)},
           {"version", item.version}};
  if (person != nullptr) out["person_name"] = DisplayName(*person);
  return out;
}

Json PersonCardJson(const registry::Person& person) {
  Json phones = Json::array();
  for (const auto& phone : person.phones) {
    phones.push_back(
        Json{{"e164", phone.e164}, {"display", core::FormatPhoneForDisplay(phone.e164)}, {"label", phone.label}});
  }
  const auto& a = person.address;
  return Json{{"id", person.id},
              {"name", DisplayName(person)},
              {"last_name", person.last_name},
              {"first_names", person.first_names},
              {"phones", phones},
              {"address", Json{{"number", a.number},
                               {"street", a.street},
                               {"complement", a.complement},
                               {"building", a.building},
                               {"floor", a.floor},
                               {"postcode", a.postcode},
                               {"town", a.town},
                               {"access_notes", a.access_notes}}},
              {"languages", person.languages},
              {"hearing", HearingName(person.hearing)}};
}

Json LastCallsJson(const std::vector<CallSummary>& calls) {
  Json out = Json::array();
  for (const auto& call : calls) {
    out.push_back(Json{{"id", call.id},
                       {"outcome", call.outcome},
                       {"started_at", call.started_at},
                       {"duration_seconds", call.duration_seconds},
                       {"caller_name", call.caller_name},
                       {"notes", call.notes_excerpt},
                       {"worrying", call.worrying}});
  }
  return out;
}

Json EmergencyContactsJson(const std::vector<EmergencyContact>& contacts) {
  Json out = Json::array();
  for (const auto& contact : contacts) {
    Json phone = nullptr;
    if (!contact.phone.empty()) {
      phone = Json{{"e164", contact.phone}, {"display", core::FormatPhoneForDisplay(contact.phone)}};
    }
    out.push_back(
        Json{{"name", contact.name}, {"relation", contact.relation}, {"phone", phone}, {"notes", contact.notes}});
  }
  return out;
}

Json ScriptJson(const CampaignScript& script) {
  Json questions = Json::array();
  for (const auto& q : script.questions) {
    questions.push_back(Json{{"position", q.position},
                             {"prompt", q.prompt},
                             {"answer_kind", q.answer_kind},
                             {"choices", q.choices},
                             {"raises_need", q.raises_need}});
  }
  return Json{
      {"campaign_id", script.campaign_id}, {"name", script.name}, {"kind", script.kind}, {"questions", questions}};
}

std::vector<registry::Person> SortedPersons(db::Connection& connection, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return registry::LoadPersons(connection, ids);
}

std::vector<registry::Person> PersonsOf(db::Connection& connection, const std::vector<WorklistItem>& items) {
  std::vector<std::int64_t> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.person_id);
  return SortedPersons(connection, std::move(ids));
}

const registry::Person* FindPerson(const std::vector<registry::Person>& persons, std::int64_t id) {
  const auto it =
      std::lower_bound(persons.begin(), persons.end(), id,
                       [](const registry::Person& person, std::int64_t wanted) { return person.id < wanted; });
  return it != persons.end() && it->id == id ? &*it : nullptr;
}

http::Response Error(const core::Error& error, const http::Request& request) {
  return http::ErrorResponse(error, request);
}

}  // namespace lien::calls::support
