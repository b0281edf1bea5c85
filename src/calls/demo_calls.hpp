#pragma once
// The call platform of `lien demo` (issue 4, "Demo"): an active wellbeing campaign with a short script, twenty
// callers on the roster, a few hundred people enrolled, the last week of calls with realistic outcomes and
// retries, a few people not reached escalated (open and closed), needs and referrals to two partners, and
// inbound requests. Pure values made from a seed and a day; demo_calls_store.hpp writes them. Same seed and
// same day, same history. Persons and accounts are given by index (the store maps them to ids).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

struct DemoQuestion {
  std::string prompt;
  std::string answer_kind;  ///< yes_no, scale
  std::string raises_need;
  std::string raises_on;
};

struct DemoCallerDuty {
  std::string weekdays;  ///< "1,2,3,4,5"
  std::string shift_start;
  std::string shift_end;
  int calls_per_shift = 20;
  std::optional<std::pair<std::string, std::string>> absence;  ///< from_day, until_day (inclusive)
};

struct DemoEmergencyContact {
  std::string name;
  std::string relation;
  std::string phone;
};

struct DemoEnrolment {
  std::size_t person = 0;
  std::size_t caller = 0;
  std::string window_start;
  std::string window_end;
  int priority = 0;
  bool lives_alone = false;
  bool no_family = false;
  std::vector<DemoEmergencyContact> contacts;
  core::EpochMillis enrolled_at = 0;
  std::optional<core::EpochMillis> last_attempt_at;
  std::optional<core::EpochMillis> last_reached_at;
};

struct DemoCall {
  std::size_t enrolment = 0;
  CallOutcome outcome = CallOutcome::kReached;
  core::EpochMillis started_at = 0;
  int duration_seconds = 0;
  bool worrying = false;
  std::string notes;
};

struct DemoEscalation {
  std::size_t enrolment = 0;
  core::EpochMillis raised_at = 0;
  std::optional<core::EpochMillis> contacts_tried_at;
  std::string contacts_outcome;
  std::optional<core::EpochMillis> visit_assigned_at;
  std::string visit_assignee_name;
  std::optional<core::EpochMillis> closed_at;  ///< with visit_outcome
  std::string visit_outcome;
  std::string visit_notes;
};

struct DemoNeed {
  std::size_t call = 0;  ///< the call that raised it
  std::string kind;
  std::string urgency;
  std::string notes;
  /// A referral made of it, if any: service, state, partner index (0 charity, 1 home help) or none.
  std::optional<std::string> referral_service;
  std::string referral_state;
  std::optional<std::size_t> referral_partner;
  bool closed = false;  ///< the need was met without a referral
};

struct DemoPartner {
  std::string name;
  std::string service;
  std::string email;
  std::string phone;
};

struct DemoInbound {
  core::EpochMillis received_at = 0;
  std::optional<std::size_t> enrolment;  ///< about an enrolled person, or a new contact
  std::string contact_name;
  std::string contact_phone;
  std::string contact_relation;  ///< self, relative, neighbour, professional
  std::string topic;
  std::string urgency;
  std::string queue;
  std::string state;  ///< new, assigned, closed
  std::string notes;
};

struct DemoCallsPlan {
  std::string campaign_starts_on;  ///< 'YYYY-MM-DD'
  std::vector<DemoQuestion> questions;
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
