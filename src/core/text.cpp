#include "core/text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

namespace lien::core {
namespace {

// NFD + mark removal first, so that text typed with combining accents ("e" + U+0301) folds like precomposed
// text; Latin-ASCII then spells out what is left (æ, ß, ø, ł, typographic quotes and dashes).
constexpr const char* kTransliteratorId = "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII";

// ICU transliterators are not documented as safe to share between threads, and creating one costs about a
// millisecond: one per thread, made on first use. A small owner class rather than a thread_local unique_ptr,
// which clang-analyzer 14 misreads as a use after free.
class ThreadTransliterator {
 public:
  ThreadTransliterator() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_ =
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(kTransliteratorId), UTRANS_FORWARD, status);
    if (U_FAILURE(status) || transliterator_ == nullptr) {
      delete transliterator_;
      throw std::runtime_error("ICU transliterator unavailable (ICU data missing?)");
    }
  }
  ~ThreadTransliterator() { delete transliterator_; }
  ThreadTransliterator(const ThreadTransliterator&) = delete;
  ThreadTransliterator& operator=(const ThreadTransliterator&) = delete;

  const icu::Transliterator& Get() const { return *transliterator_; }

 private:
  icu::Transliterator* transliterator_ = nullptr;
};

std::string Transliterate(std::string_view utf8) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  thread_local ThreadTransliterator transliterator;
  transliterator.Get().transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Latin letters, combining marks and general punctuation fold one code point at a time (no context), so
// their folded form is memoised per thread: names are made of a few dozen distinct code points, and this
// keeps ICU out of the loop when 100,000 names are folded.
bool FoldsAlone(UChar32 c) {
  return c < 0x0250 || (c >= 0x0300 && c < 0x0370) || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2070);
}

const std::string& FoldedCodePoint(UChar32 c) {
  thread_local std::unordered_map<UChar32, std::string> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::string utf8;
  icu::UnicodeString(c).toUTF8String(utf8);
  return cache.emplace(c, Transliterate(utf8)).first->second;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Appends `text` (ASCII after transliteration, or left-over bytes of scripts ICU could not romanise) to
// `out`: letters lower-cased, digits and non-ASCII bytes kept, anything else one space, never two in a row.
void AppendNormalised(std::string_view text, std::string& out) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(c) || byte >= 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string RemoveSpaces(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  if (IsAscii(utf8)) {
    AppendNormalised(utf8, out);
  } else {
    // Decode once: if every code point folds alone, use the memo; otherwise (Cyrillic, Greek, Arabic…, where
    // transliteration depends on neighbours) hand the whole string to ICU.
    bool context_free = true;
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length && context_free;) {
      UChar32 c = 0;
      U8_NEXT(utf8.data(), i, length, c);
      if (c >= 0 && !FoldsAlone(c)) context_free = false;
    }
    if (context_free) {
      for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(utf8.data(), i, length, c);
        if (c < 0) continue;  // invalid UTF-8 byte: dropped
        if (c < 0x80) {
          const char ascii = static_cast<char>(c);
          AppendNormalised(std::string_view(&ascii, 1), out);
        } else {
          AppendNormalised(FoldedCodePoint(c), out);
        }
      }
    } else {
      // Invalid sequences would become U+FFFD; drop them first so both paths agree.
      std::string valid;
      for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(utf8.data(), i, length, c);
        if (c >= 0) valid.append(utf8.data() + start, static_cast<std::size_t>(i - start));
      }
      AppendNormalised(Transliterate(valid), out);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string FoldCompact(std::string_view utf8) { return RemoveSpaces(FoldForSearch(utf8)); }

std::vector<std::string> NameTokens(std::string_view utf8) {
  const std::string folded = FoldForSearch(utf8);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    tokens.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

bool IsNameParticle(std::string_view folded_token) {
  static constexpr std::array<std::string_view, 17> kParticles = {
      "d", "de", "des", "du", "l", "la", "le", "les", "van", "von", "der", "den", "di", "da", "del", "dos", "das"};
  return std::find(kParticles.begin(), kParticles.end(), folded_token) != kParticles.end();
}

std::string FoldCompactWithoutParticles(std::string_view utf8) {
  const auto tokens = NameTokens(utf8);
  std::string kept;
  for (const auto& token : tokens) {
    if (!IsNameParticle(token)) kept += token;
  }
  if (kept.empty()) {
    for (const auto& token : tokens) kept += token;
  }
  return kept;
}

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  if (a.empty()) return b.size();
  // Three rows of the optimal-string-alignment table; names are short, so they usually live on the stack.
  constexpr std::size_t kStackColumns = 64;
  std::array<std::size_t, 3 * (kStackColumns + 1)> stack_rows{};
  std::vector<std::size_t> heap_rows;
  std::size_t* rows = stack_rows.data();
  const std::size_t width = b.size() + 1;
  if (b.size() > kStackColumns) {
    heap_rows.resize(3 * width);
    rows = heap_rows.data();
  }
  std::size_t* before = rows;  // row i - 2
  std::size_t* previous = rows + width;
  std::size_t* current = rows + 2 * width;
  for (std::size_t j = 0; j < width; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j < width; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const std::size_t window = std::max(a.size(), b.size()) / 2 > 0 ? std::max(a.size(), b.size()) / 2 - 1 : 0;
  // Match flags; names are short, so they usually live on the stack.
  constexpr std::size_t kStackLength = 128;
  std::array<char, 2 * kStackLength> stack_flags{};
  std::vector<char> heap_flags;
  char* a_matched = stack_flags.data();
  char* b_matched = stack_flags.data() + kStackLength;
  if (a.size() > kStackLength || b.size() > kStackLength) {
    heap_flags.assign(a.size() + b.size(), 0);
    a_matched = heap_flags.data();
    b_matched = heap_flags.data() + a.size();
  }
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t from = i > window ? i - window : 0;
    const std::size_t to = std::min(b.size(), i + window + 1);
    for (std::size_t j = from; j < to; ++j) {
      if (b_matched[j] != 0 || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (a_matched[i] == 0) continue;
    while (b_matched[j] == 0) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const auto m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::string PhoneticKey(std::string_view folded) {
  constexpr std::size_t kKeyLength = 4;
  std::string key;
  char last = 0;
  for (std::size_t i = 0; i < folded.size() && key.size() < kKeyLength; ++i) {
    const char c = folded[i];
    char code = 0;
    switch (c) {
      case 'b':
      case 'f':
      case 'p':
      case 'v':
      case 'w':
        code = '1';
        break;
      case 'c':
      case 'g':
      case 'j':
      case 'k':
      case 'q':
      case 's':
      case 'x':
      case 'z':
        code = '2';
        break;
      case 'd':
      case 't':
        code = '3';
        break;
      case 'l':
        code = '4';
        break;
      case 'm':
      case 'n':
        code = '5';
        break;
      case 'r':
        code = '6';
        break;
      default:
        break;  // vowels, h, y, digits, spaces: no sound symbol, and no separation of repeats
    }
    if (code == 0 || code == last) continue;
    key.push_back(code);
    last = code;
  }
  return key;
}

}  // namespace lien::core
