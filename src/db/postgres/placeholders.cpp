#include "db/postgres/placeholders.hpp"

namespace lien::db {

RewrittenSql RewritePlaceholders(std::string_view sql) {
  RewrittenSql out;
  out.sql.reserve(sql.size() + 8);
  enum class State { kCode, kString, kIdentifier, kLineComment, kBlockComment } state = State::kCode;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    switch (state) {
      case State::kCode:
        if (c == '?') {
          out.sql += '$';
          out.sql += std::to_string(++out.parameter_count);
          continue;
        }
        if (c == '\'') {
          state = State::kString;
        }
        if (c == '"') {
          state = State::kIdentifier;
        }
        if (c == '-' && next == '-') {
          state = State::kLineComment;
        }
        if (c == '/' && next == '*') {
          state = State::kBlockComment;
          out.sql += c;
          out.sql += next;
          ++i;
          continue;
        }
        break;
      case State::kString:  // A doubled '' closes and reopens at once: the net state is still kString.
        if (c == '\'') {
          state = State::kCode;
        }
        break;
      case State::kIdentifier:
        if (c == '"') {
          state = State::kCode;
        }
        break;
      case State::kLineComment:
        if (c == '\n') {
          state = State::kCode;
        }
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state = State::kCode;
          out.sql += c;
          out.sql += next;
          ++i;
          continue;
        }
        break;
    }
    out.sql += c;
  }
  return out;
}

}  // namespace lien::db
