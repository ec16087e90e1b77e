#include "fonts/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/diagnostic.hpp"
#include "fake_fonts.hpp"

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

// ---------------------------------------------------------------------------------------------
// OpenType faces with CFF outlines, and the files that cannot be embedded.

namespace {

const char* kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
constexpr unsigned kNotoSerifSc = 2;  // JP, KR, SC, TC, HK

std::string write_temp(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("tuijie-font-face-" + std::to_string(getpid()) + "-" + name))
                               .string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

tuijie::Diagnostic open_error(const std::string& path, unsigned index = 0) {
  try {
    FontFace::open(path, index);
  } catch (const tuijie::TuijieError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics()[0];
  }
  FAIL("no error for " << path);
  return {};
}

struct FreeTypeFace {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  FreeTypeFace(const char* path, long index) {
    REQUIRE(FT_Init_FreeType(&library) == 0);
    REQUIRE(FT_New_Face(library, path, index, &face) == 0);
  }
  ~FreeTypeFace() {
    FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
};

}  // namespace

TEST_CASE("a CID-keyed CFF face of a collection gives its CIDs from the CFF charset") {
  auto face = FontFace::open(kNotoSerif, kNotoSerifSc);
  CHECK(face->outlines() == tuijie::fonts::Outlines::CffCidKeyed);
  CHECK(face->is_cff());
  CHECK(face->postscript_name() == "NotoSerifCJKsc-Regular");
  CHECK(face->family_name() == "Noto Serif CJK SC");
  CHECK(face->units_per_em() == 1000);
  CHECK(face->cid_system_info().registry == "Adobe");
  CHECK(face->cid_system_info().ordering == "Identity");
  CHECK(face->cid_system_info().supplement == 0);
  const uint32_t tian = face->glyph_for(U'天');
  REQUIRE(tian != 0);
  CHECK(face->advance(tian) == 1000);
  CHECK(face->glyph_for(U'\U00020BB7') != 0);  // 𠮷: Noto has it

  // Every glyph's CID as FreeType reads it from the same charset.
  FreeTypeFace ft(kNotoSerif, kNotoSerifSc);
  REQUIRE(static_cast<uint32_t>(ft.face->num_glyphs) == face->glyph_count());
  uint32_t differing = 0;
  for (uint32_t glyph = 0; glyph < face->glyph_count(); ++glyph) {
    FT_UInt cid = 0;
    REQUIRE(FT_Get_CID_From_Glyph_Index(ft.face, glyph, &cid) == 0);
    differing += face->cid_of(glyph) != cid;
    differing += glyph != 0 && face->glyph_of_cid(cid) != glyph;
  }
  CHECK(differing == 0);
}

TEST_CASE("a CFF face is never preprocessed for subsetting") {
  // hb_subset_preprocess takes 1.5-2.4 s and ≈ 500 MB on a Noto Serif CJK face.
  auto face = FontFace::open(kNotoSerif, kNotoSerifSc);
  const auto start = std::chrono::steady_clock::now();
  CHECK(face->hb_face() != nullptr);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took < std::chrono::milliseconds(100));
}

TEST_CASE("a TrueType face stays a TrueType face with glyph ids for CIDs") {
  auto face = FontFace::open(kDejaVu);
  CHECK(face->outlines() == tuijie::fonts::Outlines::TrueType);
  CHECK(!face->is_cff());
  const uint32_t a = face->glyph_for(U'A');
  CHECK(face->cid_of(a) == a);
  CHECK(face->glyph_of_cid(a) == a);
}

TEST_CASE("fonts that cannot be embedded are refused, naming the file") {
  struct Case {
    std::string name, bytes, code;
  };
  const Case cases[] = {
      {"variable.otf", tuijie::testing::fake_cff2_font(), "font-cff2"},
      {"bitmap.ttf", tuijie::testing::fake_bitmap_font(), "font-bitmap"},
      {"web.woff2", tuijie::testing::fake_woff2_font(), "font-web"},
      {"damaged.otf", tuijie::testing::fake_damaged_cff_font(), "font-unreadable"},
      {"text.ttf", "this is not a font", "font-unreadable"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string path = write_temp(c.name, c.bytes);
    const tuijie::Diagnostic d = open_error(path);
    CHECK(d.code == c.code);
    CHECK(d.file == path);
    CHECK(d.category == tuijie::Category::Data);
    CHECK(!d.reason_zh.empty());
    CHECK(!d.reason_en.empty());
    CHECK_THROWS_AS(FontFace::check_usable(path), tuijie::TuijieError);
    std::filesystem::remove(path);
  }
  // A face number the collection does not have.
  const tuijie::Diagnostic beyond = open_error(kNotoSerif, 5);
  CHECK(beyond.code == "font-unreadable");
  CHECK(beyond.file == kNotoSerif);
  CHECK_NOTHROW(FontFace::check_usable(kNotoSerif, 4));
}
