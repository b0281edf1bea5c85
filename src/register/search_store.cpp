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

// How many tokens start with each word, counting up to `cap`: short ranges of the tokens' index, in one query
// (a round trip costs more than the counting).
std::vector<std::int64_t> TokensStartingWith(db::Connection& connection, const std::vector<std::string>& words,
                                             std::int64_t cap) {
  std::vector<db::Value> params;
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < words.size(); ++i) {
    sql += (i == 0 ? "" : ", ") + std::string("(SELECT COUNT(*) FROM (SELECT 1 FROM person_name_tokens WHERE ") +
           TokenRange(words[i], params) + " LIMIT ?) c" + std::to_string(i) + ")";
    params.emplace_back(cap);
  }
  const auto row = connection.QueryOne(sql, params);
  std::vector<std::int64_t> counts;
  for (std::size_t i = 0; i < words.size(); ++i) counts.push_back(row->Int(i));
  return counts;
}

// A name alone: the matching tokens' index range holds each person's sort key, so one range is read and sorted
// without touching the persons (a 3-letter prefix matches thousands). The rarest word drives ("Martin" rather
// than "Marie-Thérèse"); the others are checked on the person's own tokens, and the name written as one word
// adds its matches.
std::string NameOnlySql(db::Connection& connection, const NameQuery& name, std::vector<db::Value>& params) {
  std::vector<std::string> words = name.words;
  constexpr std::int64_t kEnough = 300;
  bool hash_other_words = false;
  if (words.size() > 1) {
    const auto counts = TokensStartingWith(connection, words, kEnough);
    std::vector<std::pair<std::int64_t, std::string>> counted;
    for (std::size_t i = 0; i < words.size(); ++i) counted.emplace_back(counts[i], std::move(words[i]));
    std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // Only PostgreSQL: SQLite's probes are cheap, and its IN list costs more (full name p99 7.9 → 11.3 ms).
    hash_other_words = connection.dialect() == db::Dialect::kPostgres && counted.front().first >= kEnough;
    words.clear();
    for (auto& [count, word] : counted) words.push_back(std::move(word));
  }
  std::string sql =
      "SELECT DISTINCT t.name_key, t.person_id FROM person_name_tokens t WHERE t." + TokenRange(words[0], params);
  // The other words as probes of the person's own tokens: a list of their matches would tempt the planner to
  // drive by a common first name, and `|| ''` keeps it on the person's index (PostgreSQL guesses a narrow token
  // range holds one row and would scan the whole range for each person). When every word is common ("Bernard
  // Marie"), hundreds of probes cost more than hashing the other words' ranges (PostgreSQL: 164 ms against 8 ms).
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (hash_other_words) {
      sql +=
          " AND t.person_id IN (SELECT person_id FROM person_name_tokens WHERE " + TokenRange(words[i], params) + ")";
      continue;
    }
    params.emplace_back(words[i]);
    sql += " AND EXISTS (SELECT 1 FROM person_name_tokens o WHERE o.person_id = t.person_id AND (o.token || '') >= ?";
    if (const auto upper = PrefixUpperBound(words[i]); !upper.empty()) {
      sql += " AND (o.token || '') < ?";
      params.emplace_back(upper);
    }
    sql += ")";
  }
  if (!name.compact.empty()) {
    sql +=
        " UNION SELECT t.name_key, t.person_id FROM person_name_tokens t WHERE t." + TokenRange(name.compact, params);
  }
  return sql;
}

// The filters of a query as SQL on alias `p` (a persons row, or a row of the walk below: id, name_key, status,
// birth_date and the columns `walk_columns` lists). `walking` writes the name as a probe of the row's own
// tokens instead of a list of the matching persons.
struct Filters {
  std::vector<std::string> conditions;
  std::vector<db::Value> params;
  std::string walk_columns;
};

std::string NameProbe(const NameQuery& name, std::vector<db::Value>& params) {
  auto probe = [&params](const std::string& prefix) {
    return "EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = p.id AND t." + TokenRange(prefix, params) +
           ")";
  };
  std::string all_words;
  for (const auto& word : name.words) all_words += (all_words.empty() ? "" : " AND ") + probe(word);
  if (name.compact.empty()) return all_words;
  return "((" + all_words + ") OR " + probe(name.compact) + ")";
}

Filters FiltersOf(const PersonQuery& query, const NameQuery& name, bool walking) {
  Filters filters;
  auto& params = filters.params;
  auto& conditions = filters.conditions;
  if (!name.words.empty()) conditions.push_back(walking ? NameProbe(name, params) : NameCondition(name, params));
  if (!query.phone_e164.empty()) {
    conditions.emplace_back("p.id IN (SELECT person_id FROM person_phones WHERE e164 = ?)");
    params.emplace_back(query.phone_e164);
  }
  if (const auto street = core::FoldForSearch(query.street); !street.empty()) {
    conditions.push_back(StreetCondition(street, params));
    filters.walk_columns += ", street_key";
  }
  if (const auto town = core::FoldForSearch(query.town); !town.empty()) {
    // A street narrows far better than a town: `|| ''` keeps the planner off the town's index then.
    const std::string column = query.street.empty() || walking ? "p.town_key" : "(p.town_key || '')";
    params.emplace_back(town);
    if (const auto upper = PrefixUpperBound(town); upper.empty()) {
      conditions.push_back(column + " >= ?");
    } else {
      conditions.push_back(column + " >= ? AND " + column + " < ?");
      params.emplace_back(upper);
    }
    filters.walk_columns += ", town_key";
  }
  if (!query.postcode.empty()) {
    conditions.emplace_back("p.postcode = ?");
    params.emplace_back(query.postcode);
    filters.walk_columns += ", postcode";
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
  return filters;
}

std::string Where(const std::vector<std::string>& conditions) {
  std::string sql;
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  return sql;
}

std::vector<std::int64_t> Ids(db::Connection& connection, const std::string& sql, const std::vector<db::Value>& params,
                              std::size_t column = 0) {
  std::vector<std::int64_t> ids;
  for (const auto& row : connection.Execute(sql, params).rows) ids.push_back(row.Int(column));
  return ids;
}

// Past this many matches, sorting them all costs more than walking the name index in order to the page's end.
constexpr std::int64_t kSortedMatches = 2000;
// A walk goes this deep at most (offset + limit); deeper pages sort the matches.
constexpr int kWalkDepth = 500;

// The page's ids (limit + 1 of them, to tell whether more follow) of a query with filters other than a name alone.
std::vector<std::int64_t> FilteredIds(db::Connection& connection, const PersonQuery& query, const NameQuery& name,
                                      int limit, int offset) {
  const Filters driven = FiltersOf(query, name, /*walking=*/false);
  const auto page_params = [&](std::vector<db::Value> values) {
    values.emplace_back(static_cast<std::int64_t>(limit + 1));
    values.emplace_back(static_cast<std::int64_t>(offset));
    return values;
  };
  const std::string sorted =
      "SELECT p.id FROM persons p" + Where(driven.conditions) + " ORDER BY p.name_key, p.id LIMIT ? OFFSET ?";
  if (driven.conditions.empty()) return Ids(connection, sorted, page_params({}));  // the name index in order
  auto params = driven.params;
  params.emplace_back(kSortedMatches);
  // How many match, up to kSortedMatches, through the filters' own indexes (a street, a phone, a status and
  // birth date range): counting stops there, where sorting them would be the slow part.
  const bool many =
      connection
          .QueryOne("SELECT COUNT(*) FROM (SELECT 1 FROM persons p" + Where(driven.conditions) + " LIMIT ?) m", params)
          ->Int(0) >= kSortedMatches;
  if (many && offset + limit < kWalkDepth) {
    // Thousands match (an age band, a town): they are everywhere in name order, so a walk of the name index
    // (which holds status and birth date) finds the page in its first entries. The window grows (2,000, 8,000
    // then 32,000 entries) until the page is full.
    const Filters walk = FiltersOf(query, name, /*walking=*/true);
    for (const std::int64_t window : {4 * kWalkDepth, 16 * kWalkDepth, 64 * kWalkDepth}) {
      std::vector<db::Value> walk_params{window};
      walk_params.insert(walk_params.end(), walk.params.begin(), walk.params.end());
      auto ids = Ids(connection,
                     "SELECT p.id FROM (SELECT id, name_key, status, birth_date" + walk.walk_columns +
                         " FROM persons ORDER BY name_key, id LIMIT ?) p" + Where(walk.conditions) +
                         " ORDER BY p.name_key, p.id LIMIT ? OFFSET ?",
                     page_params(std::move(walk_params)));
      if (static_cast<int>(ids.size()) > limit) return ids;
    }
    // Matches clustered at the far end of the name order: sorting them is cheaper than walking further.
  }
  // Ids first: sorting (name_key, id) pairs is much lighter than sorting whole rows when thousands match.
  return Ids(connection, sorted, page_params(driven.params));
}

}  // namespace

PersonPage SearchPersons(db::Connection& connection, const PersonQuery& query) {
  const int limit = std::clamp(query.limit, 1, 500);
  const int offset = std::max(query.offset, 0);
  const auto name = ParseNameQuery(query.name);
  PersonQuery others = query;
  others.name.clear();
  const bool name_alone = !name.words.empty() && FiltersOf(others, {}, false).conditions.empty();
  std::vector<std::int64_t> ids;
  if (name_alone) {
    std::vector<db::Value> params;
    const auto sql = NameOnlySql(connection, name, params) + " ORDER BY 1, 2 LIMIT ? OFFSET ?";
    params.emplace_back(static_cast<std::int64_t>(limit + 1));
    params.emplace_back(static_cast<std::int64_t>(offset));
    ids = Ids(connection, sql, params, 1);
  } else {
    ids = FilteredIds(connection, query, name, limit, offset);
  }
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

std::vector<std::int64_t> SelectPersonIds(db::Connection& connection, const PersonSelection& selection) {
  std::vector<std::string> conditions;
  std::vector<db::Value> params;
  auto placeholders = [&params](const auto& values, auto&& to_value) {
    std::string in;
    for (const auto& value : values) {
      in += in.empty() ? "?" : ", ?";
      params.emplace_back(to_value(value));
    }
    return in;
  };
  if (!selection.statuses.empty()) {
    conditions.push_back(
        "p.status IN (" +
        placeholders(selection.statuses, [](PersonStatus status) { return std::string(StatusCode(status)); }) + ")");
  }
  if (selection.age_min) {
    conditions.emplace_back("p.birth_date <= ?");
    params.emplace_back(FormatDate(LatestBirthDateForAge(selection.today, *selection.age_min)));
  }
  if (selection.age_max) {
    conditions.emplace_back("p.birth_date > ?");
    params.emplace_back(FormatDate(LatestBirthDateForAge(selection.today, *selection.age_max + 1)));
  }
  std::vector<std::string> area;
  if (!selection.postcodes.empty()) {
    area.push_back("p.postcode IN (" + placeholders(selection.postcodes, [](const std::string& s) { return s; }) + ")");
  }
  if (!selection.towns.empty()) {
    area.push_back("p.town_key IN (" +
                   placeholders(selection.towns, [](const std::string& s) { return core::FoldForSearch(s); }) + ")");
  }
  for (const auto& street : selection.streets) {
    if (const auto folded = core::FoldForSearch(street); !folded.empty()) {
      area.push_back(StreetCondition(folded, params));
    }
  }
  if (!area.empty()) {
    std::string any;
    for (const auto& condition : area) any += (any.empty() ? "(" : " OR ") + condition;
    conditions.push_back(any + ")");
  }
  if (selection.registered_only) {
    std::string entry = "EXISTS (SELECT 1 FROM register_entries r WHERE r.person_id = p.id AND r.state = 'registered'";
    if (!selection.grounds.empty()) {
      entry += " AND r.ground IN (" + placeholders(selection.grounds, [](const std::string& s) { return s; }) + ")";
    }
    conditions.push_back(entry + ")");
  }
  std::string sql = "SELECT p.id FROM persons p";
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  sql += " ORDER BY p.id";
  std::vector<std::int64_t> ids;
  for (const auto& row : connection.Execute(sql, params).rows) ids.push_back(row.Int(0));
  return ids;
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
