#pragma once
// Turns the `?` placeholders stores write into PostgreSQL's $1, $2... (kept apart so it is tested alone).

#include <string>
#include <string_view>

namespace lien::db {

struct RewrittenSql {
  std::string sql;          ///< The text with $1..$n in place of each `?`.
  int parameter_count = 0;  ///< n.
};

/// Replaces each `?` by $1..$n in order, leaving alone a `?` inside a 'string literal' (with '' escapes),
/// a "quoted identifier", a -- line comment or a /* block comment */. Dollar-quoted bodies are not parsed:
/// stores do not send them through Execute.
RewrittenSql RewritePlaceholders(std::string_view sql);

}  // namespace lien::db
