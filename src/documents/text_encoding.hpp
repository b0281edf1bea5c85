#pragma once
// Text files as towns have them: spreadsheets saved as CSV by Excel or LibreOffice are UTF-8 (with or without a
// byte order mark), Windows-1252 (Excel's "CSV (séparateur: point-virgule)" on a French Windows), or UTF-16
// (Excel's "Texte Unicode"). Everything after this point works on UTF-8.

#include <string>
#include <string_view>

namespace lien::documents {

enum class TextEncoding {
  kUtf8,         ///< Valid UTF-8 without a byte order mark (plain ASCII counts as UTF-8).
  kUtf8Bom,      ///< UTF-8 starting with EF BB BF (Excel's "CSV UTF-8").
  kUtf16Le,      ///< UTF-16 little-endian with its byte order mark (Excel's "Texte Unicode").
  kUtf16Be,      ///< UTF-16 big-endian with its byte order mark.
  kWindows1252,  ///< Not valid UTF-8: read as Windows-1252, the superset of Latin-1 that French Windows uses.
};

/// Stable name of an encoding as reports show it: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252".
const char* EncodingName(TextEncoding encoding);

struct DecodedText {
  std::string utf8;  ///< The text in UTF-8, without any byte order mark.
  TextEncoding encoding = TextEncoding::kUtf8;
};

/// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

/// Detects the encoding of `bytes` and converts them to UTF-8. A byte order mark decides first; otherwise valid
/// UTF-8 is taken as UTF-8 (a Windows-1252 file with accents is almost never valid UTF-8: "é" is E9, a lead
/// byte that needs a continuation byte after it), and anything else as Windows-1252. Never fails: the five
/// bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) become U+FFFD. Thread-safe.
DecodedText DecodeToUtf8(std::string_view bytes);

}  // namespace lien::documents
