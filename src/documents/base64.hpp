#pragma once
// Base64 (RFC 4648, standard alphabet) for files uploaded inside JSON bodies.

#include <optional>
#include <string>
#include <string_view>

namespace lien::documents {

/// The bytes of `text`: padding optional, whitespace and line breaks ignored, the URL-safe letters '-' and '_'
/// accepted too. nullopt when another character appears or the length cannot be base64.
std::optional<std::string> DecodeBase64(std::string_view text);

/// Standard base64 with padding.
std::string EncodeBase64(std::string_view bytes);

}  // namespace lien::documents
