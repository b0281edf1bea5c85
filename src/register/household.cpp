#include "register/household.hpp"

#include <algorithm>
#include <array>

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::array<std::string_view, 9> kRelationships = {"self",        "spouse", "partner", "child", "grandchild",
                                                            "grandparent", "parent", "sibling", "other"};
constexpr std::array<std::string_view, 11> kDietary = {"no_pork",  "halal",        "kosher",       "vegetarian",
                                                       "vegan",    "gluten_free",  "lactose_free", "diabetic",
                                                       "low_salt", "soft_texture", "nut_allergy"};
constexpr std::size_t kMaxMembers = 20;

bool Contains(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string MembersText(const std::vector<HouseholdMember>& members) {
  std::string out;
  for (const auto& member : members) {
    if (!out.empty()) out += "; ";
    out += member.relationship;
    if (!member.first_name.empty()) out.append(" ").append(member.first_name);
    if (member.birth_year) out.append(" ").append(std::to_string(*member.birth_year));
  }
  return out;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ", ") + code;
  return out;
}

}  // namespace

std::span<const std::string_view> HouseholdRelationships() { return kRelationships; }
std::span<const std::string_view> DietaryConstraints() { return kDietary; }

HouseholdCounts CountMembers(const Household& household, int year) {
  HouseholdCounts counts;
  for (const auto& member : household.members) {
    if (!member.birth_year) {
      ++counts.unknown_age;
      continue;
    }
    // The age reached during `year`: a birth year is all a delivery needs, and all it is told.
    const int age = year - *member.birth_year;
    if (age >= 18) {
      ++counts.adults;
    } else if (age >= 3) {
      ++counts.children;
    } else {
      ++counts.babies;
    }
  }
  return counts;
}

core::Status ValidateHousehold(const Household& household, int year) {
  if (household.members.size() > kMaxMembers) {
    return Fail(ErrorCode::kInvalidInput, "persons.too_many", "members", {{"max", std::to_string(kMaxMembers)}});
  }
  for (std::size_t i = 0; i < household.members.size(); ++i) {
    const auto& member = household.members[i];
    const std::string field = "members[" + std::to_string(i) + "]";
    if (!Contains(kRelationships, member.relationship)) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_code", field + ".relationship",
                  {{"value", member.relationship.substr(0, 40)}});
    }
    if (member.first_name.size() > 100) {
      return Fail(ErrorCode::kInvalidInput, "validation.too_long", field + ".first_name", {{"max", "100"}});
    }
    if (member.birth_year && (*member.birth_year < 1900 || *member.birth_year > year)) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_birth_year", field + ".birth_year",
                  {{"max", std::to_string(year)}});
    }
  }
  for (std::size_t i = 0; i < household.dietary.size(); ++i) {
    const std::string field = "dietary[" + std::to_string(i) + "]";
    if (!Contains(kDietary, household.dietary[i])) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_code", field,
                  {{"value", household.dietary[i].substr(0, 40)}});
    }
    if (std::find(household.dietary.begin(), household.dietary.begin() + static_cast<std::ptrdiff_t>(i),
                  household.dietary[i]) != household.dietary.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Fail(ErrorCode::kInvalidInput, "persons.code_twice", field, {{"value", household.dietary[i]}});
    }
  }
  for (auto [value, field] :
       {std::pair{&household.dietary_notes, "dietary_notes"}, std::pair{&household.delivery_notes, "delivery_notes"}}) {
    if (value->size() > 1000) {
      return Fail(ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", "1000"}});
    }
  }
  return {};
}

std::vector<FieldChange> DiffHouseholds(const Household& before, const Household& after) {
  std::vector<FieldChange> changes;
  auto compare = [&changes](const char* field, std::string from, std::string to) {
    if (from != to) changes.push_back(FieldChange{field, std::move(from), std::move(to)});
  };
  compare("household.members", MembersText(before.members), MembersText(after.members));
  compare("household.dietary", JoinCodes(before.dietary), JoinCodes(after.dietary));
  compare("household.dietary_notes", before.dietary_notes, after.dietary_notes);
  compare("household.delivery_notes", before.delivery_notes, after.delivery_notes);
  return changes;
}

}  // namespace lien::registry
