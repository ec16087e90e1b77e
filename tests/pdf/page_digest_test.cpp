// The page digest (pdf/page_digest.hpp): the same for a file read in passes as in one, for a
// file saved again by another tool, and for pages whose attributes the page tree holds.
#define POINTERHOLDER_TRANSITION 4
#include "pdf/page_digest.hpp"

#include <catch2/catch.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <fstream>
#include <string>

#include "pdf/pdf_writer.hpp"
#include "pdf_tools.hpp"
#include "sample_documents.hpp"

namespace fs = std::filesystem;
namespace t = tuijie::testing;
using namespace tuijie;

namespace {

// `pages` pages, each with its own number in text and a ruled box, all from one builder.
std::string numbered_pages(int pages) {
  page::PagedDocument doc;
  const auto chain = t::test_fonts().chain();
  for (int i = 0; i < pages; ++i) {
    page::Page& page = doc.pages.emplace_back();
    t::add_text(page, chain,
                U"第" + std::u32string(1, U'0' + static_cast<char32_t>(i % 10)) + U"页", 72, 72,
                12);
    page::Rect box;
    box.x = 60;
    box.y = 60;
    box.w = 100.0 + i % 7;
    box.h = 30;
    page.items.push_back(box);
  }
  return pdf::write_pdf(doc);
}

std::string write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

}  // namespace

TEST_CASE("a file read in passes of pages has the digest it has in one piece") {
  const std::string dir = t::fresh_test_dir("page-digest-passes");
  // More pages than one pass reads (1,000), in more than one page tree node (1,024).
  const std::string bytes = numbered_pages(2345);
  const std::string file = write_file(fs::path(dir) / "many.pdf", bytes);
  const pdf::PageDigest whole = pdf::page_digest(bytes, "many.pdf");
  const pdf::PageDigest passes = pdf::page_digest_of_file(file);
  CHECK(whole.pages == 2345);
  CHECK(passes.pages == 2345);
  CHECK(passes.sha256 == whole.sha256);
  // And it is about the pages: one page fewer is another digest.
  CHECK(pdf::page_digest(numbered_pages(2344), "fewer.pdf").sha256 != whole.sha256);
}

TEST_CASE("pages whose resources and size the page tree holds digest as if on the page") {
  const std::string dir = t::fresh_test_dir("page-digest-inherited");
  const std::string bytes = numbered_pages(3);
  const std::string direct = write_file(fs::path(dir) / "direct.pdf", bytes);
  // The same pages, their /MediaBox moved up to the page tree's root: what another producer
  // may write. (Resources differ per page here, so they stay.)
  QPDF pdf;
  pdf.processFile(direct.c_str());
  QPDFObjectHandle root = pdf.getRoot().getKey("/Pages");
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  root.replaceKey("/MediaBox", pages.front().getObjectHandle().getKey("/MediaBox"));
  for (QPDFPageObjectHelper& page : pages) {
    QPDFObjectHandle dict = page.getObjectHandle();
    REQUIRE(dict.getKey("/MediaBox").unparse() == root.getKey("/MediaBox").unparse());
    dict.removeKey("/MediaBox");
  }
  const std::string moved = (fs::path(dir) / "inherited.pdf").string();
  QPDFWriter writer(pdf, moved.c_str());
  writer.setObjectStreamMode(qpdf_o_generate);  // and saved otherwise: object streams
  writer.write();
  REQUIRE(t::read_file(moved) != bytes);
  CHECK(pdf::page_digest_of_file(moved).sha256 == pdf::page_digest(bytes, "direct").sha256);
  CHECK(pdf::page_digest(t::read_file(moved), "inherited").sha256 ==
        pdf::page_digest(bytes, "direct").sha256);
}
