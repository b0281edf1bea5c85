#pragma once
// What of a person a role reads and writes: field groups per purpose (docs/register.md, "Field groups and
// views"). The routes narrow every response and refuse every write with these; the rights and export code
// reuse them.

#include <cstdint>
#include <string_view>

#include "auth/roles.hpp"

namespace lien::registry {

enum class FieldGroup : std::uint8_t {
  kIdentity,   ///< id, version, civility, last_name, birth_name, first_names, birth_date
  kContact,    ///< address, phones, email, languages, hearing
  kSituation,  ///< status, status_until (follow-up purpose: "in hospital" is health information)
  kHistory,    ///< the change history of the record
  kHousehold,  ///< the household (delivery purpose)
  kRegister,   ///< the register entry (register purpose)
};

/// "identity", "contact", "situation", "history", "household", "register".
std::string_view FieldGroupName(FieldGroup group);

/// A set of field groups.
class View {
 public:
  constexpr View() = default;
  constexpr View With(FieldGroup group) const { return View(bits_ | Bit(group)); }
  constexpr bool Has(FieldGroup group) const { return (bits_ & Bit(group)) != 0; }
  constexpr bool Empty() const { return bits_ == 0; }
  /// The view of everything (the DPO's access request).
  static View All();
  bool operator==(const View&) const = default;

 private:
  constexpr explicit View(std::uint8_t bits) : bits_(bits) {}
  static constexpr std::uint8_t Bit(FieldGroup group) {
    return static_cast<std::uint8_t>(1U << static_cast<int>(group));
  }
  std::uint8_t bits_ = 0;
};

/// The groups `role` reads and writes on the persons' routes; `designated` (a register agent who has
/// acknowledged professional secrecy) adds the register. Coordinators and social workers: identity,
/// contact, situation, history, household; intake agents: identity, contact; everyone else nothing (the DPO
/// reads through the rights routes only, with View::All()).
View ViewOf(auth::Role role, bool designated);

/// The purpose an access in this view serves, for the audit trail: "follow_up" when the view holds the
/// situation, otherwise "contact".
std::string_view PurposeOf(View view);

}  // namespace lien::registry
