#include "calls/demo_calls_store.hpp"

#include <algorithm>
#include <string>

#include "auth/store.hpp"
#include "calls/agreed_window.hpp"
#include "calls/call_outcome_rules.hpp"
#include "calls/call_store.hpp"
#include "calls/caller_roster_store.hpp"
#include "calls/campaign_activation.hpp"
#include "calls/campaign_rules.hpp"
#include "calls/campaign_store.hpp"
#include "calls/demo_calls.hpp"
#include "calls/enrolment_store.hpp"
#include "calls/escalation_actions.hpp"
#include "calls/escalation_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "calls/inbound_store.hpp"
#include "calls/need_store.hpp"
#include "calls/partner_store.hpp"
#include "calls/referral_store.hpp"
#include "calls/schedule_text.hpp"
#include "register/person_rules.hpp"
#include "register/person_store.hpp"
#include "register/register_entry_model.hpp"

namespace lien::calls {
namespace {

constexpr int kCandidatePersons = 600;
constexpr int kSearchPage = 100;
constexpr core::EpochMillis kHour = 3'600'000;

// Every step goes through the function the application's own route calls, with the checks that route makes
// first; a refusal is a plan the application would not accept, and rolls the whole demo back.
template <class T>
core::Status StatusOf(const core::Result<T>& result) {
  if (result) return {};
  return core::Fail(result.error());
}

// The ids the plan's indexes stand for, as the steps store them.
struct Stored {
  std::vector<std::int64_t> persons;
  CampaignId campaign = 0;
  std::vector<EnrolmentForCall> enrolments;
  std::vector<std::int64_t> calls;
  std::vector<std::int64_t> partners;
};

// Active persons aged 70 or more, in the register's name order (stable for a given town).
std::vector<std::int64_t> Candidates(db::Connection& connection, core::EpochMillis now) {
  registry::PersonQuery query;
  query.statuses = {registry::PersonStatus::kActive};
  query.age_min = 70;
  query.today = registry::DayOf(now);
  query.limit = kSearchPage;
  std::vector<std::int64_t> ids;
  while (static_cast<int>(ids.size()) < kCandidatePersons) {
    const registry::PersonPage page = registry::SearchPersons(connection, query);
    for (const auto& person : page.items) ids.push_back(person.id);
    if (!page.has_more || page.items.empty()) break;
    query.offset += static_cast<int>(page.items.size());
  }
  if (static_cast<int>(ids.size()) > kCandidatePersons) ids.resize(kCandidatePersons);
  return ids;
}

bool HasDemoCampaign(db::Connection& connection) {
  const auto campaigns = ListCampaigns(connection, std::nullopt);
  return std::any_of(campaigns.begin(), campaigns.end(),
                     [](const CampaignListItem& item) { return item.campaign.name == kDemoCampaignName; });
}

std::int64_t CallerAccount(const DemoCallsAccounts& accounts, std::size_t caller) {
  return caller < accounts.callers.size() ? accounts.callers[caller] : accounts.coordinator;
}

// As the coordinator makes it: a draft, its script, then activated. Its target selects nobody: the people are
// enrolled by hand (AddEnrolments).
core::Result<CampaignId> AddCampaign(db::Connection& connection, const DemoCallsPlan& plan,
                                     const DemoCallsAccounts& accounts, core::EpochMillis at) {
  if (auto ok = ValidateCampaign(plan.campaign, registry::RegisterGrounds()); !ok) return core::Fail(ok.error());
  if (auto ok = ValidateScript(plan.questions); !ok) return core::Fail(ok.error());
  const Campaign draft = InsertCampaign(connection, plan.campaign, accounts.coordinator, at);
  auto scripted = ReplaceQuestions(connection, draft.id, plan.questions, draft.version, accounts.coordinator, at);
  if (!scripted) return core::Fail(scripted.error());
  auto activated = ActivateCampaign(connection, draft.id, scripted->version, accounts.coordinator, at);
  if (!activated) return core::Fail(activated.error());
  return draft.id;
}

// The roster: callers already on it are left as they are.
core::Status AddCallers(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                        core::EpochMillis at, DemoCallsCounts& counts) {
  for (std::size_t i = 0; i < plan.callers.size() && i < accounts.callers.size(); ++i) {
    const DemoCallerDuty& demo = plan.callers[i];
    const CallerId user = accounts.callers[i];
    if (LoadCaller(connection, user, ParisDayOf(at))) continue;
    CallerDuty duty;
    duty.user_id = user;
    duty.weekdays = demo.weekdays;
    duty.shift = demo.shift;
    duty.calls_per_shift = demo.calls_per_shift;
    if (auto ok = ValidateCallerDuty(duty); !ok) return ok;
    if (auto saved = StatusOf(SaveCallerDuty(connection, duty, std::nullopt, at)); !saved) return saved;
    ++counts.callers;
    if (!demo.absence) continue;
    CallerAbsence absence;
    absence.user_id = user;
    absence.from_day = std::chrono::year_month_day{demo.absence->first};
    absence.until_day = std::chrono::year_month_day{demo.absence->second};
    absence.reason = "Congés";
    if (auto ok = ValidateAbsence(absence); !ok) return ok;
    if (auto added = StatusOf(AddAbsence(connection, absence, accounts.coordinator, at)); !added) return added;
  }
  return {};
}

// The follow-up profile and emergency contacts, unless the person has a profile already.
core::Status AddProfile(db::Connection& connection, const DemoEnrolment& demo, PersonId person,
                        const DemoCallsAccounts& accounts, DemoCallsCounts& counts) {
  if (LoadFollowUpProfile(connection, person)) return {};
  FollowUpProfile profile;
  profile.person_id = person;
  profile.lives_alone = demo.lives_alone;
  profile.no_family = demo.no_family;
  profile.preferred_window = demo.window;
  if (auto ok = ValidateFollowUpProfile(profile); !ok) return ok;
  std::vector<EmergencyContact> contacts;
  for (const DemoEmergencyContact& contact : demo.contacts) {
    contacts.push_back(EmergencyContact{.name = contact.name, .relation = contact.relation, .phone = contact.phone});
  }
  if (auto ok = NormaliseEmergencyContacts(contacts); !ok) return ok;
  auto saved = SaveFollowUpProfile(connection, profile, std::nullopt, false, accounts.coordinator, demo.enrolled_at);
  if (!saved) return core::Fail(saved.error());
  ReplaceEmergencyContacts(connection, person, contacts);
  counts.emergency_contacts += static_cast<std::int64_t>(contacts.size());
  return {};
}

// Each person added by hand on the enrolments' page, with the agreed window and the usual caller; the
// priority is the store's (the profile is written first, so living alone counts).
core::Status AddEnrolments(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                           Stored& stored, DemoCallsCounts& counts) {
  for (const DemoEnrolment& demo : plan.enrolments) {
    const PersonId person = stored.persons[demo.person];
    if (auto ok = AddProfile(connection, demo, person, accounts, counts); !ok) return ok;
    EnrolmentAgreement agreement;
    agreement.schedule.window = demo.window;
    if (demo.caller < accounts.callers.size()) agreement.caller_id = accounts.callers[demo.caller];
    auto added = AddEnrolment(connection, stored.campaign, person, agreement, accounts.coordinator, demo.enrolled_at);
    if (!added) return core::Fail(added.error());
    stored.enrolments.push_back(*LoadEnrolmentById(connection, added->id));
    ++counts.enrolments;
  }
  return {};
}

// Each call as POST /api/v1/calls records it without a worklist item: the outcome's decision from the attempts
// of that Paris day, then RecordCall (the enrolment's last attempt and last reached, the pause, the priority,
// and the person's last contact through the register). In order of time, as they were made.
void AddCalls(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts, Stored& stored,
              DemoCallsCounts& counts) {
  stored.calls.reserve(plan.calls.size());
  for (const DemoCall& call : plan.calls) {
    const EnrolmentForCall& enrolment = stored.enrolments[call.enrolment];
    const ParisDay day(ParisDayOf(call.started_at), 1);
    const std::int32_t attempts_before = CallsOfEnrolmentBetween(connection, enrolment.id, day.Start(), day.End());
    const OutcomeDecision decision =
        DecideOutcome(call.outcome, call.started_at, attempts_before, enrolment.policy, day.End());
    NewCall record{.enrolment = &enrolment,
                   .item = nullptr,
                   .caller_id = CallerAccount(accounts, call.caller),
                   .outcome = call.outcome,
                   .duration_seconds = call.duration_seconds,
                   .notes = call.notes,
                   .answers_json = "[]",
                   .worrying = call.worrying,
                   .at = call.started_at};
    stored.calls.push_back(RecordCall(connection, record, decision));
    ++counts.calls;
    if (call.outcome == CallOutcome::kReached) ++counts.reached;
  }
}

// Raised as the sweep raises them, then taken through the workflow by the coordinator, step by step.
core::Status AddEscalations(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                            const Stored& stored, DemoCallsCounts& counts) {
  const auto coordinator = auth::store::FindUserById(connection, accounts.coordinator);
  const EscalationActor actor{accounts.coordinator, coordinator ? coordinator->login : std::string(), true};
  for (const DemoEscalation& demo : plan.escalations) {
    const EnrolmentForCall& enrolment = stored.enrolments[demo.enrolment];
    EscalationCandidate candidate;
    candidate.enrolment_id = enrolment.id;
    candidate.campaign_id = enrolment.campaign_id;
    candidate.person_id = enrolment.person_id;
    const auto id = InsertEscalation(connection, candidate, demo.raised_at, "not_reached");
    if (!id) continue;  // one open already: cannot happen on the campaign just made
    std::int64_t version = 1;
    if (demo.contacts_tried_at) {
      auto tried =
          RecordContactsTried(connection, *id, version, demo.contacts_outcome, false, actor, *demo.contacts_tried_at);
      if (!tried) return core::Fail(tried.error());
      version = tried->version;
    }
    if (demo.visit_assigned_at) {
      const VisitAssignment visit{std::nullopt, demo.visit_assignee_name, ""};
      auto assigned = AssignVisit(connection, *id, version, visit, actor, *demo.visit_assigned_at);
      if (!assigned) return core::Fail(assigned.error());
      version = assigned->version;
    }
    if (demo.closed_at && demo.visit_outcome) {
      auto closed = RecordVisitOutcome(connection, *id, version, *demo.visit_outcome, demo.visit_notes, std::nullopt,
                                       actor, *demo.closed_at);
      if (!closed) return core::Fail(closed.error());
      ++counts.escalations_closed;
    } else {
      ++counts.escalations_open;
    }
  }
  return {};
}

// The partners as the administration adds them; the demo's partner account acts for the charity.
core::Status AddPartners(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                         core::EpochMillis at, Stored& stored, DemoCallsCounts& counts) {
  for (const DemoPartner& demo : plan.partners) {
    auto draft = NormalisePartner(PartnerDraft{demo.name, demo.service, demo.email, demo.phone, true});
    if (!draft) return core::Fail(draft.error());
    stored.partners.push_back(CreatePartner(connection, *draft, at).id);
    ++counts.partners;
  }
  if (accounts.partner == 0 || stored.partners.empty() || PartnerOfAccount(connection, accounts.partner)) return {};
  const auto account = auth::store::FindUserById(connection, accounts.partner);
  if (!account) return {};
  return StatusOf(AddMember(connection, stored.partners.front(), account->login));
}

// A referral made by the social worker, then moved through its states at their instants.
core::Status AddReferral(db::Connection& connection, const DemoReferral& demo, std::int64_t need_id,
                         const std::string& notes, const DemoCallsAccounts& accounts, const Stored& stored) {
  ReferralDraft draft;
  draft.need_id = need_id;
  draft.service = demo.service;
  if (demo.partner && *demo.partner < stored.partners.size()) draft.partner_id = stored.partners[*demo.partner];
  draft.due_on = FormatCalendarDay(ParisDayOf(demo.created_at) + std::chrono::days{demo.due_days});
  draft.notes = notes;
  auto referral =
      CreateReferral(connection, draft, accounts.social_worker, demo.created_at, ParisIsoDay(demo.created_at));
  if (!referral) return core::Fail(referral.error());
  std::int64_t version = referral->version;
  for (const auto& [state, at] : demo.steps) {
    ReferralChange change;
    change.state = state;
    auto changed = ChangeReferral(connection, referral->id, version, change, ReferralActor::kPlatform,
                                  accounts.social_worker, at, ParisIsoDay(at));
    if (!changed) return core::Fail(changed.error());
    version = changed->version;
  }
  return {};
}

// Needs recorded from their call by its caller, as the calling screen records them; their referrals and
// closing by the social worker.
core::Status AddNeeds(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                      const Stored& stored, DemoCallsCounts& counts) {
  for (const DemoNeed& demo : plan.needs) {
    const DemoCall& call = plan.calls[demo.call];
    NeedDraft draft;
    draft.person_id = stored.enrolments[call.enrolment].person_id;
    draft.source = std::string(kNeedFromCall);
    draft.call_id = stored.calls[demo.call];
    draft.kind = demo.kind;
    draft.urgency = demo.urgency;
    draft.notes = demo.notes;
    const core::EpochMillis recorded = call.started_at + call.duration_seconds * 1000;
    auto need = CreateNeed(connection, draft, CallerAccount(accounts, call.caller), recorded);
    if (!need) return core::Fail(need.error());
    ++counts.needs;
    if (demo.referral) {
      if (auto ok = AddReferral(connection, *demo.referral, need->id, demo.notes, accounts, stored); !ok) return ok;
      ++counts.referrals;
    }
    if (demo.closed_at) {
      NeedChange change;
      change.state = std::string(kNeedClosed);
      const auto current = LoadNeed(connection, need->id);
      auto closed = UpdateNeed(connection, need->id, current->version, change, accounts.social_worker, *demo.closed_at);
      if (!closed) return core::Fail(closed.error());
    }
  }
  return {};
}

// Taken by the intake agent, qualified by the guided questions, then assigned to the social worker and closed.
core::Status AddInbound(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                        const Stored& stored, DemoCallsCounts& counts) {
  for (const DemoInbound& demo : plan.inbound) {
    InboundDraft draft;
    if (demo.enrolment) draft.person_id = stored.enrolments[*demo.enrolment].person_id;
    draft.contact_name = demo.contact_name;
    draft.contact_phone = demo.contact_phone;
    draft.contact_relation = demo.contact_relation;
    draft.topic = demo.topic;
    draft.urgency_answers = demo.urgency_answers;
    draft.queue = demo.queue;
    draft.notes = demo.notes;
    auto record = BuildInboundRecord(draft, demo.received_at);
    if (!record) return core::Fail(record.error());
    auto request = CreateInboundRequest(connection, *record, accounts.intake, demo.received_at);
    if (!request) return core::Fail(request.error());
    if (demo.assigned_at) {
      InboundChange change;
      change.assignee_id = std::optional<std::int64_t>(accounts.social_worker);
      request = ChangeInboundRequest(connection, request->id, request->version, change, *demo.assigned_at);
      if (!request) return core::Fail(request.error());
    }
    if (demo.closed_at) {
      InboundChange change;
      change.state = std::string(kInboundClosed);
      request = ChangeInboundRequest(connection, request->id, request->version, change, *demo.closed_at);
      if (!request) return core::Fail(request.error());
    }
    ++counts.inbound;
  }
  return {};
}

}  // namespace

core::Result<DemoCallsCounts> StoreDemoCalls(db::Connection& connection, const DemoCallsAccounts& accounts,
                                             std::uint64_t seed, core::EpochMillis now) {
  DemoCallsCounts counts;
  if (HasDemoCampaign(connection)) {
    counts.already_filled = true;
    return counts;
  }
  Stored stored;
  stored.persons = Candidates(connection, now);
  DemoCallsOptions options;
  options.seed = seed;
  options.today = ParisDayOf(now);
  options.persons = stored.persons.size();
  options.callers = accounts.callers.size();
  const DemoCallsPlan plan = GenerateDemoCalls(options);

  // Three weeks ago, the morning the campaign started.
  const core::EpochMillis created_at = ParisMidnight(options.today - std::chrono::days{21}) + 8 * kHour;
  auto campaign = AddCampaign(connection, plan, accounts, created_at);
  if (!campaign) return core::Fail(campaign.error());
  stored.campaign = *campaign;
  counts.campaigns = 1;
  counts.questions = static_cast<std::int64_t>(plan.questions.size());
  if (auto ok = AddCallers(connection, plan, accounts, created_at, counts); !ok) return core::Fail(ok.error());
  if (auto ok = AddEnrolments(connection, plan, accounts, stored, counts); !ok) return core::Fail(ok.error());
  AddCalls(connection, plan, accounts, stored, counts);
  if (auto ok = AddEscalations(connection, plan, accounts, stored, counts); !ok) return core::Fail(ok.error());
  if (auto ok = AddPartners(connection, plan, accounts, created_at, stored, counts); !ok) {
    return core::Fail(ok.error());
  }
  if (auto ok = AddNeeds(connection, plan, accounts, stored, counts); !ok) return core::Fail(ok.error());
  if (auto ok = AddInbound(connection, plan, accounts, stored, counts); !ok) return core::Fail(ok.error());
  return counts;
}

}  // namespace lien::calls
