#include "calls/escalation_route_support.hpp"

#include "auth/audit_events.hpp"
#include "auth/guard.hpp"
#include "calls/escalation_json.hpp"
#include "register/person_store.hpp"

namespace lien::calls::support {

EscalationActor ActorOf(const auth::Principal& principal) {
  return EscalationActor{principal.user.id, principal.user.login,
                         auth::Allows(principal.user.role, auth::Permission::kCallsSupervise)};
}

audit::Event EscalationEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                             const Escalation& escalation) {
  auto event = auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), "person",
                             std::to_string(escalation.person_id), "follow_up");
  event.details = {{"escalation_id", std::to_string(escalation.id)}};
  return event;
}

audit::Event ListedEvent(const auth::Principal& principal, const http::Request& request, std::string action,
                         const std::vector<Escalation>& escalations) {
  auto event =
      auth::EventBy(principal.user, auth::InfoOf(request), std::move(action), "escalations", "list", "follow_up");
  std::string persons;
  for (const auto& escalation : escalations) {
    persons += (persons.empty() ? "" : ",") + std::to_string(escalation.person_id);
  }
  event.details = {{"count", std::to_string(escalations.size())}, {"persons", persons}};
  return event;
}

http::Json DetailedJson(db::Connection& connection, const std::vector<Escalation>& escalations) {
  std::vector<std::int64_t> person_ids;
  for (const auto& escalation : escalations) person_ids.push_back(escalation.person_id);
  const auto persons = registry::LoadPersons(connection, person_ids);
  http::Json items = http::Json::array();
  for (const auto& escalation : escalations) {
    const registry::Person* person = nullptr;
    for (const auto& candidate : persons) {
      if (candidate.id == escalation.person_id) person = &candidate;
    }
    items.push_back(EscalationDetailJson(escalation, person, LoadEmergencyContacts(connection, escalation.person_id),
                                         LastCallsOf(connection, escalation.person_id, /*limit=*/5)));
  }
  return items;
}

http::Response EscalationReply(int status, http::Json body, std::int64_t version) {
  auto response = http::JsonReply(status, body);
  response.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
  return response;
}

http::Response ErrorWith(const core::Error& error, const http::Request& request, const http::Json& extra) {
  auto response = http::ErrorResponse(error, request);
  auto body = http::Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return response;
  for (const auto& [key, value] : extra.items()) body[key] = value;
  response.body = body.dump(-1, ' ', false, http::Json::error_handler_t::replace);
  return response;
}

}  // namespace lien::calls::support
