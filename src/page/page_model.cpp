#include "page/page_model.hpp"

namespace tuijie::page {

double GlyphRun::width() const {
  double w = 0;
  for (uint32_t g : glyphs) {
    w += face->advance_pt(g, size) + char_spacing;
  }
  return w;
}

}  // namespace tuijie::page
