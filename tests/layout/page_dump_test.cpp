// The page dump the golden documents are compared by: one line per item, lengths in mm to
// 0.01 mm, text joined into lines, QR modules as one checksummed line.
#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "fonts/font_face.hpp"
#include "layout/page_dump.hpp"

using namespace tuijie;

namespace {

std::shared_ptr<const fonts::FontFace> dejavu() {
  static const auto face = fonts::FontFace::open("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  return face;
}

page::GlyphRun run(const std::u32string& text, double x, double y = 100) {
  page::GlyphRun r;
  r.face = dejavu().get();
  r.size = 10;
  r.x = x;
  r.y = y;
  r.text = text;
  for (char32_t c : text)
    r.glyphs.push_back(r.face->glyph_for(c));
  return r;
}

std::vector<std::string> lines_of(const std::string& dump) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < dump.size()) {
    const std::size_t end = dump.find('\n', start);
    lines.push_back(dump.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("the page dump gives lengths in mm to 0.01 mm and one line per item") {
  page::Page p;
  p.width = mm_to_pt(210);
  p.height = mm_to_pt(297);
  p.items.push_back(page::Line{mm_to_pt(10), mm_to_pt(20.004), mm_to_pt(-0.006), mm_to_pt(20),
                               mm_to_pt(0.2), page::Color{}, true});
  page::Rect box;
  box.x = mm_to_pt(1);
  box.y = mm_to_pt(2);
  box.w = mm_to_pt(3);
  box.h = mm_to_pt(4);
  box.fill = true;
  box.fill_color = {0.9, 0.9, 0.9};
  p.items.push_back(box);
  page::Ellipse seal;
  seal.cx = mm_to_pt(50);
  seal.cy = mm_to_pt(60);
  seal.rx = seal.ry = mm_to_pt(21);
  seal.color = {1, 0, 0};
  p.items.push_back(seal);
  p.fields.push_back({"name", mm_to_pt(5), mm_to_pt(6), mm_to_pt(7), mm_to_pt(8)});
  CHECK(lines_of(layout::dump_pages({p})) ==
        std::vector<std::string>{
            "page 1 210.00x297.00", "line 10.00 20.00 -0.01 20.00 w=0.20 dashed",
            "rect 1.00 2.00 3.00 4.00 w=0.18 fill=#e6e6e6",
            "ellipse 50.00 60.00 21.00 21.00 w=0.18 #ff0000", "field name 5.00 6.00 7.00 8.00"});
}

TEST_CASE("glyph runs that follow one another on a baseline are one line of text") {
  page::Page p;
  const page::GlyphRun first = run(U"ab\"c", 20);
  p.items.push_back(first);
  p.items.push_back(run(U"de", first.x + first.width()));  // where the first ends
  p.items.push_back(run(U"far", 300));                     // same baseline, far away
  p.items.push_back(run(U"next", 20, 120));                // next baseline
  const auto lines = lines_of(layout::dump_pages({p}));
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].starts_with("text 7.06 "));
  CHECK(lines[1].ends_with(" 10.00pt \"ab\\\"cde\" [DejaVu Sans]"));
  CHECK(lines[2].find("\"far\"") != std::string::npos);
  CHECK(lines[3].find("\"next\"") != std::string::npos);
}

TEST_CASE("a QR code's modules are one line whose checksum follows their positions") {
  const auto dump_modules = [](double shift) {
    page::Page p;
    for (int i = 0; i < 20; ++i) {
      page::Rect module;
      module.x = mm_to_pt(100 + (i % 5) * 0.5);
      module.y = mm_to_pt(200 + (i / 5) * 0.5 + shift);
      module.w = module.h = mm_to_pt(0.5);
      module.stroke = false;
      module.fill = true;
      module.fill_color = {0, 0, 0};
      p.items.push_back(module);
    }
    return lines_of(layout::dump_pages({p}));
  };
  const auto at = dump_modules(0);
  REQUIRE(at.size() == 2);
  CHECK(at[1].starts_with("fills 20 100.00 200.00 2.50 2.00 #"));
  const auto moved = dump_modules(0.01);
  REQUIRE(moved.size() == 2);
  CHECK(moved[1] != at[1]);
}
