#include "calls/call_store.hpp"

#include <algorithm>

#include "calls/enrolment_store.hpp"
#include "calls/schedule_text.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

constexpr std::size_t kExcerptBytes = 200;

std::string Excerpt(const std::string& text) {
  if (text.size() <= kExcerptBytes) return text;
  std::size_t cut = kExcerptBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

constexpr std::string_view kEnrolmentColumns =
    "e.id, e.person_id, e.campaign_id, e.state, k.retry_delay_minutes, k.max_attempts_per_day "
    "FROM enrolments e JOIN campaigns k ON k.id = e.campaign_id ";

EnrolmentForCall ReadEnrolment(const db::Row& row) {
  return EnrolmentForCall{
      row.Int(0), row.Int(1), row.Int(2), row.Text(3),
      CampaignRetryPolicyOf(static_cast<std::int32_t>(row.Int(4)), static_cast<std::int32_t>(row.Int(5)))};
}

}  // namespace

std::optional<EnrolmentForCall> LoadEnrolmentForCall(db::Connection& connection, std::int64_t person_id,
                                                     std::int64_t campaign_id) {
  auto row =
      connection.QueryOne("SELECT " + std::string(kEnrolmentColumns) + "WHERE e.person_id = ? AND e.campaign_id = ?",
                          {person_id, campaign_id});
  if (!row) return std::nullopt;
  return ReadEnrolment(*row);
}

std::optional<EnrolmentForCall> LoadEnrolmentById(db::Connection& connection, std::int64_t enrolment_id) {
  auto row = connection.QueryOne("SELECT " + std::string(kEnrolmentColumns) + "WHERE e.id = ?", {enrolment_id});
  if (!row) return std::nullopt;
  return ReadEnrolment(*row);
}

std::int32_t CallsOfEnrolmentBetween(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis from,
                                     core::EpochMillis to) {
  return static_cast<std::int32_t>(
      connection
          .QueryOne("SELECT COUNT(*) FROM calls WHERE enrolment_id = ? AND started_at >= ? AND started_at < ?",
                    {enrolment_id, from, to})
          ->Int(0));
}

std::int64_t RecordCall(db::Connection& connection, const NewCall& call, const OutcomeDecision& decision) {
  const auto& enrolment = *call.enrolment;
  const std::int64_t call_id =
      connection
          .QueryOne(
              "INSERT INTO calls (enrolment_id, worklist_item_id, campaign_id, person_id, caller_id, outcome, "
              "started_at, duration_seconds, worrying, answers, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?, ?) RETURNING id",
              {enrolment.id, call.item ? db::Value(call.item->id) : db::Value(), enrolment.campaign_id,
               enrolment.person_id, call.caller_id, std::string(CallOutcomeName(call.outcome)), call.at,
               std::int64_t{call.duration_seconds}, std::int64_t{call.worrying ? 1 : 0}, call.answers_json, call.notes,
               call.at})
          ->Int(0);
  if (call.item != nullptr) {
    connection.Execute(
        "UPDATE worklist_items SET state = ?, attempts = ?, not_before = ?, reason = ?, version = version + 1 "
        "WHERE id = ?",
        {std::string(ItemStateName(decision.item_state)), std::int64_t{decision.attempts},
         decision.retry_at.value_or(call.item->not_before),
         decision.retry_at && call.item->reason != "missed" ? std::string("retry") : call.item->reason, call.item->id});
    if (decision.retry_caller_id) {
      // The retry joins the end of the colleague's list; the next plan puts it in its place.
      const auto last =
          connection.QueryOne("SELECT COALESCE(MAX(position), 0) FROM worklist_items WHERE day = ? AND caller_id = ?",
                              {call.item->day, *decision.retry_caller_id});
      connection.Execute("UPDATE worklist_items SET caller_id = ?, position = ?, version = version + 1 WHERE id = ?",
                         {*decision.retry_caller_id, last->Int(0) + 1, call.item->id});
    }
  }
  connection.Execute(
      "UPDATE enrolments SET last_attempt_at = ?, last_reached_at = CASE WHEN ? = 1 THEN ? ELSE last_reached_at END, "
      "last_call_worrying = ?, version = version + 1 WHERE id = ?",
      {call.at, std::int64_t{decision.reached ? 1 : 0}, call.at, std::int64_t{call.worrying ? 1 : 0}, enrolment.id});
  if (decision.reached) {
    // One call a day per person (worklist_planner.hpp): reaching them under one campaign reaches them for all,
    // so the other campaigns neither call again today nor escalate.
    connection.Execute(
        "UPDATE enrolments SET last_reached_at = ?, version = version + 1 WHERE person_id = ? AND id <> ? AND "
        "state = 'active' AND (last_reached_at IS NULL OR last_reached_at < ?)",
        {call.at, enrolment.person_id, enrolment.id, call.at});
  }
  RecomputePersonPriorities(connection, enrolment.person_id);  // a worrying call moves the person up every list
  if (decision.enrolment_change == EnrolmentChange::kPause) {
    connection.Execute("UPDATE enrolments SET state = 'paused' WHERE id = ? AND state = 'active'", {enrolment.id});
  } else if (decision.enrolment_change == EnrolmentChange::kEndAllOfPerson) {
    connection.Execute(
        "UPDATE enrolments SET state = 'ended', ended_at = ?, version = version + 1 WHERE person_id = ? AND "
        "state <> 'ended'",
        {call.at, enrolment.person_id});
    connection.Execute(
        "UPDATE worklist_items SET state = 'moved', version = version + 1 WHERE person_id = ? AND state = 'pending'",
        {enrolment.person_id});
  }
  if (decision.contact) registry::RecordContact(connection, enrolment.person_id, call.at);
  return call_id;
}

std::vector<CallSummary> LastCallsOf(db::Connection& connection, std::int64_t person_id, int limit) {
  std::vector<CallSummary> calls;
  for (const auto& row :
       connection
           .Execute("SELECT c.id, c.outcome, c.started_at, c.duration_seconds, COALESCE(u.display_name, ''), c.notes, "
                    "c.worrying FROM calls c LEFT JOIN users u ON u.id = c.caller_id WHERE c.person_id = ? "
                    "ORDER BY c.started_at DESC, c.id DESC LIMIT ?",
                    {person_id, std::int64_t{limit}})
           .rows) {
    calls.push_back(CallSummary{row.Int(0), row.Text(1), row.Int(2), static_cast<std::int32_t>(row.Int(3)), row.Text(4),
                                Excerpt(row.Text(5)), row.Bool(6)});
  }
  return calls;
}

std::optional<CampaignScript> LoadCampaignScript(db::Connection& connection, std::int64_t campaign_id) {
  auto campaign = connection.QueryOne("SELECT id, name, kind FROM campaigns WHERE id = ?", {campaign_id});
  if (!campaign) return std::nullopt;
  CampaignScript script{campaign->Int(0), campaign->Text(1), campaign->Text(2), {}};
  for (const auto& row : connection
                             .Execute("SELECT position, prompt, answer_kind, choices, raises_need, raises_on FROM "
                                      "campaign_questions WHERE campaign_id = ? ORDER BY position",
                                      {campaign_id})
                             .rows) {
    script.questions.push_back(ScriptQuestion{static_cast<std::int32_t>(row.Int(0)), row.Text(1), row.Text(2),
                                              row.Text(3), row.Text(4), row.Text(5)});
  }
  return script;
}

std::vector<std::pair<std::int64_t, std::string>> AccountNames(db::Connection& connection,
                                                               const std::vector<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> names;
  if (ids.empty()) return names;
  std::vector<db::Value> params(ids.begin(), ids.end());
  for (const auto& row :
       connection
           .Execute("SELECT id, display_name FROM users WHERE id IN (" + Placeholders(ids.size()) + ") ORDER BY id",
                    params)
           .rows) {
    names.emplace_back(row.Int(0), row.Text(1));
  }
  return names;
}

}  // namespace lien::calls
