#pragma once
// The person-making half of the synthetic register, shared by the benchmark register (synthetic.cpp) and the
// demo town (demo_town.cpp): French names drawn most common first, phones typed in every notation, and second
// entries of a person as a second clerk would type them. Where people live is the caller's: an AddressSource.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "register/model.hpp"

namespace lien::registry {

/// Random numbers from mt19937_64 (its sequence is fixed by the standard) without std distributions (whose
/// algorithms are not), so a seed gives the same people with any standard library.
class SyntheticRng {
 public:
  explicit SyntheticRng(std::uint64_t seed) : engine_(seed) {}
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  int Between(int low, int high) {
    const int span = high - low + 1;
    return low + static_cast<int>(Below(static_cast<std::size_t>(span)));
  }
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Unit() < probability; }
  template <class List>
  auto Any(const List& list) -> decltype(list[0]) {
    return list[Below(list.size())];
  }

 private:
  std::mt19937_64 engine_;
};

/// A day of the years [first_year, last_year], every day equally likely.
Date SyntheticDate(SyntheticRng& rng, int first_year, int last_year);

/// Picks from a list ordered most common first, with weights 1 / (rank + 5)^0.9: a few names are frequent,
/// most are rare, as in a real register.
class ZipfPicker {
 public:
  explicit ZipfPicker(std::size_t size);
  std::size_t Pick(SyntheticRng& rng) const;

 private:
  std::vector<double> cumulative_;
};

class SyntheticPeople {
 public:
  /// A new address somewhere in the territory (used for a person who moved, in Duplicate).
  using AddressSource = std::function<PostalAddress(SyntheticRng&)>;

  SyntheticPeople(std::uint64_t seed, AddressSource address_source);

  SyntheticRng& rng() { return rng_; }

  /// Share of surnames drawn from a long tail of rare synthetic ones (see SyntheticOptions).
  double rare_surname_rate = 0.5;

  std::string LastName();
  std::string FirstNames(bool woman);
  PostalAddress Address() { return address_source_(rng_); }

  /// A person born in [first_year, last_year], without an address: civility, names, phones (mobile more
  /// often for the young), e-mail, languages, hearing and a status (a few away, in hospital, moved, deceased).
  Person NewPerson(bool woman, int first_year, int last_year);

  /// National numbers (ten digits, leading 0): a landline of the Hauts-de-France (03 2…), a mobile.
  std::string Landline();
  std::string Mobile();
  /// Adds `national` typed in one of the usual notations, stored in E.164.
  void AddPhone(Person& person, const std::string& national, std::string label);

  /// Another entry of `original`, as a second person typing it would make it: one to three changes (typo,
  /// swapped names, capitals without accents, particle variant, date slip, phone or address change…), and
  /// the phones typed again in another notation.
  Person Duplicate(const Person& original);

 private:
  std::string RareSurname();

  SyntheticRng rng_;
  AddressSource address_source_;
  ZipfPicker last_picker_;
  ZipfPicker women_picker_;
  ZipfPicker men_picker_;
};

}  // namespace lien::registry
