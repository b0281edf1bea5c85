#include "register/register_entry_json.hpp"

#include "http/json_body.hpp"
#include "register/register_entry_rules.hpp"

namespace lien::registry {
namespace {

using nlohmann::json;

template <class T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json DateOrNull(const std::optional<Date>& date) { return date ? json(IsoDate(*date)) : json(nullptr); }

}  // namespace

json RegisterEntryJson(const RegisterEntry& entry, const Date& today) {
  return json{{"person_id", entry.person_id},
              {"state", entry.state},
              {"ground", entry.ground},
              {"home_care_service", entry.home_care_service},
              {"emergency_contact_name", entry.emergency_contact_name},
              {"emergency_contact_phone", entry.emergency_contact_phone},
              {"emergency_contact_relation", entry.emergency_contact_relation},
              {"requested_by", entry.requested_by},
              {"requester_name", entry.requester_name},
              {"requester_relation", entry.requester_relation},
              {"request_evidence", entry.request_evidence},
              {"requested_on", IsoDate(entry.requested_on)},
              {"source", entry.source},
              {"import_source", entry.import_source},
              {"acknowledgement_due", DateOrNull(entry.acknowledgement_due)},
              {"acknowledged_at", OrNull(entry.acknowledged_at)},
              {"overdue", AcknowledgementOverdue(entry, today)},
              {"opposed_at", OrNull(entry.opposed_at)},
              {"removed_at", OrNull(entry.removed_at)},
              {"removal_reason", entry.removal_reason},
              {"created_at", entry.created_at},
              {"updated_at", entry.updated_at},
              {"version", entry.version}};
}

json RegisterHistoryJson(const std::vector<HistoryEntry>& entries) {
  json items = json::array();
  for (const auto& entry : entries) {
    json changes = json::object();
    for (const auto& change : entry.changes) changes[change.field] = {{"from", change.from}, {"to", change.to}};
    items.push_back({{"version", entry.version},
                     {"at", entry.at},
                     {"actor_login", entry.actor_login},
                     {"action", entry.action},
                     {"purpose", entry.purpose},
                     {"changes", changes}});
  }
  return items;
}

core::Result<RegisterEntryDraft> RegisterEntryDraftFromJson(const json& body) {
  if (auto only = http::OnlyFields(body, {"ground", "home_care_service", "emergency_contact_name",
                                          "emergency_contact_phone", "emergency_contact_relation", "requested_by",
                                          "requester_name", "requester_relation", "request_evidence", "requested_on"});
      !only) {
    return core::Fail(only.error());
  }
  RegisterEntryDraft draft;
  core::Status status;
  ForEachDraftField(draft, [&](const char* field, std::optional<std::string>& target) {
    if (!status || !body.contains(field)) return;
    auto value = http::OptionalString(body, field, kMaxEntryTextLength);
    if (!value) {
      status = core::Fail(value.error());
      return;
    }
    target = value->value_or("");
  });
  if (!status) return core::Fail(status.error());
  return draft;
}

}  // namespace lien::registry
