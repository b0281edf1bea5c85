#pragma once
// The call platform's creating POSTs under an Idempotency-Key (docs/calls.md, "Retried POSTs"): the calling
// screen and the inbound line work on flaky connections, and a request sent again after a lost reply must
// return the first reply instead of creating a second record.

#include <functional>

#include "auth/model.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/json_body.hpp"

namespace lien::calls {

/// The creating work of a route, in the write transaction the helper opens: the created record's JSON, or the
/// error that rolls everything back.
using CreateWork = std::function<core::Result<http::Json>(db::Connection&)>;

/// Builds the response from a status and body. Called for the first reply and for every replay, so that both
/// carry the same headers (a record's ETag comes from its body's `version`).
using ReplyFormat = std::function<http::Response(int status, const http::Json& body)>;

/// The plain JSON reply: what a route without an ETag answers.
http::Response PlainJsonReply(int status, const http::Json& body);

/// Runs `create` in one write transaction and answers 201 with `format`, honouring the request's
/// `Idempotency-Key` header (absent or empty: no key, every request creates):
/// - a key longer than kMaxIdempotencyKeyLength → 400 `validation.too_long` on field `Idempotency-Key`;
/// - an unexpired reply stored for (principal's account, key) with the same method, path and SHA-256 of the
///   JSON `body` → that reply again, with `Idempotent-Replayed: true`, and `create` does not run;
/// - the same key with another method, path or body → 409 `calls.idempotency_key_reused`;
/// - otherwise `create` runs; when it succeeds its reply is stored for 24 hours in the same transaction.
/// Only successes are stored: an error has rolled back and created nothing, so a retry runs again and gets
/// the answer of that moment (the cause fixed, or a transient 503 gone).
/// `body` is the parsed request body (what the hash is over); `now` dates the stored reply and its expiry.
http::Response CreateOnce(db::Database& database, const auth::Principal& principal, const http::Request& request,
                          const http::Json& body, core::EpochMillis now, const CreateWork& create,
                          const ReplyFormat& format = PlainJsonReply);

}  // namespace lien::calls
