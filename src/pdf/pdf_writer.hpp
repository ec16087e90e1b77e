// The PDF writer: turns a laid-out document into PDF bytes. The only stage that knows about
// libharu; it neither shapes nor measures text (glyph ids and positions come from layout).
//
// Every font a document uses is embedded as a subset of exactly the glyphs it shows, with a
// ToUnicode map so that text copies out as the right Unicode. The same input always gives the
// same bytes. Two threads may write two documents at once: nothing here is shared between
// calls except the read-only font data.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "page/page_model.hpp"

namespace tuijie::pdf {

struct PdfOptions {
  /// Flate-compress content streams, font programs and ToUnicode maps. Off only to read the
  /// raw PDF while debugging.
  bool compress = true;
  /// Keep the pages' contents in a temporary file until the document is saved (PdfBuilder,
  /// for a packet of thousands of pages), not in memory.
  bool spill_contents = false;
};

/// A PDF made page by page: each page is painted and its content compressed when it is
/// added, so that the caller can drop its page model at once (a packet of thousands of pages
/// then holds only the compressed contents). Fonts are subset once, by finish(), to the glyphs
/// all pages showed. The bytes are those write_pdf gives for the same pages and bookmarks.
class PdfBuilder {
 public:
  explicit PdfBuilder(const PdfOptions& options = {});
  ~PdfBuilder();
  PdfBuilder(const PdfBuilder&) = delete;
  PdfBuilder& operator=(const PdfBuilder&) = delete;

  /// Paints `pages` after those added so far. Throws as write_pdf does.
  void add_pages(const std::vector<page::Page>& pages);
  /// A bookmark; its page counts from the first page added to this builder.
  void add_bookmark(const page::Bookmark& bookmark);
  std::size_t pages() const;
  /// The finished file. The builder cannot be used afterwards.
  std::string finish(const page::DocumentInfo& info);
  /// The finished file, written to the open file descriptor `fd`; false (errno set) when a
  /// write failed. All the builder holds is freed before it returns.
  bool finish(const page::DocumentInfo& info, int fd);

 private:
  void finish(const page::DocumentInfo& info,
              const std::function<bool(const char*, std::size_t)>& sink);

  struct State;
  std::unique_ptr<State> state_;
};

/// The PDF file as bytes. Throws TuijieError (code "pdf-input" for a document the layout
/// should never have produced, "pdf-write" when libharu fails) with a Chinese and English
/// reason.
std::string write_pdf(const page::PagedDocument& doc, const PdfOptions& options = {});

/// Writes the PDF to `path` through a temporary file in the same folder that is renamed over
/// `path` once complete, so that a reader never sees a partial file and a failure leaves
/// neither the temporary file nor a partial `path` behind. Throws TuijieError (code
/// "pdf-file" naming the path when the folder cannot be written).
void write_pdf_file(const page::PagedDocument& doc, const std::string& path,
                    const PdfOptions& options = {});

}  // namespace tuijie::pdf
