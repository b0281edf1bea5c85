#include "auth/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cctype>
#include <cstdio>

#include "core/crypto.hpp"

namespace lien::auth {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string PercentEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      std::array<char, 4> buffer{};
      std::snprintf(buffer.data(), buffer.size(), "%%%02X", c);
      out += buffer.data();
    }
  }
  return out;
}

}  // namespace

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8U) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> static_cast<unsigned>(bits - 5)) & 0x1FU]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << static_cast<unsigned>(5 - bits)) & 0x1FU]);
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == '=' || raw == ' ') continue;
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    const auto index = kAlphabet.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5U) | static_cast<std::uint32_t>(index);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits - 8)) & 0xFFU));
      bits -= 8;
    }
  }
  return out;
}

std::string NewTotpSecret() {
  const auto raw = core::RandomBytes(20);
  return Base32Encode(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

std::int64_t TotpStep(core::EpochMillis now) { return now / 1000 / kTotpStepSeconds; }

std::string TotpCode(std::string_view base32_secret, std::int64_t step) {
  const auto key = Base32Decode(base32_secret);
  if (!key || key->empty()) return {};
  std::array<unsigned char, 8> counter{};
  auto value = static_cast<std::uint64_t>(step);
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xFFU);
    value >>= 8U;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha1(), key->data(), static_cast<int>(key->size()), counter.data(), counter.size(), digest.data(), &length);
  const unsigned offset = digest[length - 1] & 0x0FU;
  const std::uint32_t binary =
      ((digest[offset] & 0x7FU) << 24U) | (digest[offset + 1] << 16U) | (digest[offset + 2] << 8U) | digest[offset + 3];
  std::array<char, 8> code{};
  std::snprintf(code.data(), code.size(), "%06u", binary % 1'000'000U);
  return code.data();
}

std::optional<std::int64_t> VerifyTotp(std::string_view base32_secret, std::string_view code, core::EpochMillis now,
                                       std::int64_t last_used_step) {
  std::string digits;
  for (char c : code) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits.push_back(c);
    else if (c != ' ')
      return std::nullopt;
  }
  if (digits.size() != 6) return std::nullopt;
  const std::int64_t current = TotpStep(now);
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    if (step <= last_used_step) continue;
    if (core::ConstantTimeEqual(TotpCode(base32_secret, step), digits)) return step;
  }
  return std::nullopt;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view base32_secret) {
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
         "?secret=" + std::string(base32_secret) + "&issuer=" + PercentEncode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace lien::auth
