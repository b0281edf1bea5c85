#include "documents/text_encoding.hpp"

#include <unicode/unistr.h>

#include <cstdint>

namespace lien::documents {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Converts through ICU's converters (ucnv, behind this UnicodeString constructor): unmapped bytes become U+FFFD.
std::string ConvertToUtf8(std::string_view bytes, const char* codepage) {
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
  std::string utf8;
  text.toUTF8String(utf8);
  return utf8;
}

}  // namespace

const char* EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "utf-8";
    case TextEncoding::kUtf8Bom:
      return "utf-8-bom";
    case TextEncoding::kUtf16Le:
      return "utf-16le";
    case TextEncoding::kUtf16Be:
      return "utf-16be";
    case TextEncoding::kWindows1252:
      return "windows-1252";
  }
  return "utf-8";
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const unsigned char lead = *p;
    if (lead < 0x80) {
      ++p;
      continue;
    }
    int continuation = 0;
    std::uint32_t code = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
      continuation = 1;
      code = lead & 0x1Fu;
      minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      continuation = 2;
      code = lead & 0x0Fu;
      minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      continuation = 3;
      code = lead & 0x07u;
      minimum = 0x10000;
    } else {
      return false;
    }
    if (end - p <= continuation) return false;
    for (int i = 1; i <= continuation; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      code = (code << 6) | (p[i] & 0x3Fu);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    p += continuation + 1;
  }
  return true;
}

DecodedText DecodeToUtf8(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) {
    bytes.remove_prefix(kUtf8Bom.size());
    // A BOM announces UTF-8; a broken byte after it is still replaced rather than passed on.
    if (IsValidUtf8(bytes)) return {std::string(bytes), TextEncoding::kUtf8Bom};
    return {ConvertToUtf8(bytes, "UTF-8"), TextEncoding::kUtf8Bom};
  }
  if (bytes.starts_with(kUtf16LeBom)) {
    return {ConvertToUtf8(bytes.substr(kUtf16LeBom.size()), "UTF-16LE"), TextEncoding::kUtf16Le};
  }
  if (bytes.starts_with(kUtf16BeBom)) {
    return {ConvertToUtf8(bytes.substr(kUtf16BeBom.size()), "UTF-16BE"), TextEncoding::kUtf16Be};
  }
  if (IsValidUtf8(bytes)) return {std::string(bytes), TextEncoding::kUtf8};
  return {ConvertToUtf8(bytes, "windows-1252"), TextEncoding::kWindows1252};
}

}  // namespace lien::documents
