#include "calls/campaign_target_json.hpp"

#include <initializer_list>
#include <string>

namespace lien::calls {
namespace {

using nlohmann::json;

core::Status Type(const std::string& field) {
  return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", field);
}

core::Status OnlyMembers(const json& object, std::initializer_list<std::string_view> allowed, const std::string& at) {
  for (const auto& [key, unused] : object.items()) {
    bool known = false;
    for (auto name : allowed) known = known || key == name;
    if (!known) {
      const std::string name = at + "." + key.substr(0, 40);
      return core::Fail(core::ErrorCode::kInvalidInput, "validation.unknown_field", name, {{"name", name}});
    }
  }
  return {};
}

core::Status Strings(const json& object, const char* key, const std::string& field, std::vector<std::string>& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_array()) return Type(field);
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) return Type(field + "[" + std::to_string(i) + "]");
    out.push_back((*it)[i].get<std::string>());
  }
  return {};
}

core::Status Age(const json& object, const char* key, std::optional<int>& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_number_integer()) return Type(std::string("target.") + key);
  const auto value = it->get<std::int64_t>();
  out = static_cast<int>(value < -1 ? -1 : (value > 1000 ? 1000 : value));
  return {};
}

core::Status Flag(const json& object, const char* key, bool& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_boolean()) return Type(std::string("target.") + key);
  out = it->get<bool>();
  return {};
}

}  // namespace

core::Result<CampaignTarget> TargetFromJson(const json& object) {
  CampaignTarget target;
  if (object.is_null()) return target;
  if (!object.is_object()) return core::Fail(Type("target").error());
  if (auto ok = OnlyMembers(object, {"register", "grounds", "age_min", "age_max", "lives_alone", "area", "persons"},
                            "target");
      !ok) {
    return core::Fail(ok.error());
  }
  if (auto ok = Flag(object, "register", target.register_persons); !ok) return core::Fail(ok.error());
  if (auto ok = Strings(object, "grounds", "target.grounds", target.grounds); !ok) return core::Fail(ok.error());
  if (auto ok = Age(object, "age_min", target.age_min); !ok) return core::Fail(ok.error());
  if (auto ok = Age(object, "age_max", target.age_max); !ok) return core::Fail(ok.error());
  if (auto ok = Flag(object, "lives_alone", target.lives_alone); !ok) return core::Fail(ok.error());
  if (const auto area = object.find("area"); area != object.end() && !area->is_null()) {
    if (!area->is_object()) return core::Fail(Type("target.area").error());
    if (auto ok = OnlyMembers(*area, {"postcodes", "towns", "streets"}, "target.area"); !ok) {
      return core::Fail(ok.error());
    }
    for (auto [key, list] : {std::pair{"postcodes", &target.postcodes}, std::pair{"towns", &target.towns},
                             std::pair{"streets", &target.streets}}) {
      if (auto ok = Strings(*area, key, std::string("target.area.") + key, *list); !ok) return core::Fail(ok.error());
    }
  }
  if (const auto persons = object.find("persons"); persons != object.end() && !persons->is_null()) {
    if (!persons->is_array()) return core::Fail(Type("target.persons").error());
    for (std::size_t i = 0; i < persons->size(); ++i) {
      if (!(*persons)[i].is_number_integer()) {
        return core::Fail(Type("target.persons[" + std::to_string(i) + "]").error());
      }
      target.persons.push_back((*persons)[i].get<std::int64_t>());
    }
  }
  return target;
}

json TargetToJson(const CampaignTarget& target) {
  auto age = [](const std::optional<int>& value) { return value ? json(*value) : json(nullptr); };
  return json{{"register", target.register_persons},
              {"grounds", target.grounds},
              {"age_min", age(target.age_min)},
              {"age_max", age(target.age_max)},
              {"lives_alone", target.lives_alone},
              {"area", {{"postcodes", target.postcodes}, {"towns", target.towns}, {"streets", target.streets}}},
              {"persons", target.persons}};
}

}  // namespace lien::calls
