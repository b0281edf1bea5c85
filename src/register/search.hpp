#pragma once
// What a search of the register asks (PersonQuery) and the folded keys the store keeps so that it can answer
// fast: name tokens matched by prefix range, folded street and town. Plain C++: the SQL is in search_store.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "register/model.hpp"

namespace lien::registry {

/// A search. Empty fields do not filter. Results are sorted by name_key then id.
struct PersonQuery {
  std::string name;        ///< a name typed by the user: accent- and case-insensitive, partial, particles ignored
  std::string phone_e164;  ///< already parsed (core::ParsePhone): exact match on any of the person's phones
  std::string street;      ///< folded by the store: the start of the street, with or without its type ("rue")
  std::string town;        ///< folded by the store: the start of the town's name
  std::string postcode;    ///< exact
  std::vector<PersonStatus> statuses;  ///< any of them
  std::optional<int> age_min;          ///< years, on `today`
  std::optional<int> age_max;
  Date today{};  ///< the day ages are computed on (required with an age filter)
  // Register filters: the route only sets them for a designated register agent.
  std::string ground;            ///< register entries in state `registered` with this ground
  bool registered_only = false;  ///< only persons with a register entry in state `registered`
  int limit = 20;
  int offset = 0;
};

/// One page of results.
struct PersonPage {
  std::vector<Person> items;  ///< full records (phones included); the route narrows them to the reader's view
  int offset = 0;
  int limit = 0;
  bool has_more = false;
};

/// The sort key of a person: folded last name, " / ", folded first names ("le fevre / marie therese").
std::string NameKeyOf(const Person& person);

/// The tokens stored in person_name_tokens for a person: each folded word of the last name, birth name and
/// first names, each of these names written as one word ("lefevre" for "Le Fèvre") and without its particles,
/// and "_" + the phonetic keys of the last and birth names (for duplicate candidates; never produced by a
/// name query, which only holds letters and digits). Sorted, unique, at most 50 characters each.
std::vector<std::string> NameTokensOf(const Person& person);

/// The phonetic tokens of NameTokensOf for a last name: "_" + core::PhoneticKey of its compact form with and
/// without particles ("Le Fèvre" sounds like "Lefebvre" and like "Fèvre"); none when it has no sound symbol.
std::vector<std::string> PhoneticTokensOf(std::string_view last_name);

/// The parts of a name query: every word must match the start of a name token, or else the whole query
/// written as one word must ("le fevre" finds "Lefèvre"). Particles are dropped unless the query is made of
/// nothing else.
struct NameQuery {
  std::vector<std::string> words;  ///< folded, at most 5
  std::string compact;             ///< the whole query folded into one word; empty when it equals the one word
};
NameQuery ParseNameQuery(std::string_view text);

/// The exclusive upper bound of the tokens that start with `prefix` (made of [0-9a-z]): the prefix with its
/// last character advanced in 0-9a-z order ("fev" → "few", "abz" → "ac", "ab9" → "aba"). Empty when there is
/// none ("zz"): then only the lower bound applies. The bounds only use letters and digits, so they hold under
/// any database collation.
std::string PrefixUpperBound(std::string_view prefix);

/// The latest birth date of someone at least `years` old on `today` (29 February falls back to the 28th).
Date LatestBirthDateForAge(const Date& today, int years);

}  // namespace lien::registry
