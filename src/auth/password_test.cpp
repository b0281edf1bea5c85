#include "auth/password.hpp"

#include <gtest/gtest.h>

namespace lien::auth {
namespace {

struct PolicyCase {
  const char* password;
  const char* expected_key;  // empty when accepted
};

class PasswordPolicy : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PasswordPolicy, AppliesTheRules) {
  const auto& c = GetParam();
  auto result = CheckPasswordPolicy(c.password, "marie.dupont");
  if (std::string(c.expected_key).empty()) {
    EXPECT_TRUE(result.has_value()) << c.password << " refused with " << result.error().message_key;
  } else {
    ASSERT_FALSE(result.has_value()) << c.password << " accepted";
    EXPECT_EQ(result.error().message_key, c.expected_key) << c.password;
    EXPECT_EQ(result.error().field, "new_password");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, PasswordPolicy,
    ::testing::Values(
        PolicyCase{"short", "auth.password_too_short"},
        PolicyCase{"élégant été", "auth.password_too_short"},  // 11 characters, 15 bytes
        PolicyCase{"ma maison est bleue", ""},                 // a passphrase: no composition rules
        PolicyCase{"tournesol canicule juillet", ""}, PolicyCase{"éléphant rosé à vélo", ""},
        PolicyCase{"password1234", "auth.password_common"}, PolicyCase{"Motdepasse2024!", "auth.password_common"},
        PolicyCase{"azertyuiop123", "auth.password_common"}, PolicyCase{"123456789012", "auth.password_common"},
        PolicyCase{"aaaaaaaaaaaaaaa", "auth.password_common"}, PolicyCase{"abcabcabcabcabc", "auth.password_common"},
        PolicyCase{"soleilsoleil2026", "auth.password_common"}, PolicyCase{"qsdfghjklmwxcv", "auth.password_common"},
        PolicyCase{"Marie.Dupont-2026", "auth.password_contains_login"}));

TEST(PasswordPolicyLimits, RefusesAbsurdLength) {
  const std::string huge(kMaxPasswordBytes + 1, 'x');
  auto result = CheckPasswordPolicy(huge + "yz", "someone");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message_key, "auth.password_too_long");
}

TEST(PasswordPolicyLimits, NamesTheFieldItIsGiven) {
  auto result = CheckPasswordPolicy("short", "x", "password");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field, "password");
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  const auto hash = HashPassword("ma maison est bleue");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0U) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "ma maison est bleue"));
  EXPECT_FALSE(VerifyPassword(hash, "ma maison est verte"));
  EXPECT_FALSE(VerifyPassword("not a hash", "ma maison est bleue"));
  EXPECT_NE(HashPassword("ma maison est bleue"), hash);  // salted
}

}  // namespace
}  // namespace lien::auth
