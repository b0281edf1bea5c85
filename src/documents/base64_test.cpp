#include "documents/base64.hpp"

#include <gtest/gtest.h>

namespace lien::documents {
namespace {

TEST(Base64, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes.push_back(static_cast<char>(i * 37));
    const auto decoded = DecodeBase64(EncodeBase64(bytes));
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(*decoded, bytes);
  }
}

TEST(Base64, KnownValuesWhitespaceAndPadding) {
  EXPECT_EQ(EncodeBase64("Lefèvre"), "TGVmw6h2cmU=");
  EXPECT_EQ(DecodeBase64("TGVmw6h2cmU="), "Lefèvre");
  EXPECT_EQ(DecodeBase64("TGVm\r\nw6h2 cmU"), "Lefèvre");
  EXPECT_EQ(DecodeBase64(""), "");
}

TEST(Base64, RejectsWhatIsNotBase64) {
  EXPECT_FALSE(DecodeBase64("TGVm*w6h2"));
  EXPECT_FALSE(DecodeBase64("QQ=A"));
  EXPECT_FALSE(DecodeBase64("Q"));
}

}  // namespace
}  // namespace lien::documents
