#pragma once
// A person's household, for the food platform's deliveries (the `delivery` purpose): who lives there, the
// counts a delivery is sized by, dietary constraints from a fixed list, and notes for the driver.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {

/// One member; only a first name and a birth year: a delivery needs no more.
struct HouseholdMember {
  std::string relationship;  ///< one of HouseholdRelationships(): "self", "spouse", "child"…
  std::string first_name;
  std::optional<int> birth_year;
};

struct Household {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::vector<HouseholdMember> members;  ///< everyone living there, the person included ("self")
  std::vector<std::string> dietary;      ///< codes of DietaryConstraints(), no code twice
  std::string dietary_notes;             ///< allergies and the like, in words
  std::string delivery_notes;            ///< for the driver: "2e étage sans ascenseur", "appeler avant"
  std::optional<core::EpochMillis> last_delivery_at;
  core::EpochMillis created_at = 0;
  core::EpochMillis updated_at = 0;
  std::int64_t version = 0;
};

/// "self", "spouse", "partner", "child", "grandchild", "parent", "grandparent", "sibling", "other".
std::span<const std::string_view> HouseholdRelationships();
/// "no_pork", "halal", "kosher", "vegetarian", "vegan", "gluten_free", "lactose_free", "diabetic",
/// "low_salt", "soft_texture", "nut_allergy".
std::span<const std::string_view> DietaryConstraints();

/// Adults are 18 or more in `year`, children 3 to 17, babies under 3; a member without a birth year is
/// counted apart.
struct HouseholdCounts {
  int adults = 0;
  int children = 0;
  int babies = 0;
  int unknown_age = 0;
};
HouseholdCounts CountMembers(const Household& household, int year);

/// At most 20 members, each with a known relationship, a first name up to 100 characters and a birth year
/// between 1900 and `year`; dietary codes from the list, none twice; notes up to 1000 characters. The error
/// names the field ("members[2].birth_year", "dietary[0]").
core::Status ValidateHousehold(const Household& household, int year);

/// The fields that differ, named "household.members", "household.dietary", "household.dietary_notes",
/// "household.delivery_notes" (members written "child Léa 2019; self Marie 1950").
std::vector<FieldChange> DiffHouseholds(const Household& before, const Household& after);

}  // namespace lien::registry
