#include "register/person_search_query.hpp"

#include "core/phone.hpp"
#include "http/json_body.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {
namespace {

using http::Request;

std::string QueryText(const Request& request, const char* name) {
  const auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second.substr(0, 200);
}

core::Result<bool> QueryFlag(const Request& request, const char* name) {
  const auto text = QueryText(request, name);
  if (text.empty() || text == "false" || text == "0") return false;
  if (text == "true" || text == "1") return true;
  return core::Fail(core::ErrorCode::kInvalidInput, "http.invalid_query", name, {{"name", name}});
}

}  // namespace

core::Result<ParsedSearch> ParseSearch(const Request& request, View view, bool designated, const Date& today) {
  ParsedSearch parsed;
  auto& query = parsed.query;
  auto note = [&parsed](const char* kind) { parsed.kinds += (parsed.kinds.empty() ? "" : ",") + std::string(kind); };
  query.today = today;
  query.name = QueryText(request, "q");
  if (!query.name.empty()) note("name");
  if (const auto phone = QueryText(request, "phone"); !phone.empty()) {
    auto e164 = core::ParsePhone(phone, "phone");
    if (!e164) return core::Fail(core::ErrorCode::kInvalidInput, "persons.invalid_phone", "phone", {{"phone", phone}});
    query.phone_e164 = *e164;
    note("phone");
  }
  query.street = QueryText(request, "street");
  if (!query.street.empty()) note("street");
  query.town = QueryText(request, "town");
  if (!query.town.empty()) note("town");
  query.postcode = QueryText(request, "postcode");
  if (!query.postcode.empty()) note("postcode");
  if (const auto statuses = QueryText(request, "status"); !statuses.empty()) {
    if (!view.Has(FieldGroup::kSituation)) {
      return core::Fail(core::ErrorCode::kForbidden, "persons.filter_not_allowed", "status", {{"name", "status"}});
    }
    std::size_t start = 0;
    while (start <= statuses.size()) {
      auto comma = statuses.find(',', start);
      if (comma == std::string::npos) comma = statuses.size();
      const auto status = ParseStatus(statuses.substr(start, comma - start));
      if (!status)
        return core::Fail(core::ErrorCode::kInvalidInput, "http.invalid_query", "status", {{"name", "status"}});
      query.statuses.push_back(*status);
      start = comma + 1;
    }
    note("status");
  }
  for (auto [name, target] : {std::pair{"age_min", &query.age_min}, std::pair{"age_max", &query.age_max}}) {
    if (QueryText(request, name).empty()) continue;
    auto age = http::QueryInt(request, name, 0, 0, 130);
    if (!age) return core::Fail(age.error());
    *target = static_cast<int>(*age);
    note("age");
  }
  query.ground = QueryText(request, "ground");
  auto registered = QueryFlag(request, "registered");
  if (!registered) return core::Fail(registered.error());
  query.registered_only = *registered;
  if ((!query.ground.empty() || query.registered_only) && !designated) {
    // The register is never a search filter for anyone but its designated agents (docs/register.md).
    return core::Fail(core::ErrorCode::kForbidden, "register.not_designated",
                      query.ground.empty() ? "registered" : "ground");
  }
  if (!query.ground.empty() || query.registered_only) note("register");
  auto limit = http::QueryInt(request, "limit", 20, 1, 100);
  if (!limit) return core::Fail(limit.error());
  auto offset = http::QueryInt(request, "offset", 0, 0, 1'000'000);
  if (!offset) return core::Fail(offset.error());
  query.limit = static_cast<int>(*limit);
  query.offset = static_cast<int>(*offset);
  return parsed;
}

}  // namespace lien::registry
