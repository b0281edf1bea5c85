#include "audit/store.hpp"

#include <nlohmann/json.hpp>

namespace lien::audit::store {
namespace {

constexpr std::string_view kColumns =
    "id, at, actor_id, actor_login, actor_role, action, subject_type, subject_id, client_address, request_id, "
    "purpose, outcome, details, prev_hash, hash";

std::string DetailsToJson(const std::map<std::string, std::string>& details) { return nlohmann::json(details).dump(); }

std::map<std::string, std::string> DetailsFromJson(const std::string& text) {
  std::map<std::string, std::string> details;
  const auto parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return details;
  for (const auto& [key, value] : parsed.items()) {
    details[key] = value.is_string() ? value.get<std::string>() : value.dump();
  }
  return details;
}

Entry ReadEntry(const db::Row& row) {
  Entry entry;
  entry.id = row.Int(0);
  entry.at = row.Int(1);
  entry.event.actor_id = row.OptInt(2);
  entry.event.actor_login = row.Text(3);
  entry.event.actor_role = row.Text(4);
  entry.event.action = row.Text(5);
  entry.event.subject_type = row.Text(6);
  entry.event.subject_id = row.Text(7);
  entry.event.client_address = row.Text(8);
  entry.event.request_id = row.Text(9);
  entry.event.purpose = row.Text(10);
  entry.event.outcome = row.Text(11);
  entry.event.details = DetailsFromJson(row.Text(12));
  entry.prev_hash = row.Text(13);
  entry.hash = row.Text(14);
  return entry;
}

}  // namespace

std::string LockHead(db::Connection& connection) {
  // The UPDATE takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the database lock);
  // RETURNING gives the hash as it was, since only seq changes here.
  auto row = connection.QueryOne("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING hash");
  if (!row) throw db::DatabaseError(db::FailureKind::kOther, "audit_head row is missing");
  return row->Text(0);
}

std::int64_t Insert(db::Connection& connection, const Entry& entry) {
  const auto& e = entry.event;
  db::Value actor = std::monostate{};
  if (e.actor_id) actor = *e.actor_id;
  auto row = connection.QueryOne(
      "INSERT INTO audit_log (at, actor_id, actor_login, actor_role, action, subject_type, subject_id, "
      "client_address, request_id, purpose, outcome, details, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {entry.at, actor, e.actor_login, e.actor_role, e.action, e.subject_type, e.subject_id, e.client_address,
       e.request_id, e.purpose, e.outcome, DetailsToJson(e.details), entry.prev_hash, entry.hash});
  return row->Int(0);
}

void SetHead(db::Connection& connection, std::int64_t last_id, const std::string& hash) {
  connection.Execute("UPDATE audit_head SET last_id = ?, hash = ? WHERE id = 1", {last_id, hash});
}

Head ReadHead(db::Connection& connection) {
  auto row = connection.QueryOne("SELECT last_id, hash FROM audit_head WHERE id = 1");
  if (!row) return {};
  return {row->Int(0), row->Text(1)};
}

std::vector<Entry> Find(db::Connection& connection, const Filter& filter) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_log WHERE 1 = 1";
  std::vector<db::Value> params;
  auto add = [&](const char* condition, db::Value value) {
    sql += condition;
    params.push_back(std::move(value));
  };
  // Only fixed condition texts are appended; every value is bound.
  if (!filter.actor_login.empty()) add(" AND actor_login = ?", filter.actor_login);
  if (!filter.subject_type.empty()) add(" AND subject_type = ?", filter.subject_type);
  if (!filter.subject_id.empty()) add(" AND subject_id = ?", filter.subject_id);
  if (!filter.action.empty()) add(" AND action = ?", filter.action);
  if (filter.from > 0) add(" AND at >= ?", filter.from);
  if (filter.to > 0) add(" AND at < ?", filter.to);
  if (filter.before_id > 0) add(" AND id < ?", filter.before_id);
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(filter.limit));
  auto result = connection.Execute(sql, params);
  std::vector<Entry> entries;
  entries.reserve(result.rows.size());
  for (const auto& row : result.rows) entries.push_back(ReadEntry(row));
  return entries;
}

void ForEach(db::Connection& connection, const std::function<void(const Entry&)>& visit) {
  constexpr std::int64_t kBatch = 2000;
  std::int64_t after = 0;
  for (;;) {
    auto result = connection.Execute(
        "SELECT " + std::string(kColumns) + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", {after, kBatch});
    for (const auto& row : result.rows) {
      Entry entry = ReadEntry(row);
      after = entry.id;
      visit(entry);
    }
    if (static_cast<std::int64_t>(result.rows.size()) < kBatch) return;
  }
}

}  // namespace lien::audit::store
