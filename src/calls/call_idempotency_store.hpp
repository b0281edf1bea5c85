#pragma once
// Replies kept for Idempotency-Key retries (table idempotency_keys, migration 2), for the call platform's
// creating POSTs (idempotent_post.hpp): a screen that loses its connection after "save" sends the same request
// again with the same key and gets the first reply back instead of a second record.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

inline constexpr core::EpochMillis kIdempotencyKeyLifetime = 24LL * 3600 * 1000;
inline constexpr std::size_t kMaxIdempotencyKeyLength = 200;

struct StoredReply {
  std::string method;
  std::string path;
  std::string request_hash;
  int status = 0;
  std::string body;
};

/// The unexpired reply stored for the account's key, if any.
std::optional<StoredReply> FindStoredReply(db::Connection& connection, std::int64_t user_id, const std::string& key,
                                           core::EpochMillis now);

/// Keeps `reply` for the key until now + kIdempotencyKeyLifetime, removing the account's expired replies.
/// Throws DatabaseError(kUniqueViolation) when an unexpired reply of the key exists (a concurrent request's).
void StoreReply(db::Connection& connection, std::int64_t user_id, const std::string& key, const StoredReply& reply,
                core::EpochMillis now);

}  // namespace lien::calls
