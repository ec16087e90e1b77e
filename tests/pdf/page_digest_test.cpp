// The page digest (pdf/page_digest.hpp): the same for a file read in passes as in one, for a
// file saved again by another tool, and for pages whose attributes the page tree holds.
#include "pdf/page_digest.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
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

TEST_CASE("pages whose size the page tree holds digest as if it were on the page") {
  const std::string dir = t::fresh_test_dir("page-digest-inherited");
  pdf::PdfOptions plain;
  plain.compress = false;  // so that the page dictionaries can be edited as text
  page::PagedDocument doc;
  const auto chain = t::test_fonts().chain();
  for (const char32_t* text : {U"第一页", U"第二页", U"第三页"})
    t::add_text(doc.pages.emplace_back(), chain, text, 72, 72, 12);
  const std::string bytes = pdf::write_pdf(doc, plain);
  // The same pages, their /MediaBox moved up to the page tree's node: what another producer
  // may write. qpdf then rewrites the edited file (new offsets, object streams).
  const std::regex media_box(R"(/MediaBox \[[^\]]*\])");
  std::smatch first;
  REQUIRE(std::regex_search(bytes, first, media_box));
  const std::string box = first.str();
  std::string edited = std::regex_replace(bytes, media_box, "");
  const std::size_t node = edited.find("/Type /Pages");
  REQUIRE(node != std::string::npos);
  edited.insert(node + std::string("/Type /Pages").size(), "\n" + box);
  // The box is now written once, on the node: the pages only inherit it.
  REQUIRE(edited.find("/MediaBox") == edited.rfind("/MediaBox"));
  const std::string damaged = write_file(fs::path(dir) / "edited.pdf", edited);
  const std::string moved = (fs::path(dir) / "inherited.pdf").string();
  const auto resaved = t::run_tool("qpdf --object-streams=generate " + t::shell_quote(damaged) +
                                   " " + t::shell_quote(moved));
  REQUIRE((resaved.exit_code == 0 || resaved.exit_code == 3));  // 3: warnings (offsets)

  const std::string expected = pdf::page_digest(bytes, "direct").sha256;
  CHECK(pdf::page_digest_of_file(moved).sha256 == expected);
  CHECK(pdf::page_digest(t::read_file(moved), "inherited").sha256 == expected);
  // Without the inherited box the pages are not the same.
  const std::string boxless =
      write_file(fs::path(dir) / "boxless.pdf", std::regex_replace(bytes, media_box, ""));
  const std::string repaired = (fs::path(dir) / "boxless-repaired.pdf").string();
  t::run_tool("qpdf " + t::shell_quote(boxless) + " " + t::shell_quote(repaired));
  CHECK(pdf::page_digest_of_file(repaired).sha256 != expected);
}
