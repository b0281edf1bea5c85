#pragma once
// A person's follow-up profile and emergency contacts (docs/calls.md, follow-up purpose): what the callers and the
// escalations need to know of them. Health notes are read and written by follow_up holders only, never shown on a
// caller's screen.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/schedule_model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace lien::calls {

inline constexpr std::size_t kMaxHealthNotesLength = 4000;
inline constexpr std::size_t kMaxEmergencyContacts = 10;
inline constexpr std::size_t kMaxContactFieldLength = 200;
inline constexpr std::size_t kMaxContactNotesLength = 1000;

struct FollowUpProfile {
  PersonId person_id = 0;
  bool lives_alone = false;
  bool no_family = false;
  WeekdaySet preferred_weekdays{};
  std::optional<LocalWindow> preferred_window{};
  std::string health_notes{};
  core::EpochMillis updated_at = 0;
  std::optional<std::int64_t> updated_by{};
  std::int64_t version = 0;  ///< 0: no profile stored yet
};

struct EmergencyContact {
  std::string name{};
  std::string relation{};  ///< "fille", "voisin", free text
  std::string phone{};     ///< E.164 once validated
  std::string notes{};
};

/// Errors (kInvalidInput): `validation.too_long` on health_notes.
core::Status ValidateFollowUpProfile(const FollowUpProfile& profile);

/// Parses each contact's phone to E.164 in place (core::ParsePhone, "FR" by default) and checks the fields.
/// Errors naming `emergency_contacts[i].field`: `validation.required` (name), `phone.invalid`, `validation.too_long`,
/// `follow_up.too_many_contacts`.
core::Status NormaliseEmergencyContacts(std::vector<EmergencyContact>& contacts);

}  // namespace lien::calls
