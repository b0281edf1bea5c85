#include "register/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "register/synthetic_names.hpp"
#include "register/synthetic_people.hpp"

namespace lien::registry {
namespace {

namespace names = synthetic_names;

// Anywhere in the synthetic department: a street of the shared lists in one of its towns.
PostalAddress RandomAddress(SyntheticRng& rng) {
  const auto& town = rng.Any(names::kTowns);
  PostalAddress address;
  address.number = std::to_string(rng.Between(1, 140));
  if (rng.Chance(0.05)) address.number += " bis";
  address.street = std::string(rng.Any(names::kStreetTypes)) + " " + std::string(rng.Any(names::kStreetNames));
  address.postcode = std::string(town.postcode);
  address.town = std::string(town.name);
  if (rng.Chance(0.15)) {
    address.building = "Bât. " + std::string(1, static_cast<char>('A' + rng.Below(6)));
    address.floor = std::to_string(rng.Between(0, 8));
    address.door_code = std::to_string(rng.Between(1000, 9999)) + "A";
  }
  return address;
}

struct Generator {
  SyntheticPeople people;
  std::vector<PostalAddress> care_homes;
  std::vector<std::string> care_home_phones;

  explicit Generator(std::uint64_t seed) : people(seed, RandomAddress) {
    static constexpr std::array<std::string_view, 6> kHomeNames = {
        "EHPAD Les Tilleuls", "EHPAD Le Bosquet",  "Résidence Autonomie Les Hortensias",
        "EHPAD Saint-Joseph", "EHPAD La Roseraie", "Résidence Le Val de Somme"};
    for (const auto home : kHomeNames) {
      PostalAddress address = people.Address();
      address.complement = std::string(home);
      care_homes.push_back(address);
      care_home_phones.push_back(people.Landline());
    }
  }

  // A household: one person, a couple, or a couple with an adult child (sometimes named after the father);
  // or one resident of a care home sharing its address and switchboard number with the others.
  std::vector<Person> Household() {
    std::vector<Person> members;
    if (people.rng().Chance(0.08)) {
      const std::size_t home = people.rng().Below(care_homes.size());
      Person resident = people.NewPerson(people.rng().Chance(0.7), 1924, 1950);
      resident.address = care_homes[home];
      resident.address.number = care_homes[home].number;
      people.AddPhone(resident, care_home_phones[home], "accueil");
      members.push_back(std::move(resident));
      return members;
    }
    const PostalAddress address = people.Address();
    const std::string landline = people.rng().Chance(0.75) ? people.Landline() : std::string();
    const double shape = people.rng().Unit();
    const bool young = people.rng().Chance(0.2);
    const int first_year = young ? 1962 : 1924;
    const int last_year = young ? 2004 : 1959;
    if (shape < 0.6) {
      members.push_back(people.NewPerson(people.rng().Chance(0.62), first_year, last_year));
    } else {
      Person husband = people.NewPerson(false, first_year, last_year);
      const int husband_year = static_cast<int>(husband.birth_date->year());
      Person wife = people.NewPerson(true, std::max(1920, husband_year - 2), std::min(2005, husband_year + 6));
      if (people.rng().Chance(0.85)) {
        wife.birth_name = wife.last_name;
        wife.last_name = husband.last_name;
      }
      members.push_back(std::move(husband));
      members.push_back(std::move(wife));
      if (shape > 0.95 && !young) {  // an adult child with a disability living with the parents
        Person child = people.NewPerson(people.rng().Chance(0.5), husband_year + 20, std::min(2004, husband_year + 40));
        child.last_name = members[0].last_name;
        if (child.civility != Civility::kMadame && people.rng().Chance(0.3)) child.first_names = members[0].first_names;
        members.push_back(std::move(child));
      }
    }
    for (auto& member : members) {
      member.address = address;
      if (!landline.empty()) people.AddPhone(member, landline, "fixe");
    }
    return members;
  }
};

}  // namespace

SyntheticRegister GenerateRegister(const SyntheticOptions& options) {
  Generator generator(options.seed);
  generator.people.rare_surname_rate = std::clamp(options.rare_surname_rate, 0.0, 1.0);
  const auto duplicates = static_cast<std::size_t>(
      std::llround(static_cast<double>(options.persons) * std::clamp(options.duplicate_rate, 0.0, 0.5)));
  const std::size_t originals = options.persons - duplicates;
  if (originals == 0) return {};

  std::vector<Person> persons;
  std::vector<std::uint32_t> identity;
  persons.reserve(options.persons);
  while (persons.size() < originals) {
    for (auto& member : generator.Household()) {
      if (persons.size() == originals) break;
      identity.push_back(static_cast<std::uint32_t>(persons.size()));
      persons.push_back(std::move(member));
    }
  }
  // Duplicates of distinct originals; about one in ten of them entered a third time.
  std::vector<std::size_t> chosen(originals);
  for (std::size_t i = 0; i < originals; ++i) chosen[i] = i;
  for (std::size_t i = 0; i + 1 < originals; ++i)
    std::swap(chosen[i], chosen[i + generator.people.rng().Below(originals - i)]);
  for (std::size_t made = 0, next = 0; made < duplicates; ++next) {
    const std::size_t original = chosen[next % originals];
    const int copies = generator.people.rng().Chance(0.1) ? 2 : 1;
    for (int c = 0; c < copies && made < duplicates; ++c, ++made) {
      persons.push_back(generator.people.Duplicate(persons[original]));
      identity.push_back(static_cast<std::uint32_t>(original));
    }
  }
  // Shuffle, so that a duplicate is not next to its original.
  for (std::size_t i = 0; i + 1 < persons.size(); ++i) {
    const std::size_t j = i + generator.people.rng().Below(persons.size() - i);
    std::swap(persons[i], persons[j]);
    std::swap(identity[i], identity[j]);
  }
  SyntheticRegister result;
  for (std::size_t i = 0; i < persons.size(); ++i) persons[i].id = static_cast<std::int64_t>(i + 1);
  std::vector<std::pair<std::uint32_t, std::size_t>> by_identity;
  for (std::size_t i = 0; i < identity.size(); ++i) by_identity.emplace_back(identity[i], i);
  std::sort(by_identity.begin(), by_identity.end());
  for (std::size_t start = 0; start < by_identity.size();) {
    std::size_t end = start;
    while (end < by_identity.size() && by_identity[end].first == by_identity[start].first) ++end;
    for (std::size_t a = start; a < end; ++a) {
      for (std::size_t b = a + 1; b < end; ++b)
        result.duplicate_pairs.emplace_back(by_identity[a].second, by_identity[b].second);
    }
    start = end;
  }
  for (auto& pair : result.duplicate_pairs) {
    if (pair.first > pair.second) std::swap(pair.first, pair.second);
  }
  std::sort(result.duplicate_pairs.begin(), result.duplicate_pairs.end());
  result.persons = std::move(persons);
  result.identity = std::move(identity);
  return result;
}

}  // namespace lien::registry
