// Persons: edit with If-Match (a lost race gets the current record and what changed since), history,
// duplicates of a stored record, merge.

#include "register/merge_store.hpp"
#include "register/person_route_support.hpp"
#include "register/person_rules.hpp"
#include "register/register_agents.hpp"

namespace lien::registry::support {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

// The outcome of a change guarded by If-Match: the stored person, or an error; on a lost race, the record as
// it is now and the history rows the writer missed.
struct GuardedChange {
  core::Result<Person> person = core::Fail(core::ErrorCode::kInternal, "http.internal");
  std::optional<Person> current;
  std::vector<HistoryEntry> missed;
};

// Fills the 412 details inside the writer's transaction, so what they are shown is what refused them.
void NoteLostRace(db::Connection& connection, std::int64_t id, std::int64_t sent_version, GuardedChange& change) {
  if (change.person || change.person.error().code != core::ErrorCode::kPreconditionFailed) return;
  auto current = LoadPersons(connection, {id});
  if (current.empty()) return;
  change.current = current.front();
  change.missed = LoadHistory(connection, id, sent_version);
}

Response ChangeReply(const GuardedChange& change, const Request& request, View view) {
  if (change.person) return PersonReply(200, PersonToJson(*change.person, view), change.person->version);
  if (change.current) {
    return ErrorWith(
        change.person.error(), request,
        Json{{"current", PersonToJson(*change.current, view)}, {"changes", HistoryJson(change.missed, view)}});
  }
  return Error(change.person.error(), request);
}

std::string FieldNames(const std::vector<FieldChange>& changes) {
  std::string names;
  for (const auto& change : changes) names += (names.empty() ? "" : ",") + change.field;
  return names;
}

void AddPatchRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(
      Method::kPatch, "/api/v1/persons/{id}", auth::Permission::kPersonsWrite,
      [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
        auto id = http::PathId(request);
        if (!id) return Error(id.error(), request);
        auto version = http::IfMatchVersion(request);
        if (!version) return Error(version.error(), request);
        auto body = JsonBody(request);
        if (!body) return Error(body.error(), request);
        const View view = PersonView(principal);
        // Field names and types first, without the database: a refused body costs no transaction.
        if (auto shape = PersonFromJson(*body, view, Person{}); !shape) return Error(shape.error(), request);
        const core::EpochMillis now = clock.Now();
        auto change = db::InWriteTransaction(database, [&](db::Connection& c) {
          GuardedChange result;
          auto stored = LoadPersons(c, {*id});
          if (stored.empty()) {
            result.person = core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
            return result;
          }
          auto edited = PersonFromJson(*body, view, stored.front());
          if (!edited) {
            result.person = core::Fail(edited.error());
            return result;
          }
          if (auto ok = ValidatePerson(*edited, DayOf(now)); !ok) {
            result.person = core::Fail(ok.error());
            return result;
          }
          const auto changes = DiffPersons(stored.front(), *edited);
          result.person = UpdatePerson(c, *edited, *version, AuthorOf(principal), now);
          NoteLostRace(c, *id, *version, result);
          auto event = PersonEvent(principal, request, "person.update", *id, view);
          if (result.person) {
            event.details = {{"fields", FieldNames(changes)}, {"version", std::to_string(result.person->version)}};
          } else {
            event.outcome = "refused";
            event.details = {{"reason", result.person.error().message_key}};
          }
          audit::Append(c, now, event);
          return result;
        });
        return ChangeReply(change, request, view);
      });
}

void AddHistoryAndDuplicatesRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/persons/{id}/history", auth::Permission::kPersonsRead,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               const View view = PersonView(principal);
               if (!view.Has(FieldGroup::kHistory)) {
                 return Error(core::Error(core::ErrorCode::kForbidden, "persons.history_not_allowed"), request);
               }
               // A designated register agent also sees the register's changes (purpose `register`).
               View history_view = view;
               auto entries =
                   db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<std::vector<HistoryEntry>> {
                     auto found = LoadPerson(c, *id);
                     if (!found) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                     if (IsRegisterAgent(c, principal.user.id)) history_view = ViewOf(principal.user.role, true);
                     audit::Append(c, clock.Now(),
                                   PersonEvent(principal, request, "person.history", found->person.id, history_view));
                     return LoadHistory(c, found->person.id);
                   });
               if (!entries) return Error(entries.error(), request);
               return http::JsonReply(200, Json{{"items", HistoryJson(*entries, history_view)}});
             });
  routes.Add(Method::kGet, "/api/v1/persons/{id}/duplicates", auth::Permission::kPersonsRead,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               const View view = PersonView(principal);
               const core::EpochMillis now = clock.Now();
               struct Found {
                 std::vector<Person> candidates;
                 std::vector<DuplicateMatch> matches;
               };
               auto found = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Found> {
                 auto person = LoadPerson(c, *id);
                 if (!person) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
                 Found result;
                 result.candidates = DuplicateCandidatesOf(c, person->person);
                 result.matches = FindDuplicatesOf(person->person, result.candidates);
                 auto event = PersonEvent(principal, request, "person.duplicates", person->person.id, view);
                 std::string ids;
                 for (const auto& match : result.matches) {
                   ids += (ids.empty() ? "" : ",") + std::to_string(result.candidates[match.index].id);
                 }
                 event.details = {{"count", std::to_string(result.matches.size())}, {"shown", ids}};
                 audit::Append(c, now, event);
                 return result;
               });
               if (!found) return Error(found.error(), request);
               return http::JsonReply(
                   200, Json{{"duplicates", DuplicatesJson(found->matches, found->candidates, view, DayOf(now))}});
             });
}

void AddMergeRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/persons/{id}/merge", auth::Permission::kPersonsMerge,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = JsonBody(request);
               if (!body) return Error(body.error(), request);
               if (auto ok = http::OnlyFields(*body, {"other_id"}); !ok) return Error(ok.error(), request);
               const auto other = body->find("other_id");
               if (other == body->end() || !other->is_number_integer() || other->get<std::int64_t>() <= 0) {
                 return Error(core::Error(core::ErrorCode::kInvalidInput, "validation.required", "other_id"), request);
               }
               const std::int64_t other_id = other->get<std::int64_t>();
               const View view = PersonView(principal);
               const core::EpochMillis now = clock.Now();
               auto change = db::InWriteTransaction(database, [&](db::Connection& c) {
                 GuardedChange result;
                 result.person = MergePersons(c, *id, other_id, *version, AuthorOf(principal), now);
                 NoteLostRace(c, *id, *version, result);
                 if (result.person) {
                   auto event = PersonEvent(principal, request, "person.merge", *id, view);
                   event.details = {{"kept_id", std::to_string(*id)}, {"merged_id", std::to_string(other_id)}};
                   audit::Append(c, now, event);
                 }
                 return result;
               });
               if (!change.person && !change.current) {
                 // Refused without a lost race: nothing changed, and the error says why.
                 return Error(change.person.error(), request);
               }
               return ChangeReply(change, request, view);
             });
}

}  // namespace

void AddEditRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddPatchRoute(routes, database, clock);
  AddHistoryAndDuplicatesRoutes(routes, database, clock);
  AddMergeRoute(routes, database, clock);
}

}  // namespace lien::registry::support
