#include "page/page_model.hpp"

namespace tuijie::page {

double GlyphRun::width() const {
  double w = 0;
  for (uint32_t g : glyphs) {
    w += face->advance_pt(g, size) + char_spacing;
  }
  return w;
}

namespace {

void blacken(Color& color) {
  if (color.r != color.g || color.g != color.b)
    color = Color{};
}

struct Blacken {
  void operator()(GlyphRun& run) const { blacken(run.color); }
  void operator()(Line& line) const { blacken(line.color); }
  void operator()(Rect& rect) const {
    blacken(rect.stroke_color);
    blacken(rect.fill_color);
  }
  void operator()(Ellipse& ellipse) const { blacken(ellipse.color); }
  void operator()(ImageItem&) const {}
  void operator()(FilledAreas& fills) const { blacken(fills.color); }
};

}  // namespace

void print_in_black(PagedDocument& document) {
  for (Page& page : document.pages) {
    for (Item& item : page.items)
      std::visit(Blacken{}, item);
  }
}

}  // namespace tuijie::page
