#include "register/duplicates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lien::registry {
namespace {

using R = DuplicateReason;

Date Ymd(int year, unsigned month, unsigned day) {
  return Date(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day));
}

// Jeanne Lefèvre, born 5 March 1942, 12 rue Victor Hugo, 80000 Amiens, 03 21 01 63 10.
Person Jeanne() {
  Person p;
  p.id = 1;
  p.civility = Civility::kMadame;
  p.last_name = "Lefèvre";
  p.birth_name = "Dubois";
  p.first_names = "Jeanne Marie";
  p.birth_date = Ymd(1942, 3, 5);
  p.address.number = "12";
  p.address.street = "rue Victor Hugo";
  p.address.postcode = "80000";
  p.address.town = "Amiens";
  p.phones.push_back({"+33321016310", "fixe"});
  return p;
}

// Another record of nobody in particular: only what each case sets.
Person Other() {
  Person p;
  p.id = 2;
  return p;
}

bool Has(const std::vector<DuplicateReason>& reasons, DuplicateReason reason) {
  return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
}

struct Case {
  const char* what;
  Person other;
  bool duplicate;
  std::vector<DuplicateReason> reasons;  // that must be among the reasons given
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  const auto with = [](auto change) {
    Person p = Jeanne();
    p.id = 2;
    change(p);
    return p;
  };
  cases.push_back({"same record typed again",
                   with([](Person&) {}),
                   true,
                   {R::kSameBirthDateSimilarName, R::kSamePhone, R::kSameAddressSimilarName}});
  cases.push_back({"accents and case dropped",
                   with([](Person& p) {
                     p.last_name = "LEFEVRE";
                     p.first_names = "JEANNE MARIE";
                     p.phones.clear();
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kSpellingVariant}});
  cases.push_back({"particle variant",
                   with([](Person& p) {
                     p.last_name = "Le Fèvre";
                     p.phones.clear();
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kSpellingVariant}});
  cases.push_back({"swapped names",
                   with([](Person& p) {
                     p.last_name = "Jeanne Marie";
                     p.first_names = "Lefèvre";
                     p.phones.clear();
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kSwappedNames}});
  cases.push_back({"typo in the last name",
                   with([](Person& p) {
                     p.last_name = "Lefèbre";
                     p.birth_name.clear();
                     p.phones.clear();
                     p.address = {};
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kNameTypo}});
  cases.push_back({"typo in the first name, date of birth unknown, same phone",
                   with([](Person& p) {
                     p.first_names = "Jeane Marie";
                     p.birth_date.reset();
                     p.address = {};
                   }),
                   true,
                   {R::kSamePhone, R::kNameTypo}});
  cases.push_back({"registered under her birth name",
                   with([](Person& p) {
                     p.last_name = "Dubois";
                     p.birth_name.clear();
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kBirthName}});
  cases.push_back({"day and month swapped, same address",
                   with([](Person& p) {
                     p.birth_date = Ymd(1942, 5, 3);
                     p.phones.clear();
                     p.address.street = "r. Victor-Hugo";
                   }),
                   true,
                   {R::kCloseBirthDateSimilarName, R::kSameAddressSimilarName}});
  cases.push_back({"only the first of her first names, moved",
                   with([](Person& p) {
                     p.first_names = "Jeanne";
                     p.address = {};
                     p.phones.clear();
                   }),
                   true,
                   {R::kSameBirthDateSimilarName, R::kPartOfName}});
  cases.push_back({"her husband: same name, address and phone, other first name and birth date",
                   with([](Person& p) {
                     p.civility = Civility::kMonsieur;
                     p.first_names = "Jean";
                     p.birth_name.clear();
                     p.birth_date = Ymd(1939, 11, 20);
                   }),
                   false,
                   {}});
  cases.push_back({"her twin sister: same birth date, address and phone, other first name",
                   with([](Person& p) { p.first_names = "Suzanne"; }),
                   false,
                   {}});
  cases.push_back({"a namesake elsewhere, born another year",
                   with([](Person& p) {
                     p.birth_date = Ymd(1956, 7, 14);
                     p.address = {};
                     p.phones.clear();
                   }),
                   false,
                   {}});
  cases.push_back({"a man, Michel, when she is Michèle: masculine and feminine forms differ",
                   with([](Person& p) {
                     p.first_names = "Michel";
                     p.civility = Civility::kUnknown;
                     p.birth_date.reset();
                   }),
                   false,
                   {}});
  cases.push_back({"a stranger born the same day",
                   with([](Person& p) {
                     p.last_name = "Garnier";
                     p.birth_name.clear();
                     p.first_names = "Paul";
                     p.civility = Civility::kMonsieur;
                     p.address = {};
                     p.phones.clear();
                   }),
                   false,
                   {}});
  cases.push_back({"a neighbour of the care home: same address and switchboard",
                   with([](Person& p) {
                     p.last_name = "Martin";
                     p.birth_name.clear();
                     p.first_names = "Lucienne";
                     p.birth_date = Ymd(1930, 1, 2);
                   }),
                   false,
                   {}});
  return cases;
}

TEST(Duplicates, ScoringTable) {
  const Person jeanne = Jeanne();
  for (const auto& c : Cases()) {
    const DuplicateScore score = ScoreDuplicate(jeanne, c.other);
    EXPECT_GE(score.score, 0.0) << c.what;
    EXPECT_LE(score.score, 1.0) << c.what;
    EXPECT_EQ(score.score >= 0.5, c.duplicate) << c.what << ": " << score.score;
    for (const auto reason : c.reasons) EXPECT_TRUE(Has(score.reasons, reason)) << c.what << ": " << ReasonCode(reason);
    // Symmetric.
    EXPECT_DOUBLE_EQ(ScoreDuplicate(c.other, jeanne).score, score.score) << c.what;
  }
}

TEST(Duplicates, ReasonsAreGivenEvidenceFirstAndOnlyForSimilarNames) {
  const DuplicateScore same = ScoreDuplicate(Jeanne(), Jeanne());
  ASSERT_FALSE(same.reasons.empty());
  EXPECT_EQ(same.reasons.front(), R::kSameBirthDateSimilarName);
  EXPECT_GT(same.score, 0.99);
  Person husband = Jeanne();
  husband.first_names = "Jean";
  husband.birth_date = Ymd(1939, 11, 20);
  const DuplicateScore family = ScoreDuplicate(Jeanne(), husband);
  EXPECT_TRUE(Has(family.reasons, R::kSamePhone));
  EXPECT_FALSE(Has(family.reasons, R::kSameAddressSimilarName));
}

TEST(Duplicates, ReasonCodesAreStable) {
  EXPECT_STREQ(ReasonCode(R::kSameBirthDateSimilarName), "same_birth_date_similar_name");
  EXPECT_STREQ(ReasonCode(R::kSamePhone), "same_phone");
  EXPECT_STREQ(ReasonCode(R::kSameAddressSimilarName), "same_address_similar_name");
  EXPECT_STREQ(ReasonCode(R::kSwappedNames), "swapped_names");
  EXPECT_STREQ(ReasonCode(R::kBirthName), "birth_name");
}

TEST(Duplicates, EmptyRecordsAreNotDuplicates) { EXPECT_LT(ScoreDuplicate(Other(), Other()).score, 0.5); }

std::vector<Person> SmallRegister() {
  std::vector<Person> persons;
  for (auto& c : Cases()) persons.push_back(c.other);
  persons.push_back(Jeanne());
  for (std::size_t i = 0; i < persons.size(); ++i) persons[i].id = static_cast<std::int64_t>(i + 1);
  return persons;
}

TEST(Duplicates, FindDuplicatesOfRanksBestFirstAndSkipsItself) {
  const auto persons = SmallRegister();
  const Person& jeanne = persons.back();
  const auto matches = FindDuplicatesOf(jeanne, persons);
  const auto cases = Cases();
  std::size_t expected = 0;
  for (const auto& c : cases) expected += c.duplicate ? 1 : 0;
  ASSERT_EQ(matches.size(), expected);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    EXPECT_NE(matches[i].index, persons.size() - 1);  // not itself
    EXPECT_TRUE(cases[matches[i].index].duplicate) << cases[matches[i].index].what;
    if (i > 0) {
      EXPECT_GE(matches[i - 1].score, matches[i].score);
    }
  }
}

TEST(Duplicates, BlockingFindsWhatTheFullComparisonFinds) {
  const auto persons = SmallRegister();
  const auto pairs = FindAllDuplicatePairs(persons);
  std::vector<std::pair<std::size_t, std::size_t>> brute;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    for (std::size_t j = i + 1; j < persons.size(); ++j) {
      if (ScoreDuplicate(persons[i], persons[j]).score >= 0.5) brute.emplace_back(i, j);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (const auto& pair : pairs) {
    EXPECT_LT(pair.first, pair.second);
    found.emplace_back(pair.first, pair.second);
  }
  EXPECT_EQ(found, brute);

  const DuplicateIndex index(persons);
  const auto from_index = index.Find(persons.back());
  const auto from_scan = FindDuplicatesOf(persons.back(), persons);
  ASSERT_EQ(from_index.size(), from_scan.size());
  for (std::size_t i = 0; i < from_index.size(); ++i) EXPECT_EQ(from_index[i].index, from_scan[i].index);
}

TEST(Duplicates, LargeBlocksAreComparedInAWindow) {
  // A care home: 300 residents sharing one address and switchboard, two of them the same person.
  std::vector<Person> persons;
  for (int i = 0; i < 300; ++i) {
    Person p;
    p.last_name = "Résident" + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i);
    p.first_names = "Prénom" + std::to_string(i * 7);
    p.birth_date = Ymd(1920 + i % 30, 1 + static_cast<unsigned>(i % 12), 1 + static_cast<unsigned>(i % 28));
    p.address = Jeanne().address;
    p.phones.push_back({"+33321000000", "accueil"});
    persons.push_back(p);
  }
  persons.push_back(persons[17]);
  DuplicateOptions options;
  options.max_block_size = 50;
  options.window = 5;
  const auto pairs = FindAllDuplicatePairs(persons, options);
  ASSERT_EQ(pairs.size(), 1U);
  EXPECT_EQ(pairs[0].first, 17U);
  EXPECT_EQ(pairs[0].second, 300U);
}

}  // namespace
}  // namespace lien::registry
