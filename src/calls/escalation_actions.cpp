#include "calls/escalation_actions.hpp"

#include "calls/need_store.hpp"
#include "register/person_status_store.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

core::Status AppendLine(std::string& text, const std::string& line, const char* field) {
  if (line.empty()) return {};
  if (text.size() + line.size() + 1 > kFieldTextMax) {
    return core::Fail(core::ErrorCode::kInvalidInput, "escalations.text_too_long", field);
  }
  if (!text.empty()) text += '\n';
  text += line;
  return {};
}

// The escalation at `expected_version` as the actor may see it.
core::Result<Escalation> Current(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                 const EscalationActor& actor) {
  auto escalation = EscalationFor(connection, id, actor);
  if (!escalation) return escalation;
  if (escalation->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  return escalation;
}

core::Result<Escalation> Save(db::Connection& connection, Escalation& escalation, std::int64_t expected_version) {
  // Changed between our read and our write (PostgreSQL, read committed): the caller lost the race.
  if (!UpdateEscalation(connection, escalation, expected_version)) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  return escalation;
}

void RecordReached(db::Connection& connection, Escalation& escalation, core::EpochMillis now) {
  MarkEnrolmentReached(connection, escalation.enrolment_id, now);
  registry::RecordContact(connection, escalation.person_id, now);
  if (!escalation.last_reached_at || *escalation.last_reached_at < now) escalation.last_reached_at = now;
}

void Close(Escalation& escalation, const EscalationActor& actor, core::EpochMillis now) {
  escalation.state = EscalationState::kClosed;
  escalation.closed_at = now;
  escalation.closed_by = actor.id;
}

registry::PersonStatus RegisterStatusOf(PersonSituation situation) {
  switch (situation) {
    case PersonSituation::kActive:
      return registry::PersonStatus::kActive;
    case PersonSituation::kAway:
      return registry::PersonStatus::kAway;
    case PersonSituation::kInHospital:
      return registry::PersonStatus::kInHospital;
    case PersonSituation::kMoved:
      return registry::PersonStatus::kMoved;
    case PersonSituation::kDeceased:
      return registry::PersonStatus::kDeceased;
  }
  return registry::PersonStatus::kActive;
}

}  // namespace

core::Result<Escalation> EscalationFor(db::Connection& connection, std::int64_t id, const EscalationActor& actor) {
  auto escalation = FindEscalation(connection, id);
  if (!escalation || (!actor.supervises && escalation->visit_assignee_id != actor.id)) {
    return core::Fail(core::ErrorCode::kNotFound, "escalations.not_found");
  }
  return *escalation;
}

core::Result<Escalation> RecordContactsTried(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                             const std::string& outcome, bool reached, const EscalationActor& actor,
                                             core::EpochMillis now) {
  auto escalation = Current(connection, id, expected_version, actor);
  if (!escalation) return escalation;
  if (auto allowed = CheckContactsTried(EscalationFacts{escalation->state, escalation->visit_assignee_id}); !allowed) {
    return core::Fail(allowed.error());
  }
  if (auto appended = AppendLine(escalation->contacts_outcome, outcome, "outcome"); !appended) {
    return core::Fail(appended.error());
  }
  escalation->contacts_tried_at = now;
  if (escalation->state == EscalationState::kOpen) escalation->state = EscalationState::kContactsTried;
  if (reached) Close(*escalation, actor, now);
  auto saved = Save(connection, *escalation, expected_version);
  if (saved && reached) RecordReached(connection, *saved, now);
  return saved;
}

core::Result<Escalation> AssignVisit(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                     const VisitAssignment& assignment, const EscalationActor& actor,
                                     core::EpochMillis now) {
  auto escalation = Current(connection, id, expected_version, actor);
  if (!escalation) return escalation;
  if (auto allowed = CheckVisitAssignment(EscalationFacts{escalation->state, escalation->visit_assignee_id});
      !allowed) {
    return core::Fail(allowed.error());
  }
  if (assignment.assignee_id) {
    auto assignee = FindVisitAssignee(connection, *assignment.assignee_id);
    if (!assignee) {
      return core::Fail(core::ErrorCode::kInvalidInput, "escalations.assignee_cannot_visit", "assignee_id");
    }
    escalation->visit_assignee_id = assignee->id;
    escalation->visit_assignee_name = assignee->display_name;
  } else {
    escalation->visit_assignee_id.reset();
    escalation->visit_assignee_name = assignment.assignee_name;
  }
  if (auto appended = AppendLine(escalation->visit_notes, assignment.notes, "notes"); !appended) {
    return core::Fail(appended.error());
  }
  escalation->visit_assigned_at = now;
  escalation->state = EscalationState::kVisitAssigned;
  return Save(connection, *escalation, expected_version);
}

core::Result<VisitOutcomeRecorded> RecordVisitOutcome(db::Connection& connection, std::int64_t id,
                                                      std::int64_t expected_version, VisitOutcome outcome,
                                                      const std::string& notes, const std::optional<NeedProposal>& need,
                                                      const EscalationActor& actor, core::EpochMillis now) {
  auto escalation = Current(connection, id, expected_version, actor);
  if (!escalation) return core::Fail(escalation.error());
  if (auto fits = CheckNeedWithOutcome(outcome, need.has_value()); !fits) return core::Fail(fits.error());
  if (auto allowed = CheckVisitOutcome(EscalationFacts{escalation->state, escalation->visit_assignee_id}, actor.id,
                                       actor.supervises);
      !allowed) {
    return core::Fail(allowed.error());
  }
  if (auto appended = AppendLine(escalation->visit_notes, notes, "notes"); !appended) {
    return core::Fail(appended.error());
  }
  escalation->visit_outcome = std::string(VisitOutcomeName(outcome));
  Close(*escalation, actor, now);
  auto saved = Save(connection, *escalation, expected_version);
  if (!saved) return core::Fail(saved.error());

  const OutcomeEffects effects = EffectsOf(outcome);
  if (effects.person_reached) RecordReached(connection, *saved, now);
  if (effects.new_situation) {
    const registry::ChangeAuthor author{actor.id, actor.login};
    auto person = registry::RecordPersonStatus(connection, saved->person_id, RegisterStatusOf(*effects.new_situation),
                                               author, now, "escalation.visit_outcome");
    if (!person) return core::Fail(person.error());
  }
  if (effects.end_enrolment) EndEnrolment(connection, saved->enrolment_id, now);
  std::optional<std::int64_t> need_id;
  if (effects.propose_need && need) {
    NeedDraft draft;
    draft.person_id = saved->person_id;
    draft.source = std::string(kNeedFromVisit);
    draft.escalation_id = saved->id;
    draft.kind = need->kind;
    draft.urgency = need->urgency;
    draft.notes = need->notes;
    auto created = CreateNeed(connection, draft, actor.id, now);
    if (!created) {
      auto error = created.error();
      if (!error.field.empty()) error.field = "need." + error.field;
      return core::Fail(std::move(error));
    }
    need_id = created->id;
  }
  return VisitOutcomeRecorded{std::move(*saved), effects, need_id};
}

}  // namespace lien::calls
