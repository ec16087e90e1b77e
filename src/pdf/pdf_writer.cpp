#include "pdf/pdf_writer.hpp"

#include <hpdf.h>
#include <hpdf_pages.h>

#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/metadata.hpp"
#include "pdf/page_painter.hpp"
#include "pdf/type0_font.hpp"

namespace tuijie::pdf {
namespace {

// Pages per node of the page tree once a document has more than this many pages.
constexpr HPDF_UINT kPagesPerNode = 1024;

void require_page_size(const page::Page& page, size_t index) {
  auto in_range = [](double v) { return v >= HPDF_MIN_PAGE_SIZE && v <= HPDF_MAX_PAGE_SIZE; };
  if (!in_range(page.width) || !in_range(page.height)) {
    std::string number = std::to_string(index + 1);
    throw TuijieError(
        make_error("pdf-input", "第 " + number + " 页的尺寸超出 PDF 允许的 3–14400 pt",
                   "page " + number + " has a size outside the 3–14400 pt a PDF allows"));
  }
}

// The operators libharu wrote for a finished page, replaced by their deflated form.
void compress_page_content(HaruDocument& doc, HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  doc.set_stream_data(attr->contents, HaruDocument::stream_data(attr->contents), true);
  attr->stream = attr->contents->stream;  // the page's drawing stream was the old one
}

}  // namespace

struct PdfBuilder::State {
  explicit State(const PdfOptions& options) : options(options) {
    // A page tree of nodes of kPagesPerNode pages once there are more than that many (a
    // document of fewer pages gets the same single node as without).
    pdf.check(HPDF_SetPagesConfiguration(pdf.get(), kPagesPerNode), "configuring the page tree");
    if (options.spill_contents)
      pdf.spill_streams();
  }

  PdfOptions options;
  // The fonts are declared first so that they outlive the libharu document that points to
  // them. One per face, in the order of their first glyph run.
  std::vector<std::unique_ptr<Type0Font>> fonts;
  HaruDocument pdf;
  FontTable font_of_face;
  ImageTable images;
  std::vector<HPDF_Page> pages;
  std::vector<double> page_heights;
  std::vector<page::Bookmark> bookmarks;
  bool finished = false;

  // The font of every face `page` shows, made at the face's first run.
  void add_fonts(const page::Page& page) {
    for (const page::Item& item : page.items) {
      const auto* run = std::get_if<page::GlyphRun>(&item);
      if (!run || run->glyphs.empty() || !run->face || font_of_face.count(run->face))
        continue;
      fonts.push_back(std::make_unique<Type0Font>(pdf, *run->face, options.compress));
      font_of_face[run->face] = fonts.back().get();
    }
  }
};

PdfBuilder::PdfBuilder(const PdfOptions& options) : state_(std::make_unique<State>(options)) {}

PdfBuilder::~PdfBuilder() = default;

void PdfBuilder::add_pages(const std::vector<page::Page>& pages) {
  State& s = *state_;
  for (const page::Page& page : pages) {
    require_page_size(page, s.pages.size());
    s.add_fonts(page);
    HPDF_Page pdf_page = s.pdf.check(HPDF_AddPage(s.pdf.get()), "adding a page");
    s.pdf.check(HPDF_Page_SetWidth(pdf_page, static_cast<HPDF_REAL>(page.width)), "sizing a page");
    s.pdf.check(HPDF_Page_SetHeight(pdf_page, static_cast<HPDF_REAL>(page.height)),
                "sizing a page");
    PagePainter painter(s.pdf, pdf_page, page.height, s.font_of_face, s.images);
    for (const page::Item& item : page.items) {
      painter.paint(item);
    }
    if (s.options.compress) {
      compress_page_content(s.pdf, pdf_page);
    }
    s.pages.push_back(pdf_page);
    s.page_heights.push_back(page.height);
  }
}

void PdfBuilder::add_bookmark(const page::Bookmark& bookmark) {
  state_->bookmarks.push_back(bookmark);
}

std::size_t PdfBuilder::pages() const {
  return state_->pages.size();
}

std::string PdfBuilder::finish(const page::DocumentInfo& info) {
  std::string out;
  finish(info, [&out](const char* data, std::size_t size) {
    out.append(data, size);
    return true;
  });
  return out;
}

bool PdfBuilder::finish(const page::DocumentInfo& info, int fd) {
  bool ok = true;
  finish(info, [fd, &ok](const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t written = ::write(fd, data, size);
      if (written < 0) {
        if (errno == EINTR)
          continue;
        ok = false;
        return false;
      }
      data += written;
      size -= static_cast<std::size_t>(written);
    }
    return true;
  });
  return ok;
}

void PdfBuilder::finish(const page::DocumentInfo& info,
                        const std::function<bool(const char*, std::size_t)>& sink) {
  State& s = *state_;
  if (s.pages.empty()) {
    throw TuijieError(make_error("pdf-input", "文档没有页面（排版错误）",
                                 "the document has no pages (a layout error)"));
  }
  for (const auto& font : s.fonts)
    font->finish();
  write_info(s.pdf, info);
  write_outline(s.pdf, s.pages, s.page_heights, s.bookmarks);
  try {
    s.pdf.save(sink);
  } catch (...) {
    state_.reset();
    throw;
  }
  state_.reset();  // the pages' contents and libharu's objects: what a packet is made of
}

std::string write_pdf(const page::PagedDocument& doc, const PdfOptions& options) {
  if (doc.pages.empty()) {
    throw TuijieError(make_error("pdf-input", "文档没有页面（排版错误）",
                                 "the document has no pages (a layout error)"));
  }
  PdfBuilder builder(options);
  builder.add_pages(doc.pages);
  for (const page::Bookmark& bookmark : doc.bookmarks)
    builder.add_bookmark(bookmark);
  return builder.finish(doc.info);
}

void write_pdf_file(const page::PagedDocument& doc, const std::string& path,
                    const PdfOptions& options) {
  // The whole file is made in memory first, so that a failure leaves nothing on disk.
  write_file_atomically(path, write_pdf(doc, options));
}

}  // namespace tuijie::pdf
