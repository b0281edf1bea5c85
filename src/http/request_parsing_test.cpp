#include "http/request_parsing.hpp"

#include <gtest/gtest.h>

namespace lien::http {
namespace {

TEST(RequestParsingTest, PercentDecode) {
  EXPECT_EQ(PercentDecode("a%20b%C3%A9", false), "a b\xC3\xA9");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%00", false), std::nullopt);
}

TEST(RequestParsingTest, ParseTarget) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(ParseTarget("/api/v1/persons/Dupont%20Jean?q=Ren%C3%A9e+M&limit=10&flag&limit=20", path, query));
  EXPECT_EQ(path, "/api/v1/persons/Dupont Jean");
  EXPECT_EQ(query.at("q"),
            "Ren\xC3\xA9"
            "e M");
  EXPECT_EQ(query.at("limit"), "20");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_FALSE(ParseTarget("http://example.org/", path, query));
  EXPECT_FALSE(ParseTarget("*", path, query));
  EXPECT_FALSE(ParseTarget("/a?x=%G0", path, query));
  EXPECT_FALSE(ParseTarget("/a%00b", path, query));
}

TEST(RequestParsingTest, RequestIds) {
  EXPECT_TRUE(IsValidRequestId("abc-DEF-123"));
  EXPECT_FALSE(IsValidRequestId(""));
  EXPECT_FALSE(IsValidRequestId("has space"));
  EXPECT_FALSE(IsValidRequestId("new\nline"));
  EXPECT_FALSE(IsValidRequestId(std::string(65, 'a')));
  EXPECT_TRUE(IsValidRequestId(std::string(64, 'a')));
  const auto id = NewRequestId();
  EXPECT_EQ(id.size(), 32u);
  EXPECT_TRUE(IsValidRequestId(id));
  EXPECT_NE(id, NewRequestId());
}

}  // namespace
}  // namespace lien::http
