#pragma once
// Passwords and words too common to protect an account: the most frequent ones in French and English leaks,
// as people write them at 12 characters or more, and the words they are built from.

#include <span>
#include <string>
#include <string_view>

namespace lien::auth {

/// Whole passwords (lower case) refused as they are.
bool IsCommonPassword(const std::string& lower);

/// Words (lower case letters only) that, repeated or dressed with digits and symbols, make a refused password.
std::span<const std::string_view> CommonWords();

}  // namespace lien::auth
