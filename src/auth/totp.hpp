#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 6 digits, 30-second steps — the
// parameters every authenticator app supports. Works offline: only the shared secret and the clock matter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace lien::auth {

inline constexpr std::int64_t kTotpStepSeconds = 30;

/// A new random 160-bit secret, base32 without padding (as authenticator apps expect).
std::string NewTotpSecret();

/// The time step containing `now`.
std::int64_t TotpStep(core::EpochMillis now);

/// The 6-digit code for a step; empty when the secret is not valid base32.
std::string TotpCode(std::string_view base32_secret, std::int64_t step);

/// Checks `code` against the steps around `now` (one step of clock drift each way). Returns the matched step
/// when it is later than `last_used_step` (a code is accepted once), nullopt otherwise.
std::optional<std::int64_t> VerifyTotp(std::string_view base32_secret, std::string_view code, core::EpochMillis now,
                                       std::int64_t last_used_step);

/// `otpauth://totp/Issuer:account?secret=...&issuer=...` for QR codes.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view base32_secret);

/// RFC 4648 base32, used for the secrets.
std::string Base32Encode(std::string_view bytes);
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace lien::auth
