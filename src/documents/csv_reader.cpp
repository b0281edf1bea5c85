#include "documents/csv_reader.hpp"

#include <algorithm>
#include <array>

namespace lien::documents {
namespace {

bool IsBlank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return f.find_first_not_of(" \t") == std::string::npos; });
}

std::string Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

void CsvReader::EndOfLine() {
  // At a CR or LF: consume CRLF as one line end.
  if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') ++position_;
  ++position_;
  ++line_;
}

bool CsvReader::ReadRecord(CsvRecord& record) {
  record.fields.clear();
  record.issue = CsvIssue::kNone;
  record.line = line_;
  record.issue_line = line_;
  const std::size_t size = text_.size();
  while (true) {
    std::string& field = record.fields.emplace_back();
    if (position_ < size && text_[position_] == '"') {
      const std::size_t quote_line = line_;
      ++position_;
      bool closed = false;
      while (position_ < size) {
        const std::size_t next = text_.find_first_of("\"\r\n", position_);
        if (next == std::string_view::npos) {
          field.append(text_.substr(position_));
          position_ = size;
          break;
        }
        field.append(text_.substr(position_, next - position_));
        position_ = next;
        const char c = text_[position_];
        if (c == '"') {
          if (position_ + 1 < size && text_[position_ + 1] == '"') {
            field.push_back('"');
            position_ += 2;
            continue;
          }
          ++position_;
          closed = true;
          break;
        }
        // A line break inside quotes belongs to the field, written as LF whatever the file used.
        field.push_back('\n');
        EndOfLine();
      }
      if (!closed) {
        record.issue = CsvIssue::kUnterminatedQuote;
        record.issue_line = quote_line;
        return true;
      }
      // Text after the closing quote and before the separator ("a"b;) is kept, as spreadsheets do.
      const std::size_t stop = text_.find_first_of(field_stops_, position_);
      const std::size_t end = stop == std::string_view::npos ? size : stop;
      field.append(text_.substr(position_, end - position_));
      position_ = end;
    } else {
      const std::size_t stop = text_.find_first_of(field_stops_, position_);
      const std::size_t end = stop == std::string_view::npos ? size : stop;
      field.assign(text_.substr(position_, end - position_));
      position_ = end;
    }
    if (position_ >= size) return true;
    const char c = text_[position_];
    if (c == separator_) {
      ++position_;
      continue;
    }
    EndOfLine();
    return true;
  }
}

bool CsvReader::Next(CsvRecord& record) {
  while (position_ < text_.size()) {
    ReadRecord(record);
    if (record.issue == CsvIssue::kUnterminatedQuote) {
      position_ = text_.size();
      return true;
    }
    if (!IsBlank(record.fields)) return true;
  }
  return false;
}

char DetectSeparator(std::string_view utf8) {
  constexpr std::array<char, 3> kCandidates = {';', '\t', ','};
  constexpr int kLinesLooked = 20;
  std::vector<std::array<int, 3>> counts;
  std::array<int, 3> current{};
  bool in_quotes = false;
  bool line_has_content = false;
  for (std::size_t i = 0; i < utf8.size() && static_cast<int>(counts.size()) < kLinesLooked; ++i) {
    const char c = utf8[i];
    if (c == '"') {
      in_quotes = !in_quotes;
      line_has_content = true;
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      if (line_has_content) counts.push_back(current);
      current = {};
      line_has_content = false;
    } else if (!in_quotes) {
      for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        if (c == kCandidates[k]) ++current[k];
      }
      if (c != ' ') line_has_content = true;
    }
  }
  if (line_has_content && static_cast<int>(counts.size()) < kLinesLooked) counts.push_back(current);
  if (counts.empty()) return ';';
  int best = -1;
  int best_agreeing = -1;
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    const int in_header = counts.front()[k];
    if (in_header == 0) continue;
    const int agreeing = static_cast<int>(std::count_if(
        counts.begin(), counts.end(), [&](const std::array<int, 3>& line) { return line[k] == in_header; }));
    if (agreeing > best_agreeing) {
      best = static_cast<int>(k);
      best_agreeing = agreeing;
    }
  }
  return best < 0 ? ';' : kCandidates[static_cast<std::size_t>(best)];
}

core::Result<CsvTable> ReadCsvTable(std::string_view utf8, std::optional<char> separator) {
  CsvTable table;
  table.separator = separator.value_or(DetectSeparator(utf8));
  CsvReader reader(utf8, table.separator);
  CsvRecord record;
  if (!reader.Next(record)) return core::Fail(core::ErrorCode::kInvalidInput, "import.empty_file");
  if (record.issue == CsvIssue::kUnterminatedQuote) {
    return core::Fail(core::ErrorCode::kInvalidInput, "import.header_unterminated_quote", {},
                      {{"line", std::to_string(record.issue_line)}});
  }
  table.header_line = record.line;
  for (const std::string& heading : record.fields) table.header.push_back(Trimmed(heading));
  while (!table.header.empty() && table.header.back().empty()) table.header.pop_back();
  const std::size_t columns = table.header.size();
  while (reader.Next(record)) {
    if (record.issue == CsvIssue::kNone) {
      while (record.fields.size() > columns && record.fields.back().empty()) record.fields.pop_back();
      if (record.fields.size() > columns) {
        record.issue = CsvIssue::kTooManyFields;
      } else if (record.fields.size() < columns) {
        record.issue = CsvIssue::kTooFewFields;
      }
    }
    table.rows.push_back(std::move(record));
    record = CsvRecord{};
  }
  return table;
}

}  // namespace lien::documents
