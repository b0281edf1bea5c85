#include "register/demo_town_store.hpp"

#include <chrono>
#include <stdexcept>
#include <string>

#include "core/phone.hpp"
#include "register/household_store.hpp"
#include "register/person_store.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {
namespace {

// The instant of a day of the demo: 10:00 UTC, office hours.
core::EpochMillis At(const Date& date) {
  const auto day = std::chrono::sys_days(date) + std::chrono::hours(10);
  return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count();
}

std::optional<int> BirthYear(const Person& person) {
  if (!person.birth_date) return std::nullopt;
  return static_cast<int>(person.birth_date->year());
}

// The entry as the workflow would have left it on the days the demo says, written through the register's
// store rather than its workflow because the workflow stamps every step `now`, and a demo needs a past:
// requests of three years ago, acknowledgements sent then, oppositions last spring.
void InsertEntry(db::Connection& connection, std::int64_t person_id, const DemoRegisterEntry& demo,
                 core::EpochMillis now) {
  RegisterEntry entry;
  entry.person_id = person_id;
  entry.state = demo.state;
  entry.ground = demo.ground;
  entry.home_care_service = demo.home_care_service;
  entry.emergency_contact_name = demo.emergency_contact_name;
  if (const auto phone = core::ParsePhone(demo.emergency_contact_phone)) entry.emergency_contact_phone = *phone;
  entry.emergency_contact_relation = demo.emergency_contact_relation;
  entry.requested_by = demo.requested_by;
  entry.requester_name = demo.requester_name;
  entry.requester_relation = demo.requester_relation;
  entry.request_evidence = demo.request_evidence;
  entry.requested_on = demo.requested_on;
  entry.source = demo.source;
  entry.import_source = demo.import_source;
  entry.acknowledgement_due = Date{std::chrono::sys_days(demo.requested_on) + std::chrono::days(kAcknowledgementDays)};
  if (demo.acknowledged_on) entry.acknowledged_at = At(*demo.acknowledged_on);
  if (demo.ended_on && demo.state == kStateOpposed) entry.opposed_at = At(*demo.ended_on);
  if (demo.ended_on && demo.state == kStateRemoved) entry.removed_at = At(*demo.ended_on);
  entry.removal_reason = demo.removal_reason;
  entry.created_at = At(demo.requested_on);
  entry.updated_at = now;
  store::InsertRegisterEntry(connection, entry);
}

// The household through the households' store, as a social worker would have described it (the person first,
// as "self"), with the day of its last delivery.
void InsertHousehold(db::Connection& connection, const Person& person, const DemoHousehold& demo,
                     const ChangeAuthor& author, core::EpochMillis now) {
  Household household;
  household.person_id = person.id;
  const auto first_name = person.first_names.substr(0, person.first_names.find(' '));
  household.members.push_back(HouseholdMember{"self", first_name, BirthYear(person)});
  for (const auto& member : demo.members) {
    household.members.push_back(HouseholdMember{member.relationship, member.first_name, member.birth_year});
  }
  household.dietary = demo.dietary;
  household.dietary_notes = demo.dietary_notes;
  household.delivery_notes = demo.delivery_notes;
  const int year = static_cast<int>(DayOf(now).year());
  if (auto valid = ValidateHousehold(household, year); !valid) {
    throw std::logic_error("demo household of person " + std::to_string(person.id) + ": " + valid.error().message_key +
                           " " + valid.error().field);
  }
  auto saved = SaveHousehold(connection, household, std::nullopt, author, now);
  if (!saved) throw std::logic_error("demo household not saved: " + saved.error().message_key);
  if (demo.last_delivery_on) RecordLastDelivery(connection, person.id, At(*demo.last_delivery_on));
}

}  // namespace

DemoTownCounts StoreDemoTown(db::Connection& connection, const DemoTown& town, core::EpochMillis now) {
  DemoTownCounts counts;
  if (connection.QueryOne("SELECT 1 FROM persons LIMIT 1")) {
    counts.already_filled = true;
    return counts;
  }
  const ChangeAuthor author{std::nullopt, "demo"};
  for (const auto& member : town.persons) {
    Person person = member.person;
    const auto id = InsertPerson(connection, person, author, now);
    ++counts.persons;
    if (member.last_contact_on) {
      // The follow-up's calls come with the next module; the demo sets the date they would have left.
      connection.Execute("UPDATE persons SET last_contact_at = ? WHERE id = ?", {At(*member.last_contact_on), id});
    }
    if (member.entry) {
      InsertEntry(connection, id, *member.entry, now);
      ++counts.register_entries;
    }
    if (member.household) {
      InsertHousehold(connection, person, *member.household, author, now);
      ++counts.households;
    }
  }
  return counts;
}

}  // namespace lien::registry
