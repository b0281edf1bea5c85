#include "http/json_body.hpp"

#include <charconv>

namespace lien::http {
namespace {

using core::ErrorCode;
using core::Fail;

bool IsJsonContentType(std::string_view type) {
  const auto semicolon = type.find(';');
  std::string base(type.substr(0, semicolon));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (auto& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return base == "application/json";
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace

core::Result<Json> ParseJsonObject(const Request& request) {
  if (request.body.empty()) return Json::object();
  if (!IsJsonContentType(request.Header("content-type"))) {
    return Fail(ErrorCode::kUnsupportedMedia, "http.unsupported_media");
  }
  auto parsed = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Fail(ErrorCode::kInvalidInput, "http.malformed_json");
  if (!parsed.is_object()) return Fail(ErrorCode::kInvalidInput, "http.expected_object");
  return parsed;
}

core::Status OnlyFields(const Json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (auto name : allowed) known = known || key == name;
    if (!known) {
      return Fail(ErrorCode::kInvalidInput, "validation.unknown_field", key.substr(0, 64),
                  {{"name", key.substr(0, 64)}});
    }
  }
  return {};
}

core::Result<std::optional<std::string>> OptionalString(const Json& body, const char* field, std::size_t max_length) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Fail(ErrorCode::kInvalidInput, "validation.type", field);
  auto value = it->get<std::string>();
  if (value.size() > max_length) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", std::to_string(max_length)}});
  }
  return std::optional<std::string>(std::move(value));
}

core::Result<std::string> RequiredString(const Json& body, const char* field, std::size_t max_length) {
  auto value = OptionalString(body, field, max_length);
  if (!value) return Fail(value.error());
  if (!value->has_value() || (*value)->empty()) return Fail(ErrorCode::kInvalidInput, "validation.required", field);
  return std::move(**value);
}

core::Result<std::int64_t> PathId(const Request& request, const char* name) {
  const auto it = request.path_params.find(name);
  if (it == request.path_params.end()) return Fail(ErrorCode::kNotFound, "http.not_found");
  const auto value = ParseInt(it->second);
  if (!value || *value <= 0) return Fail(ErrorCode::kNotFound, "http.not_found");
  return *value;
}

core::Result<std::int64_t> IfMatchVersion(const Request& request) {
  std::string_view text = request.Header("if-match");
  if (text.empty()) return Fail(ErrorCode::kInvalidInput, "http.missing_if_match", "If-Match");
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  const auto value = ParseInt(text);
  if (!value || *value <= 0) return Fail(ErrorCode::kInvalidInput, "http.invalid_if_match", "If-Match");
  return *value;
}

core::Result<std::int64_t> QueryInt(const Request& request, const char* name, std::int64_t fallback, std::int64_t min,
                                    std::int64_t max) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return fallback;
  const auto value = ParseInt(it->second);
  if (!value || *value < min || *value > max) {
    return Fail(ErrorCode::kInvalidInput, "http.invalid_query", name, {{"name", name}});
  }
  return *value;
}

Response JsonReply(int status, const Json& body) {
  return JsonResponse(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Response ErrorWith(const core::Error& error, const Request& request, const Json& extra) {
  auto response = ErrorResponse(error, request);
  auto body = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return response;
  for (const auto& [key, value] : extra.items()) body[key] = value;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

}  // namespace lien::http
