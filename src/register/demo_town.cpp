#include "register/demo_town.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string_view>

#include "register/demo_town_names.hpp"
#include "register/duplicates.hpp"
#include "register/person_rules.hpp"
#include "register/synthetic_people.hpp"

namespace lien::registry {
namespace {

namespace names = demo_town_names;
using std::chrono::days;
using std::chrono::sys_days;

// Birth dates are drawn for this year whatever the day the demo is made, so a seed always names the same
// people born the same days.
constexpr int kReferenceYear = 2026;
constexpr double kMetresPerDegreeLatitude = 111'320.0;

Date AddDays(const Date& date, int count) { return Date(sys_days(date) + days(count)); }

std::string FrenchDate(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return text;
}

// "06 12 34 56 78": how a form gives a number.
std::string Spaced(const std::string& national) {
  std::string text;
  for (std::size_t i = 0; i < national.size(); ++i) {
    if (i > 0 && i % 2 == 0) text.push_back(' ');
    text.push_back(national[i]);
  }
  return text;
}

GeoPoint Offset(const GeoPoint& from, double east_m, double north_m) {
  const double metres_per_degree_longitude =
      kMetresPerDegreeLatitude * std::cos(from.latitude * std::numbers::pi / 180.0);
  return {from.latitude + north_m / kMetresPerDegreeLatitude, from.longitude + east_m / metres_per_degree_longitude};
}

std::vector<DemoStreet> MakeStreets(SyntheticRng& rng, const GeoPoint& centre) {
  std::vector<DemoStreet> streets;
  for (const auto& [name, kind] : names::kStreets) {
    const double length = kind == names::StreetKind::kShort    ? rng.Between(60, 180)
                          : kind == names::StreetKind::kStreet ? rng.Between(200, 700)
                                                               : rng.Between(600, 1500);
    const double radius = 1600.0 * std::sqrt(rng.Unit());
    const double bearing = 2.0 * std::numbers::pi * rng.Unit();
    const double heading = std::numbers::pi * rng.Unit();
    DemoStreet street;
    street.name = std::string(name);
    street.start = Offset(centre, radius * std::cos(bearing), radius * std::sin(bearing));
    street.end = Offset(street.start, length * std::cos(heading), length * std::sin(heading));
    // A house every 18 m or so on each side.
    street.last_number = std::max(4, static_cast<int>(length / 9.0));
    streets.push_back(std::move(street));
  }
  return streets;
}

// Odd numbers on the left, even on the right, 9 m off the middle of the street, spread along it.
GeoPoint HouseCoordinates(const DemoStreet& street, int number) {
  const int per_side = (street.last_number + 1) / 2;
  const double along = (static_cast<double>((number + 1) / 2) - 0.5) / static_cast<double>(per_side);
  const GeoPoint on_line{street.start.latitude + along * (street.end.latitude - street.start.latitude),
                         street.start.longitude + along * (street.end.longitude - street.start.longitude)};
  const double north = (street.end.latitude - street.start.latitude) * kMetresPerDegreeLatitude;
  const double east = (street.end.longitude - street.start.longitude) * kMetresPerDegreeLatitude *
                      std::cos(street.start.latitude * std::numbers::pi / 180.0);
  const double length = std::max(1.0, std::hypot(north, east));
  const double side = number % 2 == 1 ? 9.0 : -9.0;
  return Offset(on_line, -north / length * side, east / length * side);
}

struct Town {
  std::string name = "Béthune";
  std::string postcode = "62400";
  GeoPoint centre{50.5303, 2.6408};
  std::vector<DemoStreet> streets;
  int total_numbers = 0;

  PostalAddress At(std::size_t street_index, int number) const {
    const DemoStreet& street = streets[street_index];
    PostalAddress address;
    address.number = std::to_string(number);
    address.street = street.name;
    address.postcode = postcode;
    address.town = name;
    address.coordinates = HouseCoordinates(street, number);
    return address;
  }

  // A house anywhere in town, streets weighted by their number of houses.
  PostalAddress RandomAddress(SyntheticRng& rng) const {
    int draw = rng.Between(1, total_numbers);
    std::size_t index = 0;
    while (draw > streets[index].last_number) draw -= streets[index++].last_number;
    PostalAddress address = At(index, draw);
    const std::string_view street = streets[index].name;
    if (rng.Chance(0.04)) address.number += " bis";
    if (street.starts_with("résidence") || street.starts_with("cité") || rng.Chance(0.08)) {
      address.building = "Bât. " + std::string(1, static_cast<char>('A' + rng.Below(4)));
      address.floor = std::to_string(rng.Between(0, 4));
      address.door_code = std::to_string(rng.Between(1000, 9999)) + "B";
    }
    if (rng.Chance(0.08)) address.access_notes = std::string(rng.Any(names::kAccessNotes));
    return address;
  }
};

DemoPerson Of(Person person) {
  DemoPerson member;
  member.person = std::move(person);
  return member;
}

// The ages of a heatwave register: mostly 75 to 90, some 60 to 64 unfit to work, some disabled adults.
int DrawAge(SyntheticRng& rng) {
  const double draw = rng.Unit();
  if (draw < 0.08) return rng.Between(22, 59);
  if (draw < 0.15) return rng.Between(60, 64);
  if (draw < 0.45) return rng.Between(65, 74);
  if (draw < 0.80) return rng.Between(75, 84);
  if (draw < 0.97) return rng.Between(85, 94);
  return rng.Between(95, 101);
}

class TownMaker {
 public:
  TownMaker(const DemoTownOptions& options, Town& town)
      : options_(options),
        town_(town),
        people_(options.seed, [&town](SyntheticRng& rng) { return town.RandomAddress(rng); }) {
    town_.streets = MakeStreets(people_.rng(), town_.centre);
    for (const auto& street : town_.streets) town_.total_numbers += street.last_number;
    for (const auto& home : names::kCareHomes) {
      PostalAddress address = town_.At(home.street, std::stoi(std::string(home.number)));
      address.complement = std::string(home.name);
      care_homes_.push_back(std::move(address));
      care_home_phones_.push_back(people_.Landline());
    }
  }

  SyntheticRng& rng() { return people_.rng(); }
  SyntheticPeople& people() { return people_; }

  Person Born(bool woman, int age) {
    Person person = people_.NewPerson(woman, kReferenceYear - age, kReferenceYear - age);
    if (person.status == PersonStatus::kAway || person.status == PersonStatus::kInHospital) {
      person.status_until = AddDays(options_.today, rng().Between(2, 30));
      if (person.status == PersonStatus::kAway && rng().Chance(0.5)) person.status_until.reset();
    }
    return person;
  }

  // One home: a care-home resident, a person alone, a couple, or a couple with a disabled adult child.
  std::vector<DemoPerson> Home() {
    std::vector<DemoPerson> members;
    if (rng().Chance(0.06)) {
      const std::size_t home = rng().Below(care_homes_.size());
      DemoPerson resident = Of(Born(rng().Chance(0.72), rng().Between(80, 100)));
      resident.person.address = care_homes_[home];
      resident.person.address.access_notes =
          "Chambre " + std::to_string(rng().Between(1, 3) * 100 + rng().Between(1, 40));
      people_.AddPhone(resident.person, care_home_phones_[home], "accueil");
      resident.care_home = true;
      members.push_back(std::move(resident));
      return members;
    }
    const PostalAddress address = town_.RandomAddress(rng());
    const std::string landline = rng().Chance(0.72) ? people_.Landline() : std::string();
    const int age = DrawAge(rng());
    if (age < 60 || rng().Chance(0.62)) {
      members.push_back(Of(Born(age >= 60 ? rng().Chance(0.64) : rng().Chance(0.5), age)));
    } else {
      DemoPerson husband = Of(Born(false, age));
      DemoPerson wife = Of(Born(true, std::max(60, age - rng().Between(-2, 6))));
      if (rng().Chance(0.85)) {
        wife.person.birth_name = wife.person.last_name;
        wife.person.last_name = husband.person.last_name;
      }
      const bool child = rng().Chance(0.05);
      members.push_back(std::move(husband));
      members.push_back(std::move(wife));
      if (child) {
        DemoPerson son = Of(Born(rng().Chance(0.5), std::max(25, age - rng().Between(22, 35))));
        son.person.last_name = members[0].person.last_name;
        members.push_back(std::move(son));
      }
    }
    for (auto& member : members) {
      member.person.address = address;
      if (!landline.empty()) people_.AddPhone(member.person, landline, "fixe");
    }
    return members;
  }

  std::optional<DemoRegisterEntry> MaybeEntry(const DemoPerson& member) {
    const int age = AgeOn(*member.person.birth_date, options_.today);
    const double likelihood = member.care_home ? 0.6 : age >= 65 ? 0.82 : age >= 60 ? 0.55 : 0.75;
    if (!rng().Chance(likelihood)) return std::nullopt;
    DemoRegisterEntry entry;
    static constexpr std::array<std::string_view, 5> kDisabilityGrounds = {
        "disabled_aah", "disabled_pch_actp", "disabled_card", "disabled_rqth", "disabled_pension"};
    entry.ground = age >= 65 ? "age_65" : age >= 60 ? "age_60_unfit" : std::string(rng().Any(kDisabilityGrounds));
    if (rng().Chance(0.35)) entry.home_care_service = std::string(rng().Any(names::kHomeCareServices));
    const std::string& family = member.person.birth_name.empty() ? member.person.last_name : member.person.birth_name;
    if (rng().Chance(0.65)) {
      const bool daughter = rng().Chance(0.6);
      entry.emergency_contact_name =
          people_.FirstNames(daughter) + " " + (rng().Chance(0.5) ? member.person.last_name : people_.LastName());
      entry.emergency_contact_phone = Spaced(people_.Mobile());
      entry.emergency_contact_relation = daughter ? "fille" : std::string(rng().Any(names::kRelatives).name);
    }
    entry.requested_on = AddDays(options_.today, -rng().Between(30, 1400));
    Request(entry, member, family);
    if (rng().Chance(0.12)) {
      entry.source = "import";
      entry.import_source = std::string(rng().Any(names::kImportFiles));
    }
    entry.acknowledged_on = AddDays(entry.requested_on, rng().Chance(0.9) ? rng().Between(1, 7) : rng().Between(9, 25));
    return entry;
  }

  // Who asked, and the written request of a third party (its wording always ends with the date).
  void Request(DemoRegisterEntry& entry, const DemoPerson& member, const std::string& family) {
    const std::string on = FrenchDate(entry.requested_on);
    const double draw = rng().Unit();
    // In a care home the family or the guardian asks; at home most people ask themselves.
    const double self = member.care_home ? 0.2 : 0.45;
    const double relative = 0.7;
    const double representative = member.care_home ? 1.0 : 0.77;
    if (draw < self) {
      entry.requested_by = "self";
    } else if (draw < relative) {
      const auto& kin = rng().Any(names::kRelatives);
      entry.requested_by = "third_party";
      entry.requester_relation = "relative";
      entry.requester_name = people_.FirstNames(kin.feminine) + " " + (rng().Chance(0.6) ? family : people_.LastName());
      entry.request_evidence =
          std::string(kin.feminine ? "Courrier de sa " : "Courrier de son ") + std::string(kin.name) + " daté du " + on;
    } else if (draw < representative) {
      entry.requested_by = "legal_representative";
      const bool association = rng().Chance(0.5);
      entry.requester_name =
          association ? "UDAF du Pas-de-Calais" : people_.FirstNames(rng().Chance(0.5)) + " " + family;
      entry.request_evidence = "Copie du jugement de protection et demande écrite du " + on;
    } else if (draw < 0.87) {
      entry.requested_by = "third_party";
      entry.requester_name = std::string(rng().Any(names::kHomeCareServices));
      entry.requester_relation = "home_help";
      entry.request_evidence = "Fiche de liaison du " + on;
    } else if (draw < 0.95) {
      entry.requested_by = "third_party";
      entry.requester_name = "Dr " + people_.LastName();
      entry.requester_relation = "doctor";
      entry.request_evidence = "Courrier du médecin traitant du " + on;
    } else {
      entry.requested_by = "third_party";
      const bool woman = rng().Chance(0.6);
      entry.requester_name = people_.FirstNames(woman) + " " + people_.LastName();
      entry.requester_relation = "neighbour";
      entry.request_evidence = "Formulaire signé déposé à l'accueil de la mairie le " + on;
    }
  }

  DemoHousehold MakeHousehold(const DemoPerson& member) {
    DemoHousehold household;
    const int age = AgeOn(*member.person.birth_date, options_.today);
    const int birth_year = static_cast<int>(member.person.birth_date->year());
    if (rng().Chance(0.45)) {
      const bool spouse_is_woman = member.person.civility != Civility::kMadame;
      household.members.push_back({"spouse", people_.FirstNames(spouse_is_woman), birth_year + rng().Between(-4, 4)});
    }
    const int children = age < 60 ? rng().Between(0, 3) : (rng().Chance(0.1) ? 1 : 0);
    for (int i = 0; i < children; ++i) {
      const int child_year = age < 60 ? std::min(kReferenceYear, birth_year + rng().Between(20, 40))
                                      : kReferenceYear - rng().Between(8, 17);
      household.members.push_back(
          {age < 60 ? "child" : "grandchild", people_.FirstNames(rng().Chance(0.5)), child_year});
    }
    const int constraints = rng().Chance(0.6) ? 0 : rng().Between(1, 2);
    for (int i = 0; i < constraints; ++i) {
      std::string code(rng().Any(names::kDietary));
      if (std::find(household.dietary.begin(), household.dietary.end(), code) == household.dietary.end())
        household.dietary.push_back(std::move(code));
    }
    if (std::find(household.dietary.begin(), household.dietary.end(), "soft_texture") != household.dietary.end())
      household.dietary_notes = "Textures mixées, pas de morceaux";
    household.delivery_notes = std::string(rng().Any(names::kDeliveryNotes));
    const double delivered = rng().Unit();
    if (delivered < 0.85) {
      household.last_delivery_on = AddDays(options_.today, -rng().Between(1, 90));
    } else if (delivered < 0.95) {
      household.last_delivery_on.reset();  // signed up, not delivered yet
    } else {
      household.last_delivery_on = AddDays(options_.today, -rng().Between(800, 1200));
    }
    return household;
  }

  const DemoTownOptions& options() const { return options_; }

 private:
  const DemoTownOptions& options_;
  Town& town_;
  SyntheticPeople people_;
  std::vector<PostalAddress> care_homes_;
  std::vector<std::string> care_home_phones_;
};

// The workflow's rarer moments, placed on purpose so that every list of the demo has something: requests of
// the last two weeks not acknowledged yet (due and overdue), oppositions and removals.
void PlaceWorkflowMoments(SyntheticRng& rng, std::vector<DemoPerson>& persons, const Date& today) {
  std::vector<std::size_t> registered;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    if (persons[i].entry && persons[i].entry->source == "request") registered.push_back(i);
  }
  for (std::size_t i = 0; i + 1 < registered.size(); ++i)
    std::swap(registered[i], registered[i + rng.Below(registered.size() - i)]);
  std::size_t next = 0;
  const auto take = [&]() -> DemoRegisterEntry& { return *persons[registered[next++ % registered.size()]].entry; };
  for (int i = 0; i < 14 && !registered.empty(); ++i) {
    DemoRegisterEntry& entry = take();
    entry.requested_on = AddDays(today, -(i < 7 ? rng.Between(0, 7) : rng.Between(9, 20)));
    entry.acknowledged_on.reset();
    if (!entry.request_evidence.empty()) {
      entry.request_evidence =
          entry.request_evidence.substr(0, entry.request_evidence.rfind(' ') + 1) + FrenchDate(entry.requested_on);
    }
  }
  for (int i = 0; i < 14 && !registered.empty(); ++i) {
    DemoRegisterEntry& entry = take();
    const bool opposed = i < 6;
    entry.state = opposed ? "opposed" : "removed";
    entry.ended_on = AddDays(entry.acknowledged_on.value_or(entry.requested_on), rng.Between(5, 300));
    if (*entry.ended_on > today) entry.ended_on = today;
    if (!opposed) entry.removal_reason = std::string(rng.Any(demo_town_names::kRemovalReasons));
    // Out of the register: only the workflow's facts stay, the legal fields go.
    entry.ground.clear();
    entry.home_care_service.clear();
    entry.emergency_contact_name.clear();
    entry.emergency_contact_phone.clear();
    entry.emergency_contact_relation.clear();
  }
}

}  // namespace

DemoTown GenerateDemoTown(const DemoTownOptions& options) {
  Town town;
  TownMaker maker(options, town);
  const std::size_t duplicates = std::min(options.duplicates, options.persons / 2);
  const std::size_t originals = options.persons - duplicates;
  std::vector<DemoPerson> persons;
  persons.reserve(options.persons);
  while (persons.size() < originals) {
    for (auto& member : maker.Home()) {
      if (persons.size() == originals) break;
      persons.push_back(std::move(member));
    }
  }
  for (auto& member : persons) {
    member.entry = maker.MaybeEntry(member);
    const double contact = maker.rng().Unit();
    if (contact < 0.45) {
      member.last_contact_on = AddDays(options.today, -maker.rng().Between(1, 500));
    } else if (contact < 0.49) {
      member.last_contact_on = AddDays(options.today, -maker.rng().Between(800, 1500));
    }
  }
  PlaceWorkflowMoments(maker.rng(), persons, options.today);
  // Households for the food platform: about one person in twenty, more often the younger ones.
  for (auto& member : persons) {
    if (member.care_home) continue;
    const int age = AgeOn(*member.person.birth_date, options.today);
    if (maker.rng().Chance(age < 75 ? 0.09 : 0.03)) member.household = maker.MakeHousehold(member);
  }
  // Deliberate duplicates: a second entry typed by someone else, kept only when Lien would flag it.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> chosen(originals);
  for (std::size_t i = 0; i < originals; ++i) chosen[i] = i;
  for (std::size_t i = 0; i + 1 < originals; ++i) std::swap(chosen[i], chosen[i + maker.rng().Below(originals - i)]);
  for (std::size_t made = 0, next = 0; made < duplicates && next < originals; ++next) {
    const Person& original = persons[chosen[next]].person;
    for (int attempt = 0; attempt < 8; ++attempt) {
      Person copy = maker.people().Duplicate(original);
      if (ScoreDuplicate(original, copy).score < 0.5) continue;
      pairs.emplace_back(chosen[next], persons.size());
      persons.push_back(Of(std::move(copy)));
      ++made;
      break;
    }
  }
  // Shuffled, so that a second entry is not next to the first.
  std::vector<std::size_t> position(persons.size());
  for (std::size_t i = 0; i < position.size(); ++i) position[i] = i;
  for (std::size_t i = 0; i + 1 < persons.size(); ++i) {
    const std::size_t j = i + maker.rng().Below(persons.size() - i);
    std::swap(persons[i], persons[j]);
    std::swap(position[i], position[j]);
  }
  std::vector<std::size_t> where(persons.size());
  for (std::size_t i = 0; i < position.size(); ++i) where[position[i]] = i;
  for (auto& [first, second] : pairs) {
    first = where[first];
    second = where[second];
  }
  DemoTown result;
  result.name = town.name;
  result.postcode = town.postcode;
  result.centre = town.centre;
  result.streets = std::move(town.streets);
  result.persons = std::move(persons);
  result.duplicate_pairs = std::move(pairs);
  return result;
}

}  // namespace lien::registry
