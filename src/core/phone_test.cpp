#include "core/phone.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace lien::core {
namespace {

struct ValidCase {
  const char* input;
  const char* e164;
};

TEST(Phone, EveryFrenchNotationGivesE164) {
  const ValidCase cases[] = {
      {"03 21 01 63 10", "+33321016310"},
      {"0321016310", "+33321016310"},
      {"03.21.01.63.10", "+33321016310"},
      {"03-21-01-63-10", "+33321016310"},
      {"  03 21 01 63 10  ", "+33321016310"},
      {"+33 3 21 01 63 10", "+33321016310"},
      {"+33 (0)3 21 01 63 10", "+33321016310"},
      {"+33321016310", "+33321016310"},
      {"0033 3 21 01 63 10", "+33321016310"},
      {"0033321016310", "+33321016310"},
      {"06 12 34 56 78", "+33612345678"},
      {"07 81 23 45 67", "+33781234567"},
      {"+33 6 12 34 56 78", "+33612345678"},
      {"01 42 76 40 40", "+33142764040"},
      {"09 72 12 34 56", "+33972123456"},
      // Overseas: international notation, and the national notation dialled from metropolitan France.
      {"+262 262 12 34 56", "+262262123456"},
      {"0262 12 34 56", "+262262123456"},
      {"02 62 12 34 56", "+262262123456"},
      {"0692 12 34 56", "+262692123456"},
      {"0590 12 34 56", "+590590123456"},
      {"0596 61 23 45", "+596596612345"},
      {"0594 12 34 56", "+594594123456"},
      {"0269 61 23 45", "+262269612345"},
      // Foreign numbers in international notation.
      {"+44 20 7946 0958", "+442079460958"},
      {"+32 12 34 56 78", "+3212345678"},
      // Overseas numbers written with +33 are moved to their own country code.
      {"+33 2 62 12 34 56", "+262262123456"},
      {"+33 6 92 12 34 56", "+262692123456"},
  };
  for (const auto& c : cases) {
    const auto parsed = ParsePhone(c.input);
    ASSERT_TRUE(parsed.has_value()) << c.input;
    EXPECT_EQ(*parsed, c.e164) << c.input;
  }
}

TEST(Phone, InvalidNumbersAreRefusedWithAKeyAndTheField) {
  const char* invalid[] = {
      "abc",
      "03 21 01 63",
      "03 21 01 63 10 99",
      "00 00 00 00 00",
      "12345",
      "+33 0 00 00 00 00",
      "0321016310 0321016310 0321016310 0321016310 0321016310 0321016310",
  };
  for (const char* input : invalid) {
    const auto parsed = ParsePhone(input, "phones[0]");
    ASSERT_FALSE(parsed.has_value()) << input << " gave " << parsed.value_or("");
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(parsed.error().message_key, "phone.invalid") << input;
    EXPECT_EQ(parsed.error().field, "phones[0]");
  }
}

TEST(Phone, EmptyInputHasItsOwnKey) {
  for (const char* input : {"", "   ", "\t"}) {
    const auto parsed = ParsePhone(input);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().message_key, "phone.empty");
    EXPECT_EQ(parsed.error().field, "phone");
  }
}

TEST(Phone, NationalNumbersOfAnotherRegion) {
  const auto belgian = ParsePhone("012 34 56 78", "phone", "BE");
  ASSERT_TRUE(belgian.has_value());
  EXPECT_EQ(*belgian, "+3212345678");
  // Outside France, a 0262 number is not retried as Réunion's.
  EXPECT_FALSE(ParsePhone("0262 12 34 56", "phone", "BE").has_value());
}

TEST(Phone, DisplayIsNationalForFranceAndInternationalElsewhere) {
  EXPECT_EQ(FormatPhoneForDisplay("+33321016310"), "03 21 01 63 10");
  EXPECT_EQ(FormatPhoneForDisplay("+33612345678"), "06 12 34 56 78");
  EXPECT_EQ(FormatPhoneForDisplay("+262262123456"), "0262 12 34 56");  // Réunion's own grouping
  EXPECT_EQ(FormatPhoneForDisplay("+442079460958"), "+44 20 7946 0958");
  EXPECT_EQ(FormatPhoneForDisplay("not a number"), "not a number");
}

TEST(Phone, MobileNumbers) {
  EXPECT_TRUE(IsMobilePhone("+33612345678"));
  EXPECT_TRUE(IsMobilePhone("+33781234567"));
  EXPECT_TRUE(IsMobilePhone("+262692123456"));
  EXPECT_FALSE(IsMobilePhone("+33321016310"));
  EXPECT_FALSE(IsMobilePhone(""));
}

TEST(Phone, ParsingFromSeveralThreadsAgrees) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 500; ++i) {
        const auto parsed = ParsePhone(i % 2 == 0 ? "03 21 01 63 10" : "0692 12 34 56");
        if (!parsed || *parsed != (i % 2 == 0 ? "+33321016310" : "+262692123456")) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const int count : failures) EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace lien::core
