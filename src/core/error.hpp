#pragma once
// The one error type of Lien: what a rule, a store or a route returns when an expected failure happens.
// Each code maps to exactly one HTTP status in http::StatusFor (src/http/message.cpp): keep both in step.

#include <map>
#include <string>
#include <utility>

namespace lien::core {

enum class ErrorCode {
  kInvalidInput,        ///< The input breaks a rule; `field` names the offending field when there is one. 400.
  kUnauthenticated,     ///< No valid session, or wrong credentials. 401.
  kForbidden,           ///< Authenticated but the role or the scope does not allow it. 403.
  kNotFound,            ///< No such record, or one the caller may not know exists. 404.
  kMethodNotAllowed,    ///< The path exists but not with this method. 405.
  kConflict,            ///< The change collides with the current state (duplicate login, already done). 409.
  kPreconditionFailed,  ///< The If-Match version is stale: someone else changed the record. 412.
  kPayloadTooLarge,     ///< The request body is above the route's limit. 413.
  kUnsupportedMedia,    ///< The body is not in a format the route accepts. 415.
  kTooManyRequests,     ///< Throttled (too many failed logins, for instance). 429.
  kUnavailable,         ///< A dependency (the database) cannot answer now. 503.
  kInternal,            ///< A broken invariant; the details are in the server log, never in the response. 500.
};

/// A failure as values: a code, the field it concerns (may be empty) and a message key looked up in the
/// catalogue (core/messages.cpp) in the user's language, with named arguments substituted as {name}.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_key;
  std::string field;
  std::map<std::string, std::string> args;

  Error() = default;
  Error(ErrorCode c, std::string key, std::string f = {}, std::map<std::string, std::string> a = {})
      : code(c), message_key(std::move(key)), field(std::move(f)), args(std::move(a)) {}
};

/// Stable machine-readable name of a code, as it appears in `{"error":{"code":...}}`.
const char* CodeName(ErrorCode code);

}  // namespace lien::core
