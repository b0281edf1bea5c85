#include "register/register_entry_routes.hpp"

#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "http/json_body.hpp"
#include "register/acknowledgement_letter.hpp"
#include "register/register_agents_routes.hpp"
#include "register/register_entry_json.hpp"
#include "register/register_entry_rules.hpp"
#include "register/register_entry_store.hpp"
#include "register/register_entry_workflow.hpp"

namespace lien::registry {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kEntryPath = "/api/v1/persons/{id}/register-entry";

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

audit::Event EntryEvent(const auth::Principal& principal, const Request& request, const std::string& action,
                        std::int64_t person_id) {
  return auth::EventBy(principal.user, auth::InfoOf(request), action, "person", std::to_string(person_id), "register");
}

Response EntryReply(const RegisterEntry& entry, const Date& today, int status = 200) {
  auto response = http::JsonReply(status, RegisterEntryJson(entry, today));
  response.SetHeader("ETag", "\"" + std::to_string(entry.version) + "\"");
  return response;
}

core::Result<Json> BodyWith(const Request& request, std::initializer_list<std::string_view> allowed) {
  auto body = http::ParseJsonObject(request);
  if (!body) return body;
  if (auto only = http::OnlyFields(*body, allowed); !only) return core::Fail(only.error());
  return body;
}

ChangeAuthor AuthorOf(const auth::Principal& principal) {
  return ChangeAuthor{principal.user.id, principal.user.login};
}

// A change's outcome: the entry saved, or an error; on a lost race, the entry as it is now and the changes the
// writer missed, read in the writer's transaction so what they are shown is what refused them.
struct EntryChange {
  core::Result<RegisterEntry> entry = core::Fail(core::ErrorCode::kInternal, "http.internal");
  std::optional<RegisterEntry> current;
  std::vector<HistoryEntry> missed;
};

// The common shape of a change: person id, If-Match, the designation, then `change` and its audit event in one
// write transaction. A lost race answers 412 with `current` and `changes` (who, when, before → after), and its
// audit event says the entry was shown.
template <class Change>
Response ChangeEntry(db::Database& database, const core::Clock& clock, const auth::Principal& principal,
                     Request& request, const std::string& action, Change&& change) {
  auto person_id = http::PathId(request);
  if (!person_id) return Error(person_id.error(), request);
  auto version = http::IfMatchVersion(request);
  if (!version) return Error(version.error(), request);
  if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
    return Error(agent.error(), request);
  }
  const auto now = clock.Now();
  auto outcome = db::InWriteTransaction(database, [&](db::Connection& c) {
    EntryChange result;
    result.entry = change(c, *person_id, *version, now);
    if (result.entry) {
      audit::Append(c, now, EntryEvent(principal, request, action, *person_id));
      return result;
    }
    if (result.entry.error().code != core::ErrorCode::kPreconditionFailed) return result;
    result.current = store::FindRegisterEntry(c, *person_id);
    result.missed = LoadRegisterHistory(c, *person_id, *version);
    auto event = EntryEvent(principal, request, action, *person_id);
    event.outcome = "refused";
    event.details = {{"reason", result.entry.error().message_key}};
    audit::Append(c, now, event);
    return result;
  });
  if (outcome.entry) return EntryReply(*outcome.entry, DayOf(now));
  if (!outcome.current) return Error(outcome.entry.error(), request);
  return http::ErrorWith(outcome.entry.error(), request,
                         Json{{"current", RegisterEntryJson(*outcome.current, DayOf(now))},
                              {"changes", RegisterHistoryJson(outcome.missed)}});
}

void AddEntryReadAndCreate(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, kEntryPath, auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto person_id = http::PathId(request);
               if (!person_id) return Error(person_id.error(), request);
               if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
                 return Error(agent.error(), request);
               }
               const auto now = clock.Now();
               auto entry = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<RegisterEntry> {
                 auto found = store::FindRegisterEntry(c, *person_id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "register.entry_not_found");
                 audit::Append(c, now, EntryEvent(principal, request, "register_entry.read", *person_id));
                 return *found;
               });
               if (!entry) return Error(entry.error(), request);
               return EntryReply(*entry, DayOf(now));
             });
  routes.Add(Method::kPost, kEntryPath, auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto person_id = http::PathId(request);
               if (!person_id) return Error(person_id.error(), request);
               if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
                 return Error(agent.error(), request);
               }
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto draft = RegisterEntryDraftFromJson(*body);
               if (!draft) return Error(draft.error(), request);
               const auto now = clock.Now();
               EntryOrigin origin;
               origin.actor_id = principal.user.id;
               auto entry = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<RegisterEntry> {
                 auto created = RegisterPerson(c, *person_id, *draft, origin, now);
                 if (created) {
                   auto event = EntryEvent(principal, request, "register_entry.registered", *person_id);
                   event.details = {{"requested_by", created->requested_by}, {"ground", created->ground}};
                   audit::Append(c, now, event);
                 }
                 return created;
               });
               if (!entry) return Error(entry.error(), request);
               return EntryReply(*entry, DayOf(now), 201);
             });
}

void AddEntryChanges(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPatch, kEntryPath, auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto changes = RegisterEntryDraftFromJson(*body);
               if (!changes) return Error(changes.error(), request);
               return ChangeEntry(database, clock, principal, request, "register_entry.updated",
                                  [&](db::Connection& c, std::int64_t person_id, std::int64_t version, auto now) {
                                    return CorrectEntry(c, person_id, version, *changes, AuthorOf(principal), now);
                                  });
             });
  routes.Add(Method::kPost, std::string(kEntryPath) + "/oppose", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               if (auto body = BodyWith(request, {}); !body) return Error(body.error(), request);
               return ChangeEntry(database, clock, principal, request, "register_entry.opposed",
                                  [&](db::Connection& c, std::int64_t person_id, std::int64_t version, auto now) {
                                    return EndEntry(c, person_id, version, kStateOpposed, "", AuthorOf(principal), now);
                                  });
             });
  routes.Add(Method::kPost, std::string(kEntryPath) + "/remove", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = BodyWith(request, {"reason"});
               if (!body) return Error(body.error(), request);
               auto reason = http::OptionalString(*body, "reason", 500);
               if (!reason) return Error(reason.error(), request);
               return ChangeEntry(database, clock, principal, request, "register_entry.removed",
                                  [&](db::Connection& c, std::int64_t person_id, std::int64_t version, auto now) {
                                    return EndEntry(c, person_id, version, kStateRemoved, reason->value_or(""),
                                                    AuthorOf(principal), now);
                                  });
             });
  routes.Add(Method::kPost, std::string(kEntryPath) + "/acknowledged", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               if (auto body = BodyWith(request, {}); !body) return Error(body.error(), request);
               return ChangeEntry(database, clock, principal, request, "register_entry.acknowledged",
                                  [&](db::Connection& c, std::int64_t person_id, std::int64_t version, auto now) {
                                    return MarkAcknowledged(c, person_id, version, AuthorOf(principal), now);
                                  });
             });
}

Json DueJson(const store::DueAcknowledgement& due, const Date& today) {
  return Json{{"person_id", due.person.id},
              {"civility", due.person.civility},
              {"last_name", due.person.last_name},
              {"first_names", due.person.first_names},
              {"postcode", due.person.postcode},
              {"town", due.person.town},
              {"ground", due.entry.ground},
              {"requested_by", due.entry.requested_by},
              {"requested_on", IsoDate(due.entry.requested_on)},
              {"acknowledgement_due",
               due.entry.acknowledgement_due ? Json(IsoDate(*due.entry.acknowledgement_due)) : Json(nullptr)},
              {"overdue", AcknowledgementOverdue(due.entry, today)},
              {"version", due.entry.version}};
}

void AddAcknowledgementRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/register/acknowledgements", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto limit = http::QueryInt(request, "limit", 100, 1, 500);
               if (!limit) return Error(limit.error(), request);
               auto offset = http::QueryInt(request, "offset", 0, 0, 1'000'000);
               if (!offset) return Error(offset.error(), request);
               if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
                 return Error(agent.error(), request);
               }
               const auto now = clock.Now();
               // One more than asked tells whether another page follows.
               auto due = db::InWriteTransaction(database, [&](db::Connection& c) {
                 auto rows = store::DueAcknowledgements(c, static_cast<int>(*limit) + 1, static_cast<int>(*offset));
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "register.acknowledgements_listed",
                                            "register", "acknowledgements", "register");
                 event.details = {{"count", std::to_string(std::min<std::size_t>(rows.size(), *limit))}};
                 audit::Append(c, now, event);
                 return rows;
               });
               const bool has_more = due.size() > static_cast<std::size_t>(*limit);
               if (has_more) due.pop_back();
               Json items = Json::array();
               for (const auto& row : due) items.push_back(DueJson(row, DayOf(now)));
               return http::JsonReply(
                   200, Json{{"items", items}, {"offset", *offset}, {"limit", *limit}, {"has_more", has_more}});
             });
  routes.Add(Method::kGet, std::string(kEntryPath) + "/acknowledgement.pdf", auth::Permission::kRegister,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto person_id = http::PathId(request);
               if (!person_id) return Error(person_id.error(), request);
               if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
                 return Error(agent.error(), request);
               }
               const auto now = clock.Now();
               auto letter = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<std::string> {
                 auto entry = RegisteredEntry(c, *person_id);
                 if (!entry) return core::Fail(entry.error());
                 auto person = store::FindPersonCard(c, *person_id);
                 if (!person) return core::Fail(core::ErrorCode::kNotFound, "register.person_not_found");
                 auto pdf = AcknowledgementLetterPdf(*person, *entry, DayOf(now));
                 if (pdf) {
                   audit::Append(c, now, EntryEvent(principal, request, "register_entry.letter_generated", *person_id));
                 }
                 return pdf;
               });
               if (!letter) return Error(letter.error(), request);
               Response response;
               response.content_type = "application/pdf";
               response.body = std::move(*letter);
               response.SetHeader("Content-Disposition", "attachment; filename=\"accuse-reception-registre-" +
                                                             std::to_string(*person_id) + ".pdf\"");
               return response;
             });
}

}  // namespace

void AddRegisterEntryRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddEntryReadAndCreate(routes, database, clock);
  AddEntryChanges(routes, database, clock);
  AddAcknowledgementRoutes(routes, database, clock);
}

}  // namespace lien::registry
