#include "http/message.hpp"

#include <nlohmann/json.hpp>

namespace lien::http {

const char* MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  // Cookie: a=1; b=2 — RFC 6265 §4.2: pairs separated by "; ". Several Cookie headers are tolerated.
  for (const auto& [header_name, value] : headers) {
    if (header_name != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      std::string_view pair = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      while (!pair.empty() && (pair.front() == ' ' || pair.front() == '\t')) pair.remove_prefix(1);
      while (!pair.empty() && (pair.back() == ' ' || pair.back() == '\t')) pair.remove_suffix(1);
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || pair.substr(0, equals) != name) continue;
      std::string_view cookie_value = pair.substr(equals + 1);
      if (cookie_value.size() >= 2 && cookie_value.front() == '"' && cookie_value.back() == '"') {
        cookie_value = cookie_value.substr(1, cookie_value.size() - 2);
      }
      return std::string(cookie_value);
    }
  }
  return std::nullopt;
}

Response JsonResponse(int status, std::string json_text) {
  Response response;
  response.status = status;
  response.body = std::move(json_text);
  return response;
}

int StatusFor(core::ErrorCode code) {
  // Keep in step with the comments on core::ErrorCode: this is the only place a code becomes a status.
  switch (code) {
    case core::ErrorCode::kInvalidInput:
      return 400;
    case core::ErrorCode::kUnauthenticated:
      return 401;
    case core::ErrorCode::kForbidden:
      return 403;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kMethodNotAllowed:
      return 405;
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kPreconditionFailed:
      return 412;
    case core::ErrorCode::kPayloadTooLarge:
      return 413;
    case core::ErrorCode::kUnsupportedMedia:
      return 415;
    case core::ErrorCode::kTooManyRequests:
      return 429;
    case core::ErrorCode::kUnavailable:
      return 503;
    case core::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const core::Error& error, const Request& request) {
  // Every message may mention the request id ({request_id}), so the user can quote it to the administrator.
  auto args = error.args;
  args.try_emplace("request_id", request.request_id);
  nlohmann::json body = {{"error",
                          {{"code", core::CodeName(error.code)},
                           {"message", core::Translate(error.message_key, request.language, args)},
                           {"field", error.field.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.field)}}}};
  // Replace rather than throw on invalid UTF-8 coming from user input echoed in an argument.
  return JsonResponse(StatusFor(error.code), body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace lien::http
