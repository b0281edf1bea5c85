#pragma once
// Escalations as JSON (routes only): the record, and the record with what the coordinator's screen and the
// visiting agent need beside it — the person's name, phones and address, the emergency contacts, the last calls.

#include <vector>

#include "calls/call_store.hpp"
#include "calls/escalation_store.hpp"
#include "calls/follow_up_profile_store.hpp"
#include "http/json_body.hpp"
#include "register/model.hpp"

namespace lien::calls {

http::Json EscalationJson(const Escalation& escalation);

/// EscalationJson with "person", "emergency_contacts" and "last_calls" (the person's), `person` may be null
/// (erased meanwhile).
http::Json EscalationDetailJson(const Escalation& escalation, const registry::Person* person,
                                const std::vector<EmergencyContact>& contacts, const std::vector<CallSummary>& calls);

}  // namespace lien::calls
