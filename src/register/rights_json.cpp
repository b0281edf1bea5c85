#include "register/rights_json.hpp"

namespace lien::registry {
namespace {

using http::Json;

Json ValueJson(const db::Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return nullptr;  // NULL (and no column of these tables is a blob)
}

Json RowJson(const HeldRow& row) {
  Json object = Json::object();
  for (const auto& [column, value] : row) {
    // The history's changes are stored as JSON text: given as JSON, not as a string to parse again.
    if (column == "changes" && std::holds_alternative<std::string>(value)) {
      auto parsed = Json::parse(std::get<std::string>(value), nullptr, /*allow_exceptions=*/false);
      object[column] = parsed.is_discarded() ? ValueJson(value) : parsed;
      continue;
    }
    object[column] = ValueJson(value);
  }
  return object;
}

Json RowsJson(const std::vector<HeldRow>& rows) {
  Json array = Json::array();
  for (const auto& row : rows) array.push_back(RowJson(row));
  return array;
}

}  // namespace

http::Json HeldDataToJson(const HeldData& data, core::EpochMillis generated_at) {
  Json household = nullptr;
  if (data.household) {
    household = RowJson(*data.household);
    household["members"] = RowsJson(data.household_members);
  }
  Json accesses = Json::array();
  for (const auto& entry : data.accesses) {
    accesses.push_back(Json{{"at", entry.at},
                            {"actor_login", entry.event.actor_login},
                            {"actor_role", entry.event.actor_role},
                            {"action", entry.event.action},
                            {"purpose", entry.event.purpose},
                            {"outcome", entry.event.outcome}});
  }
  Json follow_up = Json::object();
  for (const auto& table : data.follow_up) follow_up[table.table] = RowsJson(table.rows);
  const Json person = RowJson(data.person);
  return Json{{"person_id", person.value("id", Json(nullptr))},
              {"generated_at", generated_at},
              {"person", person},
              {"phones", RowsJson(data.phones)},
              {"register_entry", data.register_entry ? RowJson(*data.register_entry) : Json(nullptr)},
              {"household", household},
              {"history", RowsJson(data.history)},
              {"merged_records", RowsJson(data.merged_records)},
              {"import_origin", RowsJson(data.import_origin)},
              {"follow_up", follow_up},
              {"accesses", accesses}};
}

}  // namespace lien::registry
