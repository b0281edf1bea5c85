#pragma once
// A synthetic register for tests, benchmarks and `lien demo`: French names (accents, compound names,
// particles), households on synthetic streets, care homes, phones typed in every notation, and a known set of
// injected duplicates. Same seed, same register. No real person's data.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "register/model.hpp"

namespace lien::registry {

struct SyntheticOptions {
  std::size_t persons = 10'000;  ///< records in the register, duplicates included
  double duplicate_rate = 0.05;  ///< share of the records that are a second (or third) entry of someone
  /// Share of surnames drawn from a long tail of rare synthetic ones (syllables: "Bertiot", "Lanrière"), the
  /// rest from the hand-written lists. France has about 1.3 million surnames and its 200 most common are
  /// borne by well under a fifth of the population; with lists alone, namesakes born the same day would be
  /// far more frequent than in a real register.
  double rare_surname_rate = 0.5;
  std::uint64_t seed = 1;
};

struct SyntheticRegister {
  std::vector<Person> persons;
  /// identity[i]: the real person behind persons[i]; two records are duplicates when their identities are
  /// equal. Ids of persons are 1..n in order.
  std::vector<std::uint32_t> identity;
  /// Every pair (i, j), i < j, of records of the same identity, sorted.
  std::vector<std::pair<std::size_t, std::size_t>> duplicate_pairs;
};

/// Generates a register. Deterministic: the same options give the same register on every platform (the
/// random numbers come from std::mt19937_64, whose sequence the standard fixes, without std distributions).
SyntheticRegister GenerateRegister(const SyntheticOptions& options);

}  // namespace lien::registry
