#pragma once
// Escalations (issue 4, "People not reached"): which enrolments the sweep raises, and the life of an escalation
// afterwards — the coordinator tries the emergency contacts, assigns a home visit (an agent with an account, or
// a service named by hand such as the police), and the visit's outcome closes it. Plain rules on the facts the
// store reads (escalation_store.hpp); the timing itself is EscalationPolicy's (escalation_rule.hpp).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "calls/escalation_rule.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

/// open → contacts_tried → visit_assigned → closed. Trying the contacts again or reassigning the visit keeps
/// the escalation where it is; reaching the person through a contact closes it at once.
enum class EscalationState : std::uint8_t { kOpen, kContactsTried, kVisitAssigned, kClosed };
std::string_view EscalationStateName(EscalationState state);
std::optional<EscalationState> EscalationStateFromName(std::string_view name);

/// What the home visit found (docs/calls.md, vocabulary).
enum class VisitOutcome : std::uint8_t { kFoundWell, kNeedsHelp, kHospitalised, kNotFound, kDeceased };
std::string_view VisitOutcomeName(VisitOutcome outcome);
std::optional<VisitOutcome> VisitOutcomeFromName(std::string_view name);

/// The register's person status, as far as escalations care (the register's codes: "active", "away",
/// "in_hospital", "moved", "deceased").
enum class PersonSituation : std::uint8_t { kActive, kAway, kInHospital, kMoved, kDeceased };
std::optional<PersonSituation> PersonSituationFromName(std::string_view name);

/// One active enrolment of an active campaign, as the sweep reads it.
struct EscalationCandidate {
  std::int64_t enrolment_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t person_id = 0;
  EscalationPolicy policy{};  ///< the campaign's escalation_hours and escalation_min_attempts
  core::EpochMillis enrolled_at = 0;
  std::optional<core::EpochMillis> last_reached_at{};
  /// When the last escalation of this enrolment was closed: its outcome is news of the person, so the
  /// threshold counts again from there (a visit that found nobody is not followed by a new alert a minute later).
  std::optional<core::EpochMillis> last_closed_at{};
  /// Calls of this enrolment since CountingFrom (the store counts them from that instant).
  std::int32_t attempts = 0;
  /// An escalation of the person is open, under this campaign or another: one alert per person at a time.
  bool has_open_escalation = false;
  PersonSituation situation = PersonSituation::kActive;
  /// The end of an absence or a hospital stay, when known (Paris calendar day, included).
  std::optional<std::chrono::local_days> situation_until{};
};

/// The instant from which the person counts as not reached: the latest of enrolment, last reached and the last
/// escalation's close. The attempts are the calls after it (from the enrolment itself, included): the call that
/// reached the person is not an attempt after it.
core::EpochMillis CountingFrom(const EscalationCandidate& candidate);

enum class EscalationDecision : std::uint8_t {
  kRaise,
  kNotYet,            ///< reached recently, or not enough attempts (ShouldEscalate)
  kAlreadyOpen,       ///< an escalation of this enrolment is open: never a second alert
  kPersonGone,        ///< deceased or moved: nobody to visit
  kWhereaboutsKnown,  ///< away or in hospital until a day not past: not being reached at home is expected
};
std::string_view EscalationDecisionName(EscalationDecision decision);

/// The sweep's rule at `now`.
EscalationDecision DecideEscalation(const EscalationCandidate& candidate, core::EpochMillis now);

/// What an escalation's actors may do, given who they are. Errors are core::Error with the message keys of
/// messages_calls.cpp (escalations.*).
struct EscalationFacts {
  EscalationState state = EscalationState::kOpen;
  std::optional<std::int64_t> visit_assignee_id{};
};

/// Contacts tried (again): any escalation not closed. kConflict `escalations.closed`.
core::Status CheckContactsTried(const EscalationFacts& escalation);
/// A visit assigned or reassigned: any escalation not closed.
core::Status CheckVisitAssignment(const EscalationFacts& escalation);
/// The visit's outcome: recorded by the assignee or a supervisor (calls.supervise), once a visit is assigned.
/// Someone else gets kNotFound `escalations.not_found` (an assignee sees only their own visits);
/// kConflict `escalations.closed` or `escalations.no_visit_assigned`.
core::Status CheckVisitOutcome(const EscalationFacts& escalation, std::int64_t actor_id, bool actor_supervises);

/// A needs record goes with the outcome `needs_help` and with no other: kInvalidInput (field "need")
/// `escalations.need_required` or `escalations.need_only_when_needs_help`.
core::Status CheckNeedWithOutcome(VisitOutcome outcome, bool need_given);

/// What closing with an outcome changes beyond the escalation.
struct OutcomeEffects {
  bool person_reached = false;  ///< someone saw or spoke with the person: last reached, persons.last_contact_at
  std::optional<PersonSituation> new_situation{};  ///< the register's status to set
  bool propose_need = false;                       ///< a needs record is opened for the follow-up
  bool end_enrolment = false;                      ///< nobody left to call
};
OutcomeEffects EffectsOf(VisitOutcome outcome);

}  // namespace lien::calls
