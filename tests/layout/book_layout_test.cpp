// Books in the layout engine: right-hand page breaks, folios from a page-numbering mark,
// running section titles on odd/even pages, contents entries filled in after layout with
// aligned leaders, bookmarks, and headings kept with what follows them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/units.hpp"
#include "layout_fixture.hpp"

using namespace tuijie;
using namespace tuijie::layout;
using namespace tuijie::page;
using tuijie::testing::body_style;
using tuijie::testing::page_text;
using tuijie::testing::para;

namespace {

DocumentModel a5_book() {
  DocumentModel model;
  model.page.width = mm_to_pt(148);
  model.page.height = mm_to_pt(210);
  model.page.margin_top = model.page.margin_bottom = mm_to_pt(17);
  model.page.margin_left = model.page.margin_right = mm_to_pt(14);
  PageFurniture header{body_style(8), kSectionTitleMark, true, PageSides::Odd};
  PageFurniture folio{body_style(9), std::string("p") + kPageNumberMark, true, PageSides::All};
  model.headers.push_back(header);
  model.footers.push_back(folio);
  return model;
}

SectionMark section(const std::string& title, const std::string& anchor) {
  return SectionMark{title, anchor, title, 0};
}

ContentsEntry entry(const std::string& title, const std::string& anchor) {
  ContentsEntry e;
  e.style = body_style(11);
  e.title = title;
  e.anchor = anchor;
  return e;
}

// A paragraph of `lines` lines of text (forced breaks).
Paragraph lines_of(int lines, const std::string& word = "正文") {
  std::string text;
  for (int i = 0; i < lines; ++i)
    text += word + std::to_string(i) + (i + 1 < lines ? "\n" : "");
  return para(text);
}

// The x of every leader dot on a page at the baseline `y`.
std::set<long> dot_columns(const Page& page) {
  std::set<long> xs;
  for (const auto& item : page.items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || run->text.empty() || run->text.front() != U'.')
      continue;
    double x = run->x;
    for (size_t i = 0; i < run->glyphs.size(); ++i) {
      xs.insert(std::lround(x * 100));
      x += run->face->advance_pt(run->glyphs[i], run->size) + run->char_spacing;
    }
  }
  return xs;
}

}  // namespace

TEST_CASE("a book has front matter without folios and sections on right-hand pages and contents") {
  DocumentModel model = a5_book();
  model.blocks = {para("封面"),
                  PageBreak{true},
                  entry("第一章", "one"),
                  entry("第二章　一个很长很长很长很长很长很长很长很长很长很长很长的标题", "two"),
                  PageBreak{true},
                  FolioStart{1},
                  PageBreak{true},
                  section("第一章", "one"),
                  lines_of(40),  // runs over two pages
                  PageBreak{true},
                  section("第二章", "two"),
                  para("结尾")};
  const LayoutResult laid = layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  // cover, blank, contents, blank, 第一章 on pages 5 and 6 (folios 1, 2), 第二章 on page 7.
  REQUIRE(laid.pages.size() == 7);
  CHECK(laid.folios == std::vector<int>{0, 0, 0, 0, 1, 2, 3});
  // Blank and front-matter pages carry no running text; the blank pages nothing at all.
  CHECK(laid.pages[1].items.empty());
  CHECK(laid.pages[3].items.empty());
  CHECK(page_text(laid.pages[0]) == "封面");
  // Running header on odd pages only, with the page's section; folios on the outer side.
  CHECK(page_text(laid.pages[4]).find("第一章") != std::string::npos);
  CHECK(page_text(laid.pages[5]).find("第一章") == std::string::npos);
  CHECK(page_text(laid.pages[6]).find("第二章") != std::string::npos);
  CHECK(page_text(laid.pages[5]).find("p2") != std::string::npos);
  CHECK(page_text(laid.pages[4]).find("p1") != std::string::npos);
  // The contents name the folios the sections start on, at the right edge of the text block
  // on the baseline of each entry's last line.
  std::vector<std::pair<double, std::string>> numbers;  // baseline, digits
  for (const auto& item : laid.pages[2].items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (run && !run->text.empty() && run->text.front() >= U'0' && run->text.front() <= U'9') {
      numbers.push_back({run->y, utf8::encode(run->text)});
      CHECK(run->x + run->width() ==
            Approx(model.page.width - model.page.margin_right).margin(0.01));
    }
  }
  std::sort(numbers.begin(), numbers.end());
  REQUIRE(numbers.size() == 2);
  CHECK(numbers[0].second == "1");
  CHECK(numbers[1].second == "3");
  // Leaders of both entries stand on one grid: the shorter leader's columns are a subset.
  const auto dots = dot_columns(laid.pages[2]);
  CHECK(dots.size() > 10);
  // Bookmarks on the pages the sections start on.
  REQUIRE(laid.bookmarks.size() == 2);
  CHECK(laid.bookmarks[0].title == "第一章");
  CHECK(laid.bookmarks[0].page == 4);
  CHECK(laid.bookmarks[1].page == 6);
}

TEST_CASE("leader dots of different entries line up in columns") {
  DocumentModel model = a5_book();
  model.blocks = {entry("短", "a"),  entry("一个长一些的标题", "b"),
                  section("A", "a"), para("x"),
                  section("B", "b"), para("y")};
  const LayoutResult laid = layout_document(model);
  REQUIRE(laid.diagnostics.empty());
  std::map<long, std::set<long>> by_line;  // baseline -> dot x positions
  for (const auto& item : laid.pages[0].items) {
    const auto* run = std::get_if<GlyphRun>(&item);
    if (!run || run->text.empty() || run->text.front() != U'.')
      continue;
    double x = run->x;
    for (size_t i = 0; i < run->glyphs.size(); ++i) {
      by_line[std::lround(run->y)].insert(std::lround(x * 100));
      x += run->face->advance_pt(run->glyphs[i], run->size);
    }
  }
  REQUIRE(by_line.size() == 2);
  const auto& shorter = by_line.rbegin()->second;  // the long title's leader
  const auto& longer = by_line.begin()->second;
  CHECK(shorter.size() < longer.size());
  for (long x : shorter)
    CHECK(longer.count(x) == 1);
}

TEST_CASE("an unknown contents anchor is an error naming the entry") {
  DocumentModel model = a5_book();
  model.blocks = {entry("不存在的章", "nowhere"), para("x")};
  const LayoutResult laid = layout_document(model);
  REQUIRE(laid.diagnostics.size() == 1);
  CHECK(laid.diagnostics[0].code == "contents-anchor");
  CHECK(laid.diagnostics[0].reason_zh.find("不存在的章") != std::string::npos);
}

TEST_CASE("a heading kept with a kept note and a whole entry never ends a page") {
  DocumentModel model = a5_book();
  Paragraph heading = para("章节标题");
  heading.keep_with_next = true;
  Paragraph note = para("（说明）");
  note.keep_with_next = true;
  // A filler that leaves room for heading and note but not for the entry after them.
  auto table = std::make_shared<Table>();
  table->columns = {mm_to_pt(120)};
  table->border = 0;
  Row row;
  Cell cell;
  cell.blocks.push_back(lines_of(6, "条目"));
  row.cells.push_back(cell);
  table->rows.push_back(row);
  const double line = 10.5 * 1.4;
  const double page_body = model.page.height - model.page.margin_top - model.page.margin_bottom;
  const int filler_lines = static_cast<int>((page_body - 3.2 * line) / line);
  model.blocks = {lines_of(filler_lines), section("一", "s1"), heading, note, table};
  const LayoutResult laid = layout_document(model);
  REQUIRE(laid.pages.size() == 2);
  const std::string first = page_text(laid.pages[0]);
  CHECK(first.find("章节标题") == std::string::npos);
  CHECK(first.find("说明") == std::string::npos);
  CHECK(page_text(laid.pages[1]).find("章节标题") != std::string::npos);
  // The section starts where its heading went.
  REQUIRE(laid.bookmarks.size() == 1);
  CHECK(laid.bookmarks[0].page == 1);
  // Table rules of border 0 are not drawn.
  for (const auto& item : laid.pages[1].items)
    CHECK(!std::holds_alternative<Line>(item));
}

TEST_CASE("a QR mark for the first page only stands on the cover whatever its folio") {
  DocumentModel model = a5_book();
  model.qr = QrMark{"TJ-2020-B-0001 0123456789ab", mm_to_pt(11), false, QrMark::Pages::First};
  model.blocks = {para("封面"), PageBreak{true}, FolioStart{1}, para("正文")};
  const LayoutResult laid = layout_document(model);
  auto rects = [](const Page& page) {  // the QR code's dark module runs
    std::size_t count = 0;
    for (const Item& item : page.items) {
      if (const auto* fills = std::get_if<FilledAreas>(&item))
        count += fills->areas->size();
    }
    return count;
  };
  REQUIRE(laid.pages.size() == 3);
  CHECK(rects(laid.pages[0]) > 10);
  CHECK(rects(laid.pages[2]) == 0);
}

TEST_CASE("a QR mark for the last page stands only there, a booklet's imprint page") {
  DocumentModel model = a5_book();
  model.qr = QrMark{"TJ-2020-B-0001 0123456789ab", mm_to_pt(11), false, QrMark::Pages::Last};
  model.blocks = {para("封面"), PageBreak{true}, FolioStart{1}, para("正文"), PageBreak{false},
                  para("版权页")};
  const LayoutResult laid = layout_document(model);
  auto rects = [](const Page& page) {  // the QR code's dark module runs
    std::size_t count = 0;
    for (const Item& item : page.items) {
      if (const auto* fills = std::get_if<FilledAreas>(&item))
        count += fills->areas->size();
    }
    return count;
  };
  REQUIRE(laid.pages.size() == 4);
  CHECK(rects(laid.pages[0]) == 0);
  CHECK(rects(laid.pages[2]) == 0);
  CHECK(rects(laid.pages[3]) > 10);
}

TEST_CASE("a running head may be left off the pages its sections open on") {
  for (const bool skip : {false, true}) {
    INFO("skip " << skip);
    DocumentModel model = a5_book();
    model.headers[0].sides = PageSides::All;
    model.headers[0].skip_section_openings = skip;
    // Section A opens on page 1 and runs onto page 2; section B opens on page 3.
    model.blocks = {section("甲章", "a"), lines_of(40, "甲"), PageBreak{false}, section("乙章", "b"),
                    para("乙")};
    const LayoutResult laid = layout_document(model);
    REQUIRE(laid.pages.size() == 3);
    auto has_head = [&](size_t page, const std::string& title) {
      // The running head is the only line of the page that is the bare title.
      for (const auto& item : laid.pages[page].items) {
        const auto* run = std::get_if<GlyphRun>(&item);
        if (run && utf8::encode(run->text) == title)
          return true;
      }
      return false;
    };
    CHECK(has_head(0, "甲章") == !skip);
    CHECK(has_head(1, "甲章"));  // a continuation page keeps it
    CHECK(has_head(2, "乙章") == !skip);
  }
}

TEST_CASE("every page's QR code shares one set of modules, encoded once") {
  DocumentModel model = a5_book();
  model.qr = QrMark{"TJ-2020-E-0007 0123456789ab", mm_to_pt(11), false, QrMark::Pages::Folioed};
  model.blocks = {para("一"), PageBreak{false}, para("二"), PageBreak{false}, para("三")};
  const LayoutResult laid = layout_document(model);
  REQUIRE(laid.pages.size() == 3);
  std::set<const std::vector<Area>*> shared;
  for (const Page& page : laid.pages) {
    std::size_t codes = 0;
    for (const Item& item : page.items) {
      if (const auto* fills = std::get_if<FilledAreas>(&item)) {
        shared.insert(fills->areas.get());
        ++codes;
      }
    }
    CHECK(codes == 1);  // one item a page, not a Rect per module run
  }
  CHECK(shared.size() == 1);
}
