#include "register/demo_town.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "register/duplicates.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year(2026), month(6), day(15)};

DemoTownOptions Options(std::uint64_t seed = 7) {
  DemoTownOptions options;
  options.seed = seed;
  options.today = kToday;
  return options;
}

std::string Fingerprint(const DemoPerson& p) {
  std::string text = p.person.last_name + "|" + p.person.first_names + "|" + p.person.address.number + " " +
                     p.person.address.street + "|";
  if (p.person.birth_date) text += std::to_string(static_cast<int>(p.person.birth_date->year()));
  for (const auto& phone : p.person.phones) text += "|" + phone.e164;
  if (p.entry) text += "|" + p.entry->state + p.entry->ground + p.entry->requested_by + p.entry->request_evidence;
  if (p.household) text += "|household " + std::to_string(p.household->members.size());
  return text;
}

TEST(DemoTown, SameSeedSameTown) {
  const auto first = GenerateDemoTown(Options());
  const auto second = GenerateDemoTown(Options());
  ASSERT_EQ(first.persons.size(), second.persons.size());
  for (std::size_t i = 0; i < first.persons.size(); ++i)
    EXPECT_EQ(Fingerprint(first.persons[i]), Fingerprint(second.persons[i])) << i;
  EXPECT_EQ(first.duplicate_pairs, second.duplicate_pairs);
  ASSERT_EQ(first.streets.size(), second.streets.size());
  EXPECT_EQ(first.streets[10].start.latitude, second.streets[10].start.latitude);

  const auto other = GenerateDemoTown(Options(8));
  std::size_t same = 0;
  for (std::size_t i = 0; i < other.persons.size(); ++i)
    same += Fingerprint(other.persons[i]) == Fingerprint(first.persons[i]);
  EXPECT_LT(same, 20U);
}

TEST(DemoTown, ATownOfTwoThousandMostlyOld) {
  const auto town = GenerateDemoTown(Options());
  EXPECT_EQ(town.name, "Béthune");
  ASSERT_EQ(town.persons.size(), 2'000U);
  EXPECT_GE(town.streets.size(), 55U);
  std::size_t old = 0, care_home = 0, with_phone = 0;
  std::set<std::string> streets_used;
  std::set<std::size_t> second_entries;
  for (const auto& pair : town.duplicate_pairs) second_entries.insert(pair.second);
  for (std::size_t i = 0; i < town.persons.size(); ++i) {
    const auto& member = town.persons[i];
    const auto& p = member.person;
    // A second entry may have been typed without the date of birth.
    ASSERT_TRUE(p.birth_date.has_value() || second_entries.contains(i)) << i;
    const int age = p.birth_date ? AgeOn(*p.birth_date, kToday) : 70;
    EXPECT_GE(age, 18);
    EXPECT_LE(age, 103);
    old += age >= 65;
    care_home += member.care_home;
    with_phone += !p.phones.empty();
    EXPECT_EQ(p.address.postcode, "62400");
    ASSERT_TRUE(p.address.coordinates.has_value()) << p.address.street;
    // Within a few kilometres of Béthune's town hall.
    EXPECT_NEAR(p.address.coordinates->latitude, 50.53, 0.04);
    EXPECT_NEAR(p.address.coordinates->longitude, 2.64, 0.06);
    streets_used.insert(p.address.street);
  }
  EXPECT_GT(old, town.persons.size() * 7 / 10);
  EXPECT_GT(care_home, 60U);
  EXPECT_GT(with_phone, town.persons.size() * 8 / 10);
  EXPECT_GE(streets_used.size(), 50U);
}

TEST(DemoTown, HouseNumbersFollowTheirStreet) {
  const auto town = GenerateDemoTown(Options());
  const auto& street = town.streets[0];
  ASSERT_GE(street.last_number, 20);
  // Number 1 is near the start of the street, the last ones near its end.
  double start_distance = 1e9, end_distance = 1e9;
  for (const auto& member : town.persons) {
    const auto& a = member.person.address;
    if (a.street != street.name || a.number.find(' ') != std::string::npos) continue;
    const int number = std::stoi(a.number);
    EXPECT_LE(number, street.last_number);
    const double from_start =
        std::hypot(a.coordinates->latitude - street.start.latitude, a.coordinates->longitude - street.start.longitude);
    const double from_end =
        std::hypot(a.coordinates->latitude - street.end.latitude, a.coordinates->longitude - street.end.longitude);
    if (number <= 4) start_distance = std::min(start_distance, from_start - from_end);
    if (number >= street.last_number - 3) end_distance = std::min(end_distance, from_end - from_start);
  }
  if (start_distance < 1e9) {
    EXPECT_LT(start_distance, 0.0);
  }
  if (end_distance < 1e9) {
    EXPECT_LT(end_distance, 0.0);
  }
}

TEST(DemoTown, RegisterEntriesHaveSourcesAndAcknowledgementsDueAndOverdue) {
  const auto town = GenerateDemoTown(Options());
  std::size_t registered = 0, opposed = 0, removed = 0, due = 0, overdue = 0, imported = 0, third_party = 0;
  std::set<std::string> requesters, relations;
  for (const auto& member : town.persons) {
    if (!member.entry) continue;
    const auto& entry = *member.entry;
    requesters.insert(entry.requested_by);
    if (entry.requested_by == "third_party") relations.insert(entry.requester_relation);
    EXPECT_LE(entry.requested_on, kToday);
    if (entry.requested_by != "self") {
      ++third_party;
      EXPECT_FALSE(entry.request_evidence.empty()) << entry.requested_by;
      EXPECT_FALSE(entry.requester_name.empty());
    }
    imported += entry.source == "import" && !entry.import_source.empty();
    if (entry.state == "registered") {
      ++registered;
      EXPECT_FALSE(entry.ground.empty());
      if (!entry.acknowledged_on) {
        const Date due_on{std::chrono::sys_days(entry.requested_on) + std::chrono::days(8)};
        (due_on >= kToday ? due : overdue)++;
      }
    } else {
      EXPECT_TRUE(entry.ground.empty()) << "legal fields cleared when " << entry.state;
      ASSERT_TRUE(entry.ended_on.has_value());
      opposed += entry.state == "opposed";
      removed += entry.state == "removed";
    }
  }
  EXPECT_GT(registered, 1'200U);
  EXPECT_GE(due, 5U);
  EXPECT_GE(overdue, 5U);
  EXPECT_GE(opposed, 3U);
  EXPECT_GE(removed, 3U);
  EXPECT_GT(imported, 50U);
  EXPECT_GT(third_party, 300U);
  EXPECT_EQ(requesters, (std::set<std::string>{"self", "legal_representative", "third_party"}));
  EXPECT_EQ(relations, (std::set<std::string>{"relative", "neighbour", "doctor", "home_help"}));
}

TEST(DemoTown, HouseholdsAndContactsIncludingSomePastTheirTime) {
  const auto town = GenerateDemoTown(Options());
  std::size_t households = 0, with_members = 0, with_diet = 0, stale_delivery = 0, stale_contact = 0;
  for (const auto& member : town.persons) {
    if (member.last_contact_on && *member.last_contact_on < Date(year(2024), month(6), day(15))) ++stale_contact;
    if (!member.household) continue;
    ++households;
    with_members += !member.household->members.empty();
    with_diet += !member.household->dietary.empty();
    for (const auto& m : member.household->members) {
      EXPECT_FALSE(m.first_name.empty());
      EXPECT_GT(m.birth_year, 1900);
    }
    if (member.household->last_delivery_on && *member.household->last_delivery_on < Date(year(2024), month(6), day(15)))
      ++stale_delivery;
  }
  EXPECT_GT(households, 60U);
  EXPECT_LT(households, 250U);
  EXPECT_GT(with_members, households / 3);
  EXPECT_GT(with_diet, 10U);
  EXPECT_GE(stale_delivery, 1U);
  EXPECT_GT(stale_contact, 20U);
}

TEST(DemoTown, DeliberateDuplicatesThatLienFlags) {
  const auto town = GenerateDemoTown(Options());
  ASSERT_EQ(town.duplicate_pairs.size(), 24U);
  for (const auto& [original, copy] : town.duplicate_pairs) {
    ASSERT_LT(original, town.persons.size());
    ASSERT_LT(copy, town.persons.size());
    EXPECT_NE(original, copy);
    EXPECT_GE(ScoreDuplicate(town.persons[original].person, town.persons[copy].person).score, 0.5);
    EXPECT_FALSE(town.persons[copy].entry.has_value()) << "a second entry carries no register entry of its own";
  }
}

}  // namespace
}  // namespace lien::registry
