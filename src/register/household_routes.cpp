// A person's household (delivery purpose): GET, PUT (create, or replace with If-Match), DELETE (If-Match).

#include <algorithm>

#include "register/household_store.hpp"
#include "register/person_route_support.hpp"

namespace lien::registry::support {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

int YearOf(core::EpochMillis now) { return static_cast<int>(DayOf(now).year()); }

Json HouseholdJson(const Household& household, int year) {
  Json members = Json::array();
  for (const auto& member : household.members) {
    members.push_back({{"relationship", member.relationship},
                       {"first_name", member.first_name},
                       {"birth_year", member.birth_year ? Json(*member.birth_year) : Json(nullptr)}});
  }
  const auto counts = CountMembers(household, year);
  return Json{{"person_id", household.person_id},
              {"version", household.version},
              {"members", members},
              {"counts",
               {{"adults", counts.adults},
                {"children", counts.children},
                {"babies", counts.babies},
                {"unknown_age", counts.unknown_age}}},
              {"dietary", household.dietary},
              {"dietary_notes", household.dietary_notes},
              {"delivery_notes", household.delivery_notes},
              {"last_delivery_at", household.last_delivery_at ? Json(*household.last_delivery_at) : Json(nullptr)},
              {"created_at", household.created_at},
              {"updated_at", household.updated_at}};
}

core::Result<std::string> Text(const Json& object, const char* key, const std::string& field) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  return it->get<std::string>();
}

// The whole household from a PUT body: what is absent is empty.
core::Result<Household> HouseholdFromJson(const Json& body, std::int64_t person_id) {
  if (auto ok = http::OnlyFields(body, {"members", "dietary", "dietary_notes", "delivery_notes"}); !ok) {
    return core::Fail(ok.error());
  }
  Household household;
  household.person_id = person_id;
  if (auto members = body.find("members"); members != body.end() && !members->is_null()) {
    if (!members->is_array()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "members");
    for (std::size_t i = 0; i < members->size(); ++i) {
      const Json& item = (*members)[i];
      const std::string field = "members[" + std::to_string(i) + "]";
      if (!item.is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
      for (const auto& [key, unused] : item.items()) {
        if (key != "relationship" && key != "first_name" && key != "birth_year") {
          const std::string name = field + "." + key.substr(0, 40);
          return core::Fail(core::ErrorCode::kInvalidInput, "validation.unknown_field", name, {{"name", name}});
        }
      }
      HouseholdMember member;
      auto relationship = Text(item, "relationship", field + ".relationship");
      if (!relationship) return core::Fail(relationship.error());
      if (relationship->empty()) {
        return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", field + ".relationship");
      }
      member.relationship = *relationship;
      auto first_name = Text(item, "first_name", field + ".first_name");
      if (!first_name) return core::Fail(first_name.error());
      member.first_name = *first_name;
      if (auto year = item.find("birth_year"); year != item.end() && !year->is_null()) {
        if (!year->is_number_integer()) {
          return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field + ".birth_year");
        }
        const auto value = year->get<std::int64_t>();
        member.birth_year = static_cast<int>(std::clamp<std::int64_t>(value, -1, 100000));
      }
      household.members.push_back(std::move(member));
    }
  }
  if (auto dietary = body.find("dietary"); dietary != body.end() && !dietary->is_null()) {
    if (!dietary->is_array()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "dietary");
    for (std::size_t i = 0; i < dietary->size(); ++i) {
      if (!(*dietary)[i].is_string()) {
        return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "dietary[" + std::to_string(i) + "]");
      }
      household.dietary.push_back((*dietary)[i].get<std::string>());
    }
  }
  for (auto [key, target] :
       {std::pair{"dietary_notes", &household.dietary_notes}, std::pair{"delivery_notes", &household.delivery_notes}}) {
    auto value = Text(body, key, key);
    if (!value) return core::Fail(value.error());
    *target = *value;
  }
  return household;
}

audit::Event HouseholdEvent(const auth::Principal& principal, const Request& request, std::string action,
                            std::int64_t person_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), "household", std::to_string(person_id),
                       "delivery");
}

}  // namespace

void AddHouseholdRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/persons/{id}/household", auth::Permission::kHouseholds,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               const core::EpochMillis now = clock.Now();
               auto household = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Household> {
                 auto person = LoadPerson(c, *id);
                 if (!person) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 auto found = LoadHousehold(c, person->person.id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "persons.no_household");
                 audit::Append(c, now, HouseholdEvent(principal, request, "household.read", person->person.id));
                 return *found;
               });
               if (!household) return Error(household.error(), request);
               return PersonReply(200, HouseholdJson(*household, YearOf(now)), household->version);
             });
  routes.Add(Method::kPut, "/api/v1/persons/{id}/household", auth::Permission::kHouseholds,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               std::optional<std::int64_t> expected;
               if (!request.Header("if-match").empty()) {
                 auto version = http::IfMatchVersion(request);
                 if (!version) return Error(version.error(), request);
                 expected = *version;
               }
               auto body = JsonBody(request);
               if (!body) return Error(body.error(), request);
               auto household = HouseholdFromJson(*body, *id);
               if (!household) return Error(household.error(), request);
               const core::EpochMillis now = clock.Now();
               if (auto ok = ValidateHousehold(*household, YearOf(now)); !ok) return Error(ok.error(), request);
               struct Saved {
                 core::Result<Household> household;
                 bool created = false;
                 std::optional<Household> current;
               };
               auto saved = db::InWriteTransaction(database, [&](db::Connection& c) {
                 Saved result{core::Fail(core::ErrorCode::kNotFound, "persons.not_found"), false, std::nullopt};
                 if (LoadPersons(c, {*id}).empty()) return result;
                 result.created = !LoadHousehold(c, *id).has_value();
                 result.household = SaveHousehold(c, *household, expected, AuthorOf(principal), now);
                 if (!result.household) {
                   result.current = LoadHousehold(c, *id);
                   return result;
                 }
                 auto event =
                     HouseholdEvent(principal, request, result.created ? "household.create" : "household.update", *id);
                 event.details = {{"members", std::to_string(result.household->members.size())},
                                  {"version", std::to_string(result.household->version)}};
                 audit::Append(c, now, event);
                 return result;
               });
               if (!saved.household) {
                 if (saved.household.error().code == core::ErrorCode::kPreconditionFailed) {
                   // The household as it is now, so the UI can show what someone else saved.
                   return ErrorWith(
                       saved.household.error(), request,
                       Json{{"current", saved.current ? HouseholdJson(*saved.current, YearOf(now)) : Json(nullptr)}});
                 }
                 return Error(saved.household.error(), request);
               }
               return PersonReply(saved.created ? 201 : 200, HouseholdJson(*saved.household, YearOf(now)),
                                  saved.household->version);
             });
  routes.Add(Method::kDelete, "/api/v1/persons/{id}/household", auth::Permission::kHouseholds,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               const core::EpochMillis now = clock.Now();
               auto done = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
                 auto deleted = DeleteHousehold(c, *id, *version, AuthorOf(principal), now);
                 if (!deleted) return deleted;
                 audit::Append(c, now, HouseholdEvent(principal, request, "household.delete", *id));
                 return {};
               });
               if (!done) return Error(done.error(), request);
               Response response;
               response.status = 204;
               response.content_type.clear();
               return response;
             });
}

}  // namespace lien::registry::support
