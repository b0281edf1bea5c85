#include "documents/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace lien::documents {
namespace {

struct IsoDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool ParseIsoDate(std::string_view text, IsoDate& date) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int value[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return false;
      value[i] = value[i] * 10 + (c - '0');
    }
  }
  if (value[0] < 1900 || value[1] < 1 || value[1] > 12 || value[2] < 1 || value[2] > 31) return false;
  date = {value[0], value[1], value[2]};
  return true;
}

bool ParseNumber(const std::string& text, double& number) {
  if (text.empty()) return false;
  char* end = nullptr;
  number = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

// A temporary file only this process can read, removed when the guard goes.
class TemporaryFile {
 public:
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lien-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TemporaryFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

core::Error WriteFailed(std::string_view reason) {
  return core::Error(core::ErrorCode::kInternal, "export.write_failed", {}, {{"reason", std::string(reason)}});
}

std::string CsvField(std::string_view cell) {
  if (cell.find_first_of(";\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace

std::string NeutraliseFormula(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r': {
        // Built by appends: `"'" + std::string(cell)` trips GCC 12's false -Wrestrict at -O2/-O3.
        std::string neutralised;
        neutralised.reserve(cell.size() + 1);
        neutralised.push_back('\'');
        neutralised.append(cell);
        return neutralised;
      }
      default:
        break;
    }
  }
  return std::string(cell);
}

core::Result<std::string> WriteXlsx(const Sheet& sheet) {
  const TemporaryFile file;
  if (file.path().empty()) return core::Fail(WriteFailed("temporary file"));
  const std::string temporary_directory = std::filesystem::temp_directory_path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go to disk as they are written: flat memory for long lists
  options.tmpdir = const_cast<char*>(temporary_directory.c_str());
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (workbook == nullptr) return core::Fail(WriteFailed("workbook_new"));
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (worksheet == nullptr) {
    workbook_close(workbook);
    return core::Fail(WriteFailed("worksheet name"));
  }
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xE7E6E6);
  format_set_bottom(bold, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* text = workbook_add_format(workbook);
  format_set_num_format(text, "@");

  lxw_error error = LXW_NO_ERROR;
  const auto keep = [&error](lxw_error result) {
    if (error == LXW_NO_ERROR) error = result;
  };
  const auto column_count = static_cast<lxw_col_t>(sheet.columns.size());
  for (lxw_col_t c = 0; c < column_count; ++c) {
    const SheetColumn& column = sheet.columns[c];
    keep(worksheet_set_column(worksheet, c, c, column.width, column.kind == CellKind::kDate ? date : nullptr));
    keep(worksheet_write_string(worksheet, 0, c, column.heading.c_str(), bold));
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  lxw_row_t row_index = 1;
  for (const auto& row : sheet.rows) {
    for (lxw_col_t c = 0; c < column_count && c < row.size(); ++c) {
      const std::string& cell = row[c];
      if (cell.empty()) continue;
      IsoDate iso;
      double number = 0;
      if (sheet.columns[c].kind == CellKind::kDate && ParseIsoDate(cell, iso)) {
        lxw_datetime value{iso.year, iso.month, iso.day, 0, 0, 0.0};
        keep(worksheet_write_datetime(worksheet, row_index, c, &value, date));
      } else if (sheet.columns[c].kind == CellKind::kNumber && ParseNumber(cell, number)) {
        keep(worksheet_write_number(worksheet, row_index, c, number, nullptr));
      } else {
        keep(worksheet_write_string(worksheet, row_index, c, NeutraliseFormula(cell).c_str(), text));
      }
    }
    ++row_index;
  }
  if (column_count > 0) keep(worksheet_autofilter(worksheet, 0, 0, row_index - 1, column_count - 1));
  const lxw_error closed = workbook_close(workbook);
  if (error != LXW_NO_ERROR) return core::Fail(WriteFailed(lxw_strerror(error)));
  if (closed != LXW_NO_ERROR) return core::Fail(WriteFailed(lxw_strerror(closed)));
  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return core::Fail(WriteFailed("read back"));
  return bytes;
}

std::string WriteCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  const auto append_row = [&out](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out.push_back(';');
      out += cells[c];
    }
    out += "\r\n";
  };
  std::vector<std::string> cells;
  for (const SheetColumn& column : sheet.columns) cells.push_back(CsvField(NeutraliseFormula(column.heading)));
  append_row(cells);
  for (const auto& row : sheet.rows) {
    cells.clear();
    for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
      const std::string empty;
      const std::string& cell = c < row.size() ? row[c] : empty;
      IsoDate iso;
      double number = 0;
      if (sheet.columns[c].kind == CellKind::kDate && ParseIsoDate(cell, iso)) {
        char text[16];
        std::snprintf(text, sizeof text, "%02d/%02d/%04d", iso.day, iso.month, iso.year);
        cells.emplace_back(text);
      } else if (sheet.columns[c].kind == CellKind::kNumber && ParseNumber(cell, number)) {
        cells.push_back(cell);
      } else {
        cells.push_back(CsvField(NeutraliseFormula(cell)));
      }
    }
    append_row(cells);
  }
  return out;
}

}  // namespace lien::documents
