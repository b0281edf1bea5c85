#include "calls/demo_calls_store.hpp"

#include <algorithm>
#include <string>

#include "calls/agreed_window.hpp"
#include "calls/demo_calls.hpp"
#include "calls/need_store.hpp"
#include "calls/schedule_text.hpp"
#include "register/person_rules.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

constexpr int kCandidatePersons = 600;
constexpr int kSearchPage = 100;
constexpr core::EpochMillis kMinute = 60'000;
constexpr core::EpochMillis kHour = 60 * kMinute;

db::Value Optional(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

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

std::int64_t InsertCampaign(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                            core::EpochMillis created_at) {
  const auto id = connection
                      .QueryOne(
                          "INSERT INTO campaigns (name, kind, status, starts_on, target, frequency_days, weekdays, "
                          "window_start, window_end, retry_delay_minutes, max_attempts_per_day, escalation_hours, "
                          "escalation_min_attempts, created_at, created_by, updated_at, updated_by) "
                          "VALUES (?, 'wellbeing', 'active', ?, '{}', 3, '', '09:00', '17:00', 90, 3, 72, 3, ?, ?, ?, "
                          "?) RETURNING id",
                          {std::string(kDemoCampaignName), plan.campaign_starts_on, created_at, accounts.coordinator,
                           created_at, accounts.coordinator})
                      ->Int(0);
  std::int64_t position = 1;
  for (const DemoQuestion& question : plan.questions) {
    connection.Execute(
        "INSERT INTO campaign_questions (campaign_id, position, prompt, answer_kind, raises_need, raises_on) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {id, position++, question.prompt, question.answer_kind, question.raises_need, question.raises_on});
  }
  return id;
}

void InsertCallers(db::Connection& connection, const DemoCallsPlan& plan, const DemoCallsAccounts& accounts,
                   core::EpochMillis now, DemoCallsCounts& counts) {
  for (std::size_t i = 0; i < plan.callers.size() && i < accounts.callers.size(); ++i) {
    const DemoCallerDuty& duty = plan.callers[i];
    const std::int64_t user = accounts.callers[i];
    if (connection.QueryOne("SELECT 1 FROM callers WHERE user_id = ?", {user})) continue;
    connection.Execute(
        "INSERT INTO callers (user_id, weekdays, shift_start, shift_end, calls_per_shift, active, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 1, ?)",
        {user, duty.weekdays, duty.shift_start, duty.shift_end, std::int64_t{duty.calls_per_shift}, now});
    ++counts.callers;
    if (duty.absence) {
      connection.Execute(
          "INSERT INTO caller_absences (user_id, from_day, until_day, reason, created_at, created_by) "
          "VALUES (?, ?, ?, 'Congés', ?, ?)",
          {user, duty.absence->first, duty.absence->second, now, accounts.coordinator});
    }
  }
}

// The enrolments with the people's follow-up profile and emergency contacts (the profile is kept when the
// person already has one).
std::vector<std::int64_t> InsertEnrolments(db::Connection& connection, const DemoCallsPlan& plan,
                                           const std::vector<std::int64_t>& persons, std::int64_t campaign,
                                           const DemoCallsAccounts& accounts, core::EpochMillis now,
                                           DemoCallsCounts& counts) {
  std::vector<std::int64_t> ids;
  ids.reserve(plan.enrolments.size());
  for (const DemoEnrolment& enrolment : plan.enrolments) {
    const std::int64_t person = persons[enrolment.person];
    const std::optional<std::int64_t> caller =
        enrolment.caller < accounts.callers.size() ? std::optional(accounts.callers[enrolment.caller]) : std::nullopt;
    ids.push_back(
        connection
            .QueryOne("INSERT INTO enrolments (campaign_id, person_id, state, source, caller_id, window_start, "
                      "window_end, priority, enrolled_at, enrolled_by, last_attempt_at, last_reached_at) "
                      "VALUES (?, ?, 'active', 'manual', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {campaign, person, Optional(caller), enrolment.window_start, enrolment.window_end,
                       std::int64_t{enrolment.priority}, enrolment.enrolled_at, accounts.coordinator,
                       Optional(enrolment.last_attempt_at), Optional(enrolment.last_reached_at)})
            ->Int(0));
    ++counts.enrolments;
    if (connection.QueryOne("SELECT 1 FROM follow_up_profiles WHERE person_id = ?", {person})) continue;
    connection.Execute(
        "INSERT INTO follow_up_profiles (person_id, lives_alone, no_family, preferred_window_start, "
        "preferred_window_end, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {person, std::int64_t{enrolment.lives_alone}, std::int64_t{enrolment.no_family}, enrolment.window_start,
         enrolment.window_end, now, accounts.coordinator});
    std::int64_t position = 1;
    for (const DemoEmergencyContact& contact : enrolment.contacts) {
      connection.Execute(
          "INSERT INTO emergency_contacts (person_id, position, name, relation, phone) VALUES (?, ?, ?, ?, ?)",
          {person, position++, contact.name, contact.relation, contact.phone});
      ++counts.emergency_contacts;
    }
  }
  return ids;
}

std::vector<std::int64_t> InsertCalls(db::Connection& connection, const DemoCallsPlan& plan,
                                      const std::vector<std::int64_t>& enrolment_ids,
                                      const std::vector<std::int64_t>& persons, std::int64_t campaign,
                                      const DemoCallsAccounts& accounts, DemoCallsCounts& counts) {
  std::vector<std::int64_t> ids;
  ids.reserve(plan.calls.size());
  for (const DemoCall& call : plan.calls) {
    const DemoEnrolment& enrolment = plan.enrolments[call.enrolment];
    const std::optional<std::int64_t> caller =
        enrolment.caller < accounts.callers.size() ? std::optional(accounts.callers[enrolment.caller]) : std::nullopt;
    ids.push_back(
        connection
            .QueryOne("INSERT INTO calls (enrolment_id, campaign_id, person_id, caller_id, outcome, started_at, "
                      "duration_seconds, worrying, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "RETURNING id",
                      {enrolment_ids[call.enrolment], campaign, persons[enrolment.person], Optional(caller),
                       std::string(CallOutcomeName(call.outcome)), call.started_at, std::int64_t{call.duration_seconds},
                       std::int64_t{call.worrying}, call.notes, call.started_at + call.duration_seconds * 1000})
            ->Int(0));
    ++counts.calls;
    if (call.outcome == CallOutcome::kReached) ++counts.reached;
  }
  return ids;
}

void InsertEscalations(db::Connection& connection, const DemoCallsPlan& plan,
                       const std::vector<std::int64_t>& enrolment_ids, const std::vector<std::int64_t>& persons,
                       std::int64_t campaign, const DemoCallsAccounts& accounts, DemoCallsCounts& counts) {
  for (const DemoEscalation& escalation : plan.escalations) {
    const std::int64_t enrolment = enrolment_ids[escalation.enrolment];
    const bool closed = escalation.closed_at.has_value();
    const char* state = closed                         ? "closed"
                        : escalation.visit_assigned_at ? "visit_assigned"
                        : escalation.contacts_tried_at ? "contacts_tried"
                                                       : "open";
    connection.Execute(
        "INSERT INTO escalations (enrolment_id, campaign_id, person_id, state, open_key, raised_at, reason, "
        "contacts_tried_at, contacts_outcome, visit_assignee_name, visit_assigned_at, visit_outcome, visit_notes, "
        "closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, 'not_reached', ?, ?, ?, ?, ?, ?, ?, ?)",
        {enrolment, campaign, persons[plan.enrolments[escalation.enrolment].person], std::string(state),
         closed ? db::Value(std::monostate{}) : db::Value(enrolment), escalation.raised_at,
         Optional(escalation.contacts_tried_at), escalation.contacts_outcome, escalation.visit_assignee_name,
         Optional(escalation.visit_assigned_at), escalation.visit_outcome, escalation.visit_notes,
         Optional(escalation.closed_at), closed ? db::Value(accounts.coordinator) : db::Value(std::monostate{})});
    ++(closed ? counts.escalations_closed : counts.escalations_open);
  }
}

std::vector<std::int64_t> InsertPartners(db::Connection& connection, const DemoCallsPlan& plan,
                                         const DemoCallsAccounts& accounts, core::EpochMillis now,
                                         DemoCallsCounts& counts) {
  std::vector<std::int64_t> ids;
  for (const DemoPartner& partner : plan.partners) {
    ids.push_back(connection
                      .QueryOne("INSERT INTO partners (name, service, email, phone, active, created_at) "
                                "VALUES (?, ?, ?, ?, 1, ?) RETURNING id",
                                {partner.name, partner.service, partner.email, partner.phone, now})
                      ->Int(0));
    ++counts.partners;
  }
  if (accounts.partner != 0 && !ids.empty() &&
      !connection.QueryOne("SELECT 1 FROM partner_members WHERE user_id = ?", {accounts.partner})) {
    connection.Execute("INSERT INTO partner_members (user_id, partner_id) VALUES (?, ?)", {accounts.partner, ids[0]});
  }
  return ids;
}

// Needs through the needs' store (as the calling screen records them), then their referral and state.
void InsertNeeds(db::Connection& connection, const DemoCallsPlan& plan, const std::vector<std::int64_t>& call_ids,
                 const std::vector<std::int64_t>& persons, const std::vector<std::int64_t>& partner_ids,
                 const DemoCallsAccounts& accounts, core::EpochMillis now, DemoCallsCounts& counts) {
  for (const DemoNeed& demo : plan.needs) {
    const DemoCall& call = plan.calls[demo.call];
    const DemoEnrolment& enrolment = plan.enrolments[call.enrolment];
    NeedDraft draft;
    draft.person_id = persons[enrolment.person];
    draft.source = std::string(kNeedFromCall);
    draft.call_id = call_ids[demo.call];
    draft.kind = demo.kind;
    draft.urgency = demo.urgency;
    draft.notes = demo.notes;
    const core::EpochMillis at = call.started_at + call.duration_seconds * 1000;
    const std::optional<std::int64_t> caller =
        enrolment.caller < accounts.callers.size() ? std::optional(accounts.callers[enrolment.caller]) : std::nullopt;
    auto need = CreateNeed(connection, draft, caller, at);
    if (!need) continue;  // the plan only makes valid drafts; a refusal here would be a bug in the plan
    ++counts.needs;
    if (demo.closed) MoveNeedState(connection, need->id, kNeedClosed, accounts.social_worker, at + 24 * kHour);
    if (!demo.referral_service) continue;
    const std::string& state = demo.referral_state;
    const core::EpochMillis created = at + 2 * kHour;
    const bool sent = state != "proposed";
    const bool answered = state == "accepted" || state == "refused" || state == "done";
    const std::optional<std::int64_t> partner = demo.referral_partner && *demo.referral_partner < partner_ids.size()
                                                    ? std::optional(partner_ids[*demo.referral_partner])
                                                    : std::nullopt;
    connection.Execute(
        "INSERT INTO referrals (need_id, person_id, service, partner_id, state, due_on, notes, created_at, "
        "created_by, sent_at, answered_at, done_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {need->id, draft.person_id, *demo.referral_service, Optional(partner), state,
         FormatCalendarDay(ParisDayOf(created + 7 * 24 * kHour)), demo.notes, created, accounts.social_worker,
         sent ? db::Value(created + kHour) : db::Value(std::monostate{}),
         answered ? db::Value(created + 26 * kHour) : db::Value(std::monostate{}),
         state == "done" ? db::Value(created + 50 * kHour) : db::Value(std::monostate{}),
         std::min(now, created + 50 * kHour)});
    ++counts.referrals;
    if (state == "refused") continue;  // the need stays open: someone finds another way
    MoveNeedState(connection, need->id, state == "done" ? kNeedClosed : kNeedReferred, accounts.social_worker, created);
  }
}

void InsertInbound(db::Connection& connection, const DemoCallsPlan& plan, const std::vector<std::int64_t>& persons,
                   const DemoCallsAccounts& accounts, DemoCallsCounts& counts) {
  for (const DemoInbound& inbound : plan.inbound) {
    const std::optional<std::int64_t> person =
        inbound.enrolment ? std::optional(persons[plan.enrolments[*inbound.enrolment].person]) : std::nullopt;
    const bool assigned = inbound.state != "new";
    const bool closed = inbound.state == "closed";
    connection.Execute(
        "INSERT INTO inbound_requests (received_at, taken_by, person_id, contact_name, contact_phone, "
        "contact_relation, topic, urgency, queue, assignee_id, state, notes, closed_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {inbound.received_at, accounts.intake, Optional(person), inbound.contact_name, inbound.contact_phone,
         inbound.contact_relation, inbound.topic, inbound.urgency, inbound.queue,
         assigned ? db::Value(accounts.social_worker) : db::Value(std::monostate{}), inbound.state, inbound.notes,
         closed ? db::Value(inbound.received_at + 20 * kMinute) : db::Value(std::monostate{}),
         inbound.received_at + (closed ? 20 * kMinute : 0)});
    ++counts.inbound;
  }
}

}  // namespace

DemoCallsCounts StoreDemoCalls(db::Connection& connection, const DemoCallsAccounts& accounts, std::uint64_t seed,
                               core::EpochMillis now) {
  DemoCallsCounts counts;
  if (connection.QueryOne("SELECT 1 FROM campaigns WHERE name = ?", {std::string(kDemoCampaignName)})) {
    counts.already_filled = true;
    return counts;
  }
  const std::vector<std::int64_t> persons = Candidates(connection, now);
  DemoCallsOptions options;
  options.seed = seed;
  options.today = ParisDayOf(now);
  options.persons = persons.size();
  options.callers = accounts.callers.size();
  const DemoCallsPlan plan = GenerateDemoCalls(options);

  const core::EpochMillis created_at = ParisMidnight(options.today - std::chrono::days{21}) + 8 * kHour;
  const std::int64_t campaign = InsertCampaign(connection, plan, accounts, created_at);
  counts.campaigns = 1;
  counts.questions = static_cast<std::int64_t>(plan.questions.size());
  InsertCallers(connection, plan, accounts, created_at, counts);
  const auto enrolment_ids = InsertEnrolments(connection, plan, persons, campaign, accounts, created_at, counts);
  const auto call_ids = InsertCalls(connection, plan, enrolment_ids, persons, campaign, accounts, counts);
  InsertEscalations(connection, plan, enrolment_ids, persons, campaign, accounts, counts);
  const auto partner_ids = InsertPartners(connection, plan, accounts, created_at, counts);
  InsertNeeds(connection, plan, call_ids, persons, partner_ids, accounts, now, counts);
  InsertInbound(connection, plan, persons, accounts, counts);
  return counts;
}

}  // namespace lien::calls
