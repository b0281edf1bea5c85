#pragma once
// JSON in and out of routes: strict parsing of request bodies (no unknown fields: no mass assignment),
// typed field access that names the offending field, and the small request helpers every route needs.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/message.hpp"

namespace lien::http {

using Json = nlohmann::json;

/// The body as a JSON object. An empty body reads as {}. Errors: 415 when the Content-Type is not JSON,
/// 400 when the text is not JSON or not an object.
core::Result<Json> ParseJsonObject(const Request& request);

/// Refuses the first key of `body` that is not in `allowed`, naming it.
core::Status OnlyFields(const Json& body, std::initializer_list<std::string_view> allowed);

/// A string field that must be present and non-empty (after trimming nothing: values are taken as sent).
core::Result<std::string> RequiredString(const Json& body, const char* field, std::size_t max_length = 1000);
/// A string field that may be absent or null.
core::Result<std::optional<std::string>> OptionalString(const Json& body, const char* field,
                                                        std::size_t max_length = 1000);

/// A positive integer path parameter (`{id}`); 404 when it is not one (a bad id names no record).
core::Result<std::int64_t> PathId(const Request& request, const char* name = "id");

/// The version from `If-Match` (a number, optionally quoted as an ETag). Errors: 428-like 400 when missing.
core::Result<std::int64_t> IfMatchVersion(const Request& request);

/// An integer query parameter within [min, max], `fallback` when absent.
core::Result<std::int64_t> QueryInt(const Request& request, const char* name, std::int64_t fallback, std::int64_t min,
                                    std::int64_t max);

/// A JSON response (marked as personal data: `Cache-Control: no-store`; clear `personal_data` for public data).
Response JsonReply(int status, const Json& body);

/// The error response of `error` with `extra`'s keys added to its body (a 412's `current` and `changes`).
Response ErrorWith(const core::Error& error, const Request& request, const Json& extra);

}  // namespace lien::http
