// An imposed booklet as the print shop receives it: a 6-page A5 booklet set in the project's
// fonts, imposed, written and read back with poppler and qpdf.
#include "layout/imposition.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/units.hpp"
#include "fonts/font_set.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_text.hpp"
#include "pdf_tools.hpp"
#include "text/paragraph.hpp"

namespace tuijie::layout {
using namespace tuijie::page;
namespace {

using testing::Box;
using testing::run_tool;
using testing::shell_quote;

const double kA5Width = mm_to_pt(148), kA5Height = mm_to_pt(210);

// Pages printing "第N页" centred near their top.
PagedDocument booklet(int pages) {
  static const auto fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  text::TextStyle style;
  style.chain = fonts->chain("song");
  style.size = 16;
  style.align = text::Align::Center;
  PagedDocument doc;
  for (int i = 1; i <= pages; ++i) {
    Page page;
    page.width = kA5Width;
    page.height = kA5Height;
    const double margin = mm_to_pt(20);
    const text::ParagraphLayout laid =
        text::layout_paragraph("第" + std::to_string(i) + "页", style, kA5Width - 2 * margin);
    REQUIRE(laid.lines.size() == 1);
    REQUIRE(laid.missing.empty());
    for (GlyphRun run : laid.lines.front().runs) {
      run.x += margin;
      run.y += margin + laid.lines.front().ascent;
      page.items.emplace_back(std::move(run));
    }
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

// "841.89 x 595.276" for every page, from pdfinfo.
std::vector<std::string> page_sizes(const std::string& pdf, int pages) {
  testing::ToolResult info =
      run_tool("pdfinfo -f 1 -l " + std::to_string(pages) + " " + shell_quote(pdf));
  REQUIRE(info.exit_code == 0);
  // Lines like "Page    2 size: 841.89 x 595.276 pts (A4)".
  std::vector<std::string> sizes;
  std::istringstream lines(info.out);
  for (std::string line; std::getline(lines, line);) {
    const size_t at = line.find(" size: ");
    if (line.rfind("Page ", 0) != 0 || at == std::string::npos)
      continue;
    const size_t start = line.find_first_not_of(' ', at + 7);
    sizes.push_back(line.substr(start, line.find(" pts", start) - start));
  }
  return sizes;
}

}  // namespace

TEST_CASE("A 6-page A5 booklet imposes onto 4 A4 landscape sides in saddle order") {
  const std::string pdf = testing::fresh_test_dir("impose-saddle") + "/booklet.pdf";
  pdf::write_pdf_file(impose_saddle(booklet(6), mm_to_pt(297)), pdf);

  testing::ToolResult check = run_tool("qpdf --check " + shell_quote(pdf));
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);

  const std::vector<std::string> sizes = page_sizes(pdf, 4);
  CHECK(sizes == std::vector<std::string>(4, "841.89 x 595.276"));
  const std::string info = run_tool("pdfinfo " + shell_quote(pdf)).out;
  const size_t pages = info.find("\nPages:");
  REQUIRE(pages != std::string::npos);
  CHECK(std::stoi(info.substr(pages + 7)) == 4);

  // N = 8: sheet 1 front (8, 1), back (2, 7); sheet 2 front (6, 3), back (4, 5); pages 7 and 8
  // are blank padding.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"", "第1页"}, {"第2页", ""}, {"第6页", "第3页"}, {"第4页", "第5页"}};
  std::string warnings;
  const std::vector<testing::TextLine> lines = testing::read_lines(pdf, &warnings);
  CHECK(warnings.empty());
  const double fold = mm_to_pt(148.5);
  const Box left{0, 0, fold, kA5Height}, right{fold, 0, 2 * fold, kA5Height};
  for (int side = 0; side < 4; ++side) {
    INFO("sheet side " << side + 1);
    CHECK(testing::text_in_box(lines, side, left) == expected[side].first);
    CHECK(testing::text_in_box(lines, side, right) == expected[side].second);
  }
}

}  // namespace tuijie::layout
