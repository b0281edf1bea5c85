#include "register/search.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace lien::registry {
namespace {

constexpr std::size_t kMaxTokenLength = 50;
constexpr std::size_t kMaxQueryWords = 5;

void AddNameTokens(std::string_view name, std::vector<std::string>& tokens) {
  const auto words = core::NameTokens(name);
  if (words.empty()) return;
  for (const auto& word : words) tokens.push_back(word);
  if (words.size() > 1) {
    tokens.push_back(core::FoldCompact(name));
    tokens.push_back(core::FoldCompactWithoutParticles(name));
  }
}

bool IsAlphanumeric(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string NameKeyOf(const Person& person) {
  return core::FoldForSearch(person.last_name) + " / " + core::FoldForSearch(person.first_names);
}

std::vector<std::string> PhoneticTokensOf(std::string_view last_name) {
  std::vector<std::string> tokens;
  for (const auto& compact : {core::FoldCompact(last_name), core::FoldCompactWithoutParticles(last_name)}) {
    const auto key = core::PhoneticKey(compact);
    if (!key.empty() && std::find(tokens.begin(), tokens.end(), "_" + key) == tokens.end()) tokens.push_back("_" + key);
  }
  return tokens;
}

std::vector<std::string> NameTokensOf(const Person& person) {
  std::vector<std::string> tokens;
  AddNameTokens(person.last_name, tokens);
  AddNameTokens(person.birth_name, tokens);
  AddNameTokens(person.first_names, tokens);
  for (const auto* name : {&person.last_name, &person.birth_name}) {
    for (auto& phonetic : PhoneticTokensOf(*name)) tokens.push_back(std::move(phonetic));
  }
  for (auto& token : tokens) {
    if (token.size() > kMaxTokenLength) token.resize(kMaxTokenLength);
  }
  std::erase_if(tokens, [](const std::string& token) { return token.empty(); });
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

NameQuery ParseNameQuery(std::string_view text) {
  NameQuery query;
  auto words = core::NameTokens(text.substr(0, 200));
  std::vector<std::string> meaningful;
  for (const auto& word : words) {
    if (!core::IsNameParticle(word)) meaningful.push_back(word);
  }
  if (meaningful.empty()) meaningful = words;
  for (auto& word : meaningful) {
    if (word.size() > kMaxTokenLength) word.resize(kMaxTokenLength);
  }
  if (meaningful.size() > kMaxQueryWords) meaningful.resize(kMaxQueryWords);
  query.words = std::move(meaningful);
  if (words.size() > 1) {
    query.compact = core::FoldCompact(text.substr(0, 200));
    if (query.compact.size() > kMaxTokenLength) query.compact.resize(kMaxTokenLength);
  }
  return query;
}

std::string PrefixUpperBound(std::string_view prefix) {
  std::string bound(prefix);
  while (!bound.empty()) {
    char& last = bound.back();
    if (!IsAlphanumeric(last) || last == 'z') {
      bound.pop_back();  // carry: "abz" → "ac"
      continue;
    }
    last = last == '9' ? 'a' : static_cast<char>(last + 1);
    return bound;
  }
  return bound;
}

Date LatestBirthDateForAge(const Date& today, int years) {
  const auto year = today.year() - std::chrono::years(years);
  Date date{year, today.month(), today.day()};
  if (!date.ok()) date = Date{year / today.month() / std::chrono::last};
  return date;
}

}  // namespace lien::registry
