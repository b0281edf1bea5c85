#pragma once
// Pure helpers that turn the raw request line into Lien's Request fields: target decoding and request ids.
// Kept apart from the server so they can be unit-tested and fuzzed without a socket.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lien::http {

/// Decodes %XX escapes (and '+' as a space when `plus_as_space`, for query strings). Returns nullopt on a
/// truncated or non-hex escape, or on a decoded NUL byte, which no legitimate path or parameter carries.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space);

/// Splits an origin-form target ("/path?a=1&b=2") into the decoded path and decoded query parameters (the
/// last occurrence of a name wins; a name without '=' gets an empty value). False when the target is not
/// origin-form (must start with '/') or an escape is invalid.
bool ParseTarget(std::string_view target, std::string& path, std::map<std::string, std::string>& query);

/// True for an incoming X-Request-Id worth keeping: 1 to 64 characters of [A-Za-z0-9-].
bool IsValidRequestId(std::string_view id);

/// 16 random bytes from OpenSSL's CSPRNG, in lower-case hex (32 characters). Thread-safe.
std::string NewRequestId();

}  // namespace lien::http
