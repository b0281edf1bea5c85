#include "register/person_rules.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

template <class Enum, std::size_t N>
std::optional<Enum> FromCode(const std::array<std::pair<Enum, std::string_view>, N>& codes, std::string_view code) {
  for (const auto& [value, name] : codes) {
    if (name == code) return value;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view ToCode(const std::array<std::pair<Enum, std::string_view>, N>& codes, Enum value) {
  for (const auto& [candidate, name] : codes) {
    if (candidate == value) return name;
  }
  return codes.front().second;
}

constexpr std::array kCivilities = {std::pair{Civility::kUnknown, std::string_view("")},
                                    std::pair{Civility::kMadame, std::string_view("mme")},
                                    std::pair{Civility::kMonsieur, std::string_view("m")}};
constexpr std::array kHearings = {std::pair{HearingDifficulty::kUnknown, std::string_view("unknown")},
                                  std::pair{HearingDifficulty::kNone, std::string_view("none")},
                                  std::pair{HearingDifficulty::kHardOfHearing, std::string_view("hard_of_hearing")},
                                  std::pair{HearingDifficulty::kDeaf, std::string_view("deaf")}};
constexpr std::array kStatuses = {std::pair{PersonStatus::kActive, std::string_view("active")},
                                  std::pair{PersonStatus::kAway, std::string_view("away")},
                                  std::pair{PersonStatus::kInHospital, std::string_view("in_hospital")},
                                  std::pair{PersonStatus::kMoved, std::string_view("moved")},
                                  std::pair{PersonStatus::kDeceased, std::string_view("deceased")}};

core::Status CheckLength(const std::string& value, const char* field, std::size_t max) {
  if (value.size() > max) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", field, {{"max", std::to_string(max)}});
  }
  return {};
}

bool IsEmailShaped(std::string_view email) {
  // local@domain.tld: one @, something before it, a dot after it with something on both sides, no spaces.
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  if (email.find_first_of(" \t\r\n<>,;") != std::string_view::npos) return false;
  const auto domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

bool IsLanguageCode(std::string_view code) {
  // BCP 47 as offices use it: two or three lower-case letters, optionally a region ("pt-br").
  const auto dash = code.find('-');
  const auto primary = code.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3) return false;
  for (char c : primary) {
    if (c < 'a' || c > 'z') return false;
  }
  if (dash == std::string_view::npos) return true;
  const auto region = code.substr(dash + 1);
  if (region.size() < 2 || region.size() > 8) return false;
  for (char c : region) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

std::string PhonesText(const std::vector<Phone>& phones) {
  std::vector<std::string> parts;
  for (const auto& phone : phones)
    parts.push_back(phone.label.empty() ? phone.e164 : phone.e164 + " (" + phone.label + ")");
  return Join(parts);
}

std::string OptionalDateText(const std::optional<Date>& date) { return date ? FormatDate(*date) : std::string(); }

std::string CoordinatesText(const std::optional<GeoPoint>& point) {
  if (!point) return {};
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%.6f, %.6f", point->latitude, point->longitude);
  return text.data();
}

}  // namespace

std::string_view CivilityCode(Civility civility) { return ToCode(kCivilities, civility); }
std::optional<Civility> ParseCivility(std::string_view code) { return FromCode(kCivilities, code); }
std::string_view HearingCode(HearingDifficulty hearing) { return ToCode(kHearings, hearing); }
std::optional<HearingDifficulty> ParseHearing(std::string_view code) { return FromCode(kHearings, code); }
std::string_view StatusCode(PersonStatus status) { return ToCode(kStatuses, status); }
std::optional<PersonStatus> ParseStatus(std::string_view code) { return FromCode(kStatuses, code); }

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  unsigned month = 0, day = 0;
  auto digits = [&text](std::size_t from, std::size_t length, auto& out) {
    const char* first = text.data() + from;
    const char* last = first + length;
    auto [end, error] = std::from_chars(first, last, out);
    return error == std::errc() && end == last;
  };
  if (!digits(0, 4, year) || !digits(5, 2, month) || !digits(8, 2, day)) return std::nullopt;
  const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string FormatDate(const Date& date) {
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text.data();
}

Date DayOf(core::EpochMillis instant) {
  const auto time = std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(instant));
  return Date{std::chrono::floor<std::chrono::days>(time)};
}

int AgeOn(const Date& birth, const Date& day) {
  int age = static_cast<int>(day.year()) - static_cast<int>(birth.year());
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --age;
  return age;
}

core::Status ValidatePerson(const Person& person, const Date& today) {
  if (person.last_name.find_first_not_of(" \t") == std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "validation.required", "last_name");
  }
  const std::pair<const std::string*, const char*> short_fields[] = {
      {&person.last_name, "last_name"},           {&person.birth_name, "birth_name"},
      {&person.address.number, "address.number"}, {&person.address.building, "address.building"},
      {&person.address.floor, "address.floor"},   {&person.address.door_code, "address.door_code"},
  };
  for (const auto& [value, field] : short_fields) {
    if (auto ok = CheckLength(*value, field, 100); !ok) return ok;
  }
  const std::pair<const std::string*, const char*> long_fields[] = {
      {&person.first_names, "first_names"},
      {&person.address.street, "address.street"},
      {&person.address.complement, "address.complement"},
      {&person.address.town, "address.town"},
      {&person.email, "email"},
  };
  for (const auto& [value, field] : long_fields) {
    if (auto ok = CheckLength(*value, field, 200); !ok) return ok;
  }
  if (auto ok = CheckLength(person.address.access_notes, "address.access_notes", 1000); !ok) return ok;
  if (person.birth_date) {
    if (*person.birth_date > today) return Fail(ErrorCode::kInvalidInput, "persons.date_in_future", "birth_date");
    if (person.birth_date->year() < std::chrono::year{1900}) {
      return Fail(ErrorCode::kInvalidInput, "persons.date_too_old", "birth_date");
    }
  }
  const auto& postcode = person.address.postcode;
  if (!postcode.empty() && (postcode.size() != 5 || postcode.find_first_not_of("0123456789") != std::string::npos)) {
    return Fail(ErrorCode::kInvalidInput, "persons.invalid_postcode", "address.postcode");
  }
  if (!person.email.empty() && !IsEmailShaped(person.email)) {
    return Fail(ErrorCode::kInvalidInput, "persons.invalid_email", "email");
  }
  if (person.languages.size() > 10) {
    return Fail(ErrorCode::kInvalidInput, "persons.too_many", "languages", {{"max", "10"}});
  }
  for (std::size_t i = 0; i < person.languages.size(); ++i) {
    if (!IsLanguageCode(person.languages[i])) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_language", "languages[" + std::to_string(i) + "]",
                  {{"value", person.languages[i].substr(0, 20)}});
    }
  }
  if (const auto& point = person.address.coordinates) {
    if (!(point->latitude >= -90 && point->latitude <= 90)) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_coordinates", "address.latitude");
    }
    if (!(point->longitude >= -180 && point->longitude <= 180)) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_coordinates", "address.longitude");
    }
  }
  if (person.phones.size() > 10) {
    return Fail(ErrorCode::kInvalidInput, "persons.too_many", "phones", {{"max", "10"}});
  }
  for (std::size_t i = 0; i < person.phones.size(); ++i) {
    const std::string field = "phones[" + std::to_string(i) + "]";
    const auto& e164 = person.phones[i].e164;
    if (e164.size() < 4 || e164.size() > 16 || e164[0] != '+' ||
        e164.find_first_not_of("0123456789", 1) != std::string::npos) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_phone", field, {{"phone", e164.substr(0, 30)}});
    }
    if (person.phones[i].label.size() > 50) {
      return Fail(ErrorCode::kInvalidInput, "validation.too_long", field + ".label", {{"max", "50"}});
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (person.phones[j].e164 == e164) {
        return Fail(ErrorCode::kInvalidInput, "persons.phone_twice", field, {{"phone", e164}});
      }
    }
  }
  const bool dated_status = person.status == PersonStatus::kAway || person.status == PersonStatus::kInHospital;
  if (person.status_until && !dated_status) {
    return Fail(ErrorCode::kInvalidInput, "persons.status_until_not_allowed", "status_until");
  }
  return {};
}

std::vector<FieldChange> DiffPersons(const Person& before, const Person& after) {
  std::vector<FieldChange> changes;
  auto compare = [&changes](const char* field, std::string from, std::string to) {
    if (from != to) changes.push_back(FieldChange{field, std::move(from), std::move(to)});
  };
  compare("civility", std::string(CivilityCode(before.civility)), std::string(CivilityCode(after.civility)));
  compare("last_name", before.last_name, after.last_name);
  compare("birth_name", before.birth_name, after.birth_name);
  compare("first_names", before.first_names, after.first_names);
  compare("birth_date", OptionalDateText(before.birth_date), OptionalDateText(after.birth_date));
  const auto& a = before.address;
  const auto& b = after.address;
  compare("address.number", a.number, b.number);
  compare("address.street", a.street, b.street);
  compare("address.complement", a.complement, b.complement);
  compare("address.building", a.building, b.building);
  compare("address.floor", a.floor, b.floor);
  compare("address.door_code", a.door_code, b.door_code);
  compare("address.postcode", a.postcode, b.postcode);
  compare("address.town", a.town, b.town);
  compare("address.access_notes", a.access_notes, b.access_notes);
  compare("address.coordinates", CoordinatesText(a.coordinates), CoordinatesText(b.coordinates));
  compare("phones", PhonesText(before.phones), PhonesText(after.phones));
  compare("email", before.email, after.email);
  compare("languages", Join(before.languages), Join(after.languages));
  compare("hearing", std::string(HearingCode(before.hearing)), std::string(HearingCode(after.hearing)));
  compare("status", std::string(StatusCode(before.status)), std::string(StatusCode(after.status)));
  compare("status_until", OptionalDateText(before.status_until), OptionalDateText(after.status_until));
  return changes;
}

std::string_view GroupOfField(std::string_view field) {
  if (field == "status" || field == "status_until") return "situation";
  if (field.starts_with("household.")) return "household";
  if (field.starts_with("address.") || field == "phones" || field == "email" || field == "languages" ||
      field == "hearing") {
    return "contact";
  }
  return "identity";
}

}  // namespace lien::registry
