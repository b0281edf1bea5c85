#include "calls/call_idempotency_store.hpp"

namespace lien::calls {

std::optional<StoredReply> FindStoredReply(db::Connection& connection, std::int64_t user_id, const std::string& key,
                                           core::EpochMillis now) {
  auto row = connection.QueryOne(
      "SELECT method, path, request_hash, status, response_body FROM idempotency_keys WHERE user_id = ? AND "
      "idempotency_key = ? AND expires_at > ?",
      {user_id, key, now});
  if (!row) return std::nullopt;
  return StoredReply{row->Text(0), row->Text(1), row->Text(2), static_cast<int>(row->Int(3)), row->Text(4)};
}

void StoreReply(db::Connection& connection, std::int64_t user_id, const std::string& key, const StoredReply& reply,
                core::EpochMillis now) {
  // The account's expired replies go (an expired row of this key among them), so the table holds at most a
  // day of each account's keys. Only expired ones: a live row of the key, stored meanwhile by a concurrent
  // request, must stay and make the INSERT fail.
  connection.Execute("DELETE FROM idempotency_keys WHERE user_id = ? AND expires_at <= ?", {user_id, now});
  connection.Execute(
      "INSERT INTO idempotency_keys (user_id, idempotency_key, method, path, request_hash, status, response_body, "
      "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {user_id, key, reply.method, reply.path, reply.request_hash, std::int64_t{reply.status}, reply.body, now,
       now + kIdempotencyKeyLifetime});
}

}  // namespace lien::calls
