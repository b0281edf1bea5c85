// Worklists: plan a day, the caller's list and the next person due, the coordinator's view of a day.

#include <algorithm>

#include "calls/agreed_window.hpp"
#include "calls/call_route_support.hpp"
#include "calls/call_routes.hpp"
#include "calls/schedule_text.hpp"
#include "register/person_store.hpp"

namespace lien::calls::support {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr int kLastCalls = 5;

Json UnplannedCallJson(const PlannedCall& call) {
  return Json{{"person_id", call.person_id},
              {"campaign_id", call.campaign_id},
              {"usual_caller_id", call.usual_caller_id},
              {"window_start", call.window.start},
              {"window_end", call.window.end},
              {"not_before", call.not_before},
              {"call_reason", CallReasonName(call.reason)},
              {"reason", OverflowReasonName(call.overflow_reason)}};
}

Json OverflowJson(const std::vector<PlannedCall>& overflow) {
  Json out = Json::array();
  for (const auto& call : overflow) out.push_back(UnplannedCallJson(call));
  return out;
}

// The stored overflow of a day with the persons' names (the coordinator's screen), in list order.
Json StoredOverflowJson(const std::vector<OverflowCall>& overflow, const std::vector<registry::Person>& persons) {
  Json out = Json::array();
  for (const auto& stored : overflow) {
    Json call = UnplannedCallJson(stored.call);
    call["enrolment_id"] = stored.enrolment_id;
    const auto* person = FindPerson(persons, stored.call.person_id);
    call["person_name"] = person ? Json(DisplayName(*person)) : Json(nullptr);
    out.push_back(std::move(call));
  }
  return out;
}

std::vector<registry::Person> PersonsOfOverflow(db::Connection& connection, const std::vector<OverflowCall>& overflow) {
  std::vector<std::int64_t> ids;
  ids.reserve(overflow.size());
  for (const auto& stored : overflow) ids.push_back(stored.call.person_id);
  return SortedPersons(connection, std::move(ids));
}

Json ItemsJson(const std::vector<WorklistItem>& items, const std::vector<registry::Person>& persons) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(ItemJson(item, FindPerson(persons, item.person_id)));
  return out;
}

// The first pending item due at `now` in list order, and the earliest time a later one comes due.
struct NextDue {
  const WorklistItem* item = nullptr;
  std::optional<core::EpochMillis> next_at;
  int pending = 0;
};

NextDue FindNextDue(const std::vector<WorklistItem>& items, core::EpochMillis now) {
  NextDue next;
  for (const auto& item : items) {
    if (item.state != ItemState::kPending) continue;
    ++next.pending;
    if (item.not_before <= now) {
      if (next.item == nullptr) next.item = &item;
    } else if (!next.next_at || item.not_before < *next.next_at) {
      next.next_at = item.not_before;
    }
  }
  return next;
}

Response ListReply(const std::string& day, core::EpochMillis now, const std::vector<WorklistItem>& items,
                   const std::vector<registry::Person>& persons, Json extra = Json::object()) {
  extra["day"] = day;
  extra["now"] = now;
  extra["items"] = ItemsJson(items, persons);
  return http::JsonReply(200, extra);
}

void AddPlanRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/worklists/plan", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto only = http::OnlyFields(*body, {"day"}); !only) return Error(only.error(), request);
               const auto now = clock.Now();
               auto day_text = http::OptionalString(*body, "day", 10);
               if (!day_text) return Error(day_text.error(), request);
               const auto day = *day_text ? ParseCalendarDay(**day_text) : std::optional(ParisDayOf(now));
               if (!day || !IsPlannableDay(*day)) {
                 return Error(core::Error(core::ErrorCode::kInvalidInput, "calls.invalid_day", "day"), request);
               }
               auto summary = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto planned = PlanDay(c, *day, now);
                 auto event = FollowUpEvent(principal, request, "worklist.plan", "worklist", FormatCalendarDay(*day));
                 event.details = {{"pending", std::to_string(planned.pending)},
                                  {"kept", std::to_string(planned.kept)},
                                  {"overflow", std::to_string(planned.overflow.size())},
                                  {"merged", std::to_string(planned.merged)}};
                 audit::Append(c, now, event);
                 return planned;
               });
               return http::JsonReply(200, Json{{"day", FormatCalendarDay(*day)},
                                                {"now", now},
                                                {"callers", summary.callers},
                                                {"pending", summary.pending},
                                                {"kept", summary.kept},
                                                {"removed", summary.removed},
                                                {"merged", summary.merged},
                                                {"overflow", OverflowJson(summary.overflow)}});
             });
}

void AddListRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kGet, "/api/v1/worklists/mine", auth::Permission::kCallsWork,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        const auto now = clock.Now();
        auto day = DayParameter(request, now);
        if (!day) return Error(day.error(), request);
        const std::string day_text = FormatCalendarDay(*day);
        auto [items, persons] = db::InWriteTransaction(database, [&](db::Connection& c) {
          if (*day == ParisDayOf(now)) EnsureDayPlanned(c, *day, now);
          auto found = LoadWorklist(c, day_text, principal.user.id);
          auto event = FollowUpEvent(principal, request, "worklist.read", "worklist", day_text);
          event.details = {{"caller", std::to_string(principal.user.id)}, {"count", std::to_string(found.size())}};
          audit::Append(c, now, event);
          return std::pair{found, PersonsOf(c, found)};
        });
        return ListReply(day_text, now, items, persons);
      });
  routes.Add(Method::kGet, "/api/v1/worklists", auth::Permission::kCallsSupervise,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               const auto now = clock.Now();
               auto day = DayParameter(request, now);
               if (!day) return Error(day.error(), request);
               std::optional<std::int64_t> caller;
               if (request.query.contains("caller")) {
                 auto id = http::QueryInt(request, "caller", 0, 1, std::numeric_limits<std::int64_t>::max());
                 if (!id) return Error(id.error(), request);
                 caller = *id;
               }
               const std::string day_text = FormatCalendarDay(*day);
               auto [items, persons, names, overflow] = db::InWriteTransaction(database, [&](db::Connection& c) {
                 if (*day == ParisDayOf(now)) EnsureDayPlanned(c, *day, now);
                 auto found = LoadWorklist(c, day_text, caller);
                 std::vector<std::int64_t> caller_ids;
                 for (const auto& item : found) {
                   if (caller_ids.empty() || caller_ids.back() != item.caller_id) caller_ids.push_back(item.caller_id);
                 }
                 // The calls the day's plan could place on nobody's list; for one caller, those of their usual people.
                 auto unplanned = LoadOverflow(c, day_text);
                 if (caller) {
                   std::erase_if(unplanned, [&](const OverflowCall& o) { return o.call.usual_caller_id != *caller; });
                 }
                 auto event = FollowUpEvent(principal, request, "worklist.read", "worklist", day_text);
                 event.details = {{"caller", caller ? std::to_string(*caller) : "*"},
                                  {"count", std::to_string(found.size())},
                                  {"overflow", std::to_string(unplanned.size())}};
                 audit::Append(c, now, event);
                 return std::tuple{found, PersonsOf(c, found), AccountNames(c, caller_ids),
                                   StoredOverflowJson(unplanned, PersonsOfOverflow(c, unplanned))};
               });
               Json callers = Json::array();
               for (const auto& [id, name] : names) callers.push_back(Json{{"id", id}, {"name", name}});
               return ListReply(day_text, now, items, persons, Json{{"callers", callers}, {"overflow", overflow}});
             });
}

void AddNextRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/worklists/mine/next", auth::Permission::kCallsWork,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               const auto now = clock.Now();
               const auto day = ParisDayOf(now);
               const std::string day_text = FormatCalendarDay(day);
               auto reply = db::InWriteTransaction(database, [&](db::Connection& c) -> Json {
                 EnsureDayPlanned(c, day, now);
                 const auto items = LoadWorklist(c, day_text, principal.user.id);
                 const auto next = FindNextDue(items, now);
                 Json out{{"day", day_text},
                          {"now", now},
                          {"pending", next.pending},
                          {"next_at", next.next_at ? Json(*next.next_at) : Json(nullptr)},
                          {"item", nullptr}};
                 if (next.item == nullptr) return out;
                 const auto persons = registry::LoadPersons(c, {next.item->person_id});
                 if (persons.empty()) return out;
                 out["item"] = ItemJson(*next.item, &persons.front());
                 out["person"] = PersonCardJson(persons.front());
                 out["last_calls"] = LastCallsJson(LastCallsOf(c, next.item->person_id, kLastCalls));
                 out["emergency_contacts"] = EmergencyContactsJson(LoadEmergencyContacts(c, next.item->person_id));
                 const auto script = LoadCampaignScript(c, next.item->campaign_id);
                 out["script"] = script ? ScriptJson(*script) : Json(nullptr);
                 auto event = FollowUpEvent(principal, request, "call_screen.read", "person",
                                            std::to_string(next.item->person_id));
                 event.details = {{"worklist_item", std::to_string(next.item->id)}};
                 audit::Append(c, now, event);
                 return out;
               });
               return http::JsonReply(200, reply);
             });
}

}  // namespace

void AddWorklistRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddPlanRoute(routes, database, clock);
  AddListRoutes(routes, database, clock);
  AddNextRoute(routes, database, clock);
}

}  // namespace lien::calls::support
