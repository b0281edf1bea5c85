#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string>

#include "auth/common_passwords.hpp"
#include "core/crypto.hpp"

namespace lien::auth {
namespace {

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

// Keyboard walks and counting sequences people build "long" passwords from.
constexpr std::array<std::string_view, 8> kWalks = {"azertyuiopqsdfghjklmwxcvbn",
                                                    "qwertyuiopasdfghjklzxcvbnm",
                                                    "abcdefghijklmnopqrstuvwxyz",
                                                    "01234567890",
                                                    "09876543210",
                                                    "zyxwvutsrqponmlkjihgfedcba",
                                                    "nbvcxwmlkjhgfdsqpoiuytreza",
                                                    "mnbvcxzlkjhgfdsapoiuytrewq"};

// True when the password is only a keyboard walk or counting sequence (or repetitions of pieces of them).
bool IsWalk(const std::string& lower) {
  std::size_t i = 0;
  while (i < lower.size()) {
    std::size_t best = 0;
    for (auto walk : kWalks) {
      for (std::size_t start = 0; start < walk.size(); ++start) {
        std::size_t n = 0;
        while (i + n < lower.size() && start + n < walk.size() && lower[i + n] == walk[start + n]) ++n;
        best = std::max(best, n);
      }
    }
    if (best < 3) return false;
    i += best;
  }
  return true;
}

// True when the password is a common word (possibly repeated) dressed with digits and symbols.
bool IsDressedCommonWord(const std::string& lower) {
  std::string letters;
  for (char c : lower) {
    if (std::isalpha(static_cast<unsigned char>(c))) letters.push_back(c);
  }
  if (letters.empty()) return true;  // only digits and symbols: a date, a phone number, a PIN.
  for (auto word : CommonWords()) {
    if (letters.size() % word.size() != 0) continue;
    bool repeated = true;
    for (std::size_t i = 0; i < letters.size() && repeated; i += word.size()) {
      repeated = letters.compare(i, word.size(), word) == 0;
    }
    if (repeated) return true;
  }
  return false;
}

}  // namespace

core::Status CheckPasswordPolicy(std::string_view password, std::string_view login, std::string_view field_name) {
  const std::string field(field_name);
  if (CodePoints(password) < kMinPasswordLength) {
    return core::Fail(core::ErrorCode::kInvalidInput, "auth.password_too_short", field,
                      {{"min", std::to_string(kMinPasswordLength)}});
  }
  if (password.size() > kMaxPasswordBytes) {
    return core::Fail(core::ErrorCode::kInvalidInput, "auth.password_too_long", field,
                      {{"max", std::to_string(kMaxPasswordBytes)}});
  }
  const std::string lower = Lower(password);
  if (login.size() >= 3 && lower.find(Lower(login)) != std::string::npos) {
    return core::Fail(core::ErrorCode::kInvalidInput, "auth.password_contains_login", field);
  }
  const std::set<char> distinct(lower.begin(), lower.end());
  if (distinct.size() <= 3 || IsCommonPassword(lower) || IsWalk(lower) || IsDressedCommonWord(lower)) {
    return core::Fail(core::ErrorCode::kInvalidInput, "auth.password_common", field);
  }
  return {};
}

std::string HashPassword(std::string_view password) {
  core::InitCrypto();
  std::string hash(crypto_pwhash_STRBYTES, '\0');
  // INTERACTIVE limits (64 MiB, 2 passes) as libsodium recommends for online logins.
  if (crypto_pwhash_str(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  hash.resize(hash.find('\0'));
  return hash;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  core::InitCrypto();
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void BurnVerificationTime(std::string_view password) {
  // A fixed hash of a random string, computed once: verifying against it costs what a real check costs.
  static const std::string kDecoy = HashPassword(core::RandomToken());
  (void)VerifyPassword(kDecoy, password);
}

}  // namespace lien::auth
