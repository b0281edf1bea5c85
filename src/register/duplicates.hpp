#pragma once
// Likely duplicates among persons: a score in [0, 1] with the reasons behind it, for one new person against
// candidates (creation, import) and for a whole register (blocking, so 100,000 records take seconds).
// See docs/register-duplicates.md for the scoring and the measured precision, recall and time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "register/model.hpp"

namespace lien::registry {

/// Why two records look like the same person. The first five are evidence; the others say how the names
/// were matched. Stable codes (ReasonCode) for the API and the UI's catalogue.
enum class DuplicateReason : std::uint8_t {
  kSameBirthDateSimilarName,   ///< same date of birth and similar names
  kCloseBirthDateSimilarName,  ///< dates of birth one slip apart (a digit, day and month swapped), similar names
  kSamePhone,                  ///< a phone number in common
  kSameAddressSimilarName,     ///< same number, street and postcode, and similar names
  kSameEmail,                  ///< same e-mail address
  kSpellingVariant,            ///< names equal once accents, case, hyphens and spaces are ignored
  kParticleVariant,            ///< names equal but for a particle: "de la Fontaine" / "Fontaine"
  kPartOfName,                 ///< one name is part of the other: "Martin" / "Martin-Dupont"
  kSwappedNames,               ///< first and last names swapped
  kNameTypo,                   ///< names a small typo apart
  kBirthName,                  ///< the last name of one is the birth name of the other
};

/// "same_birth_date_similar_name", "same_phone", … (snake_case of the enumerator).
const char* ReasonCode(DuplicateReason reason);

/// A score in [0, 1] (0.5 and above: likely the same person) and its reasons, evidence first.
struct DuplicateScore {
  double score = 0.0;
  std::vector<DuplicateReason> reasons;
};

struct DuplicateOptions {
  /// Pairs scoring below are not returned.
  double min_score = 0.5;
  /// Blocks larger than this (a care home's switchboard number, a very common name) are not compared in full:
  /// their records are sorted by name and each is compared with its `window` neighbours.
  std::size_t max_block_size = 500;
  std::size_t window = 50;
};

/// Candidate `index` in the list given, with its score.
struct DuplicateMatch {
  std::size_t index = 0;
  double score = 0.0;
  std::vector<DuplicateReason> reasons;
};

/// Two records of one list, `first` < `second`.
struct DuplicatePair {
  std::size_t first = 0;
  std::size_t second = 0;
  double score = 0.0;
  std::vector<DuplicateReason> reasons;
};

/// Scores one pair. Symmetric. Thread-safe.
DuplicateScore ScoreDuplicate(const Person& a, const Person& b);

/// The candidates that look like `person`, best first. Compares with every candidate (the caller usually
/// passes what a search by name, birth date, phone and address returned); a candidate with the same non-zero
/// id as `person` is skipped. Thread-safe.
std::vector<DuplicateMatch> FindDuplicatesOf(const Person& person, std::span<const Person> candidates,
                                             const DuplicateOptions& options = {});

/// Every likely duplicate pair of `persons`, sorted by (first, second). Only pairs sharing a blocking key are
/// compared: birth date, a phone, the street address, the e-mail, and sound keys of the names (both orders).
/// Thread-safe (no shared state).
std::vector<DuplicatePair> FindAllDuplicatePairs(const std::vector<Person>& persons,
                                                 const DuplicateOptions& options = {});

/// An index of a register for many lookups (an import checks each row against the register): built once,
/// then Find compares a person only with the records sharing a blocking key. Find is const and thread-safe.
class DuplicateIndex {
 public:
  /// Copies what it needs from `persons`; indexes of matches refer to this vector.
  explicit DuplicateIndex(std::span<const Person> persons, DuplicateOptions options = {});
  ~DuplicateIndex();
  DuplicateIndex(DuplicateIndex&&) noexcept;
  DuplicateIndex& operator=(DuplicateIndex&&) noexcept;

  /// The indexed records that look like `person`, best first (same id skipped, as FindDuplicatesOf).
  std::vector<DuplicateMatch> Find(const Person& person) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace lien::registry
