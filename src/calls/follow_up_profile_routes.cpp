// A person's follow-up profile and emergency contacts: GET and PUT /api/v1/persons/{id}/follow-up (follow_up).
// The PUT replaces the whole profile and the whole contact list; If-Match once a profile exists.

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "calls/campaign_json.hpp"
#include "calls/campaign_routes.hpp"
#include "calls/campaign_values.hpp"
#include "calls/enrolment_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

Json FollowUpJson(const FollowUpProfile& profile, const std::vector<EmergencyContact>& contacts) {
  Json list = Json::array();
  for (const auto& contact : contacts) {
    list.push_back(
        {{"name", contact.name}, {"relation", contact.relation}, {"phone", contact.phone}, {"notes", contact.notes}});
  }
  const auto& window = profile.preferred_window;
  return Json{{"person_id", profile.person_id},
              {"lives_alone", profile.lives_alone},
              {"no_family", profile.no_family},
              {"preferred_weekdays", WeekdaysJson(profile.preferred_weekdays)},
              {"preferred_window_start", window ? Json(FormatTimeOfDay(window->start_minute)) : Json(nullptr)},
              {"preferred_window_end", window ? Json(FormatTimeOfDay(window->end_minute)) : Json(nullptr)},
              {"health_notes", profile.health_notes},
              {"emergency_contacts", list},
              {"updated_at", profile.updated_at},
              {"version", profile.version}};
}

core::Result<std::string> Text(const Json& object, const char* key, const std::string& field) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  return it->get<std::string>();
}

core::Result<bool> Flag(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return false;
  if (!it->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", key);
  return it->get<bool>();
}

core::Status FromJson(const Json& body, FollowUpProfile& profile, std::vector<EmergencyContact>& contacts) {
  if (auto ok = http::OnlyFields(body, {"lives_alone", "no_family", "preferred_weekdays", "preferred_window_start",
                                        "preferred_window_end", "health_notes", "emergency_contacts"});
      !ok) {
    return ok;
  }
  auto alone = Flag(body, "lives_alone");
  if (!alone) return core::Fail(alone.error());
  auto no_family = Flag(body, "no_family");
  if (!no_family) return core::Fail(no_family.error());
  profile.lives_alone = *alone;
  profile.no_family = *no_family;
  if (auto days = body.find("preferred_weekdays"); days != body.end()) {
    auto set = WeekdaysFromJson(*days, "preferred_weekdays");
    if (!set) return core::Fail(set.error());
    profile.preferred_weekdays = *set;
  }
  auto window = OptionalWindowFromJson(body, "preferred_window_start", "preferred_window_end");
  if (!window) return core::Fail(window.error());
  profile.preferred_window = *window;
  auto notes = Text(body, "health_notes", "health_notes");
  if (!notes) return core::Fail(notes.error());
  profile.health_notes = *notes;
  if (auto list = body.find("emergency_contacts"); list != body.end() && !list->is_null()) {
    if (!list->is_array()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "emergency_contacts");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Json& item = (*list)[i];
      const std::string at = "emergency_contacts[" + std::to_string(i) + "]";
      if (!item.is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", at);
      for (const auto& [key, unused] : item.items()) {
        if (key != "name" && key != "relation" && key != "phone" && key != "notes") {
          const std::string name = at + "." + key.substr(0, 40);
          return core::Fail(core::ErrorCode::kInvalidInput, "validation.unknown_field", name, {{"name", name}});
        }
      }
      EmergencyContact contact;
      for (auto [key, member] : {std::pair{"name", &contact.name}, std::pair{"relation", &contact.relation},
                                 std::pair{"phone", &contact.phone}, std::pair{"notes", &contact.notes}}) {
        auto value = Text(item, key, at + "." + key);
        if (!value) return core::Fail(value.error());
        *member = *value;
      }
      contacts.push_back(std::move(contact));
    }
  }
  if (auto ok = ValidateFollowUpProfile(profile); !ok) return ok;
  return NormaliseEmergencyContacts(contacts);
}

audit::Event FollowUpEvent(const auth::Principal& principal, const Request& request, const char* action,
                           std::int64_t person_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "person", std::to_string(person_id), "follow_up");
}

Response ProfileReply(int status, const Json& body) {
  auto response = http::JsonReply(status, body);
  response.SetHeader("ETag", "\"" + std::to_string(body["version"].get<std::int64_t>()) + "\"");
  return response;
}

}  // namespace

void AddFollowUpProfileRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  // A person without a stored profile answers an empty one at version 0, so the page can create it.
  routes.Add(Method::kGet, "/api/v1/persons/{id}/follow-up", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto found = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (registry::LoadPersons(c, {*id}).empty()) {
                   return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 }
                 auto profile = LoadFollowUpProfile(c, *id).value_or(FollowUpProfile{.person_id = *id});
                 audit::Append(c, clock.Now(), FollowUpEvent(principal, request, "follow_up.read", *id));
                 return FollowUpJson(profile, LoadEmergencyContacts(c, *id));
               });
               if (!found) return Error(found.error(), request);
               return ProfileReply(200, *found);
             });
  routes.Add(Method::kPut, "/api/v1/persons/{id}/follow-up", auth::Permission::kFollowUp,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               std::optional<std::int64_t> expected;
               if (!request.Header("if-match").empty()) {
                 auto version = http::IfMatchVersion(request);
                 if (!version) return Error(version.error(), request);
                 expected = *version;
               }
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               FollowUpProfile profile{.person_id = *id};
               std::vector<EmergencyContact> contacts;
               if (auto ok = FromJson(*body, profile, contacts); !ok) return Error(ok.error(), request);
               std::optional<Json> current;
               bool created = false;
               auto saved = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (registry::LoadPersons(c, {*id}).empty()) {
                   return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 }
                 const auto now = clock.Now();
                 created = !LoadFollowUpProfile(c, *id).has_value();
                 auto stored = SaveFollowUpProfile(c, profile, expected, false, principal.user.id, now);
                 if (!stored) {
                   if (auto now_stored = LoadFollowUpProfile(c, *id)) {
                     current = FollowUpJson(*now_stored, LoadEmergencyContacts(c, *id));
                   }
                   return core::Fail(stored.error());
                 }
                 ReplaceEmergencyContacts(c, *id, contacts);
                 // Living alone or without family changes who is called first.
                 RecomputePersonPriorities(c, *id);
                 auto event =
                     FollowUpEvent(principal, request, created ? "follow_up.created" : "follow_up.updated", *id);
                 event.details = {{"emergency_contacts", std::to_string(contacts.size())}};
                 audit::Append(c, now, event);
                 return FollowUpJson(*stored, contacts);
               });
               if (!saved) {
                 if (current) return ErrorWithCurrent(saved.error(), request, *current);
                 return Error(saved.error(), request);
               }
               return ProfileReply(created ? 201 : 200, *saved);
             });
}

}  // namespace lien::calls
