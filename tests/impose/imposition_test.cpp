// Saddle-stitch imposition: which page lands on which half of which sheet side, how items
// move, and what the sheets measure.
#include "layout/imposition.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/units.hpp"

namespace tuijie::layout {
using namespace tuijie::page;
namespace {

const double kA5Width = mm_to_pt(148), kA5Height = mm_to_pt(210);

// A booklet of `n` A5 pages; page i (1-based) carries one marker rectangle of width i.
PagedDocument numbered_booklet(int n, double width = kA5Width, double height = kA5Height) {
  PagedDocument doc;
  for (int i = 1; i <= n; ++i) {
    Page page;
    page.width = width;
    page.height = height;
    Rect marker;
    marker.x = 20;
    marker.y = 30;
    marker.w = i;
    marker.h = 5;
    page.items.emplace_back(marker);
    doc.pages.push_back(page);
  }
  return doc;
}

// The page numbers on the (left, right) halves of a sheet side, read back from the markers;
// 0 for a half without a marker (a blank padding page).
using Halves = std::pair<int, int>;
Halves halves(const Page& side) {
  Halves found{0, 0};
  const double half = side.width / 2;
  for (const Item& item : side.items) {
    const Rect& marker = std::get<Rect>(item);
    int& slot = marker.x < half ? found.first : found.second;
    REQUIRE(slot == 0);  // one page per half
    slot = static_cast<int>(marker.w);
  }
  return found;
}

std::vector<Halves> sides_of(int n) {
  std::vector<Halves> out;
  for (const Page& side : impose_saddle(numbered_booklet(n)).pages) {
    CHECK(side.width == 2 * kA5Width);
    CHECK(side.height == kA5Height);
    out.push_back(halves(side));
  }
  return out;
}

std::string code_of(const PagedDocument& doc) {
  try {
    impose_saddle(doc);
  } catch (const TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics().front();
    CHECK_FALSE(d.reason_zh.empty());
    CHECK_FALSE(d.reason_en.empty());
    return d.code;
  }
  return "";
}

}  // namespace

// Worked out by hand from a folded stack: sheet 1 front (N, 1), back (2, N-1), sheet 2 front
// (N-2, 3), back (4, N-3), ...; pages past n are blank (0).
TEST_CASE("Saddle order of 1, 4, 5, 8 and 12 pages") {
  CHECK(sides_of(1) == std::vector<Halves>{{0, 1}, {0, 0}});
  CHECK(sides_of(4) == std::vector<Halves>{{4, 1}, {2, 3}});
  CHECK(sides_of(5) == std::vector<Halves>{{0, 1}, {2, 0}, {0, 3}, {4, 5}});
  CHECK(sides_of(8) == std::vector<Halves>{{8, 1}, {2, 7}, {6, 3}, {4, 5}});
  CHECK(sides_of(12) == std::vector<Halves>{{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}});
}

// Reads the sheets as the finished booklet is read: the sheets nest with sheet 0 outermost;
// opening it goes through each sheet's front right and back left from the outside in, then
// each sheet's back right and front left from the inside out.
TEST_CASE("Every page count reads 1..n in order once the sheets are folded") {
  for (int n = 1; n <= 41; ++n) {
    const std::vector<Halves> sides = sides_of(n);
    const int sheets = static_cast<int>(sides.size()) / 2;
    REQUIRE(static_cast<int>(sides.size()) == (n + 3) / 4 * 2);
    std::vector<int> reading;
    for (int k = 0; k < sheets; ++k) {
      reading.push_back(sides[2 * k].second);
      reading.push_back(sides[2 * k + 1].first);
    }
    for (int k = sheets - 1; k >= 0; --k) {
      reading.push_back(sides[2 * k + 1].second);
      reading.push_back(sides[2 * k].first);
    }
    std::vector<int> expected;
    for (int i = 1; i <= 2 * static_cast<int>(sides.size()); ++i)
      expected.push_back(i <= n ? i : 0);
    INFO("n = " << n);
    CHECK(reading == expected);
  }
}

TEST_CASE("Every kind of item and field box moves with its page") {
  Page page;
  page.width = kA5Width;
  page.height = kA5Height;
  GlyphRun run;
  run.x = 10;
  run.y = 11;
  run.size = 12;
  run.glyphs = {5, 6};
  run.text = U"第一";
  Line line;
  line.x1 = 1;
  line.y1 = 2;
  line.x2 = 3;
  line.y2 = 4;
  Rect rect;
  rect.x = 5;
  rect.y = 6;
  rect.w = 7;
  rect.h = 8;
  Ellipse ellipse;
  ellipse.cx = 9;
  ellipse.cy = 10;
  ellipse.rx = 11;
  ellipse.ry = 12;
  ImageItem image;
  image.x = 13;
  image.y = 14;
  image.w = 15;
  image.h = 16;
  page.items = {run, line, rect, ellipse, image};
  page.fields = {{"姓名", 17, 18, 19, 20}};

  PagedDocument doc;
  doc.pages = {page, page};  // page 1 lands on a right half, page 2 on a left half
  const PagedDocument sheets = impose_saddle(doc);
  REQUIRE(sheets.pages.size() == 2);

  auto check_moved = [&](const Page& side, double dx) {
    REQUIRE(side.items.size() == 5);
    const auto& r = std::get<GlyphRun>(side.items[0]);
    CHECK(r.x == 10 + dx);
    CHECK(r.y == 11);
    CHECK(r.size == 12);
    CHECK(r.glyphs == run.glyphs);
    CHECK(r.text == run.text);
    const auto& l = std::get<Line>(side.items[1]);
    CHECK((l.x1 == 1 + dx && l.y1 == 2 && l.x2 == 3 + dx && l.y2 == 4));
    const auto& re = std::get<Rect>(side.items[2]);
    CHECK((re.x == 5 + dx && re.y == 6 && re.w == 7 && re.h == 8));
    const auto& e = std::get<Ellipse>(side.items[3]);
    CHECK((e.cx == 9 + dx && e.cy == 10 && e.rx == 11 && e.ry == 12));
    const auto& im = std::get<ImageItem>(side.items[4]);
    CHECK((im.x == 13 + dx && im.y == 14 && im.w == 15 && im.h == 16));
    REQUIRE(side.fields.size() == 1);
    const FieldBox& f = side.fields.front();
    CHECK(f.field == "姓名");
    CHECK((f.x == 17 + dx && f.y == 18 && f.w == 19 && f.h == 20));
  };
  check_moved(sheets.pages[0], kA5Width);  // front: (blank 4, page 1)
  check_moved(sheets.pages[1], 0);         // back: (page 2, blank 3)
}

TEST_CASE("Sheet sides are two pages wide: A4 pages on A3 landscape") {
  const PagedDocument a4 = impose_saddle(numbered_booklet(3, mm_to_pt(210), mm_to_pt(297)));
  REQUIRE(a4.pages.size() == 2);
  for (const Page& side : a4.pages) {
    CHECK(side.width == Approx(mm_to_pt(420)));
    CHECK(side.height == Approx(mm_to_pt(297)));
  }
  const auto& right = std::get<Rect>(a4.pages[0].items.at(0));  // page 1
  CHECK(right.x == Approx(20 + mm_to_pt(210)));
}

// ISO 216 rounds A5 down to 148 mm: two of them are 1 mm narrower than A4's 297 mm.
TEST_CASE("A5 pages on A4 landscape stand against the fold, the spare width outside") {
  const PagedDocument a4 = impose_saddle(numbered_booklet(4), mm_to_pt(297));
  REQUIRE(a4.pages.size() == 2);
  for (const Page& side : a4.pages) {
    CHECK(side.width == Approx(mm_to_pt(297)));
    CHECK(side.height == Approx(mm_to_pt(210)));
  }
  const double fold = mm_to_pt(148.5);
  const auto& page4 = std::get<Rect>(a4.pages[0].items.at(0));  // front: (4, 1)
  const auto& page1 = std::get<Rect>(a4.pages[0].items.at(1));
  REQUIRE(page4.w == 4);
  REQUIRE(page1.w == 1);
  CHECK(page4.x == Approx(fold - kA5Width + 20));  // 0.5 mm more paper on the outer edge
  CHECK(page1.x == Approx(fold + 20));
}

TEST_CASE("Bookmarks point to the sheet side of their page and the info is kept") {
  PagedDocument doc = numbered_booklet(8);
  doc.info.title = "推介结果手册";
  doc.info.creation_date = "D:20201015000000Z";
  doc.bookmarks = {{"目录", 1, 40, 0}, {"领军企业", 4, 60, 1}, {"附录", 6, 70, 0}};
  const PagedDocument sheets = impose_saddle(doc);
  CHECK(sheets.info.title == "推介结果手册");
  CHECK(sheets.info.creation_date == "D:20201015000000Z");
  REQUIRE(sheets.bookmarks.size() == 3);
  CHECK(sheets.bookmarks[0].title == "目录");
  CHECK(sheets.bookmarks[0].page == 1);  // page 2: sheet 1 back
  CHECK(sheets.bookmarks[0].y == 40);
  CHECK(sheets.bookmarks[1].page == 3);  // page 5: sheet 2 back
  CHECK(sheets.bookmarks[1].level == 1);
  CHECK(sheets.bookmarks[2].page == 1);  // page 7: sheet 1 back
}

TEST_CASE("Empty booklets, mixed page sizes and stray bookmarks are refused") {
  CHECK(code_of(PagedDocument{}) == "impose-empty");

  PagedDocument mixed = numbered_booklet(5);
  mixed.pages[3].width = mm_to_pt(210);
  mixed.pages[3].height = mm_to_pt(297);
  CHECK(code_of(mixed) == "impose-page-size");
  try {
    impose_saddle(mixed);
  } catch (const TuijieError& e) {
    const Diagnostic& d = e.diagnostics().front();
    CHECK(d.reason_zh.find("第 4 页") != std::string::npos);
    CHECK(d.reason_en.find("page 4") != std::string::npos);
    CHECK(d.value == "210.0 × 297.0 mm");
  }

  PagedDocument sizeless = numbered_booklet(2, 0, 0);
  CHECK(code_of(sizeless) == "impose-page-size");
  PagedDocument unmeasured = numbered_booklet(2);
  unmeasured.pages[1].height = std::nan("");
  CHECK(code_of(unmeasured) == "impose-page-size");

  const PagedDocument a5 = numbered_booklet(2);
  CHECK_THROWS_AS(impose_saddle(a5, mm_to_pt(290)), TuijieError);
  CHECK_THROWS_AS(impose_saddle(a5, -1), TuijieError);
  CHECK_THROWS_AS(impose_saddle(a5, std::numeric_limits<double>::infinity()), TuijieError);

  PagedDocument stray = numbered_booklet(3);
  stray.bookmarks = {{"附录", 3, 0, 0}};
  CHECK(code_of(stray) == "impose-bookmark");

  // Rounding differences below a hundredth of a point are the same paper.
  PagedDocument rounded = numbered_booklet(2);
  rounded.pages[1].width += 0.001;
  CHECK(code_of(rounded).empty());
}

}  // namespace tuijie::layout
