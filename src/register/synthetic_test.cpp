#include "register/synthetic.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lien::registry {
namespace {

bool SamePerson(const Person& a, const Person& b) {
  return a.id == b.id && a.last_name == b.last_name && a.birth_name == b.birth_name && a.first_names == b.first_names &&
         a.birth_date == b.birth_date && a.address.street == b.address.street && a.address.number == b.address.number &&
         a.address.postcode == b.address.postcode && a.phones.size() == b.phones.size() && a.email == b.email &&
         a.civility == b.civility && (a.phones.empty() || a.phones[0].e164 == b.phones[0].e164);
}

TEST(Synthetic, SameSeedSameRegister) {
  SyntheticOptions options;
  options.persons = 2'000;
  options.seed = 42;
  const auto first = GenerateRegister(options);
  const auto second = GenerateRegister(options);
  ASSERT_EQ(first.persons.size(), 2'000U);
  ASSERT_EQ(second.persons.size(), first.persons.size());
  for (std::size_t i = 0; i < first.persons.size(); ++i) {
    EXPECT_TRUE(SamePerson(first.persons[i], second.persons[i])) << i;
  }
  EXPECT_EQ(first.duplicate_pairs, second.duplicate_pairs);
  options.seed = 43;
  const auto other = GenerateRegister(options);
  std::size_t same = 0;
  for (std::size_t i = 0; i < other.persons.size(); ++i)
    same += other.persons[i].last_name == first.persons[i].last_name;
  EXPECT_LT(same, 400U);
}

TEST(Synthetic, KnownDuplicatesAndPlausibleRecords) {
  SyntheticOptions options;
  options.persons = 5'000;
  options.duplicate_rate = 0.05;
  const auto reg = GenerateRegister(options);
  ASSERT_EQ(reg.identity.size(), reg.persons.size());
  // 250 extra records; a few are third entries, which make three pairs each.
  EXPECT_GE(reg.duplicate_pairs.size(), 250U);
  EXPECT_LE(reg.duplicate_pairs.size(), 330U);
  for (const auto& [a, b] : reg.duplicate_pairs) {
    ASSERT_LT(a, b);
    EXPECT_EQ(reg.identity[a], reg.identity[b]);
  }
  std::set<std::string> last_names;
  std::size_t with_phone = 0;
  std::size_t with_birth_date = 0;
  for (std::size_t i = 0; i < reg.persons.size(); ++i) {
    const auto& p = reg.persons[i];
    EXPECT_EQ(p.id, static_cast<std::int64_t>(i + 1));
    EXPECT_FALSE(p.last_name.empty());
    EXPECT_FALSE(p.first_names.empty());
    EXPECT_EQ(p.address.postcode.size(), 5U);
    for (const auto& phone : p.phones) EXPECT_EQ(phone.e164.front(), '+');
    last_names.insert(p.last_name);
    with_phone += p.phones.empty() ? 0 : 1;
    with_birth_date += p.birth_date ? 1 : 0;
  }
  EXPECT_GT(last_names.size(), 200U);
  EXPECT_GT(with_phone, reg.persons.size() * 6 / 10);
  EXPECT_GT(with_birth_date, reg.persons.size() * 9 / 10);
}

}  // namespace
}  // namespace lien::registry
