#include "calls/escalation_workflow.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "calls/agreed_window.hpp"

namespace lien::calls {
namespace {

constexpr std::array kStateNames = {std::pair{EscalationState::kOpen, std::string_view("open")},
                                    std::pair{EscalationState::kContactsTried, std::string_view("contacts_tried")},
                                    std::pair{EscalationState::kVisitAssigned, std::string_view("visit_assigned")},
                                    std::pair{EscalationState::kClosed, std::string_view("closed")}};

constexpr std::array kOutcomeNames = {std::pair{VisitOutcome::kFoundWell, std::string_view("found_well")},
                                      std::pair{VisitOutcome::kNeedsHelp, std::string_view("needs_help")},
                                      std::pair{VisitOutcome::kHospitalised, std::string_view("hospitalised")},
                                      std::pair{VisitOutcome::kNotFound, std::string_view("not_found")},
                                      std::pair{VisitOutcome::kDeceased, std::string_view("deceased")}};

constexpr std::array kSituationNames = {std::pair{PersonSituation::kActive, std::string_view("active")},
                                        std::pair{PersonSituation::kAway, std::string_view("away")},
                                        std::pair{PersonSituation::kInHospital, std::string_view("in_hospital")},
                                        std::pair{PersonSituation::kMoved, std::string_view("moved")},
                                        std::pair{PersonSituation::kDeceased, std::string_view("deceased")}};

template <class Enum, std::size_t N>
std::string_view NameIn(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> ValueIn(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view name) {
  for (const auto& [value, known] : names) {
    if (known == name) return value;
  }
  return std::nullopt;
}

core::Status NotClosed(const EscalationFacts& escalation) {
  if (escalation.state == EscalationState::kClosed) {
    return core::Fail(core::ErrorCode::kConflict, "escalations.closed");
  }
  return {};
}

}  // namespace

std::string_view EscalationStateName(EscalationState state) { return NameIn(kStateNames, state); }
std::optional<EscalationState> EscalationStateFromName(std::string_view name) { return ValueIn(kStateNames, name); }
std::string_view VisitOutcomeName(VisitOutcome outcome) { return NameIn(kOutcomeNames, outcome); }
std::optional<VisitOutcome> VisitOutcomeFromName(std::string_view name) { return ValueIn(kOutcomeNames, name); }
std::optional<PersonSituation> PersonSituationFromName(std::string_view name) { return ValueIn(kSituationNames, name); }

std::string_view EscalationDecisionName(EscalationDecision decision) {
  switch (decision) {
    case EscalationDecision::kRaise:
      return "raise";
    case EscalationDecision::kNotYet:
      return "not_yet";
    case EscalationDecision::kAlreadyOpen:
      return "already_open";
    case EscalationDecision::kPersonGone:
      return "person_gone";
    case EscalationDecision::kWhereaboutsKnown:
      return "whereabouts_known";
  }
  return "unknown";
}

core::EpochMillis CountingFrom(const EscalationCandidate& candidate) {
  core::EpochMillis from = candidate.enrolled_at;
  if (candidate.last_reached_at) from = std::max(from, *candidate.last_reached_at);
  if (candidate.last_closed_at) from = std::max(from, *candidate.last_closed_at);
  return from;
}

EscalationDecision DecideEscalation(const EscalationCandidate& candidate, core::EpochMillis now) {
  if (candidate.situation == PersonSituation::kDeceased || candidate.situation == PersonSituation::kMoved) {
    return EscalationDecision::kPersonGone;
  }
  if (candidate.situation == PersonSituation::kAway || candidate.situation == PersonSituation::kInHospital) {
    // Without an end date the absence is open-ended; with one, the person is expected home the day after.
    if (!candidate.situation_until || ParisDayOf(now) <= *candidate.situation_until) {
      return EscalationDecision::kWhereaboutsKnown;
    }
  }
  if (candidate.has_open_escalation) return EscalationDecision::kAlreadyOpen;
  // The escalation rule's clock starts at enrolment; the close of the last escalation restarts it as a contact
  // would, and the attempts were counted from the same instant.
  const ContactFacts facts{.enrolled_at = candidate.enrolled_at,
                           .last_reached_at = CountingFrom(candidate),
                           .attempts_since_reached = candidate.attempts};
  return ShouldEscalate(facts, candidate.policy, now) ? EscalationDecision::kRaise : EscalationDecision::kNotYet;
}

core::Status CheckContactsTried(const EscalationFacts& escalation) { return NotClosed(escalation); }

core::Status CheckVisitAssignment(const EscalationFacts& escalation) { return NotClosed(escalation); }

core::Status CheckVisitOutcome(const EscalationFacts& escalation, std::int64_t actor_id, bool actor_supervises) {
  if (!actor_supervises && escalation.visit_assignee_id != actor_id) {
    return core::Fail(core::ErrorCode::kNotFound, "escalations.not_found");
  }
  if (auto open = NotClosed(escalation); !open) return open;
  if (escalation.state != EscalationState::kVisitAssigned) {
    return core::Fail(core::ErrorCode::kConflict, "escalations.no_visit_assigned");
  }
  return {};
}

core::Status CheckNeedWithOutcome(VisitOutcome outcome, bool need_given) {
  const bool needs_help = outcome == VisitOutcome::kNeedsHelp;
  if (needs_help && !need_given) return core::Fail(core::ErrorCode::kInvalidInput, "escalations.need_required", "need");
  if (!needs_help && need_given) {
    return core::Fail(core::ErrorCode::kInvalidInput, "escalations.need_only_when_needs_help", "need");
  }
  return {};
}

OutcomeEffects EffectsOf(VisitOutcome outcome) {
  switch (outcome) {
    case VisitOutcome::kFoundWell:
      return OutcomeEffects{.person_reached = true};
    case VisitOutcome::kNeedsHelp:
      return OutcomeEffects{.person_reached = true, .propose_need = true};
    case VisitOutcome::kHospitalised:
      // Not seen, but where they are is known: the register says so and the sweep leaves them be.
      return OutcomeEffects{.new_situation = PersonSituation::kInHospital};
    case VisitOutcome::kNotFound:
      return OutcomeEffects{};
    case VisitOutcome::kDeceased:
      return OutcomeEffects{.new_situation = PersonSituation::kDeceased, .end_enrolment = true};
  }
  return OutcomeEffects{};
}

}  // namespace lien::calls
