#pragma once
// The catalogue of user-facing messages, in French (the default) and English.
// Rules and stores name a message by key; the HTTP layer renders it in the user's language.

#include <map>
#include <string>
#include <string_view>

namespace lien::core {

enum class Language { kFrench, kEnglish };

/// Picks the language from an Accept-Language header value: English when it prefers `en`, French otherwise.
Language LanguageFromAcceptHeader(std::string_view accept_language);

/// The message for `key` in `language`, with each `{name}` replaced by args[name].
/// An unknown key returns a generic message and never throws (a missing translation must not become a 500).
std::string Translate(std::string_view key, Language language, const std::map<std::string, std::string>& args = {});

/// True when the catalogue holds `key` in both languages (used by a test that checks every key is translated).
bool HasMessage(std::string_view key);

}  // namespace lien::core
