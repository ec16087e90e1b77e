#include "layout/imposition.hpp"

#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/units.hpp"

namespace tuijie::layout {
namespace {

// Page sizes computed from millimetres in different places may differ in the last bits;
// anything closer than this is the same paper.
constexpr double kSizeTolerance = 0.01;  // pt

// Millimetres with one decimal ("148.0"), formatted from an integer so that no locale
// changes the decimal point.
std::string mm(double pt) {
  if (!std::isfinite(pt))
    return std::to_string(pt);  // "inf", "nan": nothing to round
  const long tenths = std::lround(pt_to_mm(pt) * 10);
  const long magnitude = std::labs(tenths);
  return std::string(tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." +
         std::to_string(magnitude % 10);
}

// "148.0 × 210.0 mm"
std::string size_in_mm(const page::Page& page) {
  return mm(page.width) + " × " + mm(page.height) + " mm";
}

void check_pages(const page::PagedDocument& booklet, double sheet_width) {
  if (booklet.pages.empty()) {
    throw TuijieError(
        make_error("impose-empty", "手册没有页面，无法拼版", "the booklet has no pages to impose"));
  }
  const page::Page& first = booklet.pages.front();
  if (!(std::isfinite(first.width) && std::isfinite(first.height) && first.width > 0 &&
        first.height > 0)) {
    throw TuijieError(make_error("impose-page-size", "第 1 页的尺寸无效，无法拼版",
                                 "page 1 has no valid size to impose", "", size_in_mm(first)));
  }
  for (std::size_t i = 1; i < booklet.pages.size(); ++i) {
    const page::Page& page = booklet.pages[i];
    // Written so that a NaN size counts as different.
    if (!(std::abs(page.width - first.width) <= kSizeTolerance &&
          std::abs(page.height - first.height) <= kSizeTolerance)) {
      const std::string number = std::to_string(i + 1);
      throw TuijieError(make_error("impose-page-size",
                                   "第 " + number + " 页与第 1 页（" + size_in_mm(first) +
                                       "）尺寸不同，骑马订拼版要求各页同样大小",
                                   "page " + number + " differs in size from page 1 (" +
                                       size_in_mm(first) +
                                       "); saddle-stitch imposition needs pages of one size",
                                   "", size_in_mm(page)));
    }
  }
  if (sheet_width != 0 &&
      !(std::isfinite(sheet_width) && sheet_width >= 2 * first.width - kSizeTolerance)) {
    throw TuijieError(make_error(
        "impose-sheet-size", "纸张宽度不足两页（" + mm(2 * first.width) + " mm），无法拼版",
        "the sheet is narrower than two pages (" + mm(2 * first.width) + " mm)", "",
        mm(sheet_width) + " mm"));
  }
  for (const page::Bookmark& bookmark : booklet.bookmarks) {
    if (bookmark.page < 0 || bookmark.page >= static_cast<int>(booklet.pages.size())) {
      throw TuijieError(make_error("impose-bookmark",
                                   "书签“" + bookmark.title + "”指向不存在的页面",
                                   "bookmark '" + bookmark.title + "' points to no page", "",
                                   std::to_string(bookmark.page + 1)));
    }
  }
}

// Moves an item right by dx points.
struct ShiftRight {
  double dx;
  void operator()(page::GlyphRun& run) const { run.x += dx; }
  void operator()(page::Line& line) const {
    line.x1 += dx;
    line.x2 += dx;
  }
  void operator()(page::Rect& rect) const { rect.x += dx; }
  void operator()(page::Ellipse& ellipse) const { ellipse.cx += dx; }
  void operator()(page::ImageItem& image) const { image.x += dx; }
  void operator()(page::FilledAreas& fills) const { fills.x += dx; }
};

// Copies a page's content onto a sheet side, dx points from its left edge.
void place(const page::Page& page, double dx, page::Page& side) {
  for (page::Item item : page.items) {
    std::visit(ShiftRight{dx}, item);
    side.items.push_back(std::move(item));
  }
  for (page::FieldBox box : page.fields) {
    box.x += dx;
    side.fields.push_back(std::move(box));
  }
}

}  // namespace

page::PagedDocument impose_saddle(const page::PagedDocument& booklet, double sheet_width) {
  check_pages(booklet, sheet_width);
  const int n = static_cast<int>(booklet.pages.size());
  const int padded = (n + 3) / 4 * 4;  // N
  const double w = booklet.pages.front().width;
  const double h = booklet.pages.front().height;
  if (sheet_width == 0)
    sheet_width = 2 * w;
  // Both pages stand against the fold; any spare width goes to the outer edges.
  const double left_x = sheet_width / 2 - w, right_x = sheet_width / 2;

  page::PagedDocument sheets;
  sheets.info = booklet.info;
  sheets.pages.resize(padded / 2);
  std::vector<int> side_of_page(padded);  // 0-based page -> result page holding it

  // Puts 1-based `number` on the given half of result page `side`; pages past n are padding.
  auto put = [&](int number, int side, bool right) {
    side_of_page[number - 1] = side;
    if (number <= n)
      place(booklet.pages[number - 1], right ? right_x : left_x, sheets.pages[side]);
  };
  for (int k = 0; k < padded / 4; ++k) {
    const int front = 2 * k, back = 2 * k + 1;
    put(padded - 2 * k, front, false);
    put(2 * k + 1, front, true);
    put(2 * k + 2, back, false);
    put(padded - 2 * k - 1, back, true);
  }
  for (page::Page& side : sheets.pages) {
    side.width = sheet_width;
    side.height = h;
  }

  for (page::Bookmark bookmark : booklet.bookmarks) {
    bookmark.page = side_of_page[bookmark.page];
    sheets.bookmarks.push_back(std::move(bookmark));
  }
  return sheets;
}

}  // namespace tuijie::layout
