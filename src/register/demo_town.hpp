#pragma once
// The demo town of `lien demo`: a plausible French town (streets with coordinates around Béthune, house
// numbers placed along them) whose register holds about 2,000 people, mostly aged 65 or more, with their
// register entries (grounds, who asked, acknowledgements due and overdue, a few oppositions and removals),
// some households for the food platform, care-home residents and a few deliberate duplicates. Pure values, no
// database: app/demo_command.cpp stores them. Same seed and same day, same town. No real person's data.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "register/model.hpp"

namespace lien::registry {

struct DemoTownOptions {
  std::size_t persons = 2'000;  ///< records, duplicates included
  std::size_t duplicates = 24;  ///< second entries of someone already in the register
  std::uint64_t seed = 2026;
  /// The day the demo is made: workflow dates (requests, acknowledgements, contacts, deliveries) are placed
  /// relative to it so that some acknowledgements are due and some overdue whenever the demo is made. Names,
  /// addresses and birth dates depend on the seed only.
  Date today{std::chrono::year(2026), std::chrono::month(6), std::chrono::day(15)};
};

/// A street of the town, drawn as a straight line from the first to the last house number.
struct DemoStreet {
  std::string name;  ///< "rue Victor Hugo"
  GeoPoint start;
  GeoPoint end;
  int last_number = 0;  ///< numbers run 1..last_number, odd on one side, even on the other
};

/// A register entry as the legal workflow makes it (docs/register.md), in the schema's vocabulary.
struct DemoRegisterEntry {
  std::string state = "registered";  ///< registered, opposed, removed
  std::string ground;                ///< age_65, age_60_unfit, disabled_aah, _pch_actp, _card, _rqth, _pension
  std::string home_care_service;
  std::string emergency_contact_name;
  std::string emergency_contact_phone;  ///< national notation, as typed
  std::string emergency_contact_relation;
  std::string requested_by;  ///< self, legal_representative, third_party (relative, neighbour, doctor, home help)
  std::string requester_name;
  std::string requester_relation;  ///< a third party's: relative, neighbour, doctor, home_help
  std::string request_evidence;    ///< the written request of a third party
  Date requested_on;
  std::string source = "request";  ///< request or import
  std::string import_source;       ///< the file of an imported register
  std::optional<Date> acknowledged_on;
  std::optional<Date> ended_on;  ///< the day of the opposition or removal
  std::string removal_reason;
};

struct DemoHouseholdMember {
  std::string relationship;  ///< spouse, child, grandchild, parent, other
  std::string first_name;
  int birth_year = 0;
};

/// A household the food platform delivers to (delivery purpose).
struct DemoHousehold {
  std::vector<std::string> dietary;  ///< codes of DietaryConstraints(): no_pork, vegetarian, diabetic…
  std::string dietary_notes;
  std::string delivery_notes;
  std::vector<DemoHouseholdMember> members;  ///< besides the person
  std::optional<Date> last_delivery_on;
};

struct DemoPerson {
  Person person;
  std::optional<DemoRegisterEntry> entry;
  std::optional<DemoHousehold> household;
  std::optional<Date> last_contact_on;  ///< the last call or visit of the follow-up, if any
  bool care_home = false;
};

struct DemoTown {
  std::string name;
  std::string postcode;
  GeoPoint centre;
  std::vector<DemoStreet> streets;
  std::vector<DemoPerson> persons;
  /// Pairs (original, second entry) of indexes in `persons`: the deliberate duplicates.
  std::vector<std::pair<std::size_t, std::size_t>> duplicate_pairs;
};

/// Makes the town. Deterministic: the same options give the same town on every platform.
DemoTown GenerateDemoTown(const DemoTownOptions& options = {});

}  // namespace lien::registry
