// Persons: create (with the duplicate check), check, read, search. Edits, history, duplicates, merge and
// households are in person_edit_routes.cpp and household_routes.cpp.

#include "register/person_routes.hpp"

#include "core/phone.hpp"
#include "register/person_route_support.hpp"
#include "register/person_rules.hpp"
#include "register/person_search_query.hpp"

namespace lien::registry {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;
using support::PersonEvent;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

// What a creation or a check found: the candidates scored at or above 0.5.
struct DuplicateCheck {
  std::vector<Person> candidates;
  std::vector<DuplicateMatch> matches;
};

DuplicateCheck CheckDuplicates(db::Connection& connection, const Person& person) {
  DuplicateCheck check;
  check.candidates = DuplicateCandidatesOf(connection, person);
  check.matches = FindDuplicatesOf(person, check.candidates);
  return check;
}

std::string IdsOf(const DuplicateCheck& check) {
  std::string ids;
  for (const auto& match : check.matches) {
    ids += (ids.empty() ? "" : ",") + std::to_string(check.candidates[match.index].id);
  }
  return ids;
}

void AddCreateRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kPost, "/api/v1/persons", auth::Permission::kPersonsWrite,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        const View view = support::PersonView(principal);
        auto body = support::JsonBody(request);
        if (!body) return Error(body.error(), request);
        auto person = PersonFromJson(*body, view, Person{}, {"ignore_duplicates"});
        if (!person) return Error(person.error(), request);
        bool ignore_duplicates = false;
        if (auto it = body->find("ignore_duplicates"); it != body->end() && !it->is_null()) {
          if (!it->is_boolean()) {
            return Error(core::Error(core::ErrorCode::kInvalidInput, "validation.type", "ignore_duplicates"), request);
          }
          ignore_duplicates = it->get<bool>();
        }
        const core::EpochMillis now = clock.Now();
        const Date today = DayOf(now);
        if (auto ok = ValidatePerson(*person, today); !ok) return Error(ok.error(), request);
        struct Outcome {
          DuplicateCheck check;
          bool created = false;
        };
        auto outcome = db::InWriteTransaction(database, [&](db::Connection& c) {
          Outcome result{CheckDuplicates(c, *person), false};
          if (!result.check.matches.empty() && !ignore_duplicates) {
            // The candidates are shown to the user: that is a read of their records.
            auto event = PersonEvent(principal, request, "person.duplicates_shown", 0, view);
            event.subject_id = IdsOf(result.check);
            event.outcome = "refused";
            event.details = {{"count", std::to_string(result.check.matches.size())}};
            audit::Append(c, now, event);
            return result;
          }
          InsertPerson(c, *person, support::AuthorOf(principal), now);
          auto event = PersonEvent(principal, request, "person.create", person->id, view);
          event.details = {{"duplicates", std::to_string(result.check.matches.size())}};
          if (!result.check.matches.empty()) event.details["duplicates_ignored"] = IdsOf(result.check);
          audit::Append(c, now, event);
          result.created = true;
          return result;
        });
        const auto duplicates = support::DuplicatesJson(outcome.check.matches, outcome.check.candidates, view, today);
        if (!outcome.created) {
          return support::ErrorWith(
              core::Error(core::ErrorCode::kConflict, "persons.possible_duplicates", "ignore_duplicates"), request,
              Json{{"duplicates", duplicates}});
        }
        return support::PersonReply(201, Json{{"person", PersonToJson(*person, view)}, {"duplicates", duplicates}},
                                    person->version);
      });
  routes.Add(Method::kPost, "/api/v1/persons/check", auth::Permission::kPersonsRead,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               const View view = support::PersonView(principal);
               auto body = support::JsonBody(request);
               if (!body) return Error(body.error(), request);
               auto person = PersonFromJson(*body, view, Person{});
               if (!person) return Error(person.error(), request);
               const core::EpochMillis now = clock.Now();
               auto check = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto found = CheckDuplicates(c, *person);
                 auto event = PersonEvent(principal, request, "person.check", 0, view);
                 event.subject_id = IdsOf(found);
                 event.details = {{"count", std::to_string(found.matches.size())}};
                 audit::Append(c, now, event);
                 return found;
               });
               return http::JsonReply(
                   200,
                   Json{{"duplicates", support::DuplicatesJson(check.matches, check.candidates, view, DayOf(now))}});
             });
}

void AddReadRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/persons/{id}", auth::Permission::kPersonsRead,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               const View view = support::PersonView(principal);
               auto loaded = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<LoadedPerson> {
                 auto found = LoadPerson(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 auto event = PersonEvent(principal, request, "person.read", found->person.id, view);
                 if (found->merged_from) event.details = {{"merged_from", std::to_string(*found->merged_from)}};
                 audit::Append(c, clock.Now(), event);
                 return *found;
               });
               if (!loaded) return Error(loaded.error(), request);
               Json body = PersonToJson(loaded->person, view);
               if (loaded->merged_from) body["merged_from"] = *loaded->merged_from;
               return support::PersonReply(200, body, loaded->person.version);
             });
  routes.Add(
      Method::kGet, "/api/v1/persons", auth::Permission::kPersonsRead,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        const View view = support::PersonView(principal);
        const core::EpochMillis now = clock.Now();
        auto page = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<PersonPage> {
          const bool designated = (request.query.contains("ground") || request.query.contains("registered")) &&
                                  support::IsDesignatedAgent(c, principal);
          auto parsed = ParseSearch(request, view, designated, DayOf(now));
          if (!parsed) return core::Fail(parsed.error());
          auto found = SearchPersons(c, parsed->query);
          auto event = PersonEvent(principal, request, "person.search", 0, view);
          event.subject_id = "*";
          event.details = {{"filters", parsed->kinds},
                           {"count", std::to_string(found.items.size())},
                           {"offset", std::to_string(found.offset)}};
          audit::Append(c, now, event);
          return found;
        });
        if (!page) return Error(page.error(), request);
        Json items = Json::array();
        for (const auto& person : page->items) items.push_back(PersonSummaryToJson(person, view, DayOf(now)));
        return http::JsonReply(
            200,
            Json{{"items", items}, {"offset", page->offset}, {"limit", page->limit}, {"has_more", page->has_more}});
      });
}

}  // namespace

void AddPersonRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddCreateRoutes(routes, database, clock);
  AddReadRoutes(routes, database, clock);
  support::AddEditRoutes(routes, database, clock);
  support::AddHouseholdRoutes(routes, database, clock);
}

}  // namespace lien::registry
