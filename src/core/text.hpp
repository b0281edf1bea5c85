#pragma once
// Text for comparing names: folding (case, accents, ligatures, punctuation), name particles, string
// similarity and a French phonetic key. Used by search and by the duplicate finder (register/duplicates).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lien::core {

/// The form names are compared in: lower-case ASCII, accents removed, ligatures and other letters spelled
/// out (Æ → ae, Œ → oe, ß → ss, Ø → o), other scripts transliterated to Latin (ICU "Any-Latin; Latin-ASCII"),
/// every run of anything but letters and digits (spaces, hyphens, apostrophes, dots) turned into one space,
/// trimmed. "  Le Fèvre-D’Argent " → "le fevre d argent". Invalid UTF-8 bytes are dropped.
/// Thread-safe: each thread keeps its own ICU transliterator; pure ASCII input never reaches ICU.
/// Throws std::runtime_error only if ICU's data is missing (a broken installation).
std::string FoldForSearch(std::string_view utf8);

/// FoldForSearch without the spaces: "Le Fèvre", "LEFEVRE" and "Lefèvre" all give "lefevre".
std::string FoldCompact(std::string_view utf8);

/// The space-separated words of FoldForSearch: "Jean-Pierre" → {"jean", "pierre"}.
std::vector<std::string> NameTokens(std::string_view utf8);

/// True for a folded word that is a name particle (de, du, des, d, le, la, les, l, and the van/von/di/da/dos
/// family of names from neighbouring countries).
bool IsNameParticle(std::string_view folded_token);

/// FoldCompact without its particles: "de la Fontaine" → "fontaine", "D'Almeida" → "almeida",
/// "Le Fèvre" → "fevre". A name made only of particles ("Le", "Dos") is kept whole.
std::string FoldCompactWithoutParticles(std::string_view utf8);

/// Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
/// transpositions of adjacent characters, each costing 1) between byte strings, meant for folded text.
/// Stops counting past `limit`: the result is then any value above `limit`.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit = 1000);

/// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters), on byte strings.
double JaroWinkler(std::string_view a, std::string_view b);

/// A short sound key of a folded name for grouping spellings that sound alike (a Soundex adapted to French
/// spelling: b p f v w / c g j k q s x z / d t / l / m n / r grouped, so ph and f, qu and k fall together;
/// vowels and h skipped, repeats merged even across vowels, at most 4 symbols). "lefevre", "lefebvre", "lefeuvre" and
/// "lefvre" share one key.
std::string PhoneticKey(std::string_view folded);

}  // namespace lien::core
