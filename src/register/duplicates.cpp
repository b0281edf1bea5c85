#include "register/duplicates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/text.hpp"

namespace lien::registry {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Prepared forms: everything the comparison needs, folded once per record rather than once per pair.

/// A name folded three ways: "Le Fèvre-Dupont" → compact "lefevredupont", stripped (no particles)
/// "fevredupont", tokens {"fevre", "dupont"} (no particles).
struct NameForm {
  std::string raw;
  std::string compact;
  std::string stripped;
  std::vector<std::string> tokens;
};

NameForm MakeNameForm(std::string_view raw) {
  NameForm form;
  form.raw = std::string(raw);
  for (auto& token : core::NameTokens(raw)) {
    form.compact += token;
    if (!core::IsNameParticle(token)) {
      form.stripped += token;
      form.tokens.push_back(std::move(token));
    }
  }
  if (form.stripped.empty()) form.stripped = form.compact;
  return form;
}

// Street words as typed in town spreadsheets, spelled out so "av. V. Hugo" and "avenue V Hugo" agree.
std::string_view ExpandStreetWord(std::string_view word) {
  static const std::unordered_map<std::string_view, std::string_view> kAbbreviations = {
      {"r", "rue"},       {"av", "avenue"},     {"ave", "avenue"},  {"bd", "boulevard"}, {"bld", "boulevard"},
      {"pl", "place"},    {"ch", "chemin"},     {"chem", "chemin"}, {"imp", "impasse"},  {"all", "allee"},
      {"st", "saint"},    {"ste", "sainte"},    {"rte", "route"},   {"sq", "square"},    {"res", "residence"},
      {"fg", "faubourg"}, {"faub", "faubourg"}, {"crs", "cours"},   {"pass", "passage"}, {"lot", "lotissement"},
  };
  const auto it = kAbbreviations.find(word);
  return it == kAbbreviations.end() ? word : it->second;
}

std::string StreetKey(std::string_view street) {
  std::string key;
  for (const auto& word : core::NameTokens(street)) key += ExpandStreetWord(word);
  return key;
}

struct Prepared {
  std::int64_t id = 0;
  Civility civility = Civility::kUnknown;
  NameForm last;
  NameForm birth;  // empty when no birth name is given
  NameForm first;
  std::string first_first;       // the first given name: "marie" of "Marie Jeanne", "jeanpierre" of "Jean-Pierre"
  std::uint32_t birth_date = 0;  // yyyymmdd, 0 when unknown
  std::vector<std::string> phones;
  std::string postcode;
  std::string street;
  std::string number;
  std::string email;
};

std::uint32_t PackDate(const std::optional<Date>& date) {
  if (!date || !date->ok()) return 0;
  return static_cast<std::uint32_t>(static_cast<int>(date->year()) * 10000 +
                                    static_cast<int>(static_cast<unsigned>(date->month())) * 100 +
                                    static_cast<int>(static_cast<unsigned>(date->day())));
}

Prepared Prepare(const Person& person) {
  Prepared p;
  p.id = person.id;
  p.civility = person.civility;
  p.last = MakeNameForm(person.last_name);
  if (!person.birth_name.empty()) p.birth = MakeNameForm(person.birth_name);
  p.first = MakeNameForm(person.first_names);
  // The first given name is what comes before the first space: "Jean-Claude" stays whole ("jeanclaude"),
  // for Jean and Jean-Claude are two names.
  const std::string_view given = person.first_names;
  const auto from = given.find_first_not_of(" \t");
  if (from != std::string_view::npos) {
    p.first_first = core::FoldCompact(given.substr(from, given.find_first_of(" \t", from) - from));
  }
  p.birth_date = PackDate(person.birth_date);
  for (const auto& phone : person.phones) {
    if (!phone.e164.empty()) p.phones.push_back(phone.e164);
  }
  std::sort(p.phones.begin(), p.phones.end());
  p.phones.erase(std::unique(p.phones.begin(), p.phones.end()), p.phones.end());
  p.postcode = core::FoldCompact(person.address.postcode);
  p.street = StreetKey(person.address.street);
  p.number = core::FoldCompact(person.address.number);
  // E-mail addresses compare lower-cased (folding would drop the dots and the @).
  for (const char c : person.email) {
    if (c != ' ') p.email.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing names.

using ReasonMask = std::uint32_t;

constexpr ReasonMask Bit(DuplicateReason reason) { return ReasonMask{1} << static_cast<unsigned>(reason); }

struct NameMatch {
  double similarity = 0.0;
  ReasonMask reasons = 0;
};

NameMatch Better(NameMatch a, NameMatch b) { return b.similarity > a.similarity ? b : a; }

/// How alike two folded words are, from edit distance: one slip in a name of 5 letters or more is 0.93, two
/// slips need 7 letters or more. Jaro-Winkler is too generous on short names (Jean / Joan 0.88) to lead, and
/// is only used for long names with more slips.
double WordSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::size_t longest = std::max(a.size(), b.size());
  const std::size_t distance = core::EditDistance(a, b, 2);
  if (distance == 1) return longest >= 5 ? 0.93 : longest == 4 ? 0.9 : 0.75;
  if (distance == 2) return longest >= 9 ? 0.9 : longest >= 7 ? 0.86 : 0.6;
  if (longest >= 12 && core::JaroWinkler(a, b) >= 0.95) return 0.86;
  return 0.0;
}

/// `part_of`: whether "every word of one is a word of the other" counts (last names: "Martin" and
/// "Martin-Dupont"); not for first names, where "Marie" and "Jacqueline Marie" are two women.
NameMatch CompareNames(const NameForm& a, const NameForm& b, bool part_of = true) {
  if (a.compact.empty() || b.compact.empty()) return {};
  NameMatch best;
  if (a.compact == b.compact) {
    return {1.0, a.raw == b.raw ? 0 : Bit(DuplicateReason::kSpellingVariant)};
  }
  best = {WordSimilarity(a.compact, b.compact), Bit(DuplicateReason::kNameTypo)};
  if (a.stripped != a.compact || b.stripped != b.compact) {
    if (a.stripped == b.stripped) return {0.95, Bit(DuplicateReason::kParticleVariant)};
    best = Better(best, {0.97 * WordSimilarity(a.stripped, b.stripped),
                         Bit(DuplicateReason::kParticleVariant) | Bit(DuplicateReason::kNameTypo)});
  }
  // "Martin" and "Martin-Dupont", "Dupont épouse Martin": every word of the shorter is a word of the longer.
  const auto& fewer = a.tokens.size() <= b.tokens.size() ? a.tokens : b.tokens;
  const auto& more = a.tokens.size() <= b.tokens.size() ? b.tokens : a.tokens;
  if (part_of && !fewer.empty() && fewer.size() < more.size() &&
      std::all_of(fewer.begin(), fewer.end(), [&more](const std::string& token) {
        return std::find(more.begin(), more.end(), token) != more.end();
      })) {
    best = Better(best, {0.9, Bit(DuplicateReason::kPartOfName)});
  }
  return best;
}

NameMatch CompareLastNames(const Prepared& a, const Prepared& b) {
  NameMatch best = CompareNames(a.last, b.last);
  if (best.similarity >= 1.0) return best;
  const ReasonMask birth = Bit(DuplicateReason::kBirthName);
  for (const auto& [x, y] : {std::pair{&a.birth, &b.last}, std::pair{&a.last, &b.birth}}) {
    NameMatch match = CompareNames(*x, *y);
    match.reasons |= birth;
    best = Better(best, match);
  }
  return Better(best, CompareNames(a.birth, b.birth));
}

/// Masculine and feminine forms of one first name (Michel / Michèle, Louis / Louise, Daniel / Danielle,
/// Jean / Jeanne, Frédéric / Frédérique): one letter or two apart, but two people — often a couple living
/// at one address with one phone.
bool GenderedForms(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (!b.starts_with(a)) return a.ends_with('c') && b == std::string(a.substr(0, a.size() - 1)) + "que";
  const std::string_view suffix = b.substr(a.size());
  return suffix == "e" || suffix == "le" || suffix == "ne" || suffix == "te";
}

NameMatch CompareFirstNames(const Prepared& a, const Prepared& b) {
  // Unknown first names neither confirm nor deny: just below "similar".
  if (a.first.compact.empty() || b.first.compact.empty()) return {0.85, 0};
  if (GenderedForms(a.first_first, b.first_first)) return {0.5, 0};
  NameMatch best = CompareNames(a.first, b.first, false);
  if (best.similarity >= 1.0) return best;
  if (a.first_first == b.first_first) {  // "Marie" and "Marie-Thérèse"
    best = Better(best, {0.92, Bit(DuplicateReason::kPartOfName)});
  } else {
    best = Better(best, {0.97 * WordSimilarity(a.first_first, b.first_first), Bit(DuplicateReason::kNameTypo)});
  }
  return best;
}

struct NamesMatch {
  double last = 0.0;
  double first = 0.0;
  ReasonMask reasons = 0;
};

NamesMatch CompareAllNames(const Prepared& a, const Prepared& b) {
  const NameMatch last = CompareLastNames(a, b);
  const NameMatch first = CompareFirstNames(a, b);
  NamesMatch direct{last.similarity, first.similarity, last.reasons | first.reasons};
  if (std::min(direct.last, direct.first) >= 0.9) return direct;
  // Swapped: a's last name (or birth name) typed as b's first names and the other way round.
  const NameMatch last_as_first = Better(CompareNames(a.last, b.first, false), CompareNames(a.birth, b.first, false));
  const NameMatch first_as_last = Better(CompareNames(a.first, b.last, false), CompareNames(a.first, b.birth, false));
  const NamesMatch swapped{last_as_first.similarity, first_as_last.similarity,
                           last_as_first.reasons | first_as_last.reasons | Bit(DuplicateReason::kSwappedNames)};
  // Swapped names must match closely (0.9) both ways: two slips on top of a swap is another person.
  const double swapped_worst = std::min(swapped.last, swapped.first);
  return swapped_worst >= 0.9 && swapped_worst > std::min(direct.last, direct.first) ? swapped : direct;
}

// ---------------------------------------------------------------------------------------------------------
// Other evidence.

/// Dates of birth one slip apart: one digit of yyyymmdd changed or two adjacent digits swapped, or day and
/// month swapped (05/03 typed for 03/05).
bool CloseBirthDates(std::uint32_t a, std::uint32_t b) {
  const std::string x = std::to_string(a);
  const std::string y = std::to_string(b);
  if (core::EditDistance(x, y, 1) <= 1 && x.size() == y.size()) return true;
  return a / 10000 == b / 10000 && (a / 100) % 100 == b % 100 && a % 100 == (b / 100) % 100;
}

bool SharePhone(const Prepared& a, const Prepared& b) {
  for (const auto& phone : a.phones) {
    if (std::binary_search(b.phones.begin(), b.phones.end(), phone)) return true;
  }
  return false;
}

bool SameAddress(const Prepared& a, const Prepared& b) {
  if (a.postcode.empty() || a.street.empty() || a.postcode != b.postcode) return false;
  if (a.number != b.number && !a.number.empty() && !b.number.empty()) return false;
  return a.street == b.street || (a.street.size() >= 8 && core::EditDistance(a.street, b.street, 1) <= 1);
}

// Points of evidence, added up and mapped through a logistic curve centred on kThreshold points. The weights
// were set by hand on the synthetic register (docs/register-duplicates.md): what matters is their order —
// a date of birth that differs outweighs a shared phone and address (a parent and a child living together,
// both called Jean Martin), and a first name that differs outweighs a date of birth, a phone and an address
// in common (twins).
constexpr double kThreshold = 5.0;
constexpr double kNamesStrong = 4.0;        // both names similar at 0.9 or more
constexpr double kNamesSimilar = 2.5;       // both at 0.85 or more
constexpr double kFirstNameFar = -2.5;      // first names two slips apart (Andrée / Afdbée)
constexpr double kFirstNameDiffers = -4.0;  // family members: same last name, other first name
constexpr double kLastNameDiffers = -1.5;   // a new married name without the birth name recorded
constexpr double kNamesDiffer = -6.0;
constexpr double kSameBirthDate = 4.0;
constexpr double kCloseBirthDate = 0.5;  // one digit apart happens by chance too: needs more
constexpr double kOtherBirthDate = -5.0;
constexpr double kSamePhone = 2.5;
constexpr double kSameAddress = 1.5;
constexpr double kSameEmail = 3.0;
constexpr double kOtherCivility = -2.0;

struct Scored {
  double score = 0.0;
  ReasonMask reasons = 0;
};

/// The score of a pair; when `min_points` is given and the evidence other than names cannot reach it even with
/// the best name match, returns early with a score of 0 (most pairs of a block differ in their date of birth:
/// this skips their name comparison).
Scored Score(const Prepared& a, const Prepared& b, double min_points = -1e9) {
  double points = 0.0;
  ReasonMask evidence = 0;  // reasons that need similar names
  ReasonMask reasons = 0;
  if (a.birth_date != 0 && b.birth_date != 0) {
    if (a.birth_date == b.birth_date) {
      points += kSameBirthDate;
      evidence |= Bit(DuplicateReason::kSameBirthDateSimilarName);
    } else if (CloseBirthDates(a.birth_date, b.birth_date)) {
      points += kCloseBirthDate;
      evidence |= Bit(DuplicateReason::kCloseBirthDateSimilarName);
    } else {
      points += kOtherBirthDate;
    }
  }
  if (SharePhone(a, b)) {
    points += kSamePhone;
    reasons |= Bit(DuplicateReason::kSamePhone);
  }
  if (SameAddress(a, b)) {
    points += kSameAddress;
    evidence |= Bit(DuplicateReason::kSameAddressSimilarName);
  }
  if (!a.email.empty() && a.email == b.email) {
    points += kSameEmail;
    reasons |= Bit(DuplicateReason::kSameEmail);
  }
  if (a.civility != Civility::kUnknown && b.civility != Civility::kUnknown && a.civility != b.civility) {
    points += kOtherCivility;
  }
  if (points + kNamesStrong < min_points) return {};

  const NamesMatch names = CompareAllNames(a, b);
  const bool similar_names = names.last >= 0.85 && names.first >= 0.85;
  if (names.last >= 0.9 && names.first >= 0.9) {
    points += kNamesStrong;
  } else if (similar_names) {
    points += kNamesSimilar;
  } else if (names.last >= 0.9 && names.first >= 0.6) {
    points += kFirstNameFar;
  } else if (names.last >= 0.9) {
    points += kFirstNameDiffers;
  } else if (names.first >= 0.9) {
    points += kLastNameDiffers;
  } else {
    points += kNamesDiffer;
  }
  if (similar_names) reasons |= evidence | names.reasons;
  return {1.0 / (1.0 + std::exp(kThreshold - points)), reasons};
}

/// The points a pair needs to score `min_score`: the inverse of the logistic curve.
double MinPoints(double min_score) {
  if (min_score <= 0.0) return -1e9;
  if (min_score >= 1.0) return 1e9;
  return kThreshold + std::log(min_score / (1.0 - min_score));
}

std::vector<DuplicateReason> ReasonsOf(ReasonMask mask) {
  std::vector<DuplicateReason> reasons;
  for (unsigned bit = 0; bit < 32; ++bit) {
    if ((mask & (ReasonMask{1} << bit)) != 0) reasons.push_back(static_cast<DuplicateReason>(bit));
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------------------
// Blocking keys: two records are compared only when they share one. Hashes, not strings: a collision only
// adds a comparison.

std::uint64_t Key(std::uint64_t tag, std::string_view text) {
  return (tag << 56) ^ (std::hash<std::string_view>{}(text)&0x00FFFFFFFFFFFFFFULL);
}

std::vector<std::uint64_t> BlockingKeys(const Prepared& p) {
  std::vector<std::uint64_t> keys;
  if (p.birth_date != 0) keys.push_back((std::uint64_t{1} << 56) | p.birth_date);
  for (const auto& phone : p.phones) keys.push_back(Key(2, phone));
  // The street without the number: a number missing on one side still meets.
  if (!p.postcode.empty() && !p.street.empty()) keys.push_back(Key(3, p.postcode + "|" + p.street));
  if (!p.email.empty()) keys.push_back(Key(4, p.email));
  // A pair scoring 0.5 or more shares one of the keys above: names alone give at most 4 points of the 5
  // needed, so some other evidence — the same birth date, a phone, the address or the e-mail — is always
  // there. The folded names, in either order, are added so that namesakes scoring just below (asked with a
  // lower min_score) are found too. Not their sound keys: at 100,000 records, blocks of common names
  // ("martin|jean") cost more than all the other keys together.
  if (!p.last.stripped.empty() && !p.first_first.empty()) {
    const auto& [low, high] = std::minmax(p.last.stripped, p.first_first);
    keys.push_back(Key(5, low + "|" + high));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// Orders a large block by name, for the sliding window.
bool ByName(const Prepared& a, const Prepared& b) {
  if (a.last.stripped != b.last.stripped) return a.last.stripped < b.last.stripped;
  return a.first.compact < b.first.compact;
}

std::vector<DuplicateMatch> SortedMatches(std::vector<DuplicateMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const DuplicateMatch& x, const DuplicateMatch& y) {
    return x.score != y.score ? x.score > y.score : x.index < y.index;
  });
  return matches;
}

}  // namespace

const char* ReasonCode(DuplicateReason reason) {
  switch (reason) {
    case DuplicateReason::kSameBirthDateSimilarName:
      return "same_birth_date_similar_name";
    case DuplicateReason::kCloseBirthDateSimilarName:
      return "close_birth_date_similar_name";
    case DuplicateReason::kSamePhone:
      return "same_phone";
    case DuplicateReason::kSameAddressSimilarName:
      return "same_address_similar_name";
    case DuplicateReason::kSameEmail:
      return "same_email";
    case DuplicateReason::kSpellingVariant:
      return "spelling_variant";
    case DuplicateReason::kParticleVariant:
      return "particle_variant";
    case DuplicateReason::kPartOfName:
      return "part_of_name";
    case DuplicateReason::kSwappedNames:
      return "swapped_names";
    case DuplicateReason::kNameTypo:
      return "name_typo";
    case DuplicateReason::kBirthName:
      return "birth_name";
  }
  return "unknown";
}

DuplicateScore ScoreDuplicate(const Person& a, const Person& b) {
  const Scored scored = Score(Prepare(a), Prepare(b));
  return {scored.score, ReasonsOf(scored.reasons)};
}

std::vector<DuplicateMatch> FindDuplicatesOf(const Person& person, std::span<const Person> candidates,
                                             const DuplicateOptions& options) {
  const Prepared prepared = Prepare(person);
  const double min_points = MinPoints(options.min_score);
  std::vector<DuplicateMatch> matches;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (person.id != 0 && candidates[i].id == person.id) continue;
    const Scored scored = Score(prepared, Prepare(candidates[i]), min_points);
    if (scored.score >= options.min_score) matches.push_back({i, scored.score, ReasonsOf(scored.reasons)});
  }
  return SortedMatches(std::move(matches));
}

std::vector<DuplicatePair> FindAllDuplicatePairs(const std::vector<Person>& persons, const DuplicateOptions& options) {
  std::vector<Prepared> prepared;
  prepared.reserve(persons.size());
  for (const auto& person : persons) prepared.push_back(Prepare(person));

  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;  // (blocking key, record)
  keyed.reserve(persons.size() * 6);
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    for (const auto key : BlockingKeys(prepared[i])) keyed.emplace_back(key, static_cast<std::uint32_t>(i));
  }
  std::sort(keyed.begin(), keyed.end());

  std::vector<std::uint64_t> candidates;  // (first << 32) | second, first < second
  const auto add_pair = [&candidates](std::uint32_t x, std::uint32_t y) {
    if (x == y) return;
    if (x > y) std::swap(x, y);
    candidates.push_back((std::uint64_t{x} << 32) | y);
  };
  std::vector<std::uint32_t> block;
  for (std::size_t start = 0; start < keyed.size();) {
    std::size_t end = start;
    block.clear();
    while (end < keyed.size() && keyed[end].first == keyed[start].first) block.push_back(keyed[end++].second);
    if (block.size() <= options.max_block_size) {
      for (std::size_t i = 0; i < block.size(); ++i) {
        for (std::size_t j = i + 1; j < block.size(); ++j) add_pair(block[i], block[j]);
      }
    } else {
      std::sort(block.begin(), block.end(),
                [&prepared](std::uint32_t x, std::uint32_t y) { return ByName(prepared[x], prepared[y]); });
      for (std::size_t i = 0; i < block.size(); ++i) {
        for (std::size_t j = i + 1; j < block.size() && j <= i + options.window; ++j) add_pair(block[i], block[j]);
      }
    }
    start = end;
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  const double min_points = MinPoints(options.min_score);
  std::vector<DuplicatePair> pairs;
  for (const auto candidate : candidates) {
    const auto first = static_cast<std::size_t>(candidate >> 32);
    const auto second = static_cast<std::size_t>(candidate & 0xFFFFFFFFULL);
    const Scored scored = Score(prepared[first], prepared[second], min_points);
    if (scored.score >= options.min_score) pairs.push_back({first, second, scored.score, ReasonsOf(scored.reasons)});
  }
  return pairs;
}

struct DuplicateIndex::Data {
  DuplicateOptions options;
  std::vector<Prepared> prepared;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> blocks;
};

DuplicateIndex::DuplicateIndex(std::span<const Person> persons, DuplicateOptions options)
    : data_(std::make_unique<Data>()) {
  data_->options = options;
  data_->prepared.reserve(persons.size());
  for (const auto& person : persons) data_->prepared.push_back(Prepare(person));
  for (std::size_t i = 0; i < data_->prepared.size(); ++i) {
    for (const auto key : BlockingKeys(data_->prepared[i])) data_->blocks[key].push_back(static_cast<std::uint32_t>(i));
  }
}

DuplicateIndex::~DuplicateIndex() = default;
DuplicateIndex::DuplicateIndex(DuplicateIndex&&) noexcept = default;
DuplicateIndex& DuplicateIndex::operator=(DuplicateIndex&&) noexcept = default;

std::vector<DuplicateMatch> DuplicateIndex::Find(const Person& person) const {
  const Prepared prepared = Prepare(person);
  std::vector<std::uint32_t> candidates;
  for (const auto key : BlockingKeys(prepared)) {
    const auto it = data_->blocks.find(key);
    if (it != data_->blocks.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<DuplicateMatch> matches;
  for (const auto candidate : candidates) {
    const Prepared& other = data_->prepared[candidate];
    if (person.id != 0 && other.id == person.id) continue;
    const Scored scored = Score(prepared, other, MinPoints(data_->options.min_score));
    if (scored.score >= data_->options.min_score) {
      matches.push_back({candidate, scored.score, ReasonsOf(scored.reasons)});
    }
  }
  return SortedMatches(std::move(matches));
}

}  // namespace lien::registry
