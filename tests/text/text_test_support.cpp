#include "text_test_support.hpp"

#include "core/utf8.hpp"

namespace tuijie::text::testing {

const fonts::FontSet& project_fonts() {
  static const auto set = fonts::FontSet::load(TUIJIE_TEST_FONTS);
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
  return tuijie::utf8::encode(text);
}

std::u32string utf32(const std::string& text) {
  std::u32string out;
  tuijie::utf8::decode_into(text, out);
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
  const page::GlyphRun& run = line.runs.back();
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
