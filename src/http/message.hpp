#pragma once
// Lien's own view of an HTTP request and response, so module routes never see Beast.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/messages.hpp"

namespace lien::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

const char* MethodName(Method method);

struct Request {
  Method method = Method::kGet;
  std::string target;                                        ///< As received: path and query.
  std::string path;                                          ///< Percent-decoded path without the query.
  std::map<std::string, std::string> query;                  ///< Decoded query parameters (last one wins).
  std::map<std::string, std::string> path_params;            ///< Filled by the router from `{name}` segments.
  std::vector<std::pair<std::string, std::string>> headers;  ///< Names lower-cased.
  std::string body;
  std::string client_address;  ///< Peer IP (or X-Forwarded-For's first hop when the peer is a trusted proxy).
  std::string request_id;      ///< Random id, echoed as X-Request-Id and written to the audit trail.
  core::Language language = core::Language::kFrench;
  bool secure = false;  ///< Came over TLS (directly or via a trusted proxy's X-Forwarded-Proto).

  /// First header with this (lower-case) name, or empty.
  std::string_view Header(std::string_view lower_name) const;
  /// The value of cookie `name` from the Cookie header, if present.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< Extra headers (Set-Cookie, ETag...).
  /// True when the body may carry personal data: the server adds `Cache-Control: no-store`.
  /// Defaults to true for JSON API responses; static files set it to false.
  bool personal_data = true;

  void SetHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

/// A JSON response from already-serialised text.
Response JsonResponse(int status, std::string json_text);

/// `{"error":{"code","message","field"}}` with the status that the error code maps to, in the request's language.
Response ErrorResponse(const core::Error& error, const Request& request);

/// The single mapping from error codes to HTTP statuses.
int StatusFor(core::ErrorCode code);

}  // namespace lien::http
