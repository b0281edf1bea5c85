#include "core/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace lien::core {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

TEST(Text, FoldForSearch) {
  const FoldCase cases[] = {
      {"Lefèvre", "lefevre"},
      {"LEFEVRE", "lefevre"},
      {"LEFÈVRE", "lefevre"},
      {"Le Fèvre", "le fevre"},
      {"  Le   Fèvre  ", "le fevre"},
      {"Jean-Pierre", "jean pierre"},
      {"Jean—Pierre", "jean pierre"},
      {"D'Almeida", "d almeida"},
      {"D’Almeida", "d almeida"},
      {"L'Hôpital", "l hopital"},
      {"Æsa", "aesa"},
      {"Lætitia", "laetitia"},
      {"Œuvray", "oeuvray"},
      {"Strauß", "strauss"},
      {"Øster", "oster"},
      {"Łukasz", "lukasz"},
      {"François", "francois"},
      {"Noël Müller", "noel muller"},
      {"Ibáñez", "ibanez"},
      {"Nguyễn Văn Đức", "nguyen van duc"},
      {"e\xcc\x81lodie", "elodie"},  // "e" + combining acute accent
      {"Иванов", "ivanov"},
      {"Σωκράτης", "sokrates"},
      {"St. Pierre", "st pierre"},
      {"12 bis rue", "12 bis rue"},
      {"", ""},
      {" - ' ", ""},
      {"bad\xff"
       "byte",
       "badbyte"},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldForSearch(c.input), c.folded) << c.input;
}

TEST(Text, CompactFormsMatchAcrossSpellings) {
  for (const char* spelling : {"Lefèvre", "LEFEVRE", "Le Fèvre", "le-fevre", "LE FÈVRE"}) {
    EXPECT_EQ(FoldCompact(spelling), "lefevre") << spelling;
  }
  EXPECT_EQ(FoldCompactWithoutParticles("de la Fontaine"), "fontaine");
  EXPECT_EQ(FoldCompactWithoutParticles("Fontaine (de la)"), "fontaine");
  EXPECT_EQ(FoldCompactWithoutParticles("D'Almeida"), "almeida");
  EXPECT_EQ(FoldCompactWithoutParticles("Le Fèvre"), "fevre");
  EXPECT_EQ(FoldCompactWithoutParticles("dos Santos"), "santos");
  EXPECT_EQ(FoldCompactWithoutParticles("Le"), "le");
  EXPECT_EQ(FoldCompactWithoutParticles("Martin"), "martin");
}

TEST(Text, NameTokensAndParticles) {
  EXPECT_EQ(NameTokens("Marie-Thérèse  d'Arc"), (std::vector<std::string>{"marie", "therese", "d", "arc"}));
  EXPECT_TRUE(NameTokens("  ").empty());
  for (const char* particle : {"de", "du", "des", "d", "le", "la", "l", "van", "dos"}) {
    EXPECT_TRUE(IsNameParticle(particle)) << particle;
  }
  for (const char* word : {"martin", "ben", "saint", ""}) EXPECT_FALSE(IsNameParticle(word)) << word;
}

TEST(Text, EditDistance) {
  EXPECT_EQ(EditDistance("martin", "martin"), 0U);
  EXPECT_EQ(EditDistance("martin", "martine"), 1U);  // insertion
  EXPECT_EQ(EditDistance("martin", "matin"), 1U);    // deletion
  EXPECT_EQ(EditDistance("martin", "marten"), 1U);   // substitution
  EXPECT_EQ(EditDistance("martin", "matrin"), 1U);   // adjacent transposition
  EXPECT_EQ(EditDistance("dupont", "durand"), 3U);
  EXPECT_EQ(EditDistance("", "abc"), 3U);
  EXPECT_EQ(EditDistance("abc", ""), 3U);
  EXPECT_GT(EditDistance("dupont", "durand", 2), 2U);  // stops past the limit
  EXPECT_GT(EditDistance("a", "abcdef", 2), 2U);
  const std::string long_a(100, 'a');
  std::string long_b = long_a;
  long_b[50] = 'b';
  EXPECT_EQ(EditDistance(long_a, long_b), 1U);  // beyond the stack buffer
}

TEST(Text, JaroWinkler) {
  EXPECT_DOUBLE_EQ(JaroWinkler("martin", "martin"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);  // the classic examples
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_GT(JaroWinkler("lefevre", "lefebvre"), 0.95);
  EXPECT_LT(JaroWinkler("dupont", "bernard"), 0.6);
  EXPECT_DOUBLE_EQ(JaroWinkler("lefevre", "lefebvre"), JaroWinkler("lefebvre", "lefevre"));
}

TEST(Text, PhoneticKeyGroupsSpellingsThatSoundAlike) {
  const std::string key = PhoneticKey("lefevre");
  for (const char* spelling : {"lefebvre", "lefeuvre", "lefvre", "lefebre"}) {
    EXPECT_EQ(PhoneticKey(spelling), key) << spelling;
  }
  EXPECT_EQ(PhoneticKey("dupont"), PhoneticKey("dupond"));
  EXPECT_EQ(PhoneticKey("philippe"), PhoneticKey("filipe"));
  EXPECT_NE(PhoneticKey("dupont"), PhoneticKey("martin"));
  EXPECT_LE(PhoneticKey("constantinople").size(), 4U);
  EXPECT_EQ(PhoneticKey(""), "");
}

TEST(Text, FoldingFromSeveralThreadsAgrees) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 300; ++i) {
        if (FoldForSearch("Lefèvre-Dußmann") != "lefevre dussmann") ++failures[t];
        if (FoldForSearch("Иванов") != "ivanov") ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const int count : failures) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace lien::core
