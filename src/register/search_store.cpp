// SearchPersons and DuplicateCandidatesOf (declared in person_store.hpp): the read side of the persons' store.

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "register/person_columns.hpp"
#include "register/person_store.hpp"

namespace lien::registry {
namespace {

// Adds "token >= ? [AND token < ?]" for the tokens starting with `prefix`.
std::string TokenRange(const std::string& prefix, std::vector<db::Value>& params) {
  params.emplace_back(prefix);
  const auto upper = PrefixUpperBound(prefix);
  if (upper.empty()) return "token >= ?";
  params.emplace_back(upper);
  return "token >= ? AND token < ?";
}

std::string PrefixCondition(const std::string& prefix, std::vector<db::Value>& params) {
  return "p.id IN (SELECT person_id FROM person_name_tokens WHERE " + TokenRange(prefix, params) + ")";
}

// The name part of the WHERE clause: every word a prefix of a token, or the compact query a prefix of one.
std::string NameCondition(const NameQuery& name, std::vector<db::Value>& params) {
  std::string all_words;
  for (const auto& word : name.words) {
    all_words += (all_words.empty() ? "" : " AND ") + PrefixCondition(word, params);
  }
  if (name.compact.empty()) return all_words;
  return "((" + all_words + ") OR " + PrefixCondition(name.compact, params) + ")";
}

// Words that open a street's name: a search for "victor hugo" finds "rue Victor Hugo" by trying each.
constexpr std::string_view kStreetTypes[] = {
    "rue",      "r",          "avenue",    "av",        "boulevard", "bd",     "place",       "pl",
    "chemin",   "allee",      "impasse",   "route",     "residence", "square", "quai",        "cours",
    "passage",  "chaussee",   "faubourg",  "sentier",   "voie",      "cite",   "lotissement", "hameau",
    "lieu dit", "rond point", "esplanade", "promenade", "parvis",    "mail",   "ruelle"};

// The start of the folded street, with or without its type: one index range per form, so it stays fast.
std::string StreetCondition(const std::string& folded, std::vector<db::Value>& params) {
  std::string condition;
  auto add_range = [&](const std::string& prefix) {
    const auto upper = PrefixUpperBound(prefix);
    condition += condition.empty() ? "(" : " OR ";
    params.emplace_back(prefix);
    if (upper.empty()) {
      condition += "p.street_key >= ?";
    } else {
      condition += "(p.street_key >= ? AND p.street_key < ?)";
      params.emplace_back(upper);
    }
  };
  add_range(folded);
  // Typed with its type ("rue jean jaures"): one range. Without: one per type, still on the index.
  const bool typed = std::any_of(std::begin(kStreetTypes), std::end(kStreetTypes), [&folded](std::string_view type) {
    return folded.starts_with(std::string(type) + " ");
  });
  if (!typed) {
    for (auto type : kStreetTypes) add_range(std::string(type) + " " + folded);
  }
  return condition + ")";
}

}  // namespace

PersonPage SearchPersons(db::Connection& connection, const PersonQuery& query) {
  std::vector<std::string> conditions;
  std::vector<db::Value> params;
  // An age range matches thousands (a register is mostly of elderly people): walking the name index in order
  // and stopping at the page's end beats sorting them all, so `|| ''` keeps the planner off the birth date
  // and status indexes there (nine in ten persons are active). Likewise a town range does not drive when a
  // street narrows better.
  const bool by_age = query.age_min.has_value() || query.age_max.has_value();
  const std::string unindexed_birth_date = "(p.birth_date || '')";
  const auto street = core::FoldForSearch(query.street);
  if (const auto name = ParseNameQuery(query.name); !name.words.empty()) {
    conditions.push_back(NameCondition(name, params));
  }
  if (!query.phone_e164.empty()) {
    conditions.emplace_back("p.id IN (SELECT person_id FROM person_phones WHERE e164 = ?)");
    params.emplace_back(query.phone_e164);
  }
  if (!street.empty()) {
    conditions.push_back(StreetCondition(street, params));
  }
  if (const auto town = core::FoldForSearch(query.town); !town.empty()) {
    const std::string column = street.empty() ? "p.town_key" : "(p.town_key || '')";
    params.emplace_back(town);
    if (const auto upper = PrefixUpperBound(town); upper.empty()) {
      conditions.push_back(column + " >= ?");
    } else {
      conditions.push_back(column + " >= ? AND " + column + " < ?");
      params.emplace_back(upper);
    }
  }
  if (!query.postcode.empty()) {
    conditions.emplace_back("p.postcode = ?");
    params.emplace_back(query.postcode);
  }
  if (!query.statuses.empty()) {
    std::string in;
    for (auto status : query.statuses) {
      in += in.empty() ? "?" : ", ?";
      params.emplace_back(std::string(StatusCode(status)));
    }
    conditions.push_back(std::string(by_age ? "(p.status || '')" : "p.status") + " IN (" + in + ")");
  }
  if (query.age_min) {
    conditions.emplace_back(unindexed_birth_date + " <= ?");
    params.emplace_back(FormatDate(LatestBirthDateForAge(query.today, *query.age_min)));
  }
  if (query.age_max) {
    conditions.emplace_back(unindexed_birth_date + " > ?");
    params.emplace_back(FormatDate(LatestBirthDateForAge(query.today, *query.age_max + 1)));
  }
  if (query.registered_only || !query.ground.empty()) {
    std::string entry = "EXISTS (SELECT 1 FROM register_entries r WHERE r.person_id = p.id AND r.state = 'registered'";
    if (!query.ground.empty()) {
      entry += " AND r.ground = ?";
      params.emplace_back(query.ground);
    }
    conditions.push_back(entry + ")");
  }
  // Ids first: sorting (name_key, id) pairs is much lighter than sorting whole rows when thousands match.
  std::string sql = "SELECT p.id FROM persons p";
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  sql += " ORDER BY p.name_key, p.id LIMIT ? OFFSET ?";
  const int limit = std::clamp(query.limit, 1, 500);
  const int offset = std::max(query.offset, 0);
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  params.emplace_back(static_cast<std::int64_t>(offset));
  std::vector<std::int64_t> ids;
  for (const auto& row : connection.Execute(sql, params).rows) ids.push_back(row.Int(0));
  PersonPage page;
  page.offset = offset;
  page.limit = limit;
  if (static_cast<int>(ids.size()) > limit) {
    page.has_more = true;
    ids.resize(static_cast<std::size_t>(limit));
  }
  page.items = LoadPersons(connection, ids);
  return page;
}

std::vector<Person> DuplicateCandidatesOf(db::Connection& connection, const Person& person,
                                          std::size_t max_candidates) {
  std::vector<std::string> sources;
  std::vector<db::Value> params;
  if (person.birth_date) {
    sources.emplace_back("SELECT id AS cid FROM persons WHERE birth_date = ?");
    params.emplace_back(FormatDate(*person.birth_date));
  }
  for (const auto& phone : person.phones) {
    sources.emplace_back("SELECT person_id AS cid FROM person_phones WHERE e164 = ?");
    params.emplace_back(phone.e164);
  }
  if (const auto street = core::FoldForSearch(person.address.street); !street.empty()) {
    sources.emplace_back("SELECT id AS cid FROM persons WHERE street_key = ? AND address_number = ?");
    params.insert(params.end(), {street, person.address.number});
  }
  // Names: a record whose last, birth or first name holds this last name (swapped names, part of a compound
  // name), and the same sounding last name born the same year (a typo and a slipped birth date together).
  std::set<std::string> name_tokens;
  for (const auto* name : {&person.last_name, &person.birth_name}) {
    if (auto compact = core::FoldCompactWithoutParticles(*name); !compact.empty()) name_tokens.insert(compact);
  }
  for (const auto& token : name_tokens) {
    sources.emplace_back("SELECT person_id AS cid FROM person_name_tokens WHERE token = ?");
    params.emplace_back(token);
  }
  if (person.birth_date) {
    const auto year = static_cast<int>(person.birth_date->year());
    for (const auto& phonetic : PhoneticTokensOf(person.last_name)) {
      sources.emplace_back(
          "SELECT t.person_id AS cid FROM person_name_tokens t JOIN persons q ON q.id = t.person_id "
          "WHERE t.token = ? AND q.birth_date >= ? AND q.birth_date < ?");
      params.insert(params.end(), {phonetic, std::to_string(year) + "-01-01", std::to_string(year + 1) + "-01-01"});
    }
  }
  if (sources.empty()) return {};
  std::string sql = "SELECT DISTINCT c.cid FROM (";
  for (std::size_t i = 0; i < sources.size(); ++i) sql += (i == 0 ? "" : " UNION ") + sources[i];
  sql += ") c WHERE c.cid <> ? ORDER BY c.cid LIMIT ?";
  params.emplace_back(person.id);
  params.emplace_back(static_cast<std::int64_t>(max_candidates));
  std::vector<std::int64_t> ids;
  for (const auto& row : connection.Execute(sql, params).rows) ids.push_back(row.Int(0));
  return LoadPersons(connection, ids);
}

}  // namespace lien::registry
