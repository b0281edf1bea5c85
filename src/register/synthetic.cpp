#include "register/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <string_view>

#include "core/phone.hpp"
#include "core/text.hpp"
#include "register/synthetic_names.hpp"

namespace lien::registry {
namespace {

namespace names = synthetic_names;

// Random numbers from mt19937_64 (its sequence is fixed by the standard) without std distributions (whose
// algorithms are not), so a seed gives the same register with any standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  int Between(int low, int high) {
    const int span = high - low + 1;
    return low + static_cast<int>(Below(static_cast<std::size_t>(span)));
  }
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Unit() < probability; }
  template <class List>
  auto Any(const List& list) -> decltype(list[0]) {
    return list[Below(list.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// Picks from a list ordered most common first, with weights 1 / (rank + 5)^0.9: a few names are frequent,
// most are rare, as in a real register.
class ZipfPicker {
 public:
  explicit ZipfPicker(std::size_t size) {
    double total = 0.0;
    for (std::size_t i = 0; i < size; ++i) {
      total += 1.0 / std::pow(static_cast<double>(i) + 5.0, 0.9);
      cumulative_.push_back(total);
    }
  }
  std::size_t Pick(Rng& rng) const {
    const double target = rng.Unit() * cumulative_.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
                                    cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

std::string Digits(Rng& rng, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
  return digits;
}

// A national number (ten digits, leading 0) typed the way people type them.
std::string TypedPhone(Rng& rng, const std::string& national) {
  const auto grouped = [&national](char separator) {
    std::string text = national.substr(0, 2);
    for (std::size_t i = 2; i < national.size(); i += 2) text += separator + national.substr(i, 2);
    return text;
  };
  switch (rng.Below(7)) {
    case 0:
      return national;
    case 1:
      return grouped('.');
    case 2:
      return grouped('-');
    case 3:
      return "+33 " + national.substr(1, 1) + " " + grouped(' ').substr(3);
    case 4:
      return "0033" + national.substr(1);
    case 5:
      return "+33" + national.substr(1);
    default:
      return grouped(' ');
  }
}

void AddPhone(Rng& rng, Person& person, const std::string& national, std::string label) {
  const auto e164 = core::ParsePhone(TypedPhone(rng, national));
  if (e164) person.phones.push_back({*e164, std::move(label)});
}

std::string Landline(Rng& rng) {
  if (rng.Chance(0.02)) return "0262" + Digits(rng, 6);  // families from Réunion
  return "032" + Digits(rng, 7);
}

std::string Mobile(Rng& rng) {
  static constexpr std::array<std::string_view, 10> kPrefixes = {"060", "061", "062", "064", "065",
                                                                 "066", "067", "068", "075", "077"};
  if (rng.Chance(0.01)) return "0692" + Digits(rng, 6);
  return std::string(rng.Any(kPrefixes)) + Digits(rng, 7);
}

Date RandomDate(Rng& rng, int first_year, int last_year) {
  const int year = rng.Between(first_year, last_year);
  const auto month = static_cast<unsigned>(rng.Between(1, 12));
  const auto last_day = static_cast<unsigned>(
      std::chrono::year_month_day_last(std::chrono::year(year), std::chrono::month_day_last(std::chrono::month(month)))
          .day());
  return Date(std::chrono::year(year), std::chrono::month(month),
              std::chrono::day(static_cast<unsigned>(rng.Between(1, static_cast<int>(last_day)))));
}

std::string AsciiLower(std::string_view text) {
  std::string out;
  for (const char c : core::FoldCompact(text)) out.push_back(c);
  return out;
}

std::string UpperWithoutAccents(std::string_view text) {
  std::string out = core::FoldForSearch(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// One slip on an ASCII letter: a wrong key, a missed key, a doubled key or two keys swapped. Names shorter
// than four letters are left alone (one slip there makes another name).
std::string Typo(Rng& rng, const std::string& name) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters.push_back(i);
  }
  if (letters.size() < 4) return name;
  // Not the first letter: people rarely get it wrong, and a careful reader spots it.
  const std::size_t at = letters[1 + rng.Below(letters.size() - 1)];
  std::string out = name;
  switch (rng.Below(4)) {
    case 0:
      out[at] = static_cast<char>('a' + rng.Below(26));
      break;
    case 1:
      out.erase(at, 1);
      break;
    case 2:
      out.insert(at, 1, out[at]);
      break;
    default:
      if (at + 1 < out.size() && static_cast<unsigned char>(out[at + 1]) < 0x80 && out[at + 1] != ' ') {
        std::swap(out[at], out[at + 1]);
      } else {
        out.erase(at, 1);
      }
  }
  return out;
}

// "Le Fèvre" → "Lefèvre" or "Fèvre" or "Fèvre (Le)"; "Jean-Pierre" → "Jean Pierre". Empty when the name
// has neither particle nor hyphen.
std::string ParticleOrHyphenVariant(Rng& rng, const std::string& name) {
  const auto space = name.find_first_of(" '");
  if (space != std::string::npos && core::IsNameParticle(core::FoldForSearch(name.substr(0, space)))) {
    switch (rng.Below(3)) {
      case 0: {
        std::string glued;
        for (const char c : name) {
          if (c != ' ' && c != '\'') glued.push_back(c);
        }
        return glued;
      }
      case 1:
        return name.substr(space + 1);
      default:
        return name.substr(space + 1) + " (" + name.substr(0, space) + ")";
    }
  }
  std::string out = name;
  const auto hyphen = out.find('-');
  if (hyphen == std::string::npos) return {};
  out[hyphen] = ' ';
  return out;
}

std::string_view AbbreviatedStreetType(std::string_view street) {
  if (street.starts_with("rue ")) return "r. ";
  if (street.starts_with("avenue ")) return "av. ";
  if (street.starts_with("boulevard ")) return "bd ";
  if (street.starts_with("place ")) return "pl. ";
  return {};
}

struct Generator {
  Rng rng;
  ZipfPicker last_picker{names::kLastNames.size()};
  ZipfPicker women_picker{names::kWomenFirstNames.size()};
  ZipfPicker men_picker{names::kMenFirstNames.size()};
  std::vector<PostalAddress> care_homes;
  std::vector<std::string> care_home_phones;

  explicit Generator(std::uint64_t seed) : rng(seed) {
    static constexpr std::array<std::string_view, 6> kHomeNames = {
        "EHPAD Les Tilleuls", "EHPAD Le Bosquet",  "Résidence Autonomie Les Hortensias",
        "EHPAD Saint-Joseph", "EHPAD La Roseraie", "Résidence Le Val de Somme"};
    for (const auto home : kHomeNames) {
      PostalAddress address = RandomAddress();
      address.complement = std::string(home);
      care_homes.push_back(address);
      care_home_phones.push_back(Landline(rng));
    }
  }

  double rare_surname_rate = 0.5;

  // A rare surname from syllables: 24 × 9 × 16 = 3,456 of them, each borne by a few.
  std::string RareSurname() {
    static constexpr std::array<std::string_view, 24> kStarts = {
        "Ber", "Lan", "Mor", "Cha", "Dela", "Fon", "Gui", "Hen", "Jou", "Lar", "Mar", "Pel",
        "Rou", "Sau", "Tes", "Vau", "Bou",  "Cor", "Dur", "Gar", "Mil", "Per", "Ros", "Ver"};
    static constexpr std::array<std::string_view, 9> kMiddles = {"", "ti", "lo", "ma", "che", "ri", "va", "bel", "ni"};
    static constexpr std::array<std::string_view, 16> kEnds = {"ot", "ier", "and",  "eau", "in", "ard", "el", "ault",
                                                               "on", "et",  "ière", "oux", "ez", "ac",  "y",  "é"};
    return std::string(rng.Any(kStarts)) + std::string(rng.Any(kMiddles)) + std::string(rng.Any(kEnds));
  }

  std::string LastName() {
    if (rng.Chance(rare_surname_rate)) return RareSurname();
    const double draw = rng.Unit();
    if (draw < 0.06) return std::string(rng.Any(names::kParticleNames));
    if (draw < 0.16) return std::string(rng.Any(names::kOtherNames));
    std::string name(names::kLastNames[last_picker.Pick(rng)]);
    if (rng.Chance(0.03)) name += "-" + std::string(names::kLastNames[last_picker.Pick(rng)]);
    return name;
  }

  std::string FirstNames(bool woman) {
    const auto one = [&] {
      return std::string(woman ? names::kWomenFirstNames[women_picker.Pick(rng)]
                               : names::kMenFirstNames[men_picker.Pick(rng)]);
    };
    std::string first = one();
    const double draw = rng.Unit();
    if (draw < 0.25) first += " " + one();
    if (draw < 0.05) first += " " + one();
    return first;
  }

  PostalAddress RandomAddress() {
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

  Person NewPerson(bool woman, int first_year, int last_year) {
    Person person;
    person.civility = rng.Chance(0.05) ? Civility::kUnknown : (woman ? Civility::kMadame : Civility::kMonsieur);
    person.first_names = FirstNames(woman);
    person.last_name = LastName();
    person.birth_date = RandomDate(rng, first_year, last_year);
    const bool elderly = static_cast<int>(person.birth_date->year()) < 1960;
    if (rng.Chance(elderly ? 0.45 : 0.9)) AddPhone(rng, person, Mobile(rng), "portable");
    if (rng.Chance(elderly ? 0.12 : 0.5)) {
      person.email = AsciiLower(person.first_names.substr(0, person.first_names.find(' '))) + "." +
                     AsciiLower(person.last_name) + std::to_string(rng.Below(100)) + "@exemple.fr";
    }
    person.languages.emplace_back("fr");
    if (rng.Chance(0.08)) {
      static constexpr std::array<std::string_view, 6> kLanguages = {"ar", "pt", "es", "tr", "vi", "wo"};
      person.languages.emplace_back(rng.Any(kLanguages));
    }
    const double hearing = rng.Unit();
    person.hearing = hearing < 0.3    ? HearingDifficulty::kUnknown
                     : hearing < 0.8  ? HearingDifficulty::kNone
                     : hearing < 0.97 ? HearingDifficulty::kHardOfHearing
                                      : HearingDifficulty::kDeaf;
    const double status = rng.Unit();
    if (status < 0.03) {
      person.status = PersonStatus::kAway;
    } else if (status < 0.06) {
      person.status = PersonStatus::kInHospital;
      person.status_until = RandomDate(rng, 2025, 2025);
    } else if (status < 0.08) {
      person.status = PersonStatus::kMoved;
    } else if (status < 0.10) {
      person.status = PersonStatus::kDeceased;
    }
    return person;
  }

  // A household: one person, a couple, or a couple with an adult child (sometimes named after the father);
  // or one resident of a care home sharing its address and switchboard number with the others.
  std::vector<Person> Household() {
    std::vector<Person> members;
    if (rng.Chance(0.08)) {
      const std::size_t home = rng.Below(care_homes.size());
      Person resident = NewPerson(rng.Chance(0.7), 1924, 1950);
      resident.address = care_homes[home];
      resident.address.number = care_homes[home].number;
      AddPhone(rng, resident, care_home_phones[home], "accueil");
      members.push_back(std::move(resident));
      return members;
    }
    const PostalAddress address = RandomAddress();
    const std::string landline = rng.Chance(0.75) ? Landline(rng) : std::string();
    const double shape = rng.Unit();
    const bool young = rng.Chance(0.2);
    const int first_year = young ? 1962 : 1924;
    const int last_year = young ? 2004 : 1959;
    if (shape < 0.6) {
      members.push_back(NewPerson(rng.Chance(0.62), first_year, last_year));
    } else {
      Person husband = NewPerson(false, first_year, last_year);
      const int husband_year = static_cast<int>(husband.birth_date->year());
      Person wife = NewPerson(true, std::max(1920, husband_year - 2), std::min(2005, husband_year + 6));
      if (rng.Chance(0.85)) {
        wife.birth_name = wife.last_name;
        wife.last_name = husband.last_name;
      }
      members.push_back(std::move(husband));
      members.push_back(std::move(wife));
      if (shape > 0.95 && !young) {  // an adult child with a disability living with the parents
        Person child = NewPerson(rng.Chance(0.5), husband_year + 20, std::min(2004, husband_year + 40));
        child.last_name = members[0].last_name;
        if (child.civility != Civility::kMadame && rng.Chance(0.3)) child.first_names = members[0].first_names;
        members.push_back(std::move(child));
      }
    }
    for (auto& member : members) {
      member.address = address;
      if (!landline.empty()) AddPhone(rng, member, landline, "fixe");
    }
    return members;
  }

  // Another entry of `original`, as a second person typing it would make it: one to three changes, and the
  // phones typed again (in another notation, giving the same E.164).
  Person Duplicate(const Person& original) {
    Person copy = original;
    copy.id = 0;
    const int changes = 1 + static_cast<int>(rng.Below(3));
    for (int i = 0; i < changes; ++i) {
      switch (rng.Below(15)) {
        case 0:
          copy.last_name = Typo(rng, copy.last_name);
          break;
        case 1:
          copy.first_names = Typo(rng, copy.first_names);
          break;
        case 2:
          std::swap(copy.last_name, copy.first_names);
          break;
        case 3:
          copy.last_name = UpperWithoutAccents(copy.last_name);
          copy.first_names = UpperWithoutAccents(copy.first_names);
          break;
        case 4: {
          if (auto variant = ParticleOrHyphenVariant(rng, copy.last_name); !variant.empty()) {
            copy.last_name = variant;
          } else if (variant = ParticleOrHyphenVariant(rng, copy.first_names); !variant.empty()) {
            copy.first_names = variant;
          } else {
            copy.last_name = UpperWithoutAccents(copy.last_name);
          }
          break;
        }
        case 5:
          copy.birth_date.reset();
          break;
        case 6:
          if (copy.birth_date) {
            const auto& date = *copy.birth_date;
            const auto day = static_cast<unsigned>(date.day());
            const auto month = static_cast<unsigned>(date.month());
            if (day <= 12 && day != month) {
              copy.birth_date = Date(date.year(), std::chrono::month(day), std::chrono::day(month));
            } else {
              // Last digit of the year mistyped; the 28th at most, for 29 February.
              const int year = static_cast<int>(date.year());
              const int mistyped = year - year % 10 + (year % 10 + 1 + static_cast<int>(rng.Below(8))) % 10;
              copy.birth_date =
                  Date(std::chrono::year(mistyped), date.month(), std::min(date.day(), std::chrono::day(28)));
            }
          }
          break;
        case 7:
          if (!copy.phones.empty())
            copy.phones.erase(copy.phones.begin() + static_cast<std::ptrdiff_t>(rng.Below(copy.phones.size())));
          break;
        case 8:
          AddPhone(rng, copy, Mobile(rng), "portable");
          break;
        case 9: {
          const auto abbreviation = AbbreviatedStreetType(copy.address.street);
          if (!abbreviation.empty()) {
            copy.address.street =
                std::string(abbreviation) + copy.address.street.substr(copy.address.street.find(' ') + 1);
          }
          copy.address.building.clear();
          copy.address.door_code.clear();
          break;
        }
        case 10:  // moved: new address, new landline
          copy.address = RandomAddress();
          copy.phones.erase(std::remove_if(copy.phones.begin(), copy.phones.end(),
                                           [](const Phone& phone) { return phone.label != "portable"; }),
                            copy.phones.end());
          if (rng.Chance(0.5)) AddPhone(rng, copy, Landline(rng), "fixe");
          break;
        case 11:
          if (!copy.birth_name.empty()) {
            copy.last_name = copy.birth_name;
            copy.birth_name.clear();
          } else {
            copy.first_names = Typo(rng, copy.first_names);
          }
          break;
        case 12:
          copy.first_names = copy.first_names.substr(0, copy.first_names.find(' '));
          break;
        case 13:
          copy.civility = Civility::kUnknown;
          break;
        default:
          copy.email.clear();
          break;
      }
    }
    // Typed again by someone else: each phone in another notation, same number.
    for (auto& phone : copy.phones) {
      if (phone.e164.starts_with("+33")) {
        // Appended rather than "0" + …: GCC 12 at -O3 warns falsely (-Wrestrict, PR 105651) on that form.
        std::string national(1, '0');
        national.append(phone.e164, 3);
        const auto retyped = core::ParsePhone(TypedPhone(rng, national));
        if (retyped) phone.e164 = *retyped;
      }
    }
    return copy;
  }
};

}  // namespace

SyntheticRegister GenerateRegister(const SyntheticOptions& options) {
  Generator generator(options.seed);
  generator.rare_surname_rate = std::clamp(options.rare_surname_rate, 0.0, 1.0);
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
  for (std::size_t i = 0; i + 1 < originals; ++i) std::swap(chosen[i], chosen[i + generator.rng.Below(originals - i)]);
  for (std::size_t made = 0, next = 0; made < duplicates; ++next) {
    const std::size_t original = chosen[next % originals];
    const int copies = generator.rng.Chance(0.1) ? 2 : 1;
    for (int c = 0; c < copies && made < duplicates; ++c, ++made) {
      persons.push_back(generator.Duplicate(persons[original]));
      identity.push_back(static_cast<std::uint32_t>(original));
    }
  }
  // Shuffle, so that a duplicate is not next to its original.
  for (std::size_t i = 0; i + 1 < persons.size(); ++i) {
    const std::size_t j = i + generator.rng.Below(persons.size() - i);
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
