#include "fonts/font_face.hpp"

#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using tuijie::fonts::FontFace;

namespace {
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kWenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
}  // namespace

TEST_CASE("a TrueType face gives glyphs, advances and descriptor figures") {
  auto face = FontFace::open(kDejaVu);
  REQUIRE(face->units_per_em() == 2048);
  CHECK(face->postscript_name() == "DejaVuSans");
  uint32_t a = face->glyph_for(U'A');
  REQUIRE(a != 0);
  CHECK(face->advance(a) > 1000);
  CHECK(face->glyph_for(U'\u2611') != 0);  // ☑ for check boxes
  CHECK(face->glyph_for(U'中') == 0);      // no CJK: fallback is per character
  CHECK(face->ascender() > 0);
  CHECK(face->descender() < 0);
  auto bbox = face->bbox();
  CHECK(bbox[0] < bbox[2]);
  CHECK(bbox[1] < bbox[3]);
}

TEST_CASE("a CJK face maps Extension B characters") {
  auto face = FontFace::open(kWenKai);
  CHECK(face->glyph_for(U'\U00020BB7') != 0);  // 𠮷
  CHECK(face->glyph_for(U'中') != 0);
  CHECK(face->hb_face() != nullptr);
}

TEST_CASE("an unreadable font file is an error naming the file") {
  try {
    FontFace::open("/nonexistent/font.ttf");
    FAIL("no error");
  } catch (const tuijie::TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "/nonexistent/font.ttf");
    CHECK(e.diagnostics()[0].code == "font-unreadable");
  }
}
