#include "register/synthetic_people.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/phone.hpp"
#include "core/text.hpp"
#include "register/synthetic_names.hpp"

namespace lien::registry {
namespace {

namespace names = synthetic_names;

std::string Digits(SyntheticRng& rng, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
  return digits;
}

// A national number (ten digits, leading 0) typed the way people type them.
std::string TypedPhone(SyntheticRng& rng, const std::string& national) {
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
std::string Typo(SyntheticRng& rng, const std::string& name) {
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
std::string ParticleOrHyphenVariant(SyntheticRng& rng, const std::string& name) {
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

}  // namespace

Date SyntheticDate(SyntheticRng& rng, int first_year, int last_year) {
  const int year = rng.Between(first_year, last_year);
  const auto month = static_cast<unsigned>(rng.Between(1, 12));
  const auto last_day = static_cast<unsigned>(
      std::chrono::year_month_day_last(std::chrono::year(year), std::chrono::month_day_last(std::chrono::month(month)))
          .day());
  return Date(std::chrono::year(year), std::chrono::month(month),
              std::chrono::day(static_cast<unsigned>(rng.Between(1, static_cast<int>(last_day)))));
}

ZipfPicker::ZipfPicker(std::size_t size) {
  double total = 0.0;
  for (std::size_t i = 0; i < size; ++i) {
    total += 1.0 / std::pow(static_cast<double>(i) + 5.0, 0.9);
    cumulative_.push_back(total);
  }
}

std::size_t ZipfPicker::Pick(SyntheticRng& rng) const {
  const double target = rng.Unit() * cumulative_.back();
  return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
                                  cumulative_.begin());
}

SyntheticPeople::SyntheticPeople(std::uint64_t seed, AddressSource address_source)
    : rng_(seed),
      address_source_(std::move(address_source)),
      last_picker_(names::kLastNames.size()),
      women_picker_(names::kWomenFirstNames.size()),
      men_picker_(names::kMenFirstNames.size()) {}

void SyntheticPeople::AddPhone(Person& person, const std::string& national, std::string label) {
  const auto e164 = core::ParsePhone(TypedPhone(rng_, national));
  if (e164) person.phones.push_back({*e164, std::move(label)});
}

std::string SyntheticPeople::Landline() {
  if (rng_.Chance(0.02)) return "0262" + Digits(rng_, 6);  // families from Réunion
  return "032" + Digits(rng_, 7);
}

std::string SyntheticPeople::Mobile() {
  static constexpr std::array<std::string_view, 10> kPrefixes = {"060", "061", "062", "064", "065",
                                                                 "066", "067", "068", "075", "077"};
  if (rng_.Chance(0.01)) return "0692" + Digits(rng_, 6);
  return std::string(rng_.Any(kPrefixes)) + Digits(rng_, 7);
}

// A rare surname from syllables: 24 × 9 × 16 = 3,456 of them, each borne by a few.
std::string SyntheticPeople::RareSurname() {
  static constexpr std::array<std::string_view, 24> kStarts = {"Ber", "Lan", "Mor", "Cha", "Dela", "Fon", "Gui", "Hen",
                                                               "Jou", "Lar", "Mar", "Pel", "Rou",  "Sau", "Tes", "Vau",
                                                               "Bou", "Cor", "Dur", "Gar", "Mil",  "Per", "Ros", "Ver"};
  static constexpr std::array<std::string_view, 9> kMiddles = {"", "ti", "lo", "ma", "che", "ri", "va", "bel", "ni"};
  static constexpr std::array<std::string_view, 16> kEnds = {"ot", "ier", "and",  "eau", "in", "ard", "el", "ault",
                                                             "on", "et",  "ière", "oux", "ez", "ac",  "y",  "é"};
  return std::string(rng_.Any(kStarts)) + std::string(rng_.Any(kMiddles)) + std::string(rng_.Any(kEnds));
}

std::string SyntheticPeople::LastName() {
  if (rng_.Chance(rare_surname_rate)) return RareSurname();
  const double draw = rng_.Unit();
  if (draw < 0.06) return std::string(rng_.Any(names::kParticleNames));
  if (draw < 0.16) return std::string(rng_.Any(names::kOtherNames));
  std::string name(names::kLastNames[last_picker_.Pick(rng_)]);
  if (rng_.Chance(0.03)) name += "-" + std::string(names::kLastNames[last_picker_.Pick(rng_)]);
  return name;
}

std::string SyntheticPeople::FirstNames(bool woman) {
  const auto one = [&] {
    return std::string(woman ? names::kWomenFirstNames[women_picker_.Pick(rng_)]
                             : names::kMenFirstNames[men_picker_.Pick(rng_)]);
  };
  std::string first = one();
  const double draw = rng_.Unit();
  if (draw < 0.25) first += " " + one();
  if (draw < 0.05) first += " " + one();
  return first;
}

Person SyntheticPeople::NewPerson(bool woman, int first_year, int last_year) {
  Person person;
  person.civility = rng_.Chance(0.05) ? Civility::kUnknown : (woman ? Civility::kMadame : Civility::kMonsieur);
  person.first_names = FirstNames(woman);
  person.last_name = LastName();
  person.birth_date = SyntheticDate(rng_, first_year, last_year);
  const bool elderly = static_cast<int>(person.birth_date->year()) < 1960;
  if (rng_.Chance(elderly ? 0.45 : 0.9)) AddPhone(person, Mobile(), "portable");
  if (rng_.Chance(elderly ? 0.12 : 0.5)) {
    person.email = AsciiLower(person.first_names.substr(0, person.first_names.find(' '))) + "." +
                   AsciiLower(person.last_name) + std::to_string(rng_.Below(100)) + "@exemple.fr";
  }
  person.languages.emplace_back("fr");
  if (rng_.Chance(0.08)) {
    static constexpr std::array<std::string_view, 6> kLanguages = {"ar", "pt", "es", "tr", "vi", "wo"};
    person.languages.emplace_back(rng_.Any(kLanguages));
  }
  const double hearing = rng_.Unit();
  person.hearing = hearing < 0.3    ? HearingDifficulty::kUnknown
                   : hearing < 0.8  ? HearingDifficulty::kNone
                   : hearing < 0.97 ? HearingDifficulty::kHardOfHearing
                                    : HearingDifficulty::kDeaf;
  const double status = rng_.Unit();
  if (status < 0.03) {
    person.status = PersonStatus::kAway;
  } else if (status < 0.06) {
    person.status = PersonStatus::kInHospital;
    person.status_until = SyntheticDate(rng_, 2025, 2025);
  } else if (status < 0.08) {
    person.status = PersonStatus::kMoved;
  } else if (status < 0.10) {
    person.status = PersonStatus::kDeceased;
  }
  return person;
}

// Another entry of `original`, as a second person typing it would make it: one to three changes, and the
// phones typed again (in another notation, giving the same E.164).
Person SyntheticPeople::Duplicate(const Person& original) {
  Person copy = original;
  copy.id = 0;
  const int changes = 1 + static_cast<int>(rng_.Below(3));
  for (int i = 0; i < changes; ++i) {
    switch (rng_.Below(15)) {
      case 0:
        copy.last_name = Typo(rng_, copy.last_name);
        break;
      case 1:
        copy.first_names = Typo(rng_, copy.first_names);
        break;
      case 2:
        std::swap(copy.last_name, copy.first_names);
        break;
      case 3:
        copy.last_name = UpperWithoutAccents(copy.last_name);
        copy.first_names = UpperWithoutAccents(copy.first_names);
        break;
      case 4: {
        if (auto variant = ParticleOrHyphenVariant(rng_, copy.last_name); !variant.empty()) {
          copy.last_name = variant;
        } else if (variant = ParticleOrHyphenVariant(rng_, copy.first_names); !variant.empty()) {
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
            const int mistyped = year - year % 10 + (year % 10 + 1 + static_cast<int>(rng_.Below(8))) % 10;
            copy.birth_date =
                Date(std::chrono::year(mistyped), date.month(), std::min(date.day(), std::chrono::day(28)));
          }
        }
        break;
      case 7:
        if (!copy.phones.empty())
          copy.phones.erase(copy.phones.begin() + static_cast<std::ptrdiff_t>(rng_.Below(copy.phones.size())));
        break;
      case 8:
        AddPhone(copy, Mobile(), "portable");
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
        copy.address = Address();
        copy.phones.erase(std::remove_if(copy.phones.begin(), copy.phones.end(),
                                         [](const Phone& phone) { return phone.label != "portable"; }),
                          copy.phones.end());
        if (rng_.Chance(0.5)) AddPhone(copy, Landline(), "fixe");
        break;
      case 11:
        if (!copy.birth_name.empty()) {
          copy.last_name = copy.birth_name;
          copy.birth_name.clear();
        } else {
          copy.first_names = Typo(rng_, copy.first_names);
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
      const auto retyped = core::ParsePhone(TypedPhone(rng_, national));
      if (retyped) phone.e164 = *retyped;
    }
  }
  return copy;
}

}  // namespace lien::registry
