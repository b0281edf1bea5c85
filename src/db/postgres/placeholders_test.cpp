#include "db/postgres/placeholders.hpp"

#include <gtest/gtest.h>

namespace lien::db {
namespace {

struct Case {
  const char* sql;
  const char* expected;
  int count;
};

TEST(RewritePlaceholders, NumbersEachPlaceholderOutsideLiteralsAndComments) {
  const Case cases[] = {
      {"SELECT 1", "SELECT 1", 0},
      {"SELECT ?", "SELECT $1", 1},
      {"INSERT INTO t (a, b, c) VALUES (?,?,?)", "INSERT INTO t (a, b, c) VALUES ($1,$2,$3)", 3},
      {"SELECT '?' , ?", "SELECT '?' , $1", 1},
      {"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1},
      {"SELECT '', ?", "SELECT '', $1", 1},
      {"SELECT \"odd?name\" FROM t WHERE a = ?", "SELECT \"odd?name\" FROM t WHERE a = $1", 1},
      {"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
      {"SELECT /* ? */ ?", "SELECT /* ? */ $1", 1},
      {"SELECT 1 - ?", "SELECT 1 - $1", 1},
      {"SELECT ?,?,?,?,?,?,?,?,?,?", "SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10", 10},
  };
  for (const Case& c : cases) {
    const RewrittenSql out = RewritePlaceholders(c.sql);
    EXPECT_EQ(out.sql, c.expected) << c.sql;
    EXPECT_EQ(out.parameter_count, c.count) << c.sql;
  }
}

}  // namespace
}  // namespace lien::db
