// The inbound line over HTTP (permission inbound): the qualification questions, recording a request, the
// queues, a request's follow-up (assignment, state, call-back) and a need recorded from a request.

#include "auth/roles.hpp"
#include "auth/store.hpp"
#include "calls/idempotent_post.hpp"
#include "calls/need_route_support.hpp"
#include "calls/need_routes.hpp"
#include "core/messages.hpp"

namespace lien::calls {
namespace {

using http::Json;
using http::Method;
using http::Request;
using http::Response;
using namespace needs_support;

// {"danger_now": "no", "alone": "yes", …}
core::Result<std::vector<UrgencyAnswer>> AnswersFrom(const Json& body) {
  std::vector<UrgencyAnswer> answers;
  const auto it = body.find("urgency_answers");
  if (it == body.end() || it->is_null()) return answers;
  if (!it->is_object()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "urgency_answers");
  for (const auto& [question, value] : it->items()) {
    const auto answer = value.is_string() ? ParseAnswer(value.get<std::string>()) : std::nullopt;
    if (!answer) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.invalid_answer",
                        "urgency_answers." + question.substr(0, 60));
    }
    answers.push_back({question.substr(0, 100), *answer});
  }
  return answers;
}

core::Result<std::optional<core::EpochMillis>> OptionalInstant(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<core::EpochMillis>();
  if (!it->is_number_integer()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  return std::optional<core::EpochMillis>(it->get<core::EpochMillis>());
}

core::Result<InboundDraft> DraftFrom(const Json& body) {
  if (auto ok = http::OnlyFields(body, {"person_id", "contact_name", "contact_phone", "contact_relation", "topic",
                                        "urgency_answers", "queue", "handled_now", "callback_at", "notes"});
      !ok) {
    return core::Fail(ok.error());
  }
  InboundDraft draft;
  auto person = OptionalId(body, "person_id");
  if (!person) return core::Fail(person.error());
  draft.person_id = *person;
  for (auto [field, target] :
       {std::pair{"contact_name", &draft.contact_name}, std::pair{"contact_phone", &draft.contact_phone},
        std::pair{"contact_relation", &draft.contact_relation}, std::pair{"topic", &draft.topic},
        std::pair{"notes", &draft.notes}}) {
    auto value = http::OptionalString(body, field, kMaxInboundNotesLength);
    if (!value) return core::Fail(value.error());
    if (*value) *target = **value;
  }
  auto answers = AnswersFrom(body);
  if (!answers) return core::Fail(answers.error());
  draft.urgency_answers = std::move(*answers);
  auto queue = http::OptionalString(body, "queue", 100);
  if (!queue) return core::Fail(queue.error());
  if (*queue && !(*queue)->empty()) draft.queue = **queue;
  auto handled = OptionalBool(body, "handled_now");
  if (!handled) return core::Fail(handled.error());
  draft.handled_now = handled->value_or(false);
  auto callback = OptionalInstant(body, "callback_at");
  if (!callback) return core::Fail(callback.error());
  draft.callback_at = *callback;
  return draft;
}

core::Result<InboundChange> ChangeFrom(const Json& body) {
  if (auto ok = http::OnlyFields(body, {"state", "assignee_id", "queue", "callback_at", "notes", "person_id"}); !ok) {
    return core::Fail(ok.error());
  }
  InboundChange change;
  for (auto [field, target] :
       {std::pair{"state", &change.state}, std::pair{"queue", &change.queue}, std::pair{"notes", &change.notes}}) {
    auto value = http::OptionalString(body, field, kMaxInboundNotesLength);
    if (!value) return core::Fail(value.error());
    *target = *value;
  }
  if (body.contains("assignee_id")) {
    auto assignee = OptionalId(body, "assignee_id");
    if (!assignee) return core::Fail(assignee.error());
    change.assignee_id = *assignee;
  }
  if (body.contains("callback_at")) {
    auto callback = OptionalInstant(body, "callback_at");
    if (!callback) return core::Fail(callback.error());
    change.callback_at = *callback;
  }
  auto person = OptionalId(body, "person_id");
  if (!person) return core::Fail(person.error());
  change.person_id = *person;
  return change;
}

// A request with the name of the person it is about (when found in the register).
Json RequestItems(db::Connection& connection, const std::vector<InboundRequest>& requests) {
  std::vector<std::int64_t> ids;
  for (const auto& request : requests) {
    if (request.record.person_id) ids.push_back(*request.record.person_id);
  }
  const auto persons = PersonsById(connection, ids);
  Json items = Json::array();
  for (const auto& request : requests) {
    Json item = InboundJson(request);
    const registry::Person* person = nullptr;
    if (request.record.person_id) {
      if (auto it = persons.find(*request.record.person_id); it != persons.end()) person = &it->second;
    }
    item["person"] = PersonNameJson(person);
    items.push_back(item);
  }
  return items;
}

void AddInboundRequestRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/inbound/questions", auth::Permission::kInbound,
             [](const auth::Principal&, Request& request) -> Response {
               Json questions = Json::array();
               for (const auto& question : UrgencyQuestions()) {
                 const std::string key = "inbound.question." + std::string(question.id);
                 questions.push_back({{"id", question.id}, {"text", core::Translate(key, request.language)}});
               }
               Json queues = Json::array();
               for (auto queue : InboundQueues()) queues.push_back(queue);
               Json relations = Json::array();
               for (auto relation : InboundRelations()) relations.push_back(relation);
               auto response =
                   http::JsonReply(200, Json{{"questions", questions}, {"queues", queues}, {"relations", relations}});
               response.personal_data = false;
               return response;
             });
  routes.Add(Method::kPost, "/api/v1/inbound", auth::Permission::kInbound,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto draft = DraftFrom(*body);
               if (!draft) return Error(draft.error(), request);
               const auto now = clock.Now();
               auto record = BuildInboundRecord(*draft, now);
               if (!record) return Error(record.error(), request);
               auto create = [&](db::Connection& c) -> core::Result<Json> {
                 auto stored = CreateInboundRequest(c, *record, principal.user.id, now);
                 if (!stored) return core::Fail(stored.error());
                 auto event = EventOf(principal, request, "inbound.create", "inbound_request", stored->id);
                 event.details = {{"queue", stored->record.queue},
                                  {"urgency", stored->record.urgency},
                                  {"state", stored->record.state}};
                 if (stored->record.person_id) event.details["person_id"] = std::to_string(*stored->record.person_id);
                 audit::Append(c, now, event);
                 return RequestItems(c, {*stored})[0];
               };
               return CreateOnce(database, principal, request, *body, now, create, RecordReply);
             });
  routes.Add(Method::kGet, "/api/v1/inbound", auth::Permission::kInbound,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto page = PageOf(request);
               if (!page) return Error(page.error(), request);
               InboundFilter filter;
               filter.limit = page->limit;
               filter.offset = page->offset;
               if (auto it = request.query.find("queue"); it != request.query.end() && !it->second.empty()) {
                 if (!IsInboundQueue(it->second)) {
                   return Error(core::Error(core::ErrorCode::kInvalidInput, "inbound.invalid_queue", "queue"), request);
                 }
                 filter.queue = it->second;
               }
               if (auto it = request.query.find("state"); it != request.query.end() && !it->second.empty()) {
                 const auto states = InboundStates();
                 if (std::find(states.begin(), states.end(), it->second) == states.end()) {
                   return Error(core::Error(core::ErrorCode::kInvalidInput, "inbound.invalid_state", "state"), request);
                 }
                 filter.state = it->second;
               }
               if (auto it = request.query.find("mine"); it != request.query.end() && it->second == "true") {
                 filter.assignee_id = principal.user.id;
               }
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) {
                 const auto requests = FindInboundRequests(c, filter);
                 Json counts = Json::object();
                 for (const auto& [queue, count] : CountOpenPerQueue(c)) counts[queue] = count;
                 auto event = auth::EventBy(principal.user, auth::InfoOf(request), "inbound.list", "inbound_queue",
                                            filter.queue.value_or("all"), "follow_up");
                 event.details = {{"count", std::to_string(requests.size())}};
                 audit::Append(c, clock.Now(), event);
                 return Json{{"items", RequestItems(c, requests)}, {"open_per_queue", counts}};
               });
               return http::JsonReply(200, body);
             });
  routes.Add(Method::kGet, "/api/v1/inbound/{id}", auth::Permission::kInbound,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 const auto found = LoadInboundRequest(c, *id);
                 if (!found) return core::Fail(core::ErrorCode::kNotFound, "inbound.not_found");
                 audit::Append(c, clock.Now(), EventOf(principal, request, "inbound.read", "inbound_request", *id));
                 return RequestItems(c, {*found})[0];
               });
               if (!body) return Error(body.error(), request);
               return Reply(200, *body, (*body)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPatch, "/api/v1/inbound/{id}", auth::Permission::kInbound,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto version = http::IfMatchVersion(request);
               if (!version) return Error(version.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto change = ChangeFrom(*body);
               if (!change) return Error(change.error(), request);
               const auto now = clock.Now();
               std::optional<Json> current;
               auto result = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 auto changed = ChangeInboundRequest(c, *id, *version, *change, now);
                 if (!changed) {
                   if (auto found = LoadInboundRequest(c, *id)) current = InboundJson(*found);
                   return core::Fail(changed.error());
                 }
                 auto event = EventOf(principal, request, "inbound.update", "inbound_request", *id);
                 event.details = {{"state", changed->record.state}, {"queue", changed->record.queue}};
                 audit::Append(c, now, event);
                 return RequestItems(c, {*changed})[0];
               });
               if (!result) {
                 if (result.error().code == core::ErrorCode::kPreconditionFailed && current) {
                   return http::ErrorWith(result.error(), request, Json{{"current", *current}});
                 }
                 return Error(result.error(), request);
               }
               return Reply(200, *result, (*result)["version"].get<std::int64_t>());
             });
  routes.Add(Method::kPost, "/api/v1/inbound/{id}/needs", auth::Permission::kInbound,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(id.error(), request);
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               if (auto ok = http::OnlyFields(*body, {"kind", "urgency", "notes"}); !ok)
                 return Error(ok.error(), request);
               NeedDraft draft;
               draft.source = std::string(kNeedFromInbound);
               draft.inbound_request_id = *id;
               auto kind = http::RequiredString(*body, "kind", 100);
               if (!kind) return Error(kind.error(), request);
               draft.kind = *kind;
               auto urgency = http::OptionalString(*body, "urgency", 100);
               if (!urgency) return Error(urgency.error(), request);
               auto notes = http::OptionalString(*body, "notes", kMaxNeedNotesLength);
               if (!notes) return Error(notes.error(), request);
               draft.notes = notes->value_or("");
               const auto now = clock.Now();
               const bool with_notes = auth::Allows(principal.user.role, auth::Permission::kFollowUp);
               auto create = [&](db::Connection& c) -> core::Result<Json> {
                 const auto inbound = LoadInboundRequest(c, *id);
                 if (!inbound) return core::Fail(core::ErrorCode::kNotFound, "inbound.not_found");
                 if (!inbound->record.person_id) {
                   return core::Fail(core::ErrorCode::kInvalidInput, "needs.person_required", "person_id");
                 }
                 draft.person_id = *inbound->record.person_id;
                 // The request's qualified urgency unless the agent says otherwise.
                 draft.urgency = urgency->value_or(inbound->record.urgency);
                 auto created = CreateNeed(c, draft, principal.user.id, now);
                 if (!created) return core::Fail(created.error());
                 auto event = EventOf(principal, request, "need.create", "need", created->id);
                 event.details = {{"person_id", std::to_string(created->person_id)},
                                  {"source", created->source},
                                  {"inbound_request_id", std::to_string(*id)}};
                 audit::Append(c, now, event);
                 return NeedJson(*created, with_notes);
               };
               return CreateOnce(database, principal, request, *body, now, create, RecordReply);
             });
  routes.Add(Method::kGet, "/api/v1/inbound/agents", auth::Permission::kInbound,
             [&database](const auth::Principal&, Request&) -> Response {
               auto agents = db::InReadTransaction(database, [](db::Connection& c) {
                 Json list = Json::array();
                 for (const auto& user : auth::store::ListUsers(c, "", 0, 500)) {
                   if (user.disabled || !auth::Allows(user.role, auth::Permission::kInbound)) continue;
                   list.push_back({{"id", user.id},
                                   {"login", user.login},
                                   {"display_name", user.display_name},
                                   {"role", std::string(auth::RoleName(user.role))}});
                 }
                 return list;
               });
               return http::JsonReply(200, Json{{"items", agents}});
             });
}

}  // namespace

void AddInboundRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddInboundRequestRoutes(routes, database, clock);
}

}  // namespace lien::calls
