#include "calls/escalation_json.hpp"

#include "register/person_rules.hpp"

namespace lien::calls {
namespace {

using http::Json;

Json OptionalInstant(const std::optional<core::EpochMillis>& instant) {
  return instant ? Json(*instant) : Json(nullptr);
}

Json PersonJson(const registry::Person& person) {
  Json phones = Json::array();
  for (const auto& phone : person.phones) phones.push_back({{"e164", phone.e164}, {"label", phone.label}});
  const auto& address = person.address;
  return Json{{"id", person.id},
              {"civility", registry::CivilityCode(person.civility)},
              {"last_name", person.last_name},
              {"first_names", person.first_names},
              {"phones", phones},
              {"address",
               {{"number", address.number},
                {"street", address.street},
                {"complement", address.complement},
                {"building", address.building},
                {"floor", address.floor},
                {"door_code", address.door_code},
                {"postcode", address.postcode},
                {"town", address.town},
                {"access_notes", address.access_notes}}},
              {"hearing", registry::HearingCode(person.hearing)},
              {"status", registry::StatusCode(person.status)}};
}

}  // namespace

Json EscalationJson(const Escalation& escalation) {
  return Json{{"id", escalation.id},
              {"enrolment_id", escalation.enrolment_id},
              {"campaign_id", escalation.campaign_id},
              {"campaign_name", escalation.campaign_name},
              {"escalation_hours", escalation.escalation_hours},
              {"person_id", escalation.person_id},
              {"state", EscalationStateName(escalation.state)},
              {"raised_at", escalation.raised_at},
              {"reason", escalation.reason},
              {"last_reached_at", OptionalInstant(escalation.last_reached_at)},
              {"contacts_tried_at", OptionalInstant(escalation.contacts_tried_at)},
              {"contacts_outcome", escalation.contacts_outcome},
              {"visit_assignee_id", escalation.visit_assignee_id ? Json(*escalation.visit_assignee_id) : Json(nullptr)},
              {"visit_assignee_name", escalation.visit_assignee_name},
              {"visit_assigned_at", OptionalInstant(escalation.visit_assigned_at)},
              {"visit_outcome", escalation.visit_outcome.empty() ? Json(nullptr) : Json(escalation.visit_outcome)},
              {"visit_notes", escalation.visit_notes},
              {"closed_at", OptionalInstant(escalation.closed_at)},
              {"version", escalation.version}};
}

Json EscalationDetailJson(const Escalation& escalation, const registry::Person* person,
                          const std::vector<EmergencyContact>& contacts, const std::vector<CallSummary>& calls) {
  Json json = EscalationJson(escalation);
  json["person"] = person != nullptr ? PersonJson(*person) : Json(nullptr);
  Json contacts_json = Json::array();
  for (const auto& contact : contacts) {
    contacts_json.push_back(
        {{"name", contact.name}, {"relation", contact.relation}, {"phone", contact.phone}, {"notes", contact.notes}});
  }
  json["emergency_contacts"] = contacts_json;
  Json calls_json = Json::array();
  for (const auto& call : calls) {
    calls_json.push_back({{"started_at", call.started_at},
                          {"outcome", call.outcome},
                          {"caller_name", call.caller_name},
                          {"notes", call.notes_excerpt}});
  }
  json["last_calls"] = calls_json;
  return json;
}

}  // namespace lien::calls
