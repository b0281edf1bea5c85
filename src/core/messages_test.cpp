#include "core/messages.hpp"

#include <gtest/gtest.h>

namespace lien::core {
namespace {

TEST(Messages, PicksLanguageFromFirstPreference) {
  EXPECT_EQ(LanguageFromAcceptHeader("en-GB,en;q=0.9,fr;q=0.8"), Language::kEnglish);
  EXPECT_EQ(LanguageFromAcceptHeader("EN"), Language::kEnglish);
  EXPECT_EQ(LanguageFromAcceptHeader("fr-FR,en;q=0.5"), Language::kFrench);
  EXPECT_EQ(LanguageFromAcceptHeader(""), Language::kFrench);
  EXPECT_EQ(LanguageFromAcceptHeader("de"), Language::kFrench);
}

TEST(Messages, SubstitutesArguments) {
  EXPECT_EQ(Translate("http.payload_too_large", Language::kEnglish, {{"limit", "1048576"}}),
            "The request is too large (limit: 1048576 bytes).");
  EXPECT_EQ(Translate("auth.throttled", Language::kFrench, {{"minutes", "5"}}),
            "Trop d'essais infructueux. Réessayez dans 5 minute(s).");
}

TEST(Messages, UnknownKeyGivesGenericTextNotAnException) {
  EXPECT_FALSE(HasMessage("no.such.key"));
  EXPECT_EQ(Translate("no.such.key", Language::kFrench), "Erreur inattendue.");
}

}  // namespace
}  // namespace lien::core
