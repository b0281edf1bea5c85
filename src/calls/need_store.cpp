#include "calls/need_store.hpp"

#include "calls/enrolment_store.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kNeedColumns =
    "id, person_id, source, call_id, escalation_id, inbound_request_id, kind, urgency, notes, state, created_at, "
    "created_by, closed_at, closed_by, version";

// Most urgent first; written once for both engines.
constexpr std::string_view kUrgencyOrder =
    "CASE urgency WHEN 'immediate' THEN 0 WHEN 'high' THEN 1 WHEN 'low' THEN 2 ELSE 3 END";

Need NeedFrom(const db::Row& row) {
  Need need;
  need.id = row.Int(0);
  need.person_id = row.Int(1);
  need.source = row.Text(2);
  need.call_id = row.OptInt(3);
  need.escalation_id = row.OptInt(4);
  need.inbound_request_id = row.OptInt(5);
  need.kind = row.Text(6);
  need.urgency = row.Text(7);
  need.notes = row.Text(8);
  need.state = row.Text(9);
  need.created_at = row.Int(10);
  need.created_by = row.OptInt(11);
  need.closed_at = row.OptInt(12);
  need.closed_by = row.OptInt(13);
  need.version = row.Int(14);
  return need;
}

db::Value OptionalId(const std::optional<std::int64_t>& id) {
  return id ? db::Value(*id) : db::Value(std::monostate{});
}

std::vector<Need> NeedsFrom(const db::QueryResult& result) {
  std::vector<Need> needs;
  needs.reserve(result.rows.size());
  for (const auto& row : result.rows) needs.push_back(NeedFrom(row));
  return needs;
}

// The call, escalation or inbound request a need comes from must exist and be about the same person.
core::Status CheckSource(db::Connection& connection, const NeedDraft& draft) {
  struct Link {
    const std::optional<std::int64_t>* id;
    std::string_view table;
    const char* field;
  };
  for (const Link& link :
       {Link{&draft.call_id, "calls", "call_id"}, Link{&draft.escalation_id, "escalations", "escalation_id"},
        Link{&draft.inbound_request_id, "inbound_requests", "inbound_request_id"}}) {
    if (!*link.id) continue;
    const std::string sql = "SELECT 1 FROM " + std::string(link.table) + " WHERE id = ? AND person_id = ?";
    if (!connection.QueryOne(sql, {**link.id, draft.person_id})) {
      return core::Fail(core::ErrorCode::kInvalidInput, "needs.source_not_found", link.field);
    }
  }
  return {};
}

}  // namespace

core::Result<Need> CreateNeed(db::Connection& connection, const NeedDraft& draft, std::optional<std::int64_t> actor_id,
                              core::EpochMillis now) {
  if (auto ok = ValidateNeedDraft(draft); !ok) return core::Fail(ok.error());
  if (registry::LoadPersons(connection, {draft.person_id}).empty()) {
    return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  }
  if (auto ok = CheckSource(connection, draft); !ok) return core::Fail(ok.error());
  const auto row = connection.QueryOne(
      "INSERT INTO needs (person_id, source, call_id, escalation_id, inbound_request_id, kind, urgency, notes, state, "
      "created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, 1) RETURNING id",
      {draft.person_id, draft.source, OptionalId(draft.call_id), OptionalId(draft.escalation_id),
       OptionalId(draft.inbound_request_id), draft.kind, draft.urgency, draft.notes, now, OptionalId(actor_id)});
  RecomputePersonPriorities(connection, draft.person_id);  // an open need moves the person up the call lists
  return *LoadNeed(connection, row->Int(0));
}

std::optional<Need> LoadNeed(db::Connection& connection, std::int64_t id) {
  const auto row = connection.QueryOne("SELECT " + std::string(kNeedColumns) + " FROM needs WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return NeedFrom(*row);
}

std::vector<Need> NeedsOfPerson(db::Connection& connection, std::int64_t person_id) {
  return NeedsFrom(connection.Execute("SELECT " + std::string(kNeedColumns) +
                                          " FROM needs WHERE person_id = ? ORDER BY CASE state WHEN 'closed' THEN 1 "
                                          "ELSE 0 END, " +
                                          std::string(kUrgencyOrder) + ", COALESCE(closed_at, 0) DESC, created_at, id",
                                      {person_id}));
}

std::vector<Need> OpenNeeds(db::Connection& connection, int limit, int offset) {
  return NeedsFrom(connection.Execute("SELECT " + std::string(kNeedColumns) +
                                          " FROM needs WHERE state IN ('open', 'referred') ORDER BY " +
                                          std::string(kUrgencyOrder) + ", created_at, id LIMIT ? OFFSET ?",
                                      {std::int64_t{limit}, std::int64_t{offset}}));
}

std::int64_t CountOpenNeeds(db::Connection& connection) {
  return connection.QueryOne("SELECT COUNT(*) FROM needs WHERE state IN ('open', 'referred')")->Int(0);
}

core::Result<Need> UpdateNeed(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                              const NeedChange& change, std::optional<std::int64_t> actor_id, core::EpochMillis now) {
  auto need = LoadNeed(connection, id);
  if (!need) return core::Fail(core::ErrorCode::kNotFound, "needs.not_found");
  if (need->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  NeedDraft check;
  check.kind = need->kind;
  check.urgency = change.urgency.value_or(need->urgency);
  check.notes = change.notes.value_or(need->notes);
  if (auto ok = ValidateNeedDraft(check); !ok) return core::Fail(ok.error());
  if (change.state && *change.state != need->state) {
    if (auto ok = CheckNeedTransition(need->state, *change.state); !ok) return core::Fail(ok.error());
    need->state = *change.state;
    if (need->state == kNeedClosed) {
      need->closed_at = now;
      need->closed_by = actor_id;
    } else {
      need->closed_at.reset();
      need->closed_by.reset();
    }
  }
  need->urgency = check.urgency;
  need->notes = check.notes;
  const auto updated = connection.Execute(
      "UPDATE needs SET urgency = ?, notes = ?, state = ?, closed_at = ?, closed_by = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {need->urgency, need->notes, need->state, OptionalId(need->closed_at), OptionalId(need->closed_by), id,
       expected_version});
  if (updated.affected_rows != 1) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  RecomputePersonPriorities(connection, need->person_id);
  return *LoadNeed(connection, id);
}

bool MoveNeedState(db::Connection& connection, std::int64_t id, std::string_view state,
                   std::optional<std::int64_t> actor_id, core::EpochMillis now) {
  auto need = LoadNeed(connection, id);
  if (!need || need->state == state || !CheckNeedTransition(need->state, state)) return false;
  const bool closing = state == kNeedClosed;
  connection.Execute("UPDATE needs SET state = ?, closed_at = ?, closed_by = ?, version = version + 1 WHERE id = ?",
                     {std::string(state), closing ? db::Value(now) : db::Value(std::monostate{}),
                      closing ? OptionalId(actor_id) : db::Value(std::monostate{}), id});
  RecomputePersonPriorities(connection, need->person_id);
  return true;
}

}  // namespace lien::calls
