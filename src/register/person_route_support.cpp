#include "register/person_route_support.hpp"

#include <cmath>

#include "register/register_agents.hpp"

namespace lien::registry::support {

bool IsDesignatedAgent(db::Connection& connection, const auth::Principal& principal) {
  return IsRegisterAgent(connection, principal.user.id);
}

audit::Event PersonEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                         std::int64_t person_id, View view) {
  return auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), "person", std::to_string(person_id),
                       std::string(PurposeOf(view)));
}

http::Json DuplicatesJson(const std::vector<DuplicateMatch>& matches, const std::vector<Person>& candidates, View view,
                          const Date& today) {
  http::Json out = http::Json::array();
  for (const auto& match : matches) {
    http::Json reasons = http::Json::array();
    for (auto reason : match.reasons) reasons.push_back(ReasonCode(reason));
    out.push_back({{"person", PersonSummaryToJson(candidates[match.index], view, today)},
                   {"score", std::round(match.score * 100) / 100},
                   {"reasons", reasons}});
  }
  return out;
}

core::Result<http::Json> JsonBody(const http::Request& request) { return http::ParseJsonObject(request); }

http::Response PersonReply(int status, http::Json body, std::int64_t version) {
  auto response = http::JsonReply(status, body);
  response.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
  return response;
}

namespace {

bool MayRead(View view, std::string_view group) {
  if (group == "situation") return view.Has(FieldGroup::kSituation);
  if (group == "household") return view.Has(FieldGroup::kHousehold);
  if (group == "contact") return view.Has(FieldGroup::kContact);
  return view.Has(FieldGroup::kIdentity);
}

}  // namespace

http::Json HistoryJson(const std::vector<HistoryEntry>& entries, View view) {
  http::Json items = http::Json::array();
  for (const auto& entry : entries) {
    if (entry.purpose == "delivery" && !view.Has(FieldGroup::kHousehold)) continue;
    if (entry.purpose == "register" && !view.Has(FieldGroup::kRegister)) continue;
    http::Json changes = http::Json::object();
    for (const auto& change : entry.changes) {
      if (entry.purpose == "person" && !MayRead(view, GroupOfField(change.field))) continue;
      changes[change.field] = {{"from", change.from}, {"to", change.to}};
    }
    if (changes.empty() && !entry.changes.empty()) continue;
    items.push_back({{"version", entry.version},
                     {"at", entry.at},
                     {"actor_login", entry.actor_login},
                     {"action", entry.action},
                     {"purpose", entry.purpose},
                     {"changes", changes}});
  }
  return items;
}

}  // namespace lien::registry::support
