#include "db/postgres/postgres_values.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace lien::db::postgres {
namespace {

// Type OIDs from pg_type (stable across releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

Value DecodeBytea(std::string_view text) {
  // bytea_output = hex (the default since 9.0, set on each connection): "\x" then two digits a byte.
  if (!text.starts_with("\\x") || text.size() % 2 != 0) {
    throw DatabaseError(FailureKind::kOther, "unexpected bytea text from PostgreSQL");
  }
  Blob blob;
  blob.bytes.reserve((text.size() - 2) / 2);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    const int high = HexDigit(text[i]);
    const int low = HexDigit(text[i + 1]);
    if (high < 0 || low < 0) {
      throw DatabaseError(FailureKind::kOther, "bad hex digit in bytea from PostgreSQL");
    }
    blob.bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
  }
  return blob;
}

Value Decode(Oid type, std::string_view text) {
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t value = 0;
      std::from_chars(text.data(), text.data() + text.size(), value);
      return value;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      // strtod reads "NaN", "Infinity" and "-Infinity" as PostgreSQL writes them; text is NUL-terminated.
      return std::strtod(text.data(), nullptr);
    case kBoolOid:
      return std::int64_t{text == "t" ? 1 : 0};
    case kByteaOid:
      return DecodeBytea(text);
    default:
      return std::string(text);
  }
}

}  // namespace

Oid TypeOf(const Value& value) {
  switch (value.index()) {
    case 1:
      return kInt8Oid;
    case 2:
      return kFloat8Oid;
    case 4:
      return kByteaOid;
    default:
      return 0;
  }
}

BoundParams::BoundParams(const std::vector<Value>& params)
    : texts(params.size()), pointers(params.size(), nullptr), lengths(params.size(), 0), formats(params.size(), 0) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& value = params[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      texts[i] = std::to_string(*integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      char buffer[32];
      const auto written = std::to_chars(buffer, buffer + sizeof buffer, *real);
      texts[i].assign(buffer, written.ptr);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      pointers[i] = text->c_str();
      continue;
    } else if (const auto* blob = std::get_if<Blob>(&value)) {
      // Binary format: the bytes as they are; a non-null pointer even for zero bytes (null would be NULL).
      static constexpr char kEmpty = 0;
      pointers[i] = blob->bytes.empty() ? &kEmpty : reinterpret_cast<const char*>(blob->bytes.data());
      lengths[i] = static_cast<int>(blob->bytes.size());
      formats[i] = 1;
      continue;
    } else {
      continue;  // NULL: a null pointer.
    }
    pointers[i] = texts[i].c_str();
  }
}

QueryResult ToQueryResult(const PGresult* result) {
  QueryResult out;
  const int rows = PQntuples(result);
  const int columns = PQnfields(result);
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result, r, c)) {
        values.emplace_back(std::monostate{});
      } else {
        const std::string_view text(PQgetvalue(result, r, c), static_cast<std::size_t>(PQgetlength(result, r, c)));
        values.push_back(Decode(PQftype(result, c), text));
      }
    }
    out.rows.emplace_back(std::move(values));
  }
  const char* affected = PQcmdTuples(const_cast<PGresult*>(result));
  if (affected != nullptr && *affected != '\0') {
    out.affected_rows = std::strtoll(affected, nullptr, 10);
  }
  return out;
}

}  // namespace lien::db::postgres
