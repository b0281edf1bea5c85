#include "calls/inbound_store.hpp"

#include <nlohmann/json.hpp>

#include "auth/roles.hpp"
#include "auth/store.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kColumns =
    "id, received_at, taken_by, person_id, contact_name, contact_phone, contact_relation, topic, urgency, "
    "urgency_answers, queue, assignee_id, state, callback_at, notes, closed_at, updated_at, version";

db::Value Opt(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

std::string AnswersText(const std::vector<UrgencyAnswer>& answers) {
  auto list = nlohmann::json::array();
  for (const auto& answer : answers) {
    list.push_back({{"question", answer.question}, {"answer", std::string(AnswerName(answer.answer))}});
  }
  return list.dump();
}

std::vector<UrgencyAnswer> AnswersFrom(const std::string& text) {
  std::vector<UrgencyAnswer> answers;
  const auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return answers;
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    const auto answer = ParseAnswer(item.value("answer", ""));
    answers.push_back({item.value("question", ""), answer.value_or(Answer::kUnknown)});
  }
  return answers;
}

InboundRequest RequestFrom(const db::Row& row) {
  InboundRequest request;
  request.id = row.Int(0);
  request.received_at = row.Int(1);
  request.taken_by = row.OptInt(2);
  request.record.person_id = row.OptInt(3);
  request.record.contact_name = row.Text(4);
  request.record.contact_phone = row.Text(5);
  request.record.contact_relation = row.Text(6);
  request.record.topic = row.Text(7);
  request.record.urgency = row.Text(8);
  request.record.urgency_answers = AnswersFrom(row.Text(9));
  request.record.queue = row.Text(10);
  request.assignee_id = row.OptInt(11);
  request.record.state = row.Text(12);
  request.record.callback_at = row.OptInt(13);
  request.record.notes = row.Text(14);
  request.closed_at = row.OptInt(15);
  request.updated_at = row.Int(16);
  request.version = row.Int(17);
  return request;
}

core::Status CheckAssignee(db::Connection& connection, std::int64_t user_id) {
  const auto user = auth::store::FindUserById(connection, user_id);
  if (!user || user->disabled || !auth::Allows(user->role, auth::Permission::kInbound)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.assignee_not_allowed", "assignee_id");
  }
  return {};
}

}  // namespace

core::Result<InboundRequest> CreateInboundRequest(db::Connection& connection, const InboundRecord& record,
                                                  std::optional<std::int64_t> taken_by, core::EpochMillis now) {
  if (record.person_id && registry::LoadPersons(connection, {*record.person_id}).empty()) {
    return core::Fail(core::ErrorCode::kNotFound, "persons.not_found", "person_id");
  }
  const bool closed = record.state == kInboundClosed;
  const auto row = connection.QueryOne(
      "INSERT INTO inbound_requests (received_at, taken_by, person_id, contact_name, contact_phone, contact_relation, "
      "topic, urgency, urgency_answers, queue, state, callback_at, notes, closed_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {now, Opt(taken_by), Opt(record.person_id), record.contact_name, record.contact_phone, record.contact_relation,
       record.topic, record.urgency, AnswersText(record.urgency_answers), record.queue, record.state,
       Opt(record.callback_at), record.notes, closed ? db::Value(now) : db::Value(std::monostate{}), now});
  return *LoadInboundRequest(connection, row->Int(0));
}

std::optional<InboundRequest> LoadInboundRequest(db::Connection& connection, std::int64_t id) {
  const auto row = connection.QueryOne("SELECT " + std::string(kColumns) + " FROM inbound_requests WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return RequestFrom(*row);
}

std::vector<InboundRequest> FindInboundRequests(db::Connection& connection, const InboundFilter& filter) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM inbound_requests WHERE 1 = 1";
  std::vector<db::Value> params;
  if (filter.queue) {
    sql += " AND queue = ?";
    params.emplace_back(*filter.queue);
  }
  if (filter.state) {
    sql += " AND state = ?";
    params.emplace_back(*filter.state);
  } else {
    sql += " AND state <> 'closed'";
  }
  if (filter.assignee_id) {
    sql += " AND assignee_id = ?";
    params.emplace_back(*filter.assignee_id);
  }
  if (filter.person_id) {
    sql += " AND person_id = ?";
    params.emplace_back(*filter.person_id);
  }
  sql += " ORDER BY received_at, id LIMIT ? OFFSET ?";
  params.emplace_back(std::int64_t{filter.limit});
  params.emplace_back(std::int64_t{filter.offset});
  std::vector<InboundRequest> requests;
  for (const auto& row : connection.Execute(sql, params).rows) requests.push_back(RequestFrom(row));
  return requests;
}

std::vector<std::pair<std::string, std::int64_t>> CountOpenPerQueue(db::Connection& connection) {
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (auto queue : InboundQueues()) counts.emplace_back(std::string(queue), 0);
  const auto result =
      connection.Execute("SELECT queue, COUNT(*) FROM inbound_requests WHERE state <> 'closed' GROUP BY queue");
  for (const auto& row : result.rows) {
    for (auto& [queue, count] : counts) {
      if (queue == row.Text(0)) count = row.Int(1);
    }
  }
  return counts;
}

core::Result<InboundRequest> ChangeInboundRequest(db::Connection& connection, std::int64_t id,
                                                  std::int64_t expected_version, const InboundChange& change,
                                                  core::EpochMillis now) {
  auto request = LoadInboundRequest(connection, id);
  if (!request) return core::Fail(core::ErrorCode::kNotFound, "inbound.not_found");
  if (request->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  auto& record = request->record;
  std::optional<std::string> target = change.state;
  if (change.assignee_id) {
    if (*change.assignee_id) {
      if (auto ok = CheckAssignee(connection, **change.assignee_id); !ok) return core::Fail(ok.error());
      if (!target && record.state == kInboundNew) target = std::string(kInboundAssigned);
    } else if (!target && record.state == kInboundAssigned) {
      target = std::string(kInboundNew);
    }
    request->assignee_id = *change.assignee_id;
  }
  if (change.queue) {
    if (!IsInboundQueue(*change.queue)) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.invalid_queue", "queue");
    }
    record.queue = *change.queue;
  }
  if (change.callback_at) {
    if (*change.callback_at && **change.callback_at < now) {
      return core::Fail(core::ErrorCode::kInvalidInput, "inbound.callback_in_past", "callback_at");
    }
    record.callback_at = *change.callback_at;
  }
  if (change.notes) {
    if (change.notes->size() > kMaxInboundNotesLength) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", "notes",
                        {{"max", std::to_string(kMaxInboundNotesLength)}});
    }
    record.notes = *change.notes;
  }
  if (change.person_id) {
    if (registry::LoadPersons(connection, {*change.person_id}).empty()) {
      return core::Fail(core::ErrorCode::kNotFound, "persons.not_found", "person_id");
    }
    record.person_id = *change.person_id;
  }
  if (target && *target != record.state) {
    if (auto ok = CheckInboundTransition(record.state, *target); !ok) return core::Fail(ok.error());
    record.state = *target;
    request->closed_at = record.state == kInboundClosed ? std::optional<core::EpochMillis>(now) : std::nullopt;
  }
  if (record.state == kInboundCallback && !record.callback_at) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.callback_required", "callback_at");
  }
  if (record.state != kInboundClosed && record.queue.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "inbound.queue_required", "queue");
  }
  const auto updated = connection.Execute(
      "UPDATE inbound_requests SET person_id = ?, queue = ?, assignee_id = ?, state = ?, callback_at = ?, notes = ?, "
      "closed_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {Opt(record.person_id), record.queue, Opt(request->assignee_id), record.state, Opt(record.callback_at),
       record.notes, Opt(request->closed_at), now, id, expected_version});
  if (updated.affected_rows != 1) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  return *LoadInboundRequest(connection, id);
}

}  // namespace lien::calls
