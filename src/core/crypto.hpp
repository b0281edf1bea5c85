#pragma once
// Small cryptographic helpers on top of libsodium, shared by auth (tokens) and audit (the hash chain).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lien::core {

/// Initialises libsodium once; safe to call from many threads. Throws std::runtime_error if it cannot.
void InitCrypto();

/// `count` bytes from the operating system's CSPRNG.
std::vector<std::uint8_t> RandomBytes(std::size_t count);

/// A random token of `bytes` bytes as unpadded base64url (43 characters for 32 bytes).
std::string RandomToken(std::size_t bytes = 32);

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

std::string ToHex(const std::vector<std::uint8_t>& bytes);

/// Compares in time independent of where the strings differ (for secrets).
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace lien::core
