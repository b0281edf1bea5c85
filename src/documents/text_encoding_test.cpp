#include "documents/text_encoding.hpp"

#include <gtest/gtest.h>

namespace lien::documents {
namespace {

TEST(TextEncoding, PlainUtf8StaysAsItIs) {
  const DecodedText text = DecodeToUtf8("Nom;Prénom\nLefèvre;Éloïse 5 €\n");
  EXPECT_EQ(text.encoding, TextEncoding::kUtf8);
  EXPECT_EQ(text.utf8, "Nom;Prénom\nLefèvre;Éloïse 5 €\n");
}

TEST(TextEncoding, ByteOrderMarkIsRemoved) {
  const DecodedText text = DecodeToUtf8("\xEF\xBB\xBFNom;Prénom\n");
  EXPECT_EQ(text.encoding, TextEncoding::kUtf8Bom);
  EXPECT_EQ(text.utf8, "Nom;Prénom\n");
  EXPECT_STREQ(EncodingName(text.encoding), "utf-8-bom");
}

TEST(TextEncoding, Windows1252AccentsAndEuroBecomeUtf8) {
  // "Prénom;Né(e) le;Œuvre 5 €" as French Excel saves it: é = E9, Œ = 8C, € = 80, ç = E7.
  const DecodedText text = DecodeToUtf8("Pr\xE9nom;N\xE9(e) le;\x8Cuvre 5 \x80;Fran\xE7oise");
  EXPECT_EQ(text.encoding, TextEncoding::kWindows1252);
  EXPECT_EQ(text.utf8, "Prénom;Né(e) le;Œuvre 5 €;Françoise");
  EXPECT_STREQ(EncodingName(text.encoding), "windows-1252");
}

TEST(TextEncoding, Windows1252UndefinedBytesDoNotBreakTheText) {
  const DecodedText text = DecodeToUtf8(
      "a\x81"
      "b\xE9");
  EXPECT_EQ(text.encoding, TextEncoding::kWindows1252);
  EXPECT_TRUE(IsValidUtf8(text.utf8));
  EXPECT_TRUE(text.utf8.starts_with("a"));
  EXPECT_TRUE(text.utf8.ends_with("bé"));
}

TEST(TextEncoding, Utf16WithByteOrderMark) {
  const std::string little_endian(
      "\xFF\xFE"
      "N\0o\0m\0;\0\xE9\0",
      12);
  const DecodedText text = DecodeToUtf8(little_endian);
  EXPECT_EQ(text.encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(text.utf8, "Nom;é");
  const std::string big_endian("\xFE\xFF\0N\0o\0m\0;\0\xE9", 12);
  EXPECT_EQ(DecodeToUtf8(big_endian).utf8, "Nom;é");
}

TEST(TextEncoding, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("é€𝄞"));
  EXPECT_FALSE(IsValidUtf8("\xE9t\xE9"));         // Windows-1252 "été"
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // cut in the middle of a character
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace lien::documents
