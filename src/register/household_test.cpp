#include "register/household.hpp"

#include <gtest/gtest.h>

#include "register/merge_store.hpp"

namespace lien::registry {
namespace {

TEST(Households, MembersAreCountedByAgeInTheYear) {
  Household household;
  household.members = {{"self", "Marie", 1950},     {"child", "Léa", 2008},      {"child", "Tom", 2009},
                       {"grandchild", "Zoé", 2023}, {"grandchild", "Noé", 2024}, {"other", "", std::nullopt}};
  const auto counts = CountMembers(household, 2026);
  EXPECT_EQ(counts.adults, 2);    // 1950 and 2008 (18 this year)
  EXPECT_EQ(counts.children, 2);  // 2009 (17) and 2023 (3)
  EXPECT_EQ(counts.babies, 1);    // 2024
  EXPECT_EQ(counts.unknown_age, 1);
}

TEST(Households, ValidationNamesTheField) {
  auto field_of = [](const Household& household) {
    auto status = ValidateHousehold(household, 2026);
    return status ? std::string("ok") : status.error().field;
  };
  Household household;
  household.members = {{"self", "Marie", 1950}};
  household.dietary = {"halal", "diabetic"};
  EXPECT_EQ(field_of(household), "ok");
  household.members.push_back({"cousin", "", std::nullopt});
  EXPECT_EQ(field_of(household), "members[1].relationship");
  household.members.back() = {"child", "", 2027};
  EXPECT_EQ(field_of(household), "members[1].birth_year");
  household.members.pop_back();
  household.dietary.push_back("halal");
  EXPECT_EQ(field_of(household), "dietary[2]");
  household.dietary = {"sans_sel"};
  EXPECT_EQ(field_of(household), "dietary[0]");
  household.dietary.clear();
  household.delivery_notes.assign(1001, 'x');
  EXPECT_EQ(field_of(household), "delivery_notes");
  household.delivery_notes.clear();
  household.members.assign(21, HouseholdMember{"other", "", std::nullopt});
  EXPECT_EQ(field_of(household), "members");
}

TEST(Households, DiffNamesTheHouseholdFields) {
  Household before;
  Household after;
  after.members = {{"self", "Marie", 1950}, {"child", "Léa", 2015}};
  after.dietary = {"no_pork"};
  const auto changes = DiffHouseholds(before, after);
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].field, "household.members");
  EXPECT_EQ(changes[0].to, "self Marie 1950; child Léa 2015");
  EXPECT_EQ(changes[1].field, "household.dietary");
  EXPECT_EQ(GroupOfField(changes[0].field), "household");
}

TEST(Merge, TheKeptRecordTakesTheOthersContactsAndFillsItsBlanks) {
  Person kept;
  kept.last_name = "Lefèvre";
  kept.phones = {Phone{"+33322016310", "fixe"}};
  kept.languages = {"fr"};
  kept.address.street = "rue Victor Hugo";
  Person other;
  other.last_name = "LEFEVRE";
  other.first_names = "Marie";
  other.email = "marie@example.fr";
  other.phones = {Phone{"+33612345678", "portable"}, Phone{"+33322016310", ""}};
  other.languages = {"pt", "fr"};
  other.address.street = "rue Jules Verne";
  other.address.town = "Amiens";
  const auto merged = MergedRecord(kept, other);
  EXPECT_EQ(merged.last_name, "Lefèvre");
  EXPECT_EQ(merged.first_names, "Marie");
  EXPECT_EQ(merged.email, "marie@example.fr");
  ASSERT_EQ(merged.phones.size(), 2U);
  EXPECT_EQ(merged.phones[0].label, "fixe");
  EXPECT_EQ(merged.phones[1].e164, "+33612345678");
  EXPECT_EQ(merged.languages, (std::vector<std::string>{"fr", "pt"}));
  EXPECT_EQ(merged.address.street, "rue Victor Hugo") << "an address is never mixed with another";
  EXPECT_EQ(merged.address.town, "");
}

}  // namespace
}  // namespace lien::registry
