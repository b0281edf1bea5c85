#include "register/retention.hpp"

#include <gtest/gtest.h>

namespace lien::registry {
namespace {

constexpr core::EpochMillis kDay = 24LL * 3600 * 1000;

class Retention : public ::testing::Test {
 protected:
  // 15 June 2026, moved by the tests.
  core::ManualClock clock{1'781'481'600'000};

  RetentionFacts Person(std::int64_t id) const {
    RetentionFacts facts;
    facts.person_id = id;
    facts.status = "active";
    facts.updated_at = clock.Now() - 10 * kDay;
    return facts;
  }

  RetentionPlan Plan(const std::vector<RetentionFacts>& facts, RetentionPolicy policy = {}) const {
    return PlanRetention(facts, policy, clock.Now());
  }
};

TEST_F(Retention, RemovedAndOpposedEntriesEndAtOnceThePersonStays) {
  auto removed = Person(1);
  removed.entry_state = "removed";
  auto opposed = Person(2);
  opposed.entry_state = "opposed";
  auto registered = Person(3);
  registered.entry_state = "registered";
  const auto plan = Plan({removed, opposed, registered});
  EXPECT_EQ(plan.register_entries, (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(plan.persons.empty());
  EXPECT_TRUE(plan.households.empty());
}

TEST_F(Retention, EntriesOfPersonsMovedOrDeceasedEnd) {
  auto moved = Person(4);
  moved.status = "moved";
  moved.entry_state = "registered";
  auto deceased = Person(5);
  deceased.status = "deceased";
  deceased.entry_state = "registered";
  auto in_hospital = Person(6);
  in_hospital.status = "in_hospital";
  in_hospital.entry_state = "registered";
  EXPECT_EQ(Plan({moved, deceased, in_hospital}).register_entries, (std::vector<std::int64_t>{4, 5}));
}

TEST_F(Retention, FollowUpEndsTwoYearsAfterTheLastContact) {
  auto contacted = Person(7);
  contacted.last_contact_at = clock.Now();
  contacted.updated_at = clock.Now();
  auto never_contacted = Person(8);
  never_contacted.updated_at = clock.Now();
  EXPECT_TRUE(Plan({contacted, never_contacted}).Empty());

  clock.Advance(729 * kDay);
  EXPECT_TRUE(Plan({contacted, never_contacted}).Empty()) << "one day short of two years";
  clock.Advance(2 * kDay);
  EXPECT_EQ(Plan({contacted, never_contacted}).persons, (std::vector<std::int64_t>{7, 8}));

  // A recent edit does not hold a person whose last contact is old: the contact is what counts.
  contacted.updated_at = clock.Now();
  EXPECT_EQ(Plan({contacted}).persons, (std::vector<std::int64_t>{7}));
  // The period is configurable.
  RetentionPolicy longer;
  longer.follow_up_days = 1'000;
  EXPECT_TRUE(Plan({contacted, never_contacted}, longer).persons.empty());
}

TEST_F(Retention, ALiveEntryOrAHouseholdStillDeliveredKeepsThePerson) {
  auto registered = Person(9);
  registered.entry_state = "registered";
  registered.last_contact_at = clock.Now();
  auto delivered = Person(10);
  delivered.has_household = true;
  delivered.household_created_at = clock.Now();
  delivered.last_delivery_at = clock.Now() + 700 * kDay;
  delivered.last_contact_at = clock.Now();
  clock.Advance(800 * kDay);
  const auto plan = Plan({registered, delivered});
  EXPECT_TRUE(plan.Empty());

  // The person removed from the register and not contacted since goes with their entry.
  registered.entry_state = "removed";
  const auto later = Plan({registered});
  EXPECT_EQ(later.persons, (std::vector<std::int64_t>{9}));
  EXPECT_TRUE(later.register_entries.empty()) << "erased with the person, not listed twice";
}

TEST_F(Retention, HouseholdsEndTwoYearsAfterTheLastDelivery) {
  auto household = Person(11);
  household.has_household = true;
  household.household_created_at = clock.Now() - 1'000 * kDay;
  household.last_delivery_at = clock.Now() - 800 * kDay;
  household.last_contact_at = clock.Now() - 10 * kDay;  // followed up recently: the person stays
  auto never_delivered = Person(12);
  never_delivered.has_household = true;
  never_delivered.household_created_at = clock.Now() - 100 * kDay;
  never_delivered.last_contact_at = clock.Now() - 10 * kDay;
  auto plan = Plan({household, never_delivered});
  EXPECT_EQ(plan.households, (std::vector<std::int64_t>{11}));
  EXPECT_TRUE(plan.persons.empty());

  RetentionPolicy shorter;
  shorter.delivery_days = 90;
  plan = Plan({household, never_delivered}, shorter);
  EXPECT_EQ(plan.households, (std::vector<std::int64_t>{11, 12}));
}

}  // namespace
}  // namespace lien::registry
