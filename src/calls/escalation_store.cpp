#include "calls/escalation_store.hpp"

#include <cstdio>

#include "auth/roles.hpp"

namespace lien::calls {
namespace {

constexpr std::int64_t kMillisPerHour = 3'600'000;

constexpr const char* kEscalationSelect =
    "SELECT x.id, x.enrolment_id, x.campaign_id, x.person_id, x.state, x.raised_at, x.reason, x.contacts_tried_at, "
    "x.contacts_outcome, x.visit_assignee_id, x.visit_assignee_name, x.visit_assigned_at, x.visit_outcome, "
    "x.visit_notes, x.closed_at, x.closed_by, x.version, c.name, c.escalation_hours, e.last_reached_at "
    "FROM escalations x JOIN campaigns c ON c.id = x.campaign_id JOIN enrolments e ON e.id = x.enrolment_id ";

constexpr const char* kNotClosed = "x.state IN ('open', 'contacts_tried', 'visit_assigned')";

db::Value Optional(const std::optional<std::int64_t>& value) { return value ? db::Value(*value) : db::Value(); }

Escalation ReadEscalation(const db::Row& row) {
  Escalation escalation;
  escalation.id = row.Int(0);
  escalation.enrolment_id = row.Int(1);
  escalation.campaign_id = row.Int(2);
  escalation.person_id = row.Int(3);
  // A state written by hand in the database reads as open: it stays on the coordinator's screen.
  escalation.state = EscalationStateFromName(row.Text(4)).value_or(EscalationState::kOpen);
  escalation.raised_at = row.Int(5);
  escalation.reason = row.Text(6);
  escalation.contacts_tried_at = row.OptInt(7);
  escalation.contacts_outcome = row.Text(8);
  escalation.visit_assignee_id = row.OptInt(9);
  escalation.visit_assignee_name = row.Text(10);
  escalation.visit_assigned_at = row.OptInt(11);
  escalation.visit_outcome = row.Text(12);
  escalation.visit_notes = row.Text(13);
  escalation.closed_at = row.OptInt(14);
  escalation.closed_by = row.OptInt(15);
  escalation.version = row.Int(16);
  escalation.campaign_name = row.Text(17);
  escalation.escalation_hours = static_cast<std::int32_t>(row.Int(18));
  escalation.last_reached_at = row.OptInt(19);
  return escalation;
}

std::vector<Escalation> ReadEscalations(const db::QueryResult& result) {
  std::vector<Escalation> escalations;
  escalations.reserve(result.rows.size());
  for (const auto& row : result.rows) escalations.push_back(ReadEscalation(row));
  return escalations;
}

// 'YYYY-MM-DD' as a calendar day; nullopt for anything else.
std::optional<std::chrono::local_days> ParseDay(const std::optional<std::string>& text) {
  if (!text || text->size() != 10) return std::nullopt;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (std::sscanf(text->c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::local_days{date};
}

std::optional<VisitAssignee> AssigneeOf(const db::Row& row) {
  const auto role = auth::ParseRole(row.Text(2));
  if (!role || !auth::Allows(*role, auth::Permission::kVisits)) return std::nullopt;
  return VisitAssignee{row.Int(0), row.Text(1), row.Text(2)};
}

}  // namespace

std::vector<EscalationCandidate> LoadEscalationCandidates(db::Connection& connection, core::EpochMillis now) {
  // Calls count from the later of enrolment (inclusive), last reached and the last escalation's close (both
  // exclusive: the call that reached the person is not an attempt after it). The SQL filter on the threshold
  // only spares the rule the enrolments reached recently; it never decides alone.
  constexpr const char* kLastClosed = "(SELECT MAX(z.closed_at) FROM escalations z WHERE z.enrolment_id = e.id)";
  const auto result = connection.Execute(
      std::string("SELECT e.id, e.campaign_id, e.person_id, c.escalation_hours, c.escalation_min_attempts, "
                  "e.enrolled_at, e.last_reached_at, ") +
          kLastClosed +
          ", (SELECT COUNT(*) FROM escalations o WHERE o.person_id = e.person_id AND o.open_key IS NOT NULL), "
          "p.status, p.status_until, "
          "(SELECT COUNT(*) FROM calls k WHERE k.person_id = e.person_id AND k.campaign_id = e.campaign_id "
          "AND k.started_at >= e.enrolled_at AND k.started_at > COALESCE(e.last_reached_at, -1) "
          "AND k.started_at > COALESCE(" +
          kLastClosed +
          ", -1)) "
          "FROM enrolments e JOIN campaigns c ON c.id = e.campaign_id JOIN persons p ON p.id = e.person_id "
          "WHERE e.state = 'active' AND c.status = 'active' "
          "AND COALESCE(e.last_reached_at, e.enrolled_at) <= ? - CAST(c.escalation_hours AS BIGINT) * ? "
          "ORDER BY e.id",
      {now, kMillisPerHour});
  std::vector<EscalationCandidate> candidates;
  candidates.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    EscalationCandidate candidate;
    candidate.enrolment_id = row.Int(0);
    candidate.campaign_id = row.Int(1);
    candidate.person_id = row.Int(2);
    candidate.policy.hours_without_contact = static_cast<std::int32_t>(row.Int(3));
    candidate.policy.min_attempts = static_cast<std::int32_t>(row.Int(4));
    candidate.enrolled_at = row.Int(5);
    candidate.last_reached_at = row.OptInt(6);
    candidate.last_closed_at = row.OptInt(7);
    candidate.has_open_escalation = row.Int(8) > 0;
    candidate.situation = PersonSituationFromName(row.Text(9)).value_or(PersonSituation::kActive);
    candidate.situation_until = ParseDay(row.OptText(10));
    candidate.attempts = static_cast<std::int32_t>(row.Int(11));
    candidates.push_back(candidate);
  }
  return candidates;
}

std::optional<std::int64_t> InsertEscalation(db::Connection& connection, const EscalationCandidate& candidate,
                                             core::EpochMillis now, std::string_view reason) {
  auto row = connection.QueryOne(
      "INSERT INTO escalations (enrolment_id, campaign_id, person_id, state, open_key, raised_at, reason, version) "
      "VALUES (?, ?, ?, 'open', ?, ?, ?, 1) ON CONFLICT (open_key) DO NOTHING RETURNING id",
      {candidate.enrolment_id, candidate.campaign_id, candidate.person_id, candidate.enrolment_id, now,
       std::string(reason)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::optional<Escalation> FindEscalation(db::Connection& connection, std::int64_t id) {
  auto row = connection.QueryOne(std::string(kEscalationSelect) + "WHERE x.id = ?", {id});
  if (!row) return std::nullopt;
  return ReadEscalation(*row);
}

std::vector<Escalation> ListEscalations(db::Connection& connection, EscalationListing listing, int limit, int offset) {
  std::string sql = kEscalationSelect;
  switch (listing) {
    case EscalationListing::kOpen:
      sql += std::string("WHERE ") + kNotClosed + " ORDER BY x.raised_at, x.id";
      break;
    case EscalationListing::kClosed:
      sql += "WHERE x.state = 'closed' ORDER BY x.closed_at DESC, x.id DESC";
      break;
    case EscalationListing::kAll:
      sql += "ORDER BY CASE WHEN x.state = 'closed' THEN 1 ELSE 0 END, x.raised_at, x.id";
      break;
  }
  sql += " LIMIT ? OFFSET ?";
  return ReadEscalations(
      connection.Execute(sql, {static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)}));
}

std::vector<Escalation> ListVisitsAssignedTo(db::Connection& connection, std::int64_t account_id) {
  return ReadEscalations(connection.Execute(std::string(kEscalationSelect) +
                                                "WHERE x.state = 'visit_assigned' AND x.visit_assignee_id = ? "
                                                "ORDER BY x.visit_assigned_at, x.id",
                                            {account_id}));
}

bool UpdateEscalation(db::Connection& connection, Escalation& escalation, std::int64_t expected_version) {
  const bool closed = escalation.state == EscalationState::kClosed;
  const auto result = connection.Execute(
      "UPDATE escalations SET state = ?, open_key = ?, contacts_tried_at = ?, contacts_outcome = ?, "
      "visit_assignee_id = ?, visit_assignee_name = ?, visit_assigned_at = ?, visit_outcome = ?, visit_notes = ?, "
      "closed_at = ?, closed_by = ?, version = version + 1 WHERE id = ? AND version = ?",
      {std::string(EscalationStateName(escalation.state)), closed ? db::Value() : db::Value(escalation.enrolment_id),
       Optional(escalation.contacts_tried_at), escalation.contacts_outcome, Optional(escalation.visit_assignee_id),
       escalation.visit_assignee_name, Optional(escalation.visit_assigned_at), escalation.visit_outcome,
       escalation.visit_notes, Optional(escalation.closed_at), Optional(escalation.closed_by), escalation.id,
       expected_version});
  if (result.affected_rows != 1) return false;
  escalation.version = expected_version + 1;
  return true;
}

EscalationSummary SummariseEscalations(db::Connection& connection) {
  EscalationSummary summary;
  const auto result = connection.Execute(std::string("SELECT x.state, COUNT(*), MIN(x.raised_at) FROM escalations x "
                                                     "WHERE ") +
                                         kNotClosed + " GROUP BY x.state");
  for (const auto& row : result.rows) {
    const auto count = row.Int(1);
    summary.open += count;
    if (row.Text(0) == "contacts_tried") summary.contacts_tried = count;
    if (row.Text(0) == "visit_assigned") summary.visit_assigned = count;
    const auto oldest = row.OptInt(2);
    if (oldest && (!summary.oldest_raised_at || *oldest < *summary.oldest_raised_at)) {
      summary.oldest_raised_at = oldest;
    }
  }
  return summary;
}

void MarkEnrolmentReached(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis at) {
  connection.Execute(
      "UPDATE enrolments SET last_reached_at = ? WHERE (id = ? OR (state = 'active' AND person_id = "
      "(SELECT o.person_id FROM enrolments o WHERE o.id = ?))) AND (last_reached_at IS NULL OR last_reached_at < ?)",
      {at, enrolment_id, enrolment_id, at});
}

void EndEnrolment(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis at) {
  connection.Execute(
      "UPDATE enrolments SET state = 'ended', ended_at = ?, version = version + 1 WHERE id = ? AND state = 'active'",
      {at, enrolment_id});
}

std::vector<VisitAssignee> VisitAssignees(db::Connection& connection) {
  std::vector<VisitAssignee> assignees;
  const auto result =
      connection.Execute("SELECT id, display_name, role FROM users WHERE disabled = 0 ORDER BY display_name, id");
  for (const auto& row : result.rows) {
    if (auto assignee = AssigneeOf(row)) assignees.push_back(std::move(*assignee));
  }
  return assignees;
}

std::optional<VisitAssignee> FindVisitAssignee(db::Connection& connection, std::int64_t account_id) {
  auto row =
      connection.QueryOne("SELECT id, display_name, role FROM users WHERE id = ? AND disabled = 0", {account_id});
  if (!row) return std::nullopt;
  return AssigneeOf(*row);
}

}  // namespace lien::calls
