#include "calls/idempotent_post.hpp"

#include "calls/call_idempotency_store.hpp"
#include "core/crypto.hpp"

namespace lien::calls {
namespace {

constexpr int kCreated = 201;

http::Response Replay(const StoredReply& stored, const ReplyFormat& format) {
  auto response = format(stored.status, http::Json::parse(stored.body));
  response.SetHeader("Idempotent-Replayed", "true");
  return response;
}

// Two requests with the same new key at once (PostgreSQL; SQLite serialises writers): both miss the lookup,
// the second one's insert of the key waits for the first and then violates the primary key. Retrying the
// whole transaction as if busy rolls back its record and lets it find, and replay, the first one's reply.
void StoreOrRetry(db::Connection& connection, std::int64_t user_id, const std::string& key, const StoredReply& reply,
                  core::EpochMillis now) {
  try {
    StoreReply(connection, user_id, key, reply, now);
  } catch (const db::DatabaseError& error) {
    if (error.kind() != db::FailureKind::kUniqueViolation) throw;
    throw db::DatabaseError(db::FailureKind::kBusy,
                            "Idempotency-Key stored by a concurrent request: " + std::string(error.what()));
  }
}

}  // namespace

http::Response PlainJsonReply(int status, const http::Json& body) { return http::JsonReply(status, body); }

http::Response CreateOnce(db::Database& database, const auth::Principal& principal, const http::Request& request,
                          const http::Json& body, core::EpochMillis now, const CreateWork& create,
                          const ReplyFormat& format) {
  const std::string key(request.Header("idempotency-key"));
  if (key.size() > kMaxIdempotencyKeyLength) {
    return http::ErrorResponse(core::Error(core::ErrorCode::kInvalidInput, "validation.too_long", "Idempotency-Key",
                                           {{"max", std::to_string(kMaxIdempotencyKeyLength)}}),
                               request);
  }
  const std::string method = http::MethodName(request.method);
  const std::string hash = key.empty() ? std::string() : core::Sha256Hex(body.dump());
  auto reply = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Result<http::Response> {
    if (!key.empty()) {
      if (auto stored = FindStoredReply(c, principal.user.id, key, now)) {
        if (stored->method != method || stored->path != request.path || stored->request_hash != hash) {
          return core::Fail(core::ErrorCode::kConflict, "calls.idempotency_key_reused");
        }
        return Replay(*stored, format);
      }
    }
    auto created = create(c);
    if (!created) return core::Fail(created.error());
    if (!key.empty()) {
      StoreOrRetry(c, principal.user.id, key, StoredReply{method, request.path, hash, kCreated, created->dump()}, now);
    }
    return format(kCreated, *created);
  });
  if (!reply) return http::ErrorResponse(reply.error(), request);
  return *reply;
}

}  // namespace lien::calls
