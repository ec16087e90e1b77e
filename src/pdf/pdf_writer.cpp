#include "pdf/pdf_writer.hpp"

#include <hpdf.h>
#include <hpdf_pages.h>

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "pdf/atomic_file.hpp"
#include "pdf/font_usage.hpp"
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

std::string write_pdf(const page::PagedDocument& doc, const PdfOptions& options) {
  if (doc.pages.empty()) {
    throw TuijieError(make_error("pdf-input", "文档没有页面（排版错误）",
                                 "the document has no pages (a layout error)"));
  }
  std::vector<FontUsage> usages = collect_font_usage(doc);

  // The fonts are declared first so that they outlive the libharu document that points to
  // them.
  std::vector<std::unique_ptr<Type0Font>> fonts;
  HaruDocument pdf;
  FontTable font_of_face;
  for (const FontUsage& usage : usages) {
    fonts.push_back(std::make_unique<Type0Font>(pdf, usage, options.compress));
    font_of_face[&usage.face()] = fonts.back().get();
  }

  if (doc.pages.size() > kPagesPerNode) {
    pdf.check(HPDF_SetPagesConfiguration(pdf.get(), kPagesPerNode), "configuring the page tree");
  }
  ImageTable images;
  std::vector<HPDF_Page> pages;
  std::vector<double> page_heights;
  pages.reserve(doc.pages.size());
  page_heights.reserve(doc.pages.size());
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const page::Page& page = doc.pages[i];
    require_page_size(page, i);
    HPDF_Page pdf_page = pdf.check(HPDF_AddPage(pdf.get()), "adding a page");
    pdf.check(HPDF_Page_SetWidth(pdf_page, static_cast<HPDF_REAL>(page.width)), "sizing a page");
    pdf.check(HPDF_Page_SetHeight(pdf_page, static_cast<HPDF_REAL>(page.height)), "sizing a page");
    PagePainter painter(pdf, pdf_page, page.height, font_of_face, images);
    for (const page::Item& item : page.items) {
      painter.paint(item);
    }
    if (options.compress) {
      compress_page_content(pdf, pdf_page);
    }
    pages.push_back(pdf_page);
    page_heights.push_back(page.height);
  }

  write_info(pdf, doc.info);
  write_outline(pdf, pages, page_heights, doc.bookmarks);
  return pdf.save();
}

void write_pdf_file(const page::PagedDocument& doc, const std::string& path,
                    const PdfOptions& options) {
  // The whole file is made in memory first, so that a failure leaves nothing on disk.
  write_file_atomically(path, write_pdf(doc, options));
}

}  // namespace tuijie::pdf
