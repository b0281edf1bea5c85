// Recording a call (POST /api/v1/calls) and the caller's view of one person (GET /api/v1/calls/persons/{id}).

#include "calls/agreed_window.hpp"
#include "calls/call_route_support.hpp"
#include "calls/call_routes.hpp"
#include "calls/idempotent_post.hpp"
#include "calls/need_store.hpp"
#include "calls/schedule_text.hpp"
#include "register/person_store.hpp"

namespace lien::calls::support {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::int64_t kMaxDurationSeconds = 4 * 3600;
constexpr std::size_t kMaxNotesBytes = 4000;
constexpr std::size_t kMaxAnswers = 100;

struct CallRequest {
  std::optional<std::int64_t> item_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> campaign_id;
  CallOutcome outcome = CallOutcome::kReached;
  std::int32_t duration_seconds = 0;
  std::string notes;
  std::vector<CallAnswer> answers;
  bool worrying = false;
};

core::Result<std::optional<std::int64_t>> OptionalId(const Json& body, const char* field) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null()) return std::optional<std::int64_t>{};
  if (!found->is_number_integer() || found->get<std::int64_t>() < 1) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  }
  return std::optional(found->get<std::int64_t>());
}

core::Result<CallRequest> ParseCallRequest(const Json& body) {
  if (auto only = http::OnlyFields(body, {"worklist_item_id", "person_id", "campaign_id", "outcome", "duration_seconds",
                                          "notes", "answers", "worrying"});
      !only) {
    return core::Fail(only.error());
  }
  CallRequest call;
  auto item = OptionalId(body, "worklist_item_id");
  if (!item) return core::Fail(item.error());
  auto person = OptionalId(body, "person_id");
  if (!person) return core::Fail(person.error());
  auto campaign = OptionalId(body, "campaign_id");
  if (!campaign) return core::Fail(campaign.error());
  call.item_id = *item;
  call.person_id = *person;
  call.campaign_id = *campaign;
  if (!call.item_id && !call.person_id) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "worklist_item_id");
  }
  if (!call.item_id && !call.campaign_id) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "campaign_id");
  }
  auto outcome_name = http::RequiredString(body, "outcome", 32);
  if (!outcome_name) return core::Fail(outcome_name.error());
  auto outcome = CallOutcomeFromName(*outcome_name);
  if (!outcome) return core::Fail(core::ErrorCode::kInvalidInput, "calls.invalid_outcome", "outcome");
  call.outcome = *outcome;
  if (auto found = body.find("duration_seconds"); found != body.end() && !found->is_null()) {
    if (!found->is_number_integer())
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "duration_seconds");
    const auto seconds = found->get<std::int64_t>();
    if (seconds < 0 || seconds > kMaxDurationSeconds) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.invalid_value", "duration_seconds");
    }
    call.duration_seconds = static_cast<std::int32_t>(seconds);
  }
  auto notes = http::OptionalString(body, "notes", kMaxNotesBytes);
  if (!notes) return core::Fail(notes.error());
  call.notes = notes->value_or("");
  if (auto found = body.find("worrying"); found != body.end() && !found->is_null()) {
    if (!found->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "worrying");
    call.worrying = found->get<bool>();
  }
  if (auto found = body.find("answers"); found != body.end() && !found->is_null()) {
    if (!found->is_array() || found->size() > kMaxAnswers) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "answers");
    }
    for (const auto& answer : *found) {
      if (!answer.is_object() || !answer.contains("position") || !answer["position"].is_number_integer() ||
          !answer.contains("value") || !answer["value"].is_string() || answer.size() != 2) {
        return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "answers");
      }
      const auto position = answer["position"].get<std::int64_t>();
      if (position < 0 || position > 10'000)
        return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "answers");
      call.answers.push_back(CallAnswer{static_cast<std::int32_t>(position), answer["value"].get<std::string>()});
    }
  }
  return call;
}

Json AnswersJson(const std::vector<CallAnswer>& answers) {
  Json out = Json::array();
  for (const auto& answer : answers) out.push_back(Json{{"position", answer.position}, {"value", answer.value}});
  return out;
}

// The needs the answers raise become needs records (open) from this call, each audited; a kind the needs
// module does not know stays a proposal (need_id null) for the caller to pass on.
Json RecordRaisedNeeds(db::Connection& c, const auth::Principal& principal, const Request& request,
                       const std::vector<ProposedNeed>& needs, std::int64_t person_id, std::int64_t call_id,
                       bool worrying, core::EpochMillis now) {
  Json out = Json::array();
  for (const auto& proposed : needs) {
    NeedDraft draft;
    draft.person_id = person_id;
    draft.source = std::string(kNeedFromCall);
    draft.call_id = call_id;
    draft.kind = proposed.kind;
    draft.urgency = worrying ? "high" : "low";
    draft.notes = proposed.prompt;
    auto need = CreateNeed(c, draft, principal.user.id, now);
    if (need) {
      auto event = FollowUpEvent(principal, request, "need.create", "need", std::to_string(need->id));
      event.details = {{"person", std::to_string(person_id)}, {"call", std::to_string(call_id)}, {"kind", need->kind}};
      audit::Append(c, now, event);
    }
    out.push_back(Json{{"kind", proposed.kind},
                       {"question_position", proposed.position},
                       {"prompt", proposed.prompt},
                       {"need_id", need ? Json(need->id) : Json(nullptr)}});
  }
  return out;
}

// Finds the enrolment and today's item the call is about, within the principal's scope.
struct CallTarget {
  EnrolmentForCall enrolment;
  std::optional<WorklistItem> item;
};

core::Result<CallTarget> FindTarget(db::Connection& c, const auth::Principal& principal, const CallRequest& call,
                                    const std::string& today, core::EpochMillis now) {
  CallTarget target;
  if (call.item_id) {
    auto item = LoadWorklistItem(c, *call.item_id);
    if (!item || (IsScopedCaller(principal) && item->caller_id != principal.user.id)) {
      return core::Fail(core::ErrorCode::kNotFound, "calls.worklist_item_not_found");
    }
    if (item->day != today || item->state != ItemState::kPending) {
      return core::Fail(core::ErrorCode::kConflict, "calls.item_closed");
    }
    auto enrolment = LoadEnrolmentById(c, item->enrolment_id);
    if (!enrolment) return core::Fail(core::ErrorCode::kNotFound, "calls.worklist_item_not_found");
    target.enrolment = *enrolment;
    target.item = std::move(item);
    return target;
  }
  if (auto scope = RequirePersonInScope(c, principal, *call.person_id, now); !scope) return core::Fail(scope.error());
  auto enrolment = LoadEnrolmentForCall(c, *call.person_id, *call.campaign_id);
  if (!enrolment) return core::Fail(core::ErrorCode::kNotFound, "calls.enrolment_not_found", "campaign_id");
  if (enrolment->state != "active") {
    return core::Fail(core::ErrorCode::kConflict, "calls.enrolment_not_active", "campaign_id");
  }
  target.enrolment = *enrolment;
  target.item = PendingItemOf(c, enrolment->id, today);
  return target;
}

// The reply of a recorded call (201).
core::Result<Json> Record(db::Connection& c, const auth::Principal& principal, const Request& request,
                          const CallRequest& call, core::EpochMillis now) {
  const ParisDay day(ParisDayOf(now), 1);
  const std::string today = FormatCalendarDay(day.Day());
  auto target = FindTarget(c, principal, call, today, now);
  if (!target) return core::Fail(target.error());
  const auto script = LoadCampaignScript(c, target->enrolment.campaign_id);
  const std::vector<ScriptQuestion> questions = script ? script->questions : std::vector<ScriptQuestion>{};
  if (auto valid = ValidateAnswers(questions, call.answers); !valid) return core::Fail(valid.error());
  const std::int32_t attempts_before =
      target->item ? target->item->attempts : CallsOfEnrolmentBetween(c, target->enrolment.id, day.Start(), day.End());
  auto decision = DecideOutcome(call.outcome, now, attempts_before, target->enrolment.policy, day.End());
  if (target->item && decision.retry_at) {
    // Never a retry for a time its caller is not working (docs/calls.md, "Retries after the shift").
    const auto placed = PlaceRetry(c, *target->item, *decision.retry_at, day.Day(), now);
    if (placed.place == RetryPlacement::Place::kColleague) {
      decision.retry_caller_id = placed.caller_id;
    } else if (placed.place == RetryPlacement::Place::kNextDay) {
      decision.item_state = ItemState::kFailed;
      decision.retry_at.reset();
    }
  }
  NewCall record{.enrolment = &target->enrolment,
                 .item = target->item ? &*target->item : nullptr,
                 .caller_id = principal.user.id,
                 .outcome = call.outcome,
                 .duration_seconds = call.duration_seconds,
                 .notes = call.notes,
                 .answers_json = AnswersJson(call.answers).dump(),
                 .worrying = call.worrying,
                 .at = now};
  const std::int64_t call_id = RecordCall(c, record, decision);
  const Json needs = RecordRaisedNeeds(c, principal, request, NeedsRaised(questions, call.answers),
                                       target->enrolment.person_id, call_id, call.worrying, now);

  auto event = FollowUpEvent(principal, request, "call.record", "person", std::to_string(target->enrolment.person_id));
  event.details = {{"call", std::to_string(call_id)},
                   {"outcome", std::string(CallOutcomeName(call.outcome))},
                   {"campaign", std::to_string(target->enrolment.campaign_id)},
                   {"item_state", std::string(ItemStateName(decision.item_state))}};
  if (decision.inform_coordinator) event.details["inform_coordinator"] = "1";
  if (decision.retry_caller_id) event.details["retry_caller"] = std::to_string(*decision.retry_caller_id);
  audit::Append(c, now, event);

  Json item = nullptr;
  if (target->item) {
    if (auto updated = LoadWorklistItem(c, target->item->id)) item = ItemJson(*updated, nullptr);
  }
  const auto enrolment = LoadEnrolmentById(c, target->enrolment.id);
  return Json{{"call",
               {{"id", call_id},
                {"person_id", target->enrolment.person_id},
                {"campaign_id", target->enrolment.campaign_id},
                {"enrolment_id", target->enrolment.id},
                {"outcome", CallOutcomeName(call.outcome)},
                {"started_at", now},
                {"duration_seconds", call.duration_seconds},
                {"worrying", call.worrying}}},
              {"item", item},
              {"retry_at", decision.retry_at ? Json(*decision.retry_at) : Json(nullptr)},
              {"enrolment_state", enrolment ? Json(enrolment->state) : Json(nullptr)},
              {"inform_coordinator", decision.inform_coordinator},
              {"proposed_needs", needs}};
}

void AddRecordRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kPost, "/api/v1/calls", auth::Permission::kCallsWork,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto body = http::ParseJsonObject(request);
               if (!body) return Error(body.error(), request);
               auto call = ParseCallRequest(*body);
               if (!call) return Error(call.error(), request);
               const auto now = clock.Now();
               return CreateOnce(database, principal, request, *body, now,
                                 [&](db::Connection& c) { return Record(c, principal, request, *call, now); });
             });
}

void AddPersonRoute(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  routes.Add(Method::kGet, "/api/v1/calls/persons/{id}", auth::Permission::kCallsWork,
             [&database, &clock](const auth::Principal& principal, Request& request) -> Response {
               auto id = http::PathId(request);
               if (!id) return Error(core::Error(core::ErrorCode::kNotFound, "calls.person_out_of_scope"), request);
               const auto now = clock.Now();
               auto card = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<Json> {
                 if (auto scope = RequirePersonInScope(c, principal, *id, now); !scope) {
                   auto refused = FollowUpEvent(principal, request, "call_person.read", "person", std::to_string(*id));
                   refused.outcome = "refused";
                   audit::Append(c, now, refused);
                   return core::Fail(scope.error());
                 }
                 const auto persons = registry::LoadPersons(c, {*id});
                 Json out{{"person", PersonCardJson(persons.front())},
                          {"last_calls", LastCallsJson(LastCallsOf(c, *id, 20))},
                          {"emergency_contacts", EmergencyContactsJson(LoadEmergencyContacts(c, *id))}};
                 audit::Append(c, now,
                               FollowUpEvent(principal, request, "call_person.read", "person", std::to_string(*id)));
                 return out;
               });
               if (!card) return Error(card.error(), request);
               return http::JsonReply(200, *card);
             });
}

}  // namespace

void AddCallRecordRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  AddRecordRoute(routes, database, clock);
  AddPersonRoute(routes, database, clock);
}

}  // namespace lien::calls::support
