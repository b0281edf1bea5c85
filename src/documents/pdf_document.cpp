#include "documents/pdf_document.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "documents/text_encoding.hpp"

namespace lien::documents {
namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kTop = kPageHeight - kMargin;
constexpr double kBottom = 64;  // the footer lives below
constexpr double kFooterY = 32;
constexpr double kUsableWidth = kPageWidth - 2 * kMargin;
constexpr double kBodySize = 10.5;
constexpr double kTableSize = 9;
constexpr double kLeading = 1.3;  // line height as a multiple of the font size
constexpr double kCellPadding = 3;

// What libharu's error callback saw first; later errors are consequences of it.
struct HaruErrors {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};

void HPDF_STDCALL OnHaruError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* errors = static_cast<HaruErrors*>(user_data);
  if (errors->error == HPDF_OK) {
    errors->error = error;
    errors->detail = detail;
  }
}

// Text as libharu can take it: valid UTF-8 (anything else was read as Windows-1252), tabs as spaces, and no
// other control characters (they have no glyph).
std::string Printable(std::string_view text) {
  std::string utf8 = IsValidUtf8(text) ? std::string(text) : DecodeToUtf8(text).utf8;
  std::string out;
  out.reserve(utf8.size());
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\t') {
      out.push_back(' ');
    } else if (byte >= 0x20 || c == '\n') {
      out.push_back(c);
    }
  }
  return out;
}

std::size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

struct PdfDocument::State {
  PdfOptions options;
  HPDF_Doc doc = nullptr;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  double y = kTop;
  HaruErrors errors;

  State() = default;
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() {
    if (doc != nullptr) HPDF_Free(doc);
  }

  bool failed() const { return errors.error != HPDF_OK; }
  HPDF_Page page() const { return pages.back(); }

  void NewPage() {
    if (failed()) return;
    HPDF_Page page = HPDF_AddPage(doc);
    if (failed() || page == nullptr) return;
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(page);
    y = kTop;
  }

  // Starts a new page when `height` does not fit below the cursor.
  void Reserve(double height) {
    if (y - height < kBottom && y < kTop) NewPage();
  }

  double Width(HPDF_Font font, double size, std::string_view text) const {
    if (text.empty()) return 0;
    const HPDF_TextWidth width =
        HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    return static_cast<double>(width.width) * size / 1000.0;
  }

  // Greedy word wrap of UTF-8 text into lines no wider than `width`; words longer than a line are cut between
  // characters. '\n' forces a line break; an empty text gives one empty line.
  std::vector<std::string> Wrap(HPDF_Font font, double size, std::string_view text, double width) const {
    std::vector<std::string> lines;
    const std::string printable = Printable(text);
    std::string_view rest = printable;
    while (true) {
      const std::size_t newline = rest.find('\n');
      const std::string_view paragraph = rest.substr(0, newline);
      std::string line;
      std::size_t start = 0;
      while (start <= paragraph.size()) {
        std::size_t end = paragraph.find(' ', start);
        if (end == std::string_view::npos) end = paragraph.size();
        std::string_view word = paragraph.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (Width(font, size, candidate) <= width) {
          line = std::move(candidate);
          continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        // The word alone: cut it between characters while it is too wide.
        while (Width(font, size, word) > width) {
          std::size_t cut = 0;
          while (cut < word.size()) {
            const std::size_t next = cut + Utf8Length(static_cast<unsigned char>(word[cut]));
            if (Width(font, size, word.substr(0, next)) > width) break;
            cut = next;
          }
          if (cut == 0) cut = Utf8Length(static_cast<unsigned char>(word[0]));
          lines.emplace_back(word.substr(0, cut));
          word.remove_prefix(std::min(cut, word.size()));
        }
        line = std::string(word);
      }
      lines.push_back(std::move(line));
      if (newline == std::string_view::npos) break;
      rest.remove_prefix(newline + 1);
    }
    return lines;
  }

  void Text(HPDF_Page target, HPDF_Font font, double size, double x, double baseline, std::string_view text) {
    if (failed() || text.empty()) return;
    const std::string line(text);
    HPDF_Page_BeginText(target);
    HPDF_Page_SetFontAndSize(target, font, static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(target, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), line.c_str());
    HPDF_Page_EndText(target);
  }

  // Wrapped lines at the cursor, breaking pages between lines.
  void Lines(HPDF_Font font, double size, std::string_view text, double indent = 0) {
    for (const std::string& line : Wrap(font, size, text, kUsableWidth - indent)) {
      Reserve(size * kLeading);
      if (failed()) return;
      y -= size * kLeading;
      Text(page(), font, size, kMargin + indent, y + size * 0.25, line);
    }
  }

  std::vector<double> ColumnWidths(const std::vector<PdfColumn>& columns) const {
    double total = 0;
    for (const PdfColumn& column : columns) total += std::max(column.weight, 0.01);
    std::vector<double> widths;
    for (const PdfColumn& column : columns) widths.push_back(kUsableWidth * std::max(column.weight, 0.01) / total);
    return widths;
  }

  // One table row at the cursor: the cells' wrapped lines, a grid, a grey background for the header.
  void Row(const std::vector<double>& widths, const std::vector<std::vector<std::string>>& cells, HPDF_Font font,
           bool header) {
    std::size_t line_count = 1;
    for (const auto& cell : cells) line_count = std::max(line_count, cell.size());
    const double line_height = kTableSize * kLeading;
    const double height = static_cast<double>(line_count) * line_height + 2 * kCellPadding;
    HPDF_Page target = page();
    double x = kMargin;
    if (header) {
      HPDF_Page_SetRGBFill(target, 0.9f, 0.9f, 0.9f);
      HPDF_Page_Rectangle(target, static_cast<HPDF_REAL>(kMargin), static_cast<HPDF_REAL>(y - height),
                          static_cast<HPDF_REAL>(kUsableWidth), static_cast<HPDF_REAL>(height));
      HPDF_Page_Fill(target);
      HPDF_Page_SetRGBFill(target, 0, 0, 0);
    }
    HPDF_Page_SetLineWidth(target, 0.5f);
    for (std::size_t c = 0; c < widths.size(); ++c) {
      HPDF_Page_Rectangle(target, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y - height),
                          static_cast<HPDF_REAL>(widths[c]), static_cast<HPDF_REAL>(height));
      HPDF_Page_Stroke(target);
      if (c < cells.size()) {
        double baseline = y - kCellPadding - line_height + kTableSize * 0.3;
        for (const std::string& line : cells[c]) {
          Text(target, font, kTableSize, x + kCellPadding, baseline, line);
          baseline -= line_height;
        }
      }
      x += widths[c];
    }
    y -= height;
  }

  std::vector<std::vector<std::string>> WrapCells(const std::vector<double>& widths,
                                                  const std::vector<std::string>& row, HPDF_Font font) const {
    // A row taller than a page is cut to what a page holds.
    const auto max_lines = static_cast<std::size_t>((kTop - kBottom - 60) / (kTableSize * kLeading));
    std::vector<std::vector<std::string>> cells;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      auto lines = Wrap(font, kTableSize, c < row.size() ? std::string_view(row[c]) : std::string_view(),
                        widths[c] - 2 * kCellPadding);
      if (lines.size() > max_lines) lines.resize(max_lines);
      cells.push_back(std::move(lines));
    }
    return cells;
  }

  static double RowHeight(const std::vector<std::vector<std::string>>& cells) {
    std::size_t line_count = 1;
    for (const auto& cell : cells) line_count = std::max(line_count, cell.size());
    return static_cast<double>(line_count) * kTableSize * kLeading + 2 * kCellPadding;
  }
};

namespace {

core::Error PdfFailed(std::string reason) {
  return core::Error(core::ErrorCode::kInternal, "documents.pdf_failed", {}, {{"reason", std::move(reason)}});
}

core::Error HaruFailed(HPDF_STATUS error, HPDF_STATUS detail) {
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  return PdfFailed(text);
}

}  // namespace

core::Result<PdfDocument> PdfDocument::Create(PdfOptions options) {
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  const std::filesystem::path directory = state->options.font_directory;
  const std::string regular_path = (directory / "DejaVuSans.ttf").string();
  const std::string bold_path = (directory / "DejaVuSans-Bold.ttf").string();
  for (const std::string& path : {regular_path, bold_path}) {
    if (!std::filesystem::exists(path)) return core::Fail(PdfFailed("font missing: " + path));
  }
  state->doc = HPDF_New(OnHaruError, &state->errors);
  if (state->doc == nullptr) return core::Fail(PdfFailed("HPDF_New"));
  HPDF_SetCompressionMode(state->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(state->doc);
  HPDF_SetCurrentEncoder(state->doc, "UTF-8");
  const char* regular_name = HPDF_LoadTTFontFromFile(state->doc, regular_path.c_str(), HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(state->doc, bold_path.c_str(), HPDF_TRUE);
  if (!state->failed() && regular_name != nullptr && bold_name != nullptr) {
    state->regular = HPDF_GetFont(state->doc, regular_name, "UTF-8");
    state->bold = HPDF_GetFont(state->doc, bold_name, "UTF-8");
  }
  if (!state->options.title.empty()) {
    HPDF_SetInfoAttr(state->doc, HPDF_INFO_TITLE, Printable(state->options.title).c_str());
  }
  HPDF_SetInfoAttr(state->doc, HPDF_INFO_CREATOR, "Lien");
  state->NewPage();
  if (state->failed()) return core::Fail(HaruFailed(state->errors.error, state->errors.detail));
  if (state->regular == nullptr || state->bold == nullptr) return core::Fail(PdfFailed("fonts"));
  return PdfDocument(std::move(state));
}

PdfDocument::PdfDocument(std::unique_ptr<State> state) : state_(std::move(state)) {}
PdfDocument::PdfDocument(PdfDocument&& other) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&& other) noexcept = default;
PdfDocument::~PdfDocument() = default;

int PdfDocument::page_count() const { return state_ ? static_cast<int>(state_->pages.size()) : 0; }

void PdfDocument::Title(std::string_view text) {
  if (!state_ || state_->failed()) return;
  state_->Lines(state_->bold, 16, text);
  state_->y -= 8;
}

void PdfDocument::Heading(std::string_view text) {
  if (!state_ || state_->failed()) return;
  state_->y -= 6;
  state_->Reserve(12 * kLeading + 3 * kBodySize * kLeading);
  state_->Lines(state_->bold, 12, text);
  state_->y -= 2;
}

void PdfDocument::Paragraph(std::string_view text) {
  if (!state_ || state_->failed()) return;
  state_->Lines(state_->regular, kBodySize, text);
  state_->y -= kBodySize * 0.5;
}

void PdfDocument::KeyValues(const std::vector<std::pair<std::string, std::string>>& pairs) {
  if (!state_ || state_->failed()) return;
  State& s = *state_;
  const double label_width = kUsableWidth * 0.32;
  const double gap = 8;
  const double line_height = kBodySize * kLeading;
  for (const auto& [label, value] : pairs) {
    const auto label_lines = s.Wrap(s.bold, kBodySize, label, label_width - gap);
    const auto value_lines = s.Wrap(s.regular, kBodySize, value.empty() ? "—" : value, kUsableWidth - label_width);
    const std::size_t count = std::max(label_lines.size(), value_lines.size());
    // Pairs shorter than a page are kept together on one page.
    if (static_cast<double>(count) * line_height < kTop - kBottom) s.Reserve(static_cast<double>(count) * line_height);
    for (std::size_t i = 0; i < count && !s.failed(); ++i) {
      s.Reserve(line_height);
      s.y -= line_height;
      const double baseline = s.y + kBodySize * 0.25;
      if (i < label_lines.size()) s.Text(s.page(), s.bold, kBodySize, kMargin, baseline, label_lines[i]);
      if (i < value_lines.size()) {
        s.Text(s.page(), s.regular, kBodySize, kMargin + label_width, baseline, value_lines[i]);
      }
    }
  }
  s.y -= kBodySize * 0.5;
}

void PdfDocument::Table(const std::vector<PdfColumn>& columns, const std::vector<std::vector<std::string>>& rows) {
  if (!state_ || state_->failed() || columns.empty()) return;
  State& s = *state_;
  const std::vector<double> widths = s.ColumnWidths(columns);
  std::vector<std::string> headings;
  for (const PdfColumn& column : columns) headings.push_back(column.heading);
  const auto header = s.WrapCells(widths, headings, s.bold);
  const double header_height = State::RowHeight(header);
  bool header_drawn = false;
  for (const auto& row : rows) {
    if (s.failed()) return;
    const auto cells = s.WrapCells(widths, row, s.regular);
    const double height = State::RowHeight(cells);
    if (!header_drawn || s.y - height < kBottom) {
      if (s.y - header_height - height < kBottom) s.NewPage();
      s.Row(widths, header, s.bold, true);
      header_drawn = true;
    }
    s.Row(widths, cells, s.regular, false);
  }
  if (!header_drawn) {
    s.Reserve(header_height);
    s.Row(widths, header, s.bold, true);
  }
  s.y -= kBodySize;
}

void PdfDocument::Space(double points) {
  if (!state_ || state_->failed()) return;
  state_->y -= points;
  if (state_->y < kBottom) state_->NewPage();
}

void PdfDocument::PageBreak() {
  if (!state_ || state_->failed()) return;
  state_->NewPage();
}

core::Result<std::string> PdfDocument::Finish() {
  if (!state_) return core::Fail(PdfFailed("document already finished"));
  const std::unique_ptr<State> state = std::move(state_);
  State& s = *state;
  const std::string footer = Printable(s.options.footer);
  const auto total = s.pages.size();
  for (std::size_t i = 0; i < total && !s.failed(); ++i) {
    HPDF_Page page = s.pages[i];
    HPDF_Page_SetRGBFill(page, 0.35f, 0.35f, 0.35f);
    const std::string number =
        Printable(s.options.page_word) + " " + std::to_string(i + 1) + " / " + std::to_string(total);
    const double number_width = s.Width(s.regular, 8, number);
    const auto footer_lines = s.Wrap(s.regular, 8, footer, kUsableWidth - number_width - 20);
    if (!footer.empty() && !footer_lines.empty()) s.Text(page, s.regular, 8, kMargin, kFooterY, footer_lines.front());
    s.Text(page, s.regular, 8, kPageWidth - kMargin - number_width, kFooterY, number);
  }
  if (s.failed()) return core::Fail(HaruFailed(s.errors.error, s.errors.detail));
  if (HPDF_SaveToStream(s.doc) != HPDF_OK || s.failed()) return core::Fail(HaruFailed(s.errors.error, s.errors.detail));
  HPDF_UINT32 size = HPDF_GetStreamSize(s.doc);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  const HPDF_STATUS status = HPDF_ReadFromStream(s.doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read);
  if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || read != size) {
    return core::Fail(HaruFailed(status, read));
  }
  return bytes;
}

}  // namespace lien::documents
