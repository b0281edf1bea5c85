#include "calls/need_json.hpp"

#include <algorithm>

#include "core/phone.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

using http::Json;

Json OrNull(const std::optional<std::int64_t>& value) { return value ? Json(*value) : Json(nullptr); }
Json OrNull(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }

std::string_view CivilityWord(registry::Civility civility) {
  switch (civility) {
    case registry::Civility::kMadame:
      return "mme";
    case registry::Civility::kMonsieur:
      return "m";
    default:
      return "";
  }
}

}  // namespace

Json NeedJson(const Need& need, bool with_notes) {
  Json json{{"id", need.id},
            {"person_id", need.person_id},
            {"source", need.source},
            {"call_id", OrNull(need.call_id)},
            {"escalation_id", OrNull(need.escalation_id)},
            {"inbound_request_id", OrNull(need.inbound_request_id)},
            {"kind", need.kind},
            {"urgency", need.urgency},
            {"state", need.state},
            {"created_at", need.created_at},
            {"created_by", OrNull(need.created_by)},
            {"closed_at", OrNull(need.closed_at)},
            {"version", need.version}};
  if (with_notes) json["notes"] = need.notes;
  return json;
}

Json ReferralJson(const Referral& referral, const std::map<std::int64_t, std::string>& partner_names) {
  Json partner_name = nullptr;
  if (referral.partner_id) {
    if (auto it = partner_names.find(*referral.partner_id); it != partner_names.end()) partner_name = it->second;
  }
  return Json{{"id", referral.id},
              {"need_id", OrNull(referral.need_id)},
              {"person_id", referral.person_id},
              {"service", referral.service},
              {"partner_id", OrNull(referral.partner_id)},
              {"partner_name", partner_name},
              {"state", referral.state},
              {"due_on", OrNull(referral.due_on)},
              {"notes", referral.notes},
              {"partner_notes", referral.partner_notes},
              {"created_at", referral.created_at},
              {"sent_at", OrNull(referral.sent_at)},
              {"answered_at", OrNull(referral.answered_at)},
              {"done_at", OrNull(referral.done_at)},
              {"updated_at", referral.updated_at},
              {"version", referral.version}};
}

Json PersonNameJson(const registry::Person* person) {
  if (person == nullptr) return nullptr;
  return Json{{"id", person->id},
              {"civility", CivilityWord(person->civility)},
              {"last_name", person->last_name},
              {"first_names", person->first_names}};
}

Json PartnerReferralJson(const Referral& referral, const registry::Person* person) {
  Json who = PersonNameJson(person);
  if (person != nullptr) {
    const auto& a = person->address;
    who["address"] = {{"number", a.number},     {"street", a.street}, {"complement", a.complement},
                      {"building", a.building}, {"floor", a.floor},   {"door_code", a.door_code},
                      {"postcode", a.postcode}, {"town", a.town},     {"access_notes", a.access_notes}};
    Json phones = Json::array();
    for (const auto& phone : person->phones) {
      phones.push_back({{"number", phone.e164}, {"display", core::FormatPhoneForDisplay(phone.e164)}});
    }
    who["phones"] = phones;
  }
  return Json{{"id", referral.id},
              {"service", referral.service},
              {"state", referral.state},
              {"due_on", OrNull(referral.due_on)},
              {"partner_notes", referral.partner_notes},
              {"sent_at", OrNull(referral.sent_at)},
              {"answered_at", OrNull(referral.answered_at)},
              {"done_at", OrNull(referral.done_at)},
              {"version", referral.version},
              {"person", who}};
}

Json PartnerJson(const Partner& partner) {
  return Json{{"id", partner.id},
              {"name", partner.name},
              {"service", partner.service},
              {"email", partner.email},
              {"phone", partner.phone},
              {"phone_display", partner.phone.empty() ? "" : core::FormatPhoneForDisplay(partner.phone)},
              {"active", partner.active},
              {"created_at", partner.created_at},
              {"version", partner.version}};
}

Json InboundJson(const InboundRequest& request) {
  const auto& record = request.record;
  Json answers = Json::array();
  for (const auto& answer : record.urgency_answers) {
    answers.push_back({{"question", answer.question}, {"answer", std::string(AnswerName(answer.answer))}});
  }
  return Json{
      {"id", request.id},
      {"received_at", request.received_at},
      {"taken_by", OrNull(request.taken_by)},
      {"person_id", OrNull(record.person_id)},
      {"contact_name", record.contact_name},
      {"contact_phone", record.contact_phone},
      {"contact_phone_display", record.contact_phone.empty() ? "" : core::FormatPhoneForDisplay(record.contact_phone)},
      {"contact_relation", record.contact_relation},
      {"topic", record.topic},
      {"urgency", record.urgency},
      {"urgency_answers", answers},
      {"queue", record.queue},
      {"assignee_id", OrNull(request.assignee_id)},
      {"state", record.state},
      {"callback_at", OrNull(record.callback_at)},
      {"notes", record.notes},
      {"closed_at", OrNull(request.closed_at)},
      {"updated_at", request.updated_at},
      {"version", request.version}};
}

Json SituationJson(const SituationFollowed& situation) {
  return Json{{"person_id", situation.person_id},
              {"open_needs", situation.open_needs},
              {"live_referrals", situation.live_referrals},
              {"most_urgent", situation.most_urgent},
              {"since", situation.since}};
}

std::map<std::int64_t, registry::Person> PersonsById(db::Connection& connection, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<std::int64_t, registry::Person> persons;
  if (ids.empty()) return persons;
  for (auto& person : registry::LoadPersons(connection, ids)) persons.emplace(person.id, std::move(person));
  return persons;
}

core::Result<std::optional<std::int64_t>> OptionalId(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  }
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

core::Result<std::optional<bool>> OptionalBool(const Json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
  return std::optional<bool>(it->get<bool>());
}

}  // namespace lien::calls
