#include "register/person_json.hpp"

#include <array>
#include <utility>

#include "core/phone.hpp"
#include "register/person_rules.hpp"

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;
using http::Json;

Json DateOrNull(const std::optional<Date>& date) { return date ? Json(FormatDate(*date)) : Json(nullptr); }

Json PhonesJson(const std::vector<Phone>& phones) {
  Json out = Json::array();
  for (const auto& phone : phones) {
    out.push_back({{"number", phone.e164},
                   {"display", core::FormatPhoneForDisplay(phone.e164)},
                   {"label", phone.label},
                   {"mobile", core::IsMobilePhone(phone.e164)}});
  }
  return out;
}

Json CivilityJson(Civility civility) {
  return civility == Civility::kUnknown ? Json(nullptr) : Json(std::string(CivilityCode(civility)));
}

std::string Trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// A string field: absent leaves `target`, null clears it.
core::Status ReadText(const Json& object, const char* key, const std::string& field, std::string& target) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_null()) {
    target.clear();
    return {};
  }
  if (!it->is_string()) return Fail(ErrorCode::kInvalidInput, "validation.type", field);
  target = Trimmed(it->get<std::string>());
  return {};
}

core::Status ReadDate(const Json& object, const char* key, std::optional<Date>& target) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_null() || (it->is_string() && it->get<std::string>().empty())) {
    target.reset();
    return {};
  }
  if (!it->is_string()) return Fail(ErrorCode::kInvalidInput, "validation.type", key);
  auto date = ParseDate(it->get<std::string>());
  if (!date) return Fail(ErrorCode::kInvalidInput, "persons.invalid_date", key);
  target = *date;
  return {};
}

template <class Enum>
core::Status ReadCode(const Json& object, const char* key, std::optional<Enum> (*parse)(std::string_view),
                      Enum fallback, Enum& target) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_null()) {
    target = fallback;
    return {};
  }
  if (!it->is_string()) return Fail(ErrorCode::kInvalidInput, "validation.type", key);
  const auto value = parse(it->get<std::string>());
  if (!value) {
    return Fail(ErrorCode::kInvalidInput, "persons.invalid_code", key,
                {{"value", it->get<std::string>().substr(0, 40)}});
  }
  target = *value;
  return {};
}

core::Status ReadPhones(const Json& value, std::vector<Phone>& target) {
  if (value.is_null()) {
    target.clear();
    return {};
  }
  if (!value.is_array()) return Fail(ErrorCode::kInvalidInput, "validation.type", "phones");
  if (value.size() > 10) return Fail(ErrorCode::kInvalidInput, "persons.too_many", "phones", {{"max", "10"}});
  std::vector<Phone> phones;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string field = "phones[" + std::to_string(i) + "]";
    const Json& item = value[i];
    std::string typed;
    Phone phone;
    if (item.is_string()) {
      typed = item.get<std::string>();
    } else if (item.is_object()) {
      for (const auto& [key, unused] : item.items()) {
        // display and mobile are what the server sends: a client may send them back, they are recomputed.
        if (key != "number" && key != "label" && key != "display" && key != "mobile") {
          return Fail(ErrorCode::kInvalidInput, "validation.unknown_field", field + "." + key.substr(0, 40),
                      {{"name", field + "." + key.substr(0, 40)}});
        }
      }
      if (auto ok = ReadText(item, "number", field + ".number", typed); !ok) return ok;
      if (auto ok = ReadText(item, "label", field + ".label", phone.label); !ok) return ok;
    } else {
      return Fail(ErrorCode::kInvalidInput, "validation.type", field);
    }
    auto e164 = core::ParsePhone(typed, field);
    if (!e164) {
      return Fail(ErrorCode::kInvalidInput, "persons.invalid_phone", field, {{"phone", typed.substr(0, 40)}});
    }
    phone.e164 = std::move(*e164);
    phones.push_back(std::move(phone));
  }
  target = std::move(phones);
  return {};
}

core::Status ReadLanguages(const Json& value, std::vector<std::string>& target) {
  if (value.is_null()) {
    target.clear();
    return {};
  }
  if (!value.is_array()) return Fail(ErrorCode::kInvalidInput, "validation.type", "languages");
  std::vector<std::string> languages;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      return Fail(ErrorCode::kInvalidInput, "validation.type", "languages[" + std::to_string(i) + "]");
    }
    languages.push_back(Trimmed(value[i].get<std::string>()));
  }
  target = std::move(languages);
  return {};
}

constexpr std::array kAddressTextKeys = {
    std::pair{"number", &PostalAddress::number},
    std::pair{"street", &PostalAddress::street},
    std::pair{"complement", &PostalAddress::complement},
    std::pair{"building", &PostalAddress::building},
    std::pair{"floor", &PostalAddress::floor},
    std::pair{"door_code", &PostalAddress::door_code},
    std::pair{"postcode", &PostalAddress::postcode},
    std::pair{"town", &PostalAddress::town},
    std::pair{"access_notes", &PostalAddress::access_notes},
};

core::Status ReadAddress(const Json& value, PostalAddress& address) {
  if (value.is_null()) {
    address = PostalAddress{};
    return {};
  }
  if (!value.is_object()) return Fail(ErrorCode::kInvalidInput, "validation.type", "address");
  for (const auto& [key, unused] : value.items()) {
    bool known = key == "latitude" || key == "longitude";
    for (const auto& [name, member] : kAddressTextKeys) known = known || key == name;
    if (!known) {
      const std::string field = "address." + key.substr(0, 40);
      return Fail(ErrorCode::kInvalidInput, "validation.unknown_field", field, {{"name", field}});
    }
  }
  for (const auto& [name, member] : kAddressTextKeys) {
    if (auto ok = ReadText(value, name, std::string("address.") + name, address.*member); !ok) return ok;
  }
  const auto latitude = value.find("latitude");
  const auto longitude = value.find("longitude");
  if ((latitude == value.end()) != (longitude == value.end())) {
    return Fail(ErrorCode::kInvalidInput, "persons.coordinates_pair",
                latitude == value.end() ? "address.latitude" : "address.longitude");
  }
  if (latitude != value.end()) {
    if (latitude->is_null() && longitude->is_null()) {
      address.coordinates.reset();
    } else if (!latitude->is_number()) {
      return Fail(ErrorCode::kInvalidInput, "validation.type", "address.latitude");
    } else if (!longitude->is_number()) {
      return Fail(ErrorCode::kInvalidInput, "validation.type", "address.longitude");
    } else {
      address.coordinates = GeoPoint{latitude->get<double>(), longitude->get<double>()};
    }
  }
  return {};
}

// The group each top-level key belongs to; nullopt for read-only or unknown keys.
std::optional<FieldGroup> GroupOfKey(std::string_view key) {
  static constexpr std::array<std::pair<std::string_view, FieldGroup>, 12> kKeys = {{
      {"civility", FieldGroup::kIdentity},
      {"last_name", FieldGroup::kIdentity},
      {"birth_name", FieldGroup::kIdentity},
      {"first_names", FieldGroup::kIdentity},
      {"birth_date", FieldGroup::kIdentity},
      {"address", FieldGroup::kContact},
      {"phones", FieldGroup::kContact},
      {"email", FieldGroup::kContact},
      {"languages", FieldGroup::kContact},
      {"hearing", FieldGroup::kContact},
      {"status", FieldGroup::kSituation},
      {"status_until", FieldGroup::kSituation},
  }};
  for (const auto& [name, group] : kKeys) {
    if (name == key) return group;
  }
  return std::nullopt;
}

}  // namespace

Json PersonToJson(const Person& person, View view) {
  Json out = Json::object();
  if (view.Has(FieldGroup::kIdentity)) {
    out["id"] = person.id;
    out["version"] = person.version;
    out["civility"] = CivilityJson(person.civility);
    out["last_name"] = person.last_name;
    out["birth_name"] = person.birth_name;
    out["first_names"] = person.first_names;
    out["birth_date"] = DateOrNull(person.birth_date);
    out["created_at"] = person.created_at;
    out["updated_at"] = person.updated_at;
  }
  if (view.Has(FieldGroup::kContact)) {
    const auto& a = person.address;
    Json address = Json::object();
    for (const auto& [name, member] : kAddressTextKeys) address[name] = a.*member;
    address["latitude"] = a.coordinates ? Json(a.coordinates->latitude) : Json(nullptr);
    address["longitude"] = a.coordinates ? Json(a.coordinates->longitude) : Json(nullptr);
    out["address"] = std::move(address);
    out["phones"] = PhonesJson(person.phones);
    out["email"] = person.email;
    out["languages"] = person.languages;
    out["hearing"] = std::string(HearingCode(person.hearing));
  }
  if (view.Has(FieldGroup::kSituation)) {
    out["status"] = std::string(StatusCode(person.status));
    out["status_until"] = DateOrNull(person.status_until);
  }
  return out;
}

Json PersonSummaryToJson(const Person& person, View view, const Date& today) {
  Json out = Json::object();
  if (view.Has(FieldGroup::kIdentity)) {
    out["id"] = person.id;
    out["version"] = person.version;
    out["civility"] = CivilityJson(person.civility);
    out["last_name"] = person.last_name;
    out["birth_name"] = person.birth_name;
    out["first_names"] = person.first_names;
    out["birth_date"] = DateOrNull(person.birth_date);
    out["age"] = person.birth_date ? Json(AgeOn(*person.birth_date, today)) : Json(nullptr);
  }
  if (view.Has(FieldGroup::kContact)) {
    const auto& a = person.address;
    out["address"] = {{"number", a.number}, {"street", a.street}, {"postcode", a.postcode}, {"town", a.town}};
    out["phones"] = PhonesJson(person.phones);
  }
  if (view.Has(FieldGroup::kSituation)) {
    out["status"] = std::string(StatusCode(person.status));
    out["status_until"] = DateOrNull(person.status_until);
  }
  return out;
}

core::Result<Person> PersonFromJson(const Json& body, View view, Person base,
                                    std::initializer_list<std::string_view> extra_keys) {
  for (const auto& [key, unused] : body.items()) {
    bool extra = false;
    for (auto name : extra_keys) extra = extra || key == name;
    if (extra) continue;
    const auto group = GroupOfKey(key);
    if (!group || !view.Has(*group)) {
      return Fail(ErrorCode::kInvalidInput, "validation.unknown_field", key.substr(0, 64),
                  {{"name", key.substr(0, 64)}});
    }
  }
  Person& person = base;
  if (auto ok = ReadCode(body, "civility", &ParseCivility, Civility::kUnknown, person.civility); !ok) {
    return Fail(ok.error());
  }
  for (auto [key, member] : {std::pair{"last_name", &Person::last_name}, std::pair{"birth_name", &Person::birth_name},
                             std::pair{"first_names", &Person::first_names}, std::pair{"email", &Person::email}}) {
    if (auto ok = ReadText(body, key, key, person.*member); !ok) return Fail(ok.error());
  }
  if (auto ok = ReadDate(body, "birth_date", person.birth_date); !ok) return Fail(ok.error());
  if (auto it = body.find("address"); it != body.end()) {
    if (auto ok = ReadAddress(*it, person.address); !ok) return Fail(ok.error());
  }
  if (auto it = body.find("phones"); it != body.end()) {
    if (auto ok = ReadPhones(*it, person.phones); !ok) return Fail(ok.error());
  }
  if (auto it = body.find("languages"); it != body.end()) {
    if (auto ok = ReadLanguages(*it, person.languages); !ok) return Fail(ok.error());
  }
  if (auto ok = ReadCode(body, "hearing", &ParseHearing, HearingDifficulty::kUnknown, person.hearing); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = ReadCode(body, "status", &ParseStatus, PersonStatus::kActive, person.status); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = ReadDate(body, "status_until", person.status_until); !ok) return Fail(ok.error());
  // A status without an end date clears the one of the previous status ("back home").
  if (body.contains("status") && !body.contains("status_until") && person.status != PersonStatus::kAway &&
      person.status != PersonStatus::kInHospital) {
    person.status_until.reset();
  }
  return base;
}

}  // namespace lien::registry
