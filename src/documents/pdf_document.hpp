#pragma once
// Printable documents (a home-visit sheet, an acknowledgement letter, the prefect's list, a right-of-access
// file) built with libharu: A4 portrait, DejaVu Sans embedded so that every French letter and the euro sign
// print, a title, headings, wrapped paragraphs, label/value blocks and tables whose header row is repeated on
// each page, and on every page a footer and "Page n / N". The result is the PDF file in memory.
//
// libharu reports errors through a callback; here the callback records the first error and every later call
// does nothing, so the builder never throws through C code and Finish() returns the failure as a Result.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace lien::documents {

struct PdfOptions {
  std::string title;               ///< The document's metadata title (also shown by PDF viewers).
  std::string footer;              ///< Printed at the bottom left of every page ("Mairie de … – confidentiel").
  std::string page_word = "Page";  ///< "Page" in "Page 2 / 5".
  std::string font_directory = "/usr/share/fonts/truetype/dejavu";  ///< Holds DejaVuSans.ttf and -Bold.ttf.
};

struct PdfColumn {
  std::string heading;
  double weight = 1;  ///< Share of the table's width, relative to the other columns.
};

class PdfDocument {
 public:
  /// Starts a document with its first page. Fails with `documents.pdf_failed` (kInternal) when the fonts
  /// cannot be loaded (fonts-dejavu-core missing) or libharu cannot start.
  static core::Result<PdfDocument> Create(PdfOptions options);

  PdfDocument(PdfDocument&& other) noexcept;
  PdfDocument& operator=(PdfDocument&& other) noexcept;
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;
  ~PdfDocument();

  void Title(std::string_view text);      ///< Large bold text, wrapped.
  void Heading(std::string_view text);    ///< Bold section heading, kept with at least a few lines after it.
  void Paragraph(std::string_view text);  ///< Wrapped body text; '\n' starts a new line.
  /// Label/value lines (labels bold in a left column, values wrapped on the right); an empty value prints "—".
  void KeyValues(const std::vector<std::pair<std::string, std::string>>& pairs);
  /// A table with a grid; cells wrap; the header row is drawn again at the top of each new page.
  void Table(const std::vector<PdfColumn>& columns, const std::vector<std::vector<std::string>>& rows);
  void Space(double points);  ///< Vertical space (in points, 1/72 inch).
  void PageBreak();

  /// Pages so far.
  int page_count() const;

  /// Writes the footers and page numbers and returns the PDF bytes. The document is spent afterwards.
  core::Result<std::string> Finish();

 private:
  struct State;
  explicit PdfDocument(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lien::documents
