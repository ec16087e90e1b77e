// The laid-out document: pages of items at fixed positions. This is the only thing the PDF
// writer sees; it does no layout of its own.
//
// Units are PDF points (1/72 in). Coordinates have their origin at the top-left corner of the
// page and y grows downwards (the writer flips them).
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "fonts/font_face.hpp"
#include "image/image.hpp"

namespace tuijie::page {

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

/// Glyphs of one face and size on one baseline. Glyph i stands at
/// x + sum over j < i of (advance_pt(glyphs[j]) + char_spacing).
struct GlyphRun {
  const fonts::FontFace* face = nullptr;
  double size = 10;     // pt
  double x = 0, y = 0;  // baseline origin of the first glyph
  std::vector<uint32_t> glyphs;
  std::u32string text;      // text[i] is the character drawn by glyphs[i] (for ToUnicode)
  double char_spacing = 0;  // extra pt after every glyph (justification)
  Color color;

  double width() const;  // advance width including char_spacing after every glyph
};

struct Line {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;  // stroke width, pt
  Color color;
  bool dashed = false;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  double stroke_width = 0.5;
  bool stroke = true;
  bool fill = false;
  Color stroke_color;
  Color fill_color{1, 1, 1};
  bool dashed = false;
};

struct Ellipse {
  double cx = 0, cy = 0, rx = 0, ry = 0;
  double stroke_width = 0.5;
  Color color;
  bool dashed = false;
};

struct ImageItem {
  std::shared_ptr<const image::PreparedImage> image;
  double x = 0, y = 0, w = 0, h = 0;  // box the image fills exactly (aspect already kept)
};

/// A rectangle of a FilledAreas, relative to the item's origin.
struct Area {
  double x = 0, y = 0, w = 0, h = 0;
};

/// Many filled rectangles of one colour at (x, y): a QR code's dark modules. The rectangles
/// are shared by every page that shows the same code, so a page holds one small item rather
/// than hundreds of Rects (a 1,000-page packet saves about 30 KB a page).
struct FilledAreas {
  std::shared_ptr<const std::vector<Area>> areas;
  double x = 0, y = 0;
  Color color;
};

using Item = std::variant<GlyphRun, Line, Rect, Ellipse, ImageItem, FilledAreas>;

/// Where a field's value was set: the inner box of its cell. Not drawn; tests and checks read
/// the PDF's text back inside these boxes.
struct FieldBox {
  std::string field;
  double x = 0, y = 0, w = 0, h = 0;
};

struct Page {
  double width = 595.2756;  // A4
  double height = 841.8898;
  std::vector<Item> items;
  std::vector<FieldBox> fields;
};

struct Bookmark {
  std::string title;
  int page = 0;   // 0-based page index
  double y = 0;   // top of the destination, layout coordinates
  int level = 0;  // 0 = top level
};

/// Document information dictionary. Dates are PDF date strings ("D:20200612000000Z"),
/// taken from the campaign or SOURCE_DATE_EPOCH, never from the clock.
struct DocumentInfo {
  std::string title, author, subject, keywords, creator, producer;
  std::string creation_date;  // empty = not written
};

struct PagedDocument {
  DocumentInfo info;
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
};

/// Every coloured glyph run, line and shape made black, for a black-and-white printer (a
/// letterhead's red). Greys (a cell's light fill) and images stay as they are.
void print_in_black(PagedDocument& document);

}  // namespace tuijie::page
