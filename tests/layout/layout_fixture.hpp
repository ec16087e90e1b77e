// Shared set-up for layout tests: the project's font manifest, loaded once.
#pragma once

#include <memory>
#include <string>

#include "core/utf8.hpp"
#include "fonts/font_set.hpp"
#include "layout/document_model.hpp"
#include "layout/layout_engine.hpp"

namespace tuijie::testing {

inline std::shared_ptr<const fonts::FontSet> project_fonts() {
  static auto fonts = fonts::FontSet::load(TUIJIE_TEST_FONTS);
  return fonts;
}

inline layout::Style body_style(double size = 10.5, double min_size = 0) {
  layout::Style s;
  s.chain = project_fonts()->chain("song");
  s.size = size;
  s.leading = 1.4;
  s.min_size = min_size;
  return s;
}

inline layout::Paragraph para(const std::string& text, const std::string& label = "",
                              double min_size = 0) {
  layout::Paragraph p;
  p.style = body_style(10.5, min_size);
  p.text = text;
  p.label = label;
  return p;
}

/// All text drawn on a page, in drawing order.
inline std::string page_text(const page::Page& page) {
  std::u32string out;
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<page::GlyphRun>(&item))
      out += run->text;
  }
  return utf8::encode(out);
}

inline std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n')
      out += c;
  }
  return out;
}

}  // namespace tuijie::testing
