#include "text_test_support.hpp"

#include "text/utf8.hpp"

namespace tuijie::text::testing {

const fonts::FontSet& project_fonts() {
  static const auto set = fonts::FontSet::load(std::string(TUIJIE_SOURCE_DIR) + "/fonts/fonts.xml");
  return *set;
}

const fonts::FontSet& peer_fonts() {
  static const auto set = fonts::FontSet::load(std::string(TUIJIE_SOURCE_DIR) + "/fonts/peers.xml");
  return *set;
}

TextStyle song(Align align, double size) {
  TextStyle style;
  style.chain = project_fonts().chain("song");
  style.size = size;
  style.align = align;
  return style;
}

std::string utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::u32string utf32(const std::string& text) {
  std::u32string out;
  decode_utf8(text, out);
  return out;
}

std::vector<std::string> line_texts(const ParagraphLayout& layout) {
  std::vector<std::string> out;
  for (const auto& line : layout.lines) {
    out.push_back(utf8(line.text));
  }
  return out;
}

std::string joined(const ParagraphLayout& layout) {
  std::string out;
  for (const auto& line : layout.lines) {
    out += utf8(line.text);
  }
  return out;
}

double ink_right(const LaidLine& line) {
  if (line.runs.empty()) {
    return 0;
  }
  const layout::GlyphRun& run = line.runs.back();
  double x = run.x;
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    x += run.face->advance_pt(run.glyphs[i], run.size);
    if (i + 1 < run.glyphs.size()) {
      x += run.char_spacing;
    }
  }
  return x;
}

}  // namespace tuijie::text::testing
