#include "register/person_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "register/person_rules.hpp"

namespace lien::registry::detail {
namespace {

db::Value OptionalDate(const std::optional<Date>& date) {
  if (!date) return std::monostate{};
  return FormatDate(*date);
}

std::optional<Date> ReadDate(const db::Row& row, std::size_t column) {
  const auto text = row.OptText(column);
  if (!text) return std::nullopt;
  return ParseDate(*text);
}

std::string JoinLanguages(const std::vector<std::string>& languages) {
  std::string out;
  for (const auto& language : languages) out += (out.empty() ? "" : ",") + language;
  return out;
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> languages;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) languages.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return languages;
}

}  // namespace

const std::vector<std::string>& WritableColumnNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    const std::string all(kPersonWritableColumns);
    std::size_t start = 0;
    while (start < all.size()) {
      auto comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      auto name = all.substr(start, comma - start);
      name.erase(0, name.find_first_not_of(' '));
      out.push_back(name);
      start = comma + 1;
    }
    return out;
  }();
  return names;
}

std::vector<db::Value> PersonValues(const Person& person) {
  const auto& a = person.address;
  db::Value latitude = std::monostate{};
  db::Value longitude = std::monostate{};
  if (a.coordinates) {
    latitude = a.coordinates->latitude;
    longitude = a.coordinates->longitude;
  }
  return {std::string(CivilityCode(person.civility)),
          person.last_name,
          person.birth_name,
          person.first_names,
          OptionalDate(person.birth_date),
          a.number,
          a.street,
          a.complement,
          a.building,
          a.floor,
          a.door_code,
          a.postcode,
          a.town,
          a.access_notes,
          latitude,
          longitude,
          person.email,
          JoinLanguages(person.languages),
          std::string(HearingCode(person.hearing)),
          std::string(StatusCode(person.status)),
          OptionalDate(person.status_until)};
}

Person ReadPerson(const db::Row& row) {
  Person person;
  person.id = row.Int(0);
  person.civility = ParseCivility(row.Text(1)).value_or(Civility::kUnknown);
  person.last_name = row.Text(2);
  person.birth_name = row.Text(3);
  person.first_names = row.Text(4);
  person.birth_date = ReadDate(row, 5);
  auto& a = person.address;
  a.number = row.Text(6);
  a.street = row.Text(7);
  a.complement = row.Text(8);
  a.building = row.Text(9);
  a.floor = row.Text(10);
  a.door_code = row.Text(11);
  a.postcode = row.Text(12);
  a.town = row.Text(13);
  a.access_notes = row.Text(14);
  if (!row.IsNull(15) && !row.IsNull(16)) a.coordinates = GeoPoint{row.Real(15), row.Real(16)};
  person.email = row.Text(17);
  person.languages = SplitLanguages(row.Text(18));
  person.hearing = ParseHearing(row.Text(19)).value_or(HearingDifficulty::kUnknown);
  person.status = ParseStatus(row.Text(20)).value_or(PersonStatus::kActive);
  person.status_until = ReadDate(row, 21);
  person.created_at = row.Int(22);
  person.updated_at = row.Int(23);
  person.version = row.Int(24);
  return person;
}

void AttachPhones(db::Connection& connection, std::vector<Person>& persons) {
  std::unordered_map<std::int64_t, Person*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& person : persons) {
    person.phones.clear();
    if (by_id.emplace(person.id, &person).second) ids.push_back(person.id);
  }
  for (std::size_t first = 0; first < ids.size(); first += kIdsPerQuery) {
    const std::size_t count = std::min(kIdsPerQuery, ids.size() - first);
    std::vector<db::Value> slice;
    slice.reserve(count);
    for (std::size_t i = first; i < first + count; ++i) slice.emplace_back(ids[i]);
    auto rows = connection.Execute("SELECT person_id, e164, label FROM person_phones WHERE person_id IN (" +
                                       Placeholders(count) + ") ORDER BY person_id, position",
                                   slice);
    for (const auto& row : rows.rows) {
      if (auto it = by_id.find(row.Int(0)); it != by_id.end()) {
        it->second->phones.push_back(Phone{row.Text(1), row.Text(2)});
      }
    }
  }
}

std::string Placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace lien::registry::detail
