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

// Folded text to match the start of a column or the start of any word in it (folded keys hold only
// [a-z0-9 ], so the pattern has no wildcard to escape).
std::string StartOrWordCondition(const char* column, const std::string& folded, std::vector<db::Value>& params) {
  params.emplace_back(folded + "%");
  params.emplace_back("% " + folded + "%");
  return std::string("(") + column + " LIKE ? OR " + column + " LIKE ?)";
}

}  // namespace

PersonPage SearchPersons(db::Connection& connection, const PersonQuery& query) {
  std::vector<std::string> conditions;
  std::vector<db::Value> params;
  if (const auto name = ParseNameQuery(query.name); !name.words.empty()) {
    conditions.push_back(NameCondition(name, params));
  }
  if (!query.phone_e164.empty()) {
    conditions.emplace_back("p.id IN (SELECT person_id FROM person_phones WHERE e164 = ?)");
    params.emplace_back(query.phone_e164);
  }
  if (const auto street = core::FoldForSearch(query.street); !street.empty()) {
    conditions.push_back(StartOrWordCondition("p.street_key", street, params));
  }
  if (const auto town = core::FoldForSearch(query.town); !town.empty()) {
    params.emplace_back(town);
    if (const auto upper = PrefixUpperBound(town); upper.empty()) {
      conditions.emplace_back("p.town_key >= ?");
    } else {
      conditions.emplace_back("p.town_key >= ? AND p.town_key < ?");
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
    conditions.push_back("p.status IN (" + in + ")");
  }
  if (query.age_min) {
    conditions.emplace_back("p.birth_date <= ?");
    params.emplace_back(FormatDate(LatestBirthDateForAge(query.today, *query.age_min)));
  }
  if (query.age_max) {
    conditions.emplace_back("p.birth_date > ?");
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
  std::string sql = "SELECT " + std::string(detail::kPersonReadColumns) + " FROM persons p";
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  sql += " ORDER BY p.name_key, p.id LIMIT ? OFFSET ?";
  const int limit = std::clamp(query.limit, 1, 500);
  const int offset = std::max(query.offset, 0);
  params.emplace_back(static_cast<std::int64_t>(limit + 1));
  params.emplace_back(static_cast<std::int64_t>(offset));
  auto rows = connection.Execute(sql, params);
  PersonPage page;
  page.offset = offset;
  page.limit = limit;
  for (const auto& row : rows.rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.has_more = true;
      break;
    }
    page.items.push_back(detail::ReadPerson(row));
  }
  detail::AttachPhones(connection, page.items);
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
