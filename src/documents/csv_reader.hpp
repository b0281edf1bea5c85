#pragma once
// A CSV reader for spreadsheets saved by Excel or LibreOffice (RFC 4180 plus what real files do): separator
// `;`, `,` or tab, fields in double quotes with doubled quotes inside and line breaks inside, CRLF, LF or CR
// line ends. Input is UTF-8 (see text_encoding.hpp). Nothing is dropped silently: each record keeps the physical
// line it starts on, and a record with too many or too few fields, or an unterminated quote, carries its issue
// for the caller to report. Blank lines (and lines of separators only, which Excel writes for empty rows) are
// skipped (as are lines of spaces), the line numbers of what follows stay right.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace lien::documents {

enum class CsvIssue {
  kNone,
  kUnterminatedQuote,  ///< A quoted field opens and the file ends before it closes: the rest of the file is in it.
  kTooManyFields,      ///< More non-empty fields than the header has columns.
  kTooFewFields,       ///< Fewer fields than the header has columns.
};

struct CsvRecord {
  std::size_t line = 0;  ///< Physical line (1-based) the record starts on.
  std::vector<std::string> fields;
  CsvIssue issue = CsvIssue::kNone;
  std::size_t issue_line = 0;  ///< Where the issue is: the line of the opening quote, or `line`.
};

/// Reads records one by one from a view of the whole text (the text must outlive the reader). Linear time;
/// a field is copied once. Checks no field counts: that is ReadCsvTable's work.
class CsvReader {
 public:
  CsvReader(std::string_view utf8, char separator)
      : text_(utf8), separator_(separator), field_stops_{separator, '\r', '\n'} {}

  /// Fills `record` with the next record that is not blank and returns true, or returns false at the end.
  /// After an unterminated quote the reader is at the end.
  bool Next(CsvRecord& record);

 private:
  bool ReadRecord(CsvRecord& record);
  void EndOfLine();

  std::string_view text_;
  char separator_;
  std::string field_stops_;  ///< What ends an unquoted field.
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

/// The separator of a CSV text among `;`, tab and `,`: the one whose count per line (outside quotes) is the same
/// on the most of the first lines, the header having at least one; ties go to `;` (French Excel), then tab.
/// A text with none of them (one column) gives `;`.
char DetectSeparator(std::string_view utf8);

struct CsvTable {
  char separator = ';';
  std::size_t header_line = 0;
  std::vector<std::string> header;  ///< Headings as written, trimmed; trailing empty headings removed.
  std::vector<CsvRecord> rows;      ///< Every record after the header, with its issue; extra empty fields trimmed.
};

/// Reads a whole CSV text: the first non-blank record is the header. `separator` forces one (otherwise
/// detected). Fails with `import.empty_file` when there is no header, `import.header_unterminated_quote` when
/// the header itself never closes a quote.
core::Result<CsvTable> ReadCsvTable(std::string_view utf8, std::optional<char> separator = std::nullopt);

}  // namespace lien::documents
