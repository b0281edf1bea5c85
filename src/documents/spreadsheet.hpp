#pragma once
// Lists as spreadsheets: `.xlsx` (libxlsxwriter) and CSV the way French Excel opens it (UTF-8 with a byte order
// mark, `;` between fields, CRLF). Both neutralise formula injection: a text cell that begins with `=`, `+`,
// `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP's advice), so "=HYPERLINK(...)" typed
// into a person's record shows as text and never runs. The apostrophe stays visible: the alternative, Excel's
// hidden "quote prefix" cell style, is not in libxlsxwriter 1.1.4 and does not exist in CSV. Dates and numbers
// are typed cells, not text, so they are not touched (a negative number stays a number).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace lien::documents {

enum class CellKind {
  kText,
  kDate,    ///< Cells hold ISO dates "yyyy-mm-dd"; written as real dates shown dd/mm/yyyy. Others are text.
  kNumber,  ///< Cells hold decimal numbers ("12", "-3.5"); written as numbers. Others are text.
};

struct SheetColumn {
  std::string heading;
  double width = 16;  ///< In characters, as Excel counts them.
  CellKind kind = CellKind::kText;
};

/// A list to write: columns and rows of UTF-8 cells (a row shorter than the columns leaves the rest empty).
struct Sheet {
  std::string name = "Liste";  ///< The sheet's tab name (at most 31 characters, none of []:*?/\).
  std::vector<SheetColumn> columns;
  std::vector<std::vector<std::string>> rows;
};

/// `cell` made safe to open in a spreadsheet: prefixed with an apostrophe when it begins with one of
/// = + - @ TAB CR; unchanged otherwise.
std::string NeutraliseFormula(std::string_view cell);

/// The sheet as an `.xlsx` file in memory: header row bold and frozen, column widths, an autofilter, dates as
/// dates. libxlsxwriter 1.1.4 writes only to files: a private temporary file is written, read back and removed.
/// Fails with `export.write_failed` (kInternal) when libxlsxwriter or the file system reports an error.
core::Result<std::string> WriteXlsx(const Sheet& sheet);

/// The sheet as CSV for French Excel: BOM, `;`, CRLF, fields quoted when they hold `;`, `"` or a line break;
/// dates written dd/mm/yyyy.
std::string WriteCsv(const Sheet& sheet);

}  // namespace lien::documents
