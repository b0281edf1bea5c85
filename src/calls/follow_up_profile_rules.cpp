#include "calls/follow_up_profile_rules.hpp"

#include "core/phone.hpp"

namespace lien::calls {
namespace {

core::Status TooLong(const std::string& field, std::size_t max) {
  return core::Fail(core::ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", std::to_string(max)}});
}

}  // namespace

core::Status ValidateFollowUpProfile(const FollowUpProfile& profile) {
  if (profile.health_notes.size() > kMaxHealthNotesLength) return TooLong("health_notes", kMaxHealthNotesLength);
  return {};
}

core::Status NormaliseEmergencyContacts(std::vector<EmergencyContact>& contacts) {
  if (contacts.size() > kMaxEmergencyContacts) {
    return core::Fail(core::ErrorCode::kInvalidInput, "follow_up.too_many_contacts", "emergency_contacts",
                      {{"max", std::to_string(kMaxEmergencyContacts)}});
  }
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    EmergencyContact& contact = contacts[i];
    const std::string at = "emergency_contacts[" + std::to_string(i) + "]";
    if (contact.name.find_first_not_of(' ') == std::string::npos) {
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", at + ".name");
    }
    if (contact.name.size() > kMaxContactFieldLength) return TooLong(at + ".name", kMaxContactFieldLength);
    if (contact.relation.size() > kMaxContactFieldLength) return TooLong(at + ".relation", kMaxContactFieldLength);
    if (contact.notes.size() > kMaxContactNotesLength) return TooLong(at + ".notes", kMaxContactNotesLength);
    auto phone = core::ParsePhone(contact.phone, at + ".phone");
    if (!phone) return core::Fail(phone.error());
    contact.phone = *phone;
  }
  return {};
}

}  // namespace lien::calls
