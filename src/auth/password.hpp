#pragma once
// Passwords: the ANSSI-style policy (length, no composition rules, refusal of common passwords) and
// argon2id hashing through libsodium.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace lien::auth {

inline constexpr std::size_t kMinPasswordLength = 12;  ///< In characters (UTF-8 code points).
inline constexpr std::size_t kMaxPasswordBytes = 256;  ///< Bounds the hashing work an attacker can ask for.

/// Checks a new password against the policy. The error's field is `field_name` so the UI can point at it.
core::Status CheckPasswordPolicy(std::string_view password, std::string_view login,
                                 std::string_view field_name = "new_password");

/// argon2id hash in libsodium's self-describing string form. Throws std::runtime_error when out of memory.
std::string HashPassword(std::string_view password);

/// True when `password` matches `hash`. Runs in the same time whether or not it matches.
bool VerifyPassword(std::string_view hash, std::string_view password);

/// Spends the time of one verification without an account, so an unknown login is not told apart by timing.
void BurnVerificationTime(std::string_view password);

}  // namespace lien::auth
