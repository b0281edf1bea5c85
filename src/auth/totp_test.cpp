#include "auth/totp.hpp"

#include <gtest/gtest.h>

namespace lien::auth {
namespace {

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (8-digit values; we keep the last 6 digits).
const std::string kRfcSecret = Base32Encode("12345678901234567890");

TEST(Totp, MatchesRfc6238Vectors) {
  EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(59'000)), "287082");
  EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(1'111'111'109'000)), "081804");
  EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(1'234'567'890'000)), "005924");
  EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(2'000'000'000'000)), "279037");
}

TEST(Totp, Base32RoundTrip) {
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Decode("MZXW6YTBOI").value(), "foobar");
  EXPECT_EQ(Base32Decode("mzxw 6ytb oi").value(), "foobar");
  EXPECT_FALSE(Base32Decode("not base32!").has_value());
  EXPECT_EQ(NewTotpSecret().size(), 32U);
}

TEST(Totp, AcceptsOneStepOfDriftAndRefusesReplay) {
  const core::EpochMillis now = 1'700'000'000'000;
  const auto secret = NewTotpSecret();
  const auto step = TotpStep(now);
  EXPECT_EQ(VerifyTotp(secret, TotpCode(secret, step), now, 0), step);
  EXPECT_EQ(VerifyTotp(secret, TotpCode(secret, step - 1), now, 0), step - 1);
  EXPECT_EQ(VerifyTotp(secret, TotpCode(secret, step + 1), now, 0), step + 1);
  EXPECT_FALSE(VerifyTotp(secret, TotpCode(secret, step - 2), now, 0));
  EXPECT_FALSE(VerifyTotp(secret, TotpCode(secret, step), now, step)) << "a code is accepted once";
  EXPECT_FALSE(VerifyTotp(secret, "12345", now, 0));
  EXPECT_FALSE(VerifyTotp(secret, "12a456", now, 0));
  const auto spaced = TotpCode(secret, step).insert(3, " ");
  EXPECT_EQ(VerifyTotp(secret, spaced, now, 0), step);
}

TEST(Totp, UriCarriesIssuerAndAccount) {
  EXPECT_EQ(TotpUri("Lien", "marie.dupont", "ABC"),
            "otpauth://totp/Lien:marie.dupont?secret=ABC&issuer=Lien&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace lien::auth
