#pragma once
// The call platform of `lien demo` (issue 4, "Demo"): an active wellbeing campaign with a short script, twenty
// callers on the roster, a few hundred people enrolled, the last week of calls with realistic outcomes and
// retries, a few people not reached escalated (open and closed), needs and referrals to two partners, and
// inbound requests. Pure values made from a seed and a day; demo_calls_store.hpp writes them through the
// stores' own functions. Same seed and same day, same history (whatever the hour: nothing happens after the
// midnight starting that day). Persons and accounts are given by index (the store maps them to ids).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calls/campaign_model.hpp"
#include "calls/escalation_workflow.hpp"
#include "calls/inbound_rules.hpp"
#include "calls/schedule_model.hpp"
#include "core/clock.hpp"

namespace lien::calls {

inline constexpr const char* kDemoCampaignName = "Appels de convivialité — été";

struct DemoCallsOptions {
  std::uint64_t seed = 2026;
  std::chrono::local_days today;  ///< Paris day the demo is made: the history is the week before it
  std::size_t persons = 0;        ///< persons the store can enrol (index 0 … persons-1, in a stable order)
  std::size_t callers = 20;       ///< caller accounts (index 0 … callers-1)
  std::size_t enrolments = 300;   ///< at most `persons`
};

struct DemoCallerDuty {
  WeekdaySet weekdays;
  LocalWindow shift;
  int calls_per_shift = 20;
  std::optional<std::pair<std::chrono::local_days, std::chrono::local_days>> absence;  ///< from, until (included)
};

struct DemoEmergencyContact {
  std::string name;
  std::string relation;
  std::string phone;  ///< as typed ("06 12 34 56 78"); the store keeps it in E.164
};

/// A person enrolled by hand by the coordinator, with the follow-up profile written first.
struct DemoEnrolment {
  std::size_t person = 0;
  std::size_t caller = 0;  ///< the usual caller: the least loaded of those whose shift overlaps the window
  LocalWindow window;      ///< agreed with the person, also their preference in the profile
  bool lives_alone = false;
  bool no_family = false;
  std::vector<DemoEmergencyContact> contacts;
  core::EpochMillis enrolled_at = 0;
};

/// A call as the calling screen records it (call_store's RecordCall with the outcome's decision). After an
/// outcome that pauses the enrolment (in hospital, away) the person gets no more calls.
struct DemoCall {
  std::size_t enrolment = 0;
  std::size_t caller = 0;  ///< the usual caller, or a stand-in on duty when they are off (caller_assignment.hpp)
  CallOutcome outcome = CallOutcome::kReached;
  core::EpochMillis started_at = 0;
  int duration_seconds = 0;
  bool worrying = false;
  std::string notes;
};

/// An escalation raised as the sweep raises it, then taken through the workflow's steps at their instants.
struct DemoEscalation {
  std::size_t enrolment = 0;
  core::EpochMillis raised_at = 0;
  std::optional<core::EpochMillis> contacts_tried_at;
  std::string contacts_outcome;
  std::optional<core::EpochMillis> visit_assigned_at;
  std::string visit_assignee_name;             ///< a service named by hand
  std::optional<core::EpochMillis> closed_at;  ///< with visit_outcome
  std::optional<VisitOutcome> visit_outcome;
  std::string visit_notes;
};

/// A referral of a need and the states it went through (sent, accepted or refused, done), each at its instant.
struct DemoReferral {
  std::string service;
  std::optional<std::size_t> partner;  ///< 0 the charity, 1 the home help; none for an internal service
  int due_days = 7;                    ///< the due date: this many Paris days after it was made
  core::EpochMillis created_at = 0;
  std::vector<std::pair<std::string, core::EpochMillis>> steps;
};

struct DemoNeed {
  std::size_t call = 0;  ///< the call that raised it
  std::string kind;
  std::string urgency;
  std::string notes;
  std::optional<DemoReferral> referral;
  /// Closed by the social worker: met without a referral, or once the referral is done.
  std::optional<core::EpochMillis> closed_at;
};

struct DemoPartner {
  std::string name;
  std::string service;
  std::string email;
  std::string phone;
};

/// A call on the inbound line: recorded by the intake agent, then assigned to the social worker and maybe closed.
struct DemoInbound {
  core::EpochMillis received_at = 0;
  std::optional<std::size_t> enrolment;  ///< about an enrolled person, or a new contact
  std::string contact_name;
  std::string contact_phone;
  std::string contact_relation;  ///< self, relative, neighbour, professional
  std::string topic;
  std::vector<UrgencyAnswer> urgency_answers;  ///< the guided qualification, every question answered
  std::string queue;
  std::optional<core::EpochMillis> assigned_at;
  std::optional<core::EpochMillis> closed_at;
  std::string notes;
};

struct DemoCallsPlan {
  Campaign campaign;  ///< name, kind, period, frequency, window and timings (the store sets the rest)
  std::vector<Question> questions;
  std::vector<DemoCallerDuty> callers;
  std::vector<DemoEnrolment> enrolments;
  std::vector<DemoCall> calls;  ///< ordered by start
  std::vector<DemoEscalation> escalations;
  std::vector<DemoNeed> needs;
  std::vector<DemoPartner> partners;
  std::vector<DemoInbound> inbound;
};

/// Makes the plan. Deterministic: the same options give the same plan on every platform.
DemoCallsPlan GenerateDemoCalls(const DemoCallsOptions& options);

}  // namespace lien::calls
